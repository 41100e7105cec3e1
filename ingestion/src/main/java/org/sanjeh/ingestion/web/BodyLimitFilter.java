package org.sanjeh.ingestion.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.sanjeh.ingestion.channels.ChannelProperties;
import org.sanjeh.ingestion.intake.IntakeProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body while it streams: {@code /v1/events} at {@code
 * sanjeh.intake.max-request-bytes}, everything else (the channel webhooks and forms) at {@code
 * sanjeh.channels.max-body-bytes}. A declared {@code Content-Length} over the cap is refused (413)
 * the moment a handler asks for the body, before one byte is read; a chunked body is counted and
 * refused as soon as it passes the cap. Handlers authenticate from the headers first (API key,
 * Telegram token, presence of the WhatsApp signature), so an unauthenticated body is never read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyLimitFilter extends OncePerRequestFilter {

  private final long intakeLimit;
  private final long channelLimit;

  BodyLimitFilter(IntakeProperties intake, ChannelProperties channels) {
    this.intakeLimit = intake.maxRequestBytes();
    this.channelLimit = channels.maxBodyBytes();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI();
    long limit = path.startsWith("/v1/events") ? intakeLimit : channelLimit;
    chain.doFilter(new LimitedRequest(request, limit, path), response);
  }

  /** The request whose body stream refuses to deliver more than the limit. */
  private static final class LimitedRequest extends HttpServletRequestWrapper {

    private final long limit;
    private final String path;
    private ServletInputStream limited;

    LimitedRequest(HttpServletRequest request, long limit, String path) {
      super(request);
      this.limit = limit;
      this.path = path;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (getContentLengthLong() > limit) {
        throw BodyTooLarge.over(limit, path);
      }
      if (limited == null) {
        limited = new LimitedStream(super.getInputStream(), limit, path);
      }
      return limited;
    }

    @Override
    public java.io.BufferedReader getReader() throws IOException {
      return new java.io.BufferedReader(
          new java.io.InputStreamReader(
              getInputStream(), getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding()));
    }
  }

  /** Counts what is read and throws {@link BodyTooLarge} at the first byte past the limit. */
  private static final class LimitedStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private final String path;
    private long count;

    LimitedStream(ServletInputStream in, long limit, String path) {
      this.in = in;
      this.limit = limit;
      this.path = path;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      // Never ask for more than one byte past the limit: the rest stays unread on the socket.
      long room = limit - count + 1;
      int n = in.read(buffer, offset, (int) Math.min(length, Math.max(room, 1)));
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(int n) {
      count += n;
      if (count > limit) {
        throw BodyTooLarge.over(limit, path);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
