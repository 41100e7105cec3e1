package org.sanjeh.sentiment.english;

/**
 * One loaded CoreNLP per test JVM: loading takes tens of seconds, and CoreNLP's annotator pool
 * would share the models anyway.
 */
public final class EnglishModels {

  private static CoreNlpEnglishModel capped;

  private EnglishModels() {}

  public static synchronized CoreNlpEnglishModel standard() {
    if (capped == null) {
      capped = new CoreNlpEnglishModel(CoreNlpEnglishModel.DEFAULT_SENTENCE_CAP);
    }
    return capped;
  }
}
