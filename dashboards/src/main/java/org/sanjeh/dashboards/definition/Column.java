package org.sanjeh.dashboards.definition;

/**
 * A column a dataset's SQL returns. {@code type} is the ClickHouse type; {@code time} marks the
 * business-local day that the date filter applies to.
 */
public record Column(String name, String type, boolean time) {

  public boolean temporal() {
    return type.equals("Date") || type.equals("DateTime");
  }
}
