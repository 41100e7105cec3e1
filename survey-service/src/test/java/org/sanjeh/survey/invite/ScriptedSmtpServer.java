package org.sanjeh.survey.invite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server on a loopback port that answers every recipient with one scripted reply (e.g.
 * {@code 550 5.1.1 <x@y> User unknown} or {@code 451 4.7.1 Try again later}), which GreenMail
 * cannot do. It speaks enough of RFC 5321 for Jakarta Mail: greeting, EHLO, MAIL, RCPT, DATA, RSET,
 * NOOP, QUIT.
 */
final class ScriptedSmtpServer implements AutoCloseable {

  private final ServerSocket socket;
  private final String recipientReply;
  private final AtomicInteger recipients = new AtomicInteger();
  private final Thread acceptor;

  ScriptedSmtpServer(String recipientReply) throws IOException {
    this.recipientReply = recipientReply;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::serve, "scripted-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  /** How many RCPT commands the server has answered: one per delivery attempt. */
  int recipientAttempts() {
    return recipients.get();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        converse(client);
      } catch (IOException closedOrDropped) {
        // next connection, or the server was closed
      }
    }
  }

  private void converse(Socket client) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = client.getOutputStream();
    reply(out, "220 scripted.test ESMTP");
    String line;
    while ((line = in.readLine()) != null) {
      String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
      switch (command) {
        case "EHLO", "HELO" -> reply(out, "250 scripted.test");
        case "RCPT" -> {
          recipients.incrementAndGet();
          reply(out, recipientReply);
        }
        case "DATA" -> {
          reply(out, "354 end with <CRLF>.<CRLF>");
          while ((line = in.readLine()) != null && !line.equals(".")) {
            // the message is not kept
          }
          reply(out, "250 2.0.0 queued");
        }
        case "QUIT" -> {
          reply(out, "221 2.0.0 bye");
          return;
        }
        default -> reply(out, "250 2.0.0 ok");
      }
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
