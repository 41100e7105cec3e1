package org.sanjeh.sentiment.english;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.logging.RedwoodConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.ejml.simple.SimpleMatrix;
import org.sanjeh.sentiment.ModelId;
import org.sanjeh.sentiment.SentenceScore;
import org.sanjeh.sentiment.SentimentModel;
import org.sanjeh.sentiment.TextScore;
import org.sanjeh.sentiment.Thresholds;
import org.sanjeh.sentiment.text.TextCleaner;

/**
 * Stanford CoreNLP's sentiment model (the recursive neural tensor network of Socher et al. 2013)
 * over shift-reduce parses. Each sentence's score is the expectation of its root's five class
 * probabilities with weights -1, -0.5, 0, 0.5, 1; a text's score is the token-weighted mean.
 *
 * <p>Two pipelines run in turn: tokenize + ssplit, then (after the sentence cap cuts long
 * sentences) pos + parse + sentiment. CoreNLP keeps one pool of loaded annotators per JVM, so every
 * instance shares the same models; building the first one loads them (tens of seconds), which is
 * why callers build this lazily. Not serializable and not to be shipped from a Spark driver: build
 * one per JVM.
 */
public final class CoreNlpEnglishModel implements SentimentModel {

  public static final String NAME = "corenlp-sentiment-sr";
  public static final String CORENLP_VERSION = "4.5.10";

  /**
   * System property: {@code true} keeps CoreNLP's own INFO lines ("Adding annotator …", model
   * loading); otherwise only its errors are printed.
   */
  public static final String VERBOSE_PROPERTY = "sanjeh.corenlp.verbose";

  /** Tokens a sentence keeps by default; the rest of a longer sentence is not read. */
  public static final int DEFAULT_SENTENCE_CAP = 80;

  /**
   * Chosen on SST dev by {@code sentiment thresholds} (module README, "Thresholds"): the pair that
   * maximises 3-class macro-F1 of the sentence score against the dev roots' gold labels.
   */
  public static final Thresholds SST_DEV_THRESHOLDS = new Thresholds(-0.17, 0.25);

  private static final double[] CLASS_WEIGHTS = {-1, -0.5, 0, 0.5, 1};
  private static final String SHIFT_REDUCE_MODEL =
      "edu/stanford/nlp/models/srparser/englishSR.ser.gz";

  private final int sentenceCap;
  private final ModelId id;
  private final StanfordCoreNLP splitter;
  private final StanfordCoreNLP analyser;

  /**
   * Loads the models (slow the first time in a JVM). {@code sentenceCap} 0 reads every token: the
   * plain CoreNLP baseline.
   */
  public CoreNlpEnglishModel(int sentenceCap) {
    if (sentenceCap < 0) {
      throw new IllegalArgumentException(
          "sentence cap must be 0 (none) or positive: " + sentenceCap);
    }
    this.sentenceCap = sentenceCap;
    this.id = modelId(sentenceCap);
    if (!Boolean.getBoolean(VERBOSE_PROPERTY)) {
      RedwoodConfiguration.errorLevel().apply();
    }
    this.splitter = new StanfordCoreNLP(properties("tokenize,ssplit"), false);
    this.analyser = new StanfordCoreNLP(properties("pos,parse,sentiment"), false);
  }

  /** The id a model with this cap has, known without loading anything. */
  public static ModelId modelId(int sentenceCap) {
    String cap = sentenceCap == 0 ? "nocap" : "cap" + sentenceCap;
    return new ModelId(
        NAME, CORENLP_VERSION + "+englishSR+" + TextCleaner.VERSION + "+" + cap + "+sstdev1");
  }

  @Override
  public ModelId id() {
    return id;
  }

  @Override
  public Thresholds thresholds() {
    return SST_DEV_THRESHOLDS;
  }

  @Override
  public TextScore score(String cleanedText) {
    List<SentenceScore> scores = new ArrayList<>();
    for (Sentence sentence : analyse(cleanedText)) {
      scores.add(
          new SentenceScore(
              expectedScore(sentence.probabilities()), sentence.tokens(), sentence.cut()));
    }
    return TextScore.lengthWeighted(scores);
  }

  /**
   * The five class probabilities at the root of each sentence of {@code text} (very negative … very
   * positive), with its token count: what the evaluation needs beyond the score.
   */
  public List<Sentence> analyse(String text) {
    if (text.isBlank()) {
      return List.of();
    }
    Annotation document = new Annotation(text);
    splitter.annotate(document);
    List<Integer> cut = capSentences(document);
    analyser.annotate(document);
    List<CoreMap> sentences = document.get(CoreAnnotations.SentencesAnnotation.class);
    List<Sentence> result = new ArrayList<>(sentences.size());
    for (int i = 0; i < sentences.size(); i++) {
      CoreMap sentence = sentences.get(i);
      Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
      int tokens = sentence.get(CoreAnnotations.TokensAnnotation.class).size();
      result.add(new Sentence(probabilities(tree), tokens, cut.get(i)));
    }
    return result;
  }

  /** One parsed sentence: its root's class probabilities, tokens read and tokens cut. */
  public record Sentence(double[] probabilities, int tokens, int cut) {}

  /** The root's five class probabilities as predicted by the model (after forward propagation). */
  public static double[] probabilities(Tree tree) {
    SimpleMatrix predictions = RNNCoreAnnotations.getPredictions(tree);
    double[] probabilities = new double[CLASS_WEIGHTS.length];
    for (int k = 0; k < probabilities.length; k++) {
      probabilities[k] = predictions.get(k);
    }
    return probabilities;
  }

  /** The expectation of the five class probabilities under weights -1, -0.5, 0, 0.5, 1. */
  public static double expectedScore(double[] probabilities) {
    double score = 0;
    for (int k = 0; k < CLASS_WEIGHTS.length; k++) {
      score += CLASS_WEIGHTS[k] * probabilities[k];
    }
    return score;
  }

  /** Keeps the first {@code sentenceCap} tokens of each sentence; returns how many each lost. */
  private List<Integer> capSentences(Annotation document) {
    List<CoreMap> sentences = document.get(CoreAnnotations.SentencesAnnotation.class);
    List<Integer> cut = new ArrayList<>(sentences.size());
    for (CoreMap sentence : sentences) {
      List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
      if (sentenceCap > 0 && tokens.size() > sentenceCap) {
        cut.add(tokens.size() - sentenceCap);
        sentence.set(
            CoreAnnotations.TokensAnnotation.class,
            new ArrayList<>(tokens.subList(0, sentenceCap)));
      } else {
        cut.add(0);
      }
    }
    return cut;
  }

  private static Properties properties(String annotators) {
    Properties properties = new Properties();
    properties.setProperty("annotators", annotators);
    properties.setProperty("parse.model", SHIFT_REDUCE_MODEL);
    // A blank line separates sentences in e-mail and chat even without a full stop.
    properties.setProperty("ssplit.newlineIsSentenceBreak", "two");
    return properties;
  }
}
