package org.sanjeh.batch;

import picocli.CommandLine;

/** {@code batch …}: the entry point of the local CLI and of the spark-submit job jar. */
public final class BatchMain {

  private BatchMain() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new BatchCommand()).execute(args));
  }
}
