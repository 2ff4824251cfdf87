package dev.pave.api.edge;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The proxies whose forwarded headers Pave believes ({@code trustedProxies}: literal addresses
 * and CIDR blocks; none by default). The client of a request is its socket peer, unless that peer
 * is a trusted proxy: then {@code X-Forwarded-For} is read from the right, where each trusted
 * proxy appended the address it was reached from, and the right-most hop that is not a trusted
 * proxy is the client. What lies left of it was written by the client itself and is never read,
 * so a client can neither pick the address its failures count against nor lock out another's.
 *
 * <p>Addresses are parsed as literals only (no DNS lookup, and {@code 0177.0.0.1} or
 * {@code 127.1} are not addresses: no octal or short IPv4 spellings).
 */
public final class TrustedProxies {

  /** A network: its address with the host bits zero, and how many leading bits are fixed. */
  private record Block(byte[] network, int prefixBits) {

    boolean contains(InetAddress address) {
      byte[] bytes = address.getAddress();
      if (bytes.length != network.length) {
        return false;
      }
      return Arrays.equals(masked(bytes, prefixBits), network);
    }
  }

  private final List<Block> blocks;

  private TrustedProxies(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  /** From the configured list; an entry that is not a literal address or block is refused, naming it. */
  public static TrustedProxies parse(List<String> entries) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < (entries == null ? 0 : entries.size()); i++) {
      blocks.add(block(entries.get(i), "trustedProxies[" + i + "]"));
    }
    return new TrustedProxies(blocks);
  }

  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  public boolean trusts(InetAddress address) {
    return address != null && blocks.stream().anyMatch(block -> block.contains(address));
  }

  /**
   * The client behind {@code peer}: {@code peer} itself unless it is a trusted proxy, else the
   * right-most untrusted hop of {@code forwardedFor} (the header's values in the order received).
   * A hop that is not an address stops the walk at the trusted proxy that wrote it, so a
   * misconfigured proxy costs its own budget and never lets a client choose a key.
   */
  public InetAddress client(InetAddress peer, List<String> forwardedFor) {
    if (!trusts(peer)) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String value : forwardedFor) {
      for (String hop : value.split(",", -1)) {
        hops.add(hop.trim());
      }
    }
    InetAddress current = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = hopAddress(hops.get(i));
      if (hop.isEmpty()) {
        return current;
      }
      current = hop.get();
      if (!trusts(current)) {
        return current;
      }
    }
    return current; // every hop a trusted proxy: the left-most spoke for itself
  }

  /** One hop as proxies write it: {@code 198.51.100.7}, {@code 198.51.100.7:4711}, {@code 2001:db8::1}, {@code [2001:db8::1]:4711}. */
  static Optional<InetAddress> hopAddress(String hop) {
    String literal = hop;
    if (hop.startsWith("[")) {
      int end = hop.indexOf(']');
      if (end < 0 || !(end == hop.length() - 1 || hop.charAt(end + 1) == ':' && port(hop.substring(end + 2)))) {
        return Optional.empty();
      }
      literal = hop.substring(1, end);
    } else if (hop.indexOf(':') > 0 && hop.indexOf(':') == hop.lastIndexOf(':')) {
      int colon = hop.indexOf(':');
      if (!port(hop.substring(colon + 1))) {
        return Optional.empty();
      }
      literal = hop.substring(0, colon);
    }
    if (literal.indexOf('%') >= 0 || !InetAddresses.isInetAddress(literal)) {
      return Optional.empty();
    }
    return Optional.of(InetAddresses.forString(literal));
  }

  private static boolean port(String digits) {
    return !digits.isEmpty() && digits.length() <= 5 && digits.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static Block block(String entry, String name) {
    String text = entry == null ? "" : entry.trim();
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    if (address.indexOf('%') >= 0 || !InetAddresses.isInetAddress(address)) {
      throw new IllegalArgumentException(name + " must be an IP address or a CIDR block such as 10.0.0.0/8 or"
          + " fd00::/8 (literal addresses only, no host names): " + entry);
    }
    byte[] bytes = InetAddresses.forString(address).getAddress();
    int bits = bytes.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String digits = text.substring(slash + 1);
      if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
          || Integer.parseInt(digits) > bits) {
        throw new IllegalArgumentException(name + " has a prefix length that is not 0 to " + bits + ": " + entry);
      }
      prefix = Integer.parseInt(digits);
    }
    byte[] network = masked(bytes, prefix);
    if (!Arrays.equals(network, bytes)) {
      throw new IllegalArgumentException(name + " has host bits set past its /" + prefix + ", so it is not the block"
          + " it seems to be: " + entry + " (write the network's first address)");
    }
    return new Block(bytes, prefix);
  }

  /** The address's bytes with every bit past {@code prefixBits} cleared. */
  private static byte[] masked(byte[] bytes, int prefixBits) {
    byte[] copy = bytes.clone();
    for (int i = 0; i < copy.length; i++) {
      int keep = Math.max(0, Math.min(8, prefixBits - i * 8));
      copy[i] = (byte) (copy[i] & (0xff << (8 - keep)));
    }
    return copy;
  }
}
