package org.sanjeh.cli;

import java.util.ArrayList;
import java.util.List;

/** What Flink's own launcher opens on Java 17 (the distribution's env.java.opts.all). */
final class Flink {

  private static final List<String> OPENS =
      List.of(
          "java.util",
          "java.lang",
          "java.net",
          "java.io",
          "java.nio",
          "sun.nio.ch",
          "java.lang.reflect",
          "java.text",
          "java.time",
          "java.util.concurrent",
          "java.util.concurrent.atomic",
          "java.util.concurrent.locks");

  private Flink() {}

  /** The JVM options of a local MiniCluster: the opens, {@code heap}, the local log config. */
  static String[] jvmOptions(String heap) {
    List<String> options = new ArrayList<>();
    OPENS.forEach(p -> options.add("--add-opens=java.base/" + p + "=ALL-UNNAMED"));
    options.add(heap);
    options.add("-Dlog4j2.configurationFile=${root}/streaming/config/log4j2-local.xml");
    return options.toArray(String[]::new);
  }
}
