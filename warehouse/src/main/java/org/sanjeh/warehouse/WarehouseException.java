package org.sanjeh.warehouse;

/** A warehouse call that failed; the message says which statement and, where known, the fix. */
public class WarehouseException extends RuntimeException {

  public WarehouseException(String message, Throwable cause) {
    super(message, cause);
  }

  public WarehouseException(String message) {
    super(message);
  }
}
