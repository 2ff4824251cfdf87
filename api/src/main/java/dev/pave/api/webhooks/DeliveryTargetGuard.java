package dev.pave.api.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where a webhook may go (PRODUCT.md "Webhooks", docs/webhooks.md): http(s) only, never a
 * link-local or cloud-metadata address, never loopback or a private network unless allowed,
 * never Pave's own admin port. Every address the host resolves to is checked, at registration
 * and again right before each attempt, so a name that later resolves elsewhere (DNS rebinding)
 * is caught when it matters; the attempt then connects to exactly the addresses checked.
 */
public final class DeliveryTargetGuard {

  /** DNS, as the JVM resolves it; tests give their own. */
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** A URL that may be delivered to, and the addresses that were checked: the only ones to connect to. */
  public record Target(URI uri, int port, List<InetAddress> addresses) {
    /** The URL's host as DNS knows it (an IPv6 literal without its brackets). */
    public String host() {
      return unbracketed(uri.getHost());
    }
  }

  /** Why a URL may not be delivered to; the message names no secret (it never repeats the URL's path). */
  public static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  private static final int MAX_URL_LENGTH = 2000;
  /** Cloud metadata services outside 169.254/16: AWS over IPv6, Alibaba Cloud. */
  private static final Set<String> METADATA = Set.of("fd00:ec2:0:0:0:0:0:254", "100.100.100.200");

  private final boolean allowPrivateNetworks;
  private final Supplier<Set<Integer>> adminPorts;
  private final Resolver resolver;

  public DeliveryTargetGuard(boolean allowPrivateNetworks, Supplier<Set<Integer>> adminPorts, Resolver resolver) {
    this.allowPrivateNetworks = allowPrivateNetworks;
    this.adminPorts = adminPorts;
    this.resolver = resolver;
  }

  public DeliveryTargetGuard(boolean allowPrivateNetworks, Supplier<Set<Integer>> adminPorts) {
    this(allowPrivateNetworks, adminPorts, InetAddress::getAllByName);
  }

  public Target check(String url) throws Refused {
    URI uri = parse(url);
    String host = uri.getHost();
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(unbracketed(host));
    } catch (UnknownHostException e) {
      throw new Refused("host " + host + " does not resolve");
    }
    for (InetAddress address : addresses) {
      Optional<String> refusal = refusal(address, port);
      if (refusal.isPresent()) {
        throw new Refused("host " + host + " resolves to " + address.getHostAddress() + ", " + refusal.get());
      }
    }
    return new Target(uri, port, List.of(addresses));
  }

  private static String unbracketed(String host) {
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  private static URI parse(String url) throws Refused {
    if (url == null || url.isBlank()) {
      throw new Refused("is required: an http or https URL");
    }
    if (url.length() > MAX_URL_LENGTH) {
      throw new Refused("must be at most " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new Refused("is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new Refused("must be an http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new Refused("must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new Refused("must not carry credentials (user:password@); the signature authenticates Pave");
    }
    return uri;
  }

  private Optional<String> refusal(InetAddress address, int port) {
    InetAddress ip = embeddedIpv4(address).orElse(address);
    if (ip.isLinkLocalAddress() || METADATA.contains(ip.getHostAddress())) {
      return Optional.of("a link-local or cloud-metadata address, never allowed");
    }
    if (ip.isAnyLocalAddress() || ip.isMulticastAddress() || isIpv4(ip, 0, 8) || isIpv4(ip, 0xFFFFFFFF, 32)) {
      return Optional.of("not a unicast address of a receiver");
    }
    if (adminPorts.get().contains(port) && isThisMachine(ip)) {
      return Optional.of("Pave's own admin port, never allowed");
    }
    if (!allowPrivateNetworks && isPrivate(ip)) {
      return Optional.of("a loopback or private address, not allowed here (webhooks.allowPrivateNetworks)");
    }
    return Optional.empty();
  }

  static boolean isPrivate(InetAddress ip) {
    if (ip.isLoopbackAddress() || ip.isSiteLocalAddress()) { // 127/8, ::1; 10/8, 172.16/12, 192.168/16, fec0::/10
      return true;
    }
    if (ip instanceof Inet6Address) {
      return (ip.getAddress()[0] & 0xFE) == 0xFC; // fc00::/7, unique local
    }
    return isIpv4(ip, 0x64400000, 10); // 100.64/10, carrier-grade NAT
  }

  /** Loopback, or an address of one of this machine's interfaces: where Pave's own ports listen. */
  private static boolean isThisMachine(InetAddress ip) {
    if (ip.isLoopbackAddress()) {
      return true;
    }
    try {
      return NetworkInterface.getByInetAddress(ip) != null;
    } catch (SocketException e) {
      return true; // cannot tell: assume it is, and refuse
    }
  }

  /** The IPv4 address inside NAT64 (64:ff9b::/96) and IPv4-compatible IPv6 addresses, which reach it. */
  private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return Optional.empty();
    }
    byte[] b = address.getAddress();
    boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
    boolean zeroPrefix = true;
    for (int i = nat64 ? 4 : 0; i < 12; i++) {
      zeroPrefix &= b[i] == 0;
    }
    if (!zeroPrefix || !nat64 && b[12] == 0 && b[13] == 0 && b[14] == 0) { // ::1 and :: are not IPv4
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
    } catch (UnknownHostException impossible) {
      return Optional.empty();
    }
  }

  private static boolean isIpv4(InetAddress ip, int network, int prefixLength) {
    if (!(ip instanceof Inet4Address)) {
      return false;
    }
    byte[] b = ip.getAddress();
    int value = (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    int mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    return (value & mask) == (network & mask);
  }
}
