package org.sanjeh.sentiment;

import java.util.Locale;

/** The three labels every model maps its score onto. */
public enum Label {
  NEGATIVE,
  NEUTRAL,
  POSITIVE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
