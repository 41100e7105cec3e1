package org.sanjeh.core.event;

/** The JSON field names of the event contract, in the order they are written. */
final class Fields {
  static final String EVENT_ID = "event_id";
  static final String TICKET_ID = "ticket_id";
  static final String OCCURRED_AT = "occurred_at";
  static final String TYPE = "type";
  static final String CHANNEL = "channel";
  static final String AUTHOR_ROLE = "author_role";
  static final String AUTHOR_ID = "author_id";
  static final String CUSTOMER_ID = "customer_id";
  static final String AGENT_ID = "agent_id";
  static final String TEAM = "team";
  static final String PRIORITY = "priority";
  static final String STATUS = "status";
  static final String CUSTOMER_TIER = "customer_tier";
  static final String LANGUAGE = "language";
  static final String SUBJECT = "subject";
  static final String BODY = "body";
  static final String TAGS = "tags";
  static final String SOURCE_SYSTEM = "source_system";
  static final String SOURCE_REF = "source_ref";
  static final String MERGED_INTO = "merged_into";

  /** Every field above: the ones a decoder reads; others are ignored. */
  static final java.util.Set<String> ALL =
      java.util.Set.of(
          EVENT_ID,
          TICKET_ID,
          OCCURRED_AT,
          TYPE,
          CHANNEL,
          AUTHOR_ROLE,
          AUTHOR_ID,
          CUSTOMER_ID,
          AGENT_ID,
          TEAM,
          PRIORITY,
          STATUS,
          CUSTOMER_TIER,
          LANGUAGE,
          SUBJECT,
          BODY,
          TAGS,
          SOURCE_SYSTEM,
          SOURCE_REF,
          MERGED_INTO);

  private Fields() {}
}
