package org.sanjeh.batch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where models live and how large the model-selection grid is. */
public final class ModelOptions {

  @Option(
      names = "--models",
      description =
          "Folder of trained models, one versioned subfolder each (default: ${DEFAULT-VALUE}).",
      defaultValue = "var/models")
  public Path models;

  @Option(
      names = "--quick",
      description =
          "Model selection over one logistic regression and one GBT instead of two of each (default: ${DEFAULT-VALUE}).",
      defaultValue = "false")
  public boolean quick;

  @Option(
      names = "--trees",
      description = "Trees per gradient-boosted candidate (default: ${DEFAULT-VALUE}).",
      defaultValue = "30")
  public int trees;
}
