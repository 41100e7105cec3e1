package org.sanjeh.devtools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The same APIs under wrk (C, light on CPU): what a server sustains when the load generator does
 * not take half of the machine. Closed loop: CONNECTIONS requests in flight.
 */
final class Wrk {

  private static final Pattern SUMMARY =
      Pattern.compile(".*(Latency|50%|90%|99%|Requests/sec|Non-2xx|Socket errors).*");

  private Wrk() {}

  static boolean installed() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, "wrk"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs {@code script} (from devtools/bench) with {@code prelude} prepended; prints wrk's summary
   * lines and, if {@code eventsPerRequest} is positive, the events per second they mean.
   */
  static void run(
      Path script,
      String prelude,
      String baseUrl,
      int connections,
      int seconds,
      boolean latency,
      int eventsPerRequest)
      throws IOException, InterruptedException {
    Path runScript = Files.createTempFile("sanjeh-wrk", ".lua");
    try {
      Files.writeString(runScript, prelude + Files.readString(script, StandardCharsets.UTF_8));
      List<String> command =
          new ArrayList<>(
              List.of(
                  "wrk",
                  "-t1",
                  "-c" + connections,
                  "-d" + seconds + "s",
                  "-s",
                  runScript.toString()));
      if (latency) {
        command.add("--latency");
      }
      command.add(baseUrl);
      Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(wrk.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (!latency && eventsPerRequest == 0) {
            continue; // a warm-up: nothing to report
          }
          if (SUMMARY.matcher(line).matches()) {
            System.out.println(line);
            if (eventsPerRequest > 0 && line.contains("Requests/sec")) {
              double requests = Double.parseDouble(line.trim().split("\\s+")[1]);
              System.out.printf("  = %.0f events/s%n", requests * eventsPerRequest);
            }
          }
        }
      }
      if (wrk.waitFor() != 0) {
        throw new IllegalStateException("wrk " + script.getFileName() + " failed");
      }
    } finally {
      Files.deleteIfExists(runScript);
    }
  }

  static String luaString(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
