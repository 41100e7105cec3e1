package org.sanjeh.ingestion.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 client on a plain socket that streams a body from a generator (one reused buffer,
 * never the whole body in memory) while another thread waits for the answer: so a test sees a
 * server that answers before the body is over, and how much of the body it had been sent by then.
 */
final class RawHttp {

  /** The status the server answered, and how many body bytes had been written when it did. */
  record Outcome(int status, long bodyBytesSent, String head, String body) {}

  private RawHttp() {}

  /**
   * POSTs {@code bodyBytes} bytes, each line of {@code line} repeated (the last one cut), with a
   * {@code Content-Length} when {@code declareLength}, else chunked.
   */
  static Outcome post(
      int port,
      String path,
      Map<String, String> headers,
      byte[] line,
      long bodyBytes,
      boolean declareLength)
      throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(120_000);
      AtomicBoolean answered = new AtomicBoolean();
      AtomicLong sent = new AtomicLong();
      Thread writer =
          new Thread(
              () -> write(socket, path, headers, line, bodyBytes, declareLength, answered, sent),
              "raw-http-writer");
      writer.setDaemon(true);
      writer.start();
      String head = readHead(socket.getInputStream());
      long sentWhenAnswered = sent.get();
      answered.set(true);
      String body = readSome(socket);
      writer.join(30_000);
      int status = Integer.parseInt(head.split(" ", 3)[1]);
      return new Outcome(status, sentWhenAnswered, head, body);
    }
  }

  private static void write(
      Socket socket,
      String path,
      Map<String, String> headers,
      byte[] line,
      long bodyBytes,
      boolean declareLength,
      AtomicBoolean answered,
      AtomicLong sent) {
    try {
      OutputStream out = socket.getOutputStream();
      StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      head.append(declareLength ? "Content-Length: " + bodyBytes : "Transfer-Encoding: chunked");
      head.append("\r\n\r\n");
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = repeat(line, 64 * 1024);
      byte[] chunkHeader = (Integer.toHexString(chunk.length) + "\r\n").getBytes();
      long left = bodyBytes;
      while (left > 0 && !answered.get()) {
        int n = (int) Math.min(chunk.length, left);
        if (!declareLength) {
          out.write(n == chunk.length ? chunkHeader : (Integer.toHexString(n) + "\r\n").getBytes());
        }
        out.write(chunk, 0, n);
        if (!declareLength) {
          out.write(new byte[] {'\r', '\n'});
        }
        left -= n;
        sent.addAndGet(n);
      }
      if (!declareLength && left == 0) {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
    } catch (IOException closedByTheServer) {
      // the server answered and hung up: exactly what a refused body should see
    }
  }

  private static byte[] repeat(byte[] line, int size) {
    byte[] chunk = new byte[size - size % line.length];
    for (int i = 0; i < chunk.length; i += line.length) {
      System.arraycopy(line, 0, chunk, i, line.length);
    }
    return chunk.length == 0 ? Arrays.copyOf(line, line.length) : chunk;
  }

  /** What of the answer's body arrives within a second (the problem document), raw. */
  private static String readSome(Socket socket) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      socket.setSoTimeout(1000);
      byte[] buffer = new byte[4096];
      for (int n; body.size() < 16 * 1024 && (n = socket.getInputStream().read(buffer)) > 0; ) {
        body.write(buffer, 0, n);
        if (body.toString(StandardCharsets.UTF_8).contains("}")) {
          break;
        }
      }
    } catch (IOException endOfWhatCame) {
      // a timeout or a reset after the answer: keep what came
    }
    return body.toString(StandardCharsets.UTF_8);
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    for (int b; matched < 4 && (b = in.read()) >= 0; ) {
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }
}
