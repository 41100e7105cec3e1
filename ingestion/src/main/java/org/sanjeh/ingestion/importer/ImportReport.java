package org.sanjeh.ingestion.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The closing summary of an import: how many rows were read and accepted, and every finding counted
 * by its kind with a few examples that show the values, so a reader sees what was wrong without
 * opening the rejects file (which has every one).
 */
public final class ImportReport {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final int EXAMPLES = 3;

  private long accepted;
  private long failedSends;
  private final Map<Finding.Outcome, Map<String, Group>> groups = new LinkedHashMap<>();

  private static final class Group {
    long count;
    final List<Finding> examples = new ArrayList<>();
  }

  public ImportReport() {
    for (Finding.Outcome outcome : Finding.Outcome.values()) {
      groups.put(outcome, new LinkedHashMap<>());
    }
  }

  public void accepted(long events) {
    accepted += events;
  }

  public void failedSends(long count) {
    failedSends += count;
  }

  public long accepted() {
    return accepted;
  }

  public long failedSends() {
    return failedSends;
  }

  public void add(Finding finding) {
    Group group = groups.get(finding.outcome()).computeIfAbsent(finding.check(), k -> new Group());
    group.count++;
    if (group.examples.size() < EXAMPLES) {
      group.examples.add(finding);
    }
  }

  public long count(Finding.Outcome outcome) {
    return groups.get(outcome).values().stream().mapToLong(g -> g.count).sum();
  }

  /** How many findings of this kind, whatever their outcome. */
  public long count(String check) {
    return groups.values().stream()
        .map(g -> g.get(check))
        .filter(java.util.Objects::nonNull)
        .mapToLong(g -> g.count)
        .sum();
  }

  /** One JSON line per finding in the rejects file: outcome, check, where, reason, input. */
  public static void write(BufferedWriter out, Finding finding) throws IOException {
    ObjectNode line = JSON.createObjectNode();
    line.put("outcome", finding.outcome().text());
    line.put("check", finding.check());
    line.put("where", finding.where());
    line.put("reason", finding.message());
    line.put("input", finding.raw());
    out.write(JSON.writeValueAsString(line));
    out.newLine();
  }

  public void print(PrintStream out) {
    out.printf(
        "accepted %,d events; rejected %,d rows, skipped %,d on purpose, %,d imported with a note%n",
        accepted,
        count(Finding.Outcome.REJECTED),
        count(Finding.Outcome.SKIPPED),
        count(Finding.Outcome.NOTE));
    for (var byOutcome : groups.entrySet()) {
      for (var group : byOutcome.getValue().entrySet()) {
        out.printf(
            "  %,6d %s: %s%n", group.getValue().count, byOutcome.getKey().text(), group.getKey());
        for (Finding example : group.getValue().examples) {
          out.printf("           e.g. %s: %s%n", example.where(), example.message());
        }
      }
    }
    if (failedSends > 0) {
      out.printf(
          "ERROR: Kafka did not acknowledge %,d records. Run the same import again: event ids make it safe.%n",
          failedSends);
    }
    if (accepted == 0 && failedSends == 0) {
      out.println("ERROR: nothing was accepted; see the reasons above and the rejects file.");
    }
  }
}
