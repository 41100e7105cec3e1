package org.sanjeh.streaming.replay;

import org.sanjeh.streaming.sla.SlaAlert;
import org.sanjeh.streaming.sla.SlaUpdate;
import org.sanjeh.streaming.source.Decoded;

/** One result of a replay: exactly one of the fields is set. */
public final class ReplayItem {

  public SlaUpdate row;
  public SlaAlert alert;
  public Decoded deadLetter;

  /** late, duplicate or dropped (an event not applied as it came). */
  public String note;

  public ReplayItem() {}

  static ReplayItem of(SlaUpdate row) {
    ReplayItem item = new ReplayItem();
    item.row = row;
    return item;
  }

  static ReplayItem of(SlaAlert alert) {
    ReplayItem item = new ReplayItem();
    item.alert = alert;
    return item;
  }

  static ReplayItem note(String note) {
    ReplayItem item = new ReplayItem();
    item.note = note;
    return item;
  }

  static ReplayItem of(Decoded deadLetter) {
    ReplayItem item = new ReplayItem();
    item.deadLetter = deadLetter;
    return item;
  }
}
