package org.sanjeh.sentiment;

/**
 * A model for one language: it scores text that is already cleaned and known to be its language.
 */
public interface SentimentModel {

  ModelId id();

  Thresholds thresholds();

  TextScore score(String cleanedText);
}
