package org.sanjeh.sentiment.eval;

/**
 * One root of the Stanford Sentiment Treebank: its text (leaves joined by spaces, brackets
 * restored), its gold class 0–4, the model's root probabilities on the gold tree and on the
 * shift-reduce parse of the raw text, and how the model did on every phrase of the gold tree.
 */
record SstSentence(
    String text, int gold, double[] onGoldTree, double[] onParse, PhraseCounts phrases) {

  /**
   * Over the gold tree's phrases (every node but the leaves, the root included): how many, how many
   * got the arg-max class right, how many have a non-neutral gold class and of those how many the
   * model puts on the right side (more negative than positive probability mass, or the reverse):
   * the paper's "all phrases" figures.
   */
  record PhraseCounts(int phrases, int fineCorrect, int nonNeutral, int binaryCorrect) {}
}
