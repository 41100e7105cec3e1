package org.sanjeh.sentiment.eval;

/**
 * One root of the Stanford Sentiment Treebank: its text (leaves joined by spaces, brackets
 * restored), its gold class 0–4, and the model's root probabilities on the gold tree and on the
 * shift-reduce parse of the raw text.
 */
record SstSentence(String text, int gold, double[] onGoldTree, double[] onParse) {}
