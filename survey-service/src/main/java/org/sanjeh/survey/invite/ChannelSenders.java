package org.sanjeh.survey.invite;

import java.util.EnumMap;
import java.util.Map;
import org.sanjeh.core.event.Channel;

/**
 * Sends each invitation on the ticket's own channel when a sender for it is set up, else by the
 * default sender (e-mail, or the outbox folder).
 */
public final class ChannelSenders implements Sender {

  private final Map<Channel, Sender> byChannel;
  private final Sender fallback;

  public ChannelSenders(Map<Channel, Sender> byChannel, Sender fallback) {
    this.byChannel = byChannel.isEmpty() ? Map.of() : new EnumMap<>(byChannel);
    this.fallback = fallback;
  }

  @Override
  public void send(Message message) {
    senderOf(message).send(message);
  }

  @Override
  public Sender deliveringSender(Message message) {
    return senderOf(message).deliveringSender(message);
  }

  private Sender senderOf(Message message) {
    return byChannel.getOrDefault(message.channel(), fallback);
  }
}
