package org.sanjeh.sentiment.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where the Stanford Sentiment Treebank is and how much of it to read. */
final class SstOptions {

  @Option(
      names = "--sst",
      defaultValue = "../shared/data/sst",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description = "Folder with the SST files (dev.txt, test.txt).")
  Path folder;

  @Option(
      names = "--limit",
      defaultValue = "0",
      showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
      description = "Only the first N sentences (0: all).")
  int limit;
}
