package org.sanjeh.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.sanjeh.testbed.Checkout;

/**
 * How a module's commands run in a JVM of their own, with the module's own jar and dependencies
 * (Spring Boot, Flink and Spark do not share one class path). The module's {@code main} parses the
 * same picocli declarations the root CLI printed help from, so every option is declared once.
 *
 * @param name for messages
 * @param command the java command line without the command's arguments
 */
public record ModuleJvm(String name, Function<Checkout, List<String>> command) {

  /** A Spring Boot module: {@code java -jar MODULE/target/sanjeh-MODULE-VERSION-exec.jar}. */
  public static ModuleJvm execJar(String module) {
    return new ModuleJvm(
        module,
        checkout ->
            List.of(
                java(),
                root(checkout),
                "-jar",
                Checkout.built(checkout.execJar(module)).toString()));
  }

  /**
   * A plain module: {@code java -cp MODULE/target/sanjeh-MODULE-VERSION.jar:MODULE/target/lib/*
   * MAIN}, with {@code jvmOptions} first.
   */
  public static ModuleJvm classpath(String module, String mainClass, String... jvmOptions) {
    return classpath(module, List.of(), mainClass, jvmOptions);
  }

  /** As {@link #classpath(String, String, String...)}, with more modules' {@code target/lib}. */
  public static ModuleJvm classpath(
      String module, List<String> moreLibs, String mainClass, String... jvmOptions) {
    return new ModuleJvm(
        module,
        checkout -> {
          StringBuilder classpath =
              new StringBuilder(Checkout.built(checkout.jar(module)).toString());
          classpath.append(':').append(checkout.lib(module)).append("/*");
          for (String lib : moreLibs) {
            classpath.append(':').append(Checkout.built(checkout.lib(lib))).append("/*");
          }
          List<String> command = new ArrayList<>(List.of(java(), root(checkout)));
          for (String option : jvmOptions) {
            command.add(option.replace("${root}", checkout.root().toString()));
          }
          command.addAll(List.of("-cp", classpath.toString(), mainClass));
          return command;
        });
  }

  /** The full command line for {@code arguments}. */
  public List<String> commandLine(Checkout checkout, List<String> arguments) {
    List<String> line = new ArrayList<>(command.apply(checkout));
    line.addAll(arguments);
    return line;
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String root(Checkout checkout) {
    return "-Dsanjeh.root=" + checkout.root();
  }
}
