package dev.pave.api.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whose forwarded headers count, and which hop of X-Forwarded-For is the client. */
class TrustedProxiesTest {

  final TrustedProxies proxies = TrustedProxies.parse(List.of("127.0.0.1", "10.0.0.0/8", "fd00::/8"));

  @Test
  void withoutTrustedProxiesThePeerIsTheClientWhateverItForwards() {
    assertThat(TrustedProxies.none().client(ip("127.0.0.1"), List.of("203.0.113.9"))).isEqualTo(ip("127.0.0.1"));
    assertThat(proxies.client(ip("192.0.2.1"), List.of("203.0.113.9"))).as("an untrusted peer").isEqualTo(ip("192.0.2.1"));
  }

  @Test
  void theRightMostUntrustedHopIsTheClient() {
    assertThat(proxies.client(ip("127.0.0.1"), List.of("203.0.113.9, 198.51.100.7"))).isEqualTo(ip("198.51.100.7"));
    assertThat(proxies.client(ip("127.0.0.1"), List.of("203.0.113.9", "198.51.100.7, 10.1.2.3")))
        .as("several header lines, trusted hops skipped").isEqualTo(ip("198.51.100.7"));
    assertThat(proxies.client(ip("10.9.9.9"), List.of("[2001:db8::7]:4711"))).isEqualTo(ip("2001:db8::7"));
    assertThat(proxies.client(ip("10.9.9.9"), List.of("198.51.100.7:4711"))).isEqualTo(ip("198.51.100.7"));
    assertThat(proxies.client(ip("fd00::1"), List.of("10.0.0.5, 10.0.0.6"))).as("all trusted: the left-most")
        .isEqualTo(ip("10.0.0.5"));
    assertThat(proxies.client(ip("127.0.0.1"), List.of())).as("nothing forwarded").isEqualTo(ip("127.0.0.1"));
  }

  @Test
  void aHopThatIsNotALiteralAddressStopsAtTheProxyThatWroteIt() {
    for (String odd : List.of("0177.0.0.1", "127.1", "0x7f.0.0.1", "localhost", "unknown", "", "1.2.3.4.5",
        "fe80::1%eth0", "[::1", "1.2.3.4:port")) {
      assertThat(proxies.client(ip("10.0.0.2"), List.of("198.51.100.9, " + odd))).as(odd).isEqualTo(ip("10.0.0.2"));
    }
  }

  @Test
  void blocksMatchByPrefixAndIPv4MappedAddressesAreIPv4() {
    assertThat(proxies.trusts(ip("10.255.0.1"))).isTrue();
    assertThat(proxies.trusts(ip("11.0.0.1"))).isFalse();
    assertThat(proxies.trusts(ip("fdff::1"))).isTrue();
    assertThat(proxies.trusts(ip("fe00::1"))).isFalse();
    assertThat(proxies.trusts(ip("::ffff:127.0.0.1"))).isTrue();
    assertThat(proxies.trusts(ip("127.0.0.2"))).isFalse();
    assertThat(TrustedProxies.parse(List.of("0.0.0.0/0")).trusts(ip("8.8.8.8"))).isTrue();
  }

  @Test
  void aConfiguredEntryThatIsNotALiteralAddressOrBlockIsRefusedByName() {
    for (String bad : List.of("proxy.internal", "0177.0.0.1", "10.0.0.0/33", "10.0.0.1/8", "10.0.0.0/", "10.0.0.0/x",
        "fd00::/129", "")) {
      assertThatThrownBy(() -> TrustedProxies.parse(List.of("127.0.0.1", bad))).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trustedProxies[1]");
    }
  }

  private static InetAddress ip(String literal) {
    return InetAddresses.forString(literal);
  }
}
