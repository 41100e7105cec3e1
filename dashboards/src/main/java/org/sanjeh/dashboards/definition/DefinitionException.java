package org.sanjeh.dashboards.definition;

/** A definition file that cannot be used, with the file and the field that are wrong. */
public final class DefinitionException extends RuntimeException {

  DefinitionException(String file, String field, String problem) {
    super(file + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
  }
}
