package org.sanjeh.streaming.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.sanjeh.streaming.StreamingCli;
import org.sanjeh.warehouse.WarehouseConfig;

/**
 * The SLA job ({@code StreamingCli run}) in a JVM of its own, on its own MiniCluster, as {@code
 * ./sanjeh streaming start} runs it, so that a test can kill it the hard way (SIGKILL: no clean
 * stop, no final flush, no last checkpoint).
 */
public final class JobProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private JobProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  public static JobProcess start(WarehouseConfig warehouse, Path log, String... runOptions)
      throws IOException {
    List<String> arguments = new ArrayList<>(List.of("run"));
    arguments.addAll(Arrays.asList(runOptions));
    return java(
        List.of("-Xmx768m", "-cp", System.getProperty("java.class.path")),
        StreamingCli.class.getName(),
        arguments,
        warehouse.toEnvironment(),
        log);
  }

  /**
   * Any Java program in a JVM of its own, with Flink's {@code --add-opens} flags, this JVM's Java,
   * {@code environment} added to this process's, and its output appended to {@code log}.
   */
  public static JobProcess java(
      List<String> jvmOptions,
      String mainClass,
      List<String> arguments,
      Map<String, String> environment,
      Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("sanjeh.flink.opens", "").split("\\s+")));
    command.removeIf(String::isBlank);
    command.addAll(jvmOptions);
    command.add(mainClass);
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    return new JobProcess(builder.start(), log);
  }

  /** Waits up to {@code timeout} for the program to end; its exit code, or -1 if it still runs. */
  public int waitFor(java.time.Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  /** SIGKILL, as a crash of the machine or an OOM kill would. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String output() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
