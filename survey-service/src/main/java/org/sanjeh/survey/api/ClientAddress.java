package org.sanjeh.survey.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who is asking, for the rate limits: the peer address, or, when the peer is one of the configured
 * trusted proxies, the nearest address in {@code X-Forwarded-For} that is not a trusted proxy (read
 * from the right, since everything left of the last proxy's entry is the client's own word). An
 * IPv6 client is counted by its /64, the block one subscriber gets.
 */
public final class ClientAddress {

  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  /** An address range: an address and how many leading bits must match. */
  private record Range(byte[] address, int bits) {
    boolean contains(byte[] candidate) {
      if (candidate.length != address.length) {
        return false;
      }
      for (int bit = 0; bit < bits; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((candidate[bit / 8] & mask) != (address[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  private final List<Range> trusted;

  /**
   * @param trustedProxies IP addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8})
   * @throws IllegalArgumentException naming the entry that is not one
   */
  public ClientAddress(List<String> trustedProxies) {
    List<Range> ranges = new ArrayList<>();
    for (String entry : trustedProxies) {
      ranges.add(range(entry.strip()));
    }
    this.trusted = List.copyOf(ranges);
  }

  /** The address requests are counted under. */
  public String of(HttpServletRequest request) {
    byte[] peer = parse(request.getRemoteAddr());
    if (peer == null) {
      return request.getRemoteAddr();
    }
    byte[] client = peer;
    if (isTrusted(peer)) {
      List<String> hops = forwardedFor(request);
      Collections.reverse(hops);
      for (String hop : hops) {
        byte[] address = parse(hop);
        if (address == null) {
          break; // a garbled entry: nothing left of it can be believed
        }
        client = address;
        if (!isTrusted(address)) {
          break;
        }
      }
    }
    return key(client);
  }

  private boolean isTrusted(byte[] address) {
    return trusted.stream().anyMatch(range -> range.contains(address));
  }

  private static List<String> forwardedFor(HttpServletRequest request) {
    List<String> hops = new ArrayList<>();
    Enumeration<String> headers = request.getHeaders("X-Forwarded-For");
    while (headers != null && headers.hasMoreElements()) {
      for (String hop : headers.nextElement().split(",")) {
        hops.add(hop.strip());
      }
    }
    return hops;
  }

  private static String key(byte[] address) {
    if (address.length == 16) {
      byte[] block = Arrays.copyOf(address, 16);
      Arrays.fill(block, 8, 16, (byte) 0);
      return format(block) + "/64";
    }
    return format(address);
  }

  private static String format(byte[] address) {
    try {
      return InetAddress.getByAddress(address).getHostAddress();
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** The bytes of an IP literal; null for anything else (no name is ever looked up). */
  static byte[] parse(String text) {
    if (text == null || !IP_LITERAL.matcher(text).matches()) {
      return null;
    }
    if (!text.contains(":") && text.chars().filter(c -> c == '.').count() != 3) {
      return null; // InetAddress would read "10.1" or "1234" as an IPv4 address
    }
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static Range range(String entry) {
    int slash = entry.indexOf('/');
    byte[] address = parse(slash < 0 ? entry : entry.substring(0, slash));
    int bits = -1;
    if (address != null) {
      try {
        bits = slash < 0 ? address.length * 8 : Integer.parseInt(entry.substring(slash + 1));
      } catch (NumberFormatException e) {
        bits = -1;
      }
    }
    if (address == null || bits < 0 || bits > address.length * 8) {
      throw new IllegalArgumentException(
          "sanjeh.survey.trusted-proxies: '"
              + entry
              + "' is not an IP address or CIDR range (e.g. 10.0.0.5, 10.0.0.0/8, fd00::/8)");
    }
    return new Range(address, bits);
  }
}
