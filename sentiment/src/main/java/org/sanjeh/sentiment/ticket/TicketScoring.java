package org.sanjeh.sentiment.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sanjeh.sentiment.Label;
import org.sanjeh.sentiment.ModelId;
import org.sanjeh.sentiment.SentenceScore;
import org.sanjeh.sentiment.Sentiment;
import org.sanjeh.sentiment.SentimentModel;
import org.sanjeh.sentiment.SentimentScorer;
import org.sanjeh.sentiment.TextScore;
import org.sanjeh.sentiment.cache.MemoryScoreCache;

/**
 * Scores the customer messages of tickets, in the shape the batch job stores: what a Spark
 * partition (or any other caller) hands over is each ticket's customer messages in time order, each
 * with the answer a previous run stored for it, if any. A previous answer is reused when its key is
 * the key this run would compute (same model version, same cleaned text); identical texts are
 * scored once per instance; everything else goes to the models.
 */
public final class TicketScoring {

  /** A customer message, with the previous run's stored answer ({@code previousKey} "" if none). */
  public record Message(String eventId, String text, String previousKey, TextScore previous) {}

  /** A ticket's answers: one per message, in order, and the ticket's own. */
  public record Result(
      List<Sentiment> messages, Optional<TicketSentiment> ticket, Label label, String models) {}

  private final MemoryScoreCache cache = new MemoryScoreCache();
  private final SentimentScorer scorer = SentimentScorer.standard(cache);

  public Result score(List<Message> inTimeOrder) {
    for (Message message : inTimeOrder) {
      if (!message.previousKey().isEmpty()) {
        cache.putKey(message.previousKey(), message.previous());
      }
    }
    List<Sentiment> answers = new ArrayList<>(inTimeOrder.size());
    for (Message message : inTimeOrder) {
      answers.add(scorer.score(message.text()));
    }
    Optional<TicketSentiment> ticket = TicketSentiment.of(answers);
    List<ModelId> models = answers.stream().flatMap(a -> a.model().stream()).distinct().toList();
    Label label =
        ticket.map(t -> labelModel(answers).thresholds().label(t.level())).orElse(Label.NEUTRAL);
    return new Result(
        answers,
        ticket,
        label,
        models.stream().map(ModelId::toString).sorted().collect(Collectors.joining(",")));
  }

  /** The English model's thresholds when a ticket mixes languages, else its one model's. */
  private SentimentModel labelModel(List<Sentiment> answers) {
    List<String> languages =
        answers.stream().filter(Sentiment::scored).map(Sentiment::language).distinct().toList();
    String language = languages.size() == 1 ? languages.get(0) : "en";
    return scorer.modelFor(language).orElseThrow();
  }

  /** Sentence scores as stored: comma-separated, exact ({@link Double#toString}). */
  public static String sentenceScores(TextScore score) {
    return score.sentences().stream()
        .map(s -> Double.toString(s.score()))
        .collect(Collectors.joining(","));
  }

  public static String sentenceTokens(TextScore score) {
    return score.sentences().stream()
        .map(s -> Integer.toString(s.tokens()))
        .collect(Collectors.joining(","));
  }

  /** A stored answer read back; its cut tokens are carried on the first sentence. */
  public static TextScore stored(
      double score, String sentenceScores, String sentenceTokens, int cutTokens) {
    List<SentenceScore> sentences = new ArrayList<>();
    if (!sentenceScores.isEmpty()) {
      String[] scores = sentenceScores.split(",");
      String[] tokens = sentenceTokens.split(",");
      if (scores.length != tokens.length) {
        throw new IllegalArgumentException(
            "stored sentence scores and token counts differ in number: %d and %d"
                .formatted(scores.length, tokens.length));
      }
      for (int i = 0; i < scores.length; i++) {
        sentences.add(
            new SentenceScore(
                Double.parseDouble(scores[i]),
                Integer.parseInt(tokens[i]),
                i == 0 ? cutTokens : 0));
      }
    }
    return new TextScore(score, sentences);
  }
}
