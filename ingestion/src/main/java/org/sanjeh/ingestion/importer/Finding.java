package org.sanjeh.ingestion.importer;

import java.nio.charset.StandardCharsets;
import org.sanjeh.ingestion.adapter.ImportItem;

/**
 * Something an import has to tell about one piece of its input: a row it refused, a row it skipped
 * on purpose, or a row it imported with a caveat.
 *
 * @param outcome what happened to the row
 * @param check the kind of problem, the same text for every row of that kind (counted together in
 *     the summary), e.g. {@code comment for a ticket not in the export}
 * @param where the file and line, e.g. {@code ticket_comment.csv line 4}
 * @param message the row's own case, with its values, e.g. {@code ticket_id="1077" is not in
 *     ticket.csv}
 * @param raw the input as read
 */
public record Finding(Outcome outcome, String check, String where, String message, String raw) {

  /** What happened to the row. */
  public enum Outcome {
    /** Not imported: it is wrong or cannot be placed. Also sent to the dead letters. */
    REJECTED("rejected"),
    /** Not imported on purpose (a filter, a duplicate, a field Sanjeh has no event for). */
    SKIPPED("skipped"),
    /** Imported, with a caveat the user must know. */
    NOTE("imported with a note"),
    /**
     * A fact about the export as a whole (a user referred to but missing, a feature not mapped).
     */
    FOUND("found");

    private final String text;

    Outcome(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  public static Finding rejected(String check, String where, String message, String raw) {
    return new Finding(Outcome.REJECTED, check, where, message, raw);
  }

  public static Finding skipped(String check, String where, String message, String raw) {
    return new Finding(Outcome.SKIPPED, check, where, message, raw);
  }

  public static Finding note(String check, String where, String message, String raw) {
    return new Finding(Outcome.NOTE, check, where, message, raw);
  }

  public static Finding found(String check, String where, String message, String raw) {
    return new Finding(Outcome.FOUND, check, where, message, raw);
  }

  /** A generic adapter's reject: its reason with the values, its kind the reason without them. */
  public static Finding of(ImportItem.Rejected rejected) {
    return rejected(
        kindOf(rejected.reason()),
        rejected.where(),
        rejected.reason(),
        new String(rejected.raw(), StandardCharsets.UTF_8));
  }

  public static Finding of(ImportItem.Skipped skipped) {
    return skipped(
        skipped.reason(),
        skipped.where(),
        skipped.reason(),
        new String(skipped.raw(), StandardCharsets.UTF_8));
  }

  /**
   * The reason with its values and numbers taken out, so that rows wrong in the same way count
   * together; the values themselves are shown in the examples.
   */
  static String kindOf(String reason) {
    String kind = reason.replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("\\d+", "N");
    return kind.length() > 120 ? kind.substring(0, 120) + "…" : kind;
  }
}
