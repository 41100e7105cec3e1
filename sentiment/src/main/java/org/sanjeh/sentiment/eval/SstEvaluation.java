package org.sanjeh.sentiment.eval;

import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.sentiment.Evaluate;
import edu.stanford.nlp.sentiment.SentimentModel;
import edu.stanford.nlp.sentiment.SentimentUtils;
import edu.stanford.nlp.trees.Tree;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.sanjeh.sentiment.english.CoreNlpEnglishModel;

/**
 * Runs CoreNLP's sentiment model over an SST file twice: on the treebank's own (gold) trees, the
 * set-up of the published figures, and on shift-reduce parses of the raw sentences, which is what
 * Sanjeh does with a customer's text.
 */
public final class SstEvaluation {

  private static final String SENTIMENT_MODEL =
      "edu/stanford/nlp/models/sentiment/sentiment.ser.gz";
  private static final int PROGRESS_EVERY = 500;

  private SstEvaluation() {}

  /** Reads up to {@code limit} roots (0: all) of {@code file} and scores them both ways. */
  static List<SstSentence> run(
      Path file, int limit, CoreNlpEnglishModel parser, PrintWriter progress) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "no SST file at %s: pass the folder holding dev.txt and test.txt with --sst"
              .formatted(file));
    }
    List<Tree> trees = SentimentUtils.readTreesWithGoldLabels(file.toString());
    if (limit > 0 && trees.size() > limit) {
      trees = new ArrayList<>(trees.subList(0, limit));
    }
    SentimentModel model = SentimentModel.loadSerialized(SENTIMENT_MODEL);
    new Evaluate(model).populatePredictedLabels(trees);
    List<SstSentence> sentences = new ArrayList<>(trees.size());
    for (Tree tree : trees) {
      String text = text(tree);
      sentences.add(
          new SstSentence(
              text,
              RNNCoreAnnotations.getGoldClass(tree),
              CoreNlpEnglishModel.probabilities(tree),
              meanProbabilities(parser.analyse(text)),
              phraseCounts(tree)));
      if (sentences.size() % PROGRESS_EVERY == 0) {
        progress.printf("  %,d of %,d sentences parsed%n", sentences.size(), trees.size());
        progress.flush();
      }
    }
    return sentences;
  }

  /** The model's phrase-level results on one gold tree (its predictions already populated). */
  static SstSentence.PhraseCounts phraseCounts(Tree tree) {
    int phrases = 0;
    int fineCorrect = 0;
    int nonNeutral = 0;
    int binaryCorrect = 0;
    for (Tree node : tree) {
      if (node.isLeaf()) {
        continue;
      }
      int gold = RNNCoreAnnotations.getGoldClass(node);
      double[] p = CoreNlpEnglishModel.probabilities(node);
      phrases++;
      fineCorrect += SstReport.argmax(p) == gold ? 1 : 0;
      if (gold != 2) {
        nonNeutral++;
        binaryCorrect += SstReport.positiveSide(p) == (gold > 2) ? 1 : 0;
      }
    }
    return new SstSentence.PhraseCounts(phrases, fineCorrect, nonNeutral, binaryCorrect);
  }

  static String text(Tree tree) {
    return tree.yieldWords().stream()
        .map(word -> word.word().replace("-LRB-", "(").replace("-RRB-", ")"))
        .collect(Collectors.joining(" "));
  }

  /** A sentence the splitter cut in two gets its parts' token-weighted mean probabilities. */
  private static double[] meanProbabilities(List<CoreNlpEnglishModel.Sentence> parts) {
    double[] mean = new double[5];
    int tokens = 0;
    for (CoreNlpEnglishModel.Sentence part : parts) {
      for (int k = 0; k < mean.length; k++) {
        mean[k] += part.probabilities()[k] * part.tokens();
      }
      tokens += part.tokens();
    }
    for (int k = 0; k < mean.length; k++) {
      mean[k] = tokens == 0 ? (k == 2 ? 1 : 0) : mean[k] / tokens;
    }
    return mean;
  }
}
