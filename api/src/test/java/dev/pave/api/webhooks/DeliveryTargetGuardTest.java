package dev.pave.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SSRF rules, address by address, with DNS answered by the test. */
class DeliveryTargetGuardTest {

  static final int ADMIN_PORT = 8081;

  /** Names resolve as this map says; IP literals as themselves. */
  static DeliveryTargetGuard guard(boolean allowPrivate, Map<String, String[]> dns) {
    return new DeliveryTargetGuard(allowPrivate, () -> Set.of(ADMIN_PORT), host -> {
      if (dns.containsKey(host)) {
        InetAddress[] addresses = new InetAddress[dns.get(host).length];
        for (int i = 0; i < addresses.length; i++) {
          addresses[i] = InetAddress.getByName(dns.get(host)[i]);
        }
        return addresses;
      }
      if (host.matches("[0-9.]+") || host.contains(":")) {
        return new InetAddress[] {InetAddress.getByName(host)};
      }
      throw new UnknownHostException(host);
    });
  }

  @Test
  void linkLocalAndCloudMetadataAreRefusedEvenWhenPrivateNetworksAreAllowed() {
    DeliveryTargetGuard open = guard(true, Map.of("metadata.internal", new String[] {"169.254.169.254"}));
    for (String url : new String[] {"http://169.254.169.254/latest/", "http://metadata.internal/",
        "http://[fe80::1]/", "http://[fd00:ec2::254]/", "http://100.100.100.200/", "http://[64:ff9b::a9fe:a9fe]/",
        "http://[::ffff:169.254.169.254]/", "http://0.0.0.0:8080/", "http://[::]/"}) {
      assertThatThrownBy(() -> open.check(url)).as(url).isInstanceOf(DeliveryTargetGuard.Refused.class);
    }
  }

  @Test
  void loopbackAndPrivateNetworksAreRefusedUnlessAllowed() throws Exception {
    DeliveryTargetGuard closed = guard(false, Map.of("localhost", new String[] {"127.0.0.1"}));
    DeliveryTargetGuard open = guard(true, Map.of("localhost", new String[] {"127.0.0.1"}));
    for (String url : new String[] {"http://localhost:9000/", "http://127.0.0.1/", "http://10.1.2.3/",
        "http://172.16.0.1/", "http://192.168.1.1/", "http://[::1]/", "http://[fd12:3456::1]/", "http://100.64.0.1/"}) {
      assertThatThrownBy(() -> closed.check(url)).as(url).isInstanceOf(DeliveryTargetGuard.Refused.class)
          .hasMessageContaining("webhooks.allowPrivateNetworks");
      assertThat(open.check(url).uri().toString()).isEqualTo(url);
    }
    assertThat(closed.check("https://93.184.216.34/hook").port()).isEqualTo(443);
  }

  @Test
  void everyAddressANameResolvesToIsChecked() {
    DeliveryTargetGuard closed = guard(false, Map.of("mixed.example", new String[] {"93.184.216.34", "10.0.0.7"}));

    assertThatThrownBy(() -> closed.check("https://mixed.example/hook")).hasMessageContaining("10.0.0.7");
  }

  @Test
  void pavesOwnAdminPortIsRefusedOnThisMachineEvenWhenPrivateNetworksAreAllowed() throws Exception {
    DeliveryTargetGuard open = guard(true, Map.of("localhost", new String[] {"127.0.0.1", "::1"}));

    assertThatThrownBy(() -> open.check("http://localhost:" + ADMIN_PORT + "/prometheus"))
        .hasMessageContaining("admin port");
    assertThatThrownBy(() -> open.check("http://[::1]:" + ADMIN_PORT + "/")).hasMessageContaining("admin port");
    assertThat(open.check("http://localhost:" + (ADMIN_PORT + 1) + "/").port()).isEqualTo(ADMIN_PORT + 1);
    assertThat(open.check("http://93.184.216.34:" + ADMIN_PORT + "/").port()).as("another machine's port").isEqualTo(ADMIN_PORT);
  }

  @Test
  void onlyHttpAndHttpsUrlsWithAHostAndNoCredentials() {
    DeliveryTargetGuard open = guard(true, Map.of());
    for (String url : new String[] {"ftp://93.184.216.34/", "file:///etc/passwd", "http:///path", "//93.184.216.34/",
        "http://user:secret@93.184.216.34/", "", "http://nowhere.invalid/", "http://" + "a".repeat(2000) + ".com/"}) {
      assertThatThrownBy(() -> open.check(url)).as(url).isInstanceOf(DeliveryTargetGuard.Refused.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }
  }
}
