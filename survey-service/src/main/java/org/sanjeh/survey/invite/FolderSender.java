package org.sanjeh.survey.invite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sanjeh.core.event.Channel;

/**
 * The local default sender: each invitation becomes files in a folder the demo shows, an HTML
 * e-mail with one-click score buttons ({@code ID.html}) and, for chat channels (WhatsApp, Telegram,
 * SMS), the plain-text message with the link ({@code ID.txt}).
 */
public final class FolderSender implements Sender {

  private final Path outbox;

  public FolderSender(Path outbox) {
    this.outbox = outbox;
    try {
      Files.createDirectories(outbox);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the survey outbox " + outbox, e);
    }
  }

  @Override
  public void send(Message message) {
    try {
      Files.writeString(
          outbox.resolve(message.invitationId() + ".html"), InvitationMail.html(message));
      if (message.channel() == Channel.WHATSAPP
          || message.channel() == Channel.TELEGRAM
          || message.channel() == Channel.SMS) {
        Files.writeString(
            outbox.resolve(message.invitationId() + ".txt"), InvitationMail.text(message));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the invitation to " + outbox, e);
    }
  }
}
