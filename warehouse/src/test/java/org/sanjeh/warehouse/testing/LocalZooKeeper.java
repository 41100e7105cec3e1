package org.sanjeh.warehouse.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.sanjeh.testbed.LocalProcesses;

/**
 * A standalone ZooKeeper (the Debian {@code zookeeper} package's jar, 3.8) as its own Java process
 * on a free loopback port, for replicated ClickHouse tables in tests. A short tick lets ClickHouse
 * ask for short sessions, so a killed server's session ends within seconds, not half a minute.
 */
public final class LocalZooKeeper implements AutoCloseable {

  private static final Path JAR = Path.of("/usr/share/java/zookeeper.jar");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Path home;
  private final int port;
  private final Process process;

  private LocalZooKeeper(Path home, int port, Process process) {
    this.home = home;
    this.port = port;
    this.process = process;
  }

  public static LocalZooKeeper start(Path home) throws IOException {
    if (!Files.exists(JAR)) {
      throw new IOException(
          JAR + " is missing: install the Debian package with apt-get install -y zookeeper");
    }
    Files.createDirectories(home.resolve("data"));
    int port = LocalProcesses.freePort();
    Files.writeString(
        home.resolve("zoo.cfg"),
        String.join(
            "\n",
            "tickTime=500",
            "minSessionTimeout=1000",
            "dataDir=" + home.resolve("data"),
            "clientPort=" + port,
            "clientPortAddress=127.0.0.1",
            "admin.enableServer=false",
            "maxClientCnxns=0",
            ""));
    Process process =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m",
                "-cp",
                JAR.toString(),
                "org.apache.zookeeper.server.ZooKeeperServerMain",
                home.resolve("zoo.cfg").toString())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("zookeeper.log").toFile())
            .start();
    LocalZooKeeper zooKeeper = new LocalZooKeeper(home, port, process);
    zooKeeper.awaitListening();
    return zooKeeper;
  }

  public int port() {
    return port;
  }

  private void awaitListening() throws IOException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException(
            "ZooKeeper exited while starting:\n"
                + LocalProcesses.logTail(home, List.of("zookeeper.log")));
      }
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        LocalProcesses.sleep(Duration.ofMillis(100), "ZooKeeper");
      }
    }
    process.destroyForcibly();
    throw new IOException("ZooKeeper did not listen on port " + port + " within 30 s");
  }

  @Override
  public void close() {
    LocalProcesses.terminate(process.pid(), Duration.ofSeconds(10), false);
  }
}
