package org.sanjeh.batch.spark;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.sanjeh.sentiment.english.CoreNlpEnglishModel;

/**
 * The batch jobs' logs are quiet by default ({@code log4j2.properties}: Spark, Hadoop and CoreNLP
 * at WARN, the jobs' progress lines on stderr). {@link #verbose()} turns the libraries' INFO lines
 * back on, for {@code --verbose} or {@code SANJEH_BATCH_VERBOSE=true}.
 */
public final class Logs {

  private static final String[] LIBRARIES = {
    "org.apache.spark", "org.apache.hadoop", "org.sparkproject.jetty", "edu.stanford.nlp"
  };

  private Logs() {}

  /** INFO for Spark, Hadoop and CoreNLP (CoreNLP's own start-up lines included) in this JVM. */
  public static void verbose() {
    for (String library : LIBRARIES) {
      Configurator.setLevel(library, Level.INFO);
    }
    System.setProperty(CoreNlpEnglishModel.VERBOSE_PROPERTY, "true");
  }
}
