package org.sanjeh.streaming.metrics;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.sanjeh.warehouse.RowBinaryOut;

/**
 * What a ticket's numbers are counted under: channel, team, priority and agent, as their wire
 * values ({@code ""} for none). The same four columns in {@code sla_tickets}, {@code sla_alerts}
 * and {@code sla_minute}. A Flink POJO, so its fields are public; it is never changed after it is
 * made (copies of a fact share it), {@link #withAgent} makes a new one.
 */
public final class Dimensions {

  /** The columns, in table order. */
  public static final List<String> COLUMNS = List.of("channel", "team", "priority", "agent_id");

  public String channel = "";
  public String team = "";
  public String priority = "";
  public String agentId = "";

  public Dimensions() {}

  /** Null values are {@code ""}: no such dimension. */
  public static Dimensions of(String channel, String team, String priority, String agentId) {
    Dimensions d = new Dimensions();
    d.channel = orEmpty(channel);
    d.team = orEmpty(team);
    d.priority = orEmpty(priority);
    d.agentId = orEmpty(agentId);
    return d;
  }

  /** The same dimensions under another agent (a first response counts under who replied). */
  public Dimensions withAgent(String agent) {
    return of(channel, team, priority, agent);
  }

  /** The four values as one text: a row's key within its minute. */
  public String key() {
    return channel + "|" + team + "|" + priority + "|" + agentId;
  }

  /** Writes the four {@link #COLUMNS}. */
  public void write(RowBinaryOut out) throws IOException {
    out.string(channel);
    out.string(team);
    out.string(priority);
    out.string(agentId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dimensions d
        && channel.equals(d.channel)
        && team.equals(d.team)
        && priority.equals(d.priority)
        && agentId.equals(d.agentId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(channel, team, priority, agentId);
  }

  @Override
  public String toString() {
    return key();
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
