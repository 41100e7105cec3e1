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
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("sanjeh.flink.opens", "").split("\\s+")));
    command.removeIf(String::isBlank);
    command.addAll(
        List.of(
            "-Xmx768m",
            "-cp",
            System.getProperty("java.class.path"),
            StreamingCli.class.getName(),
            "run"));
    command.addAll(Arrays.asList(runOptions));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    env.put("SANJEH_CLICKHOUSE_HOST", warehouse.host());
    env.put("SANJEH_CLICKHOUSE_HTTP_PORT", Integer.toString(warehouse.httpPort()));
    env.put("SANJEH_CLICKHOUSE_USER", warehouse.user());
    env.put("SANJEH_CLICKHOUSE_PASSWORD", warehouse.password());
    env.put("SANJEH_CLICKHOUSE_DATABASE", warehouse.database());
    return new JobProcess(builder.start(), log);
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
