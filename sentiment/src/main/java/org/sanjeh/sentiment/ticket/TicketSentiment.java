package org.sanjeh.sentiment.ticket;

import java.util.List;
import org.sanjeh.sentiment.Sentiment;

/**
 * A ticket's sentiment from its customer messages in time order: {@code level} is the mean message
 * score weighted by each message's token count (a long complaint outweighs a one-word "ok"); {@code
 * trend} is the last message's score minus the first's (positive: the customer left happier than
 * they came). Unscored messages (a language no model reads, nothing left after cleaning) do not
 * count; a ticket with none has no sentiment.
 */
public record TicketSentiment(
    double level, double trend, double firstScore, double lastScore, int messages) {

  public static java.util.Optional<TicketSentiment> of(List<Sentiment> inTimeOrder) {
    List<Sentiment> scored =
        inTimeOrder.stream().filter(s -> s.scored() && s.detail().tokens() > 0).toList();
    if (scored.isEmpty()) {
      return java.util.Optional.empty();
    }
    double weighted = 0;
    long tokens = 0;
    for (Sentiment message : scored) {
      weighted += message.score() * message.detail().tokens();
      tokens += message.detail().tokens();
    }
    double first = scored.get(0).score();
    double last = scored.get(scored.size() - 1).score();
    return java.util.Optional.of(
        new TicketSentiment(weighted / tokens, last - first, first, last, scored.size()));
  }
}
