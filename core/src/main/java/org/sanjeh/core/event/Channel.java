package org.sanjeh.core.event;

import java.util.List;

/** Where the customer talked to the support team. */
public enum Channel implements WireValue {
  EMAIL,
  CHAT,
  PHONE,
  WHATSAPP,
  TELEGRAM,
  INSTAGRAM,
  X {
    @Override
    public List<String> aliases() {
      return List.of("twitter");
    }
  },
  SMS,
  WEB_FORM,
  IN_PERSON,
  API,
  OTHER;

  @Override
  public String wire() {
    return WireValue.defaultWire(this);
  }
}
