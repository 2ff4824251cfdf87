package dev.pave.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.PaveConfiguration;
import dev.pave.api.config.WebhookSettings;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With webhooks.allowPrivateNetworks off (the cluster default), loopback and private receivers are refused. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PrivateNetworksOffTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded(
      ConfigOverride.config("webhooks.allowPrivateNetworks", "false"));

  @Test
  void loopbackAndPrivateReceiversAreRefusedAndAPublicOneIsNot() {
    HttpApi api = new HttpApi(APP.getLocalPort());
    for (String url : new String[] {"http://localhost:9/hook", "http://127.0.0.1:9/hook", "http://10.0.0.5/hook",
        "http://192.168.1.10/hook", "http://[::1]:9/hook", "http://[fd00::5]/hook"}) {
      HttpApi.Reply refused = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/webhooks",
          Map.of("url", url, "events", List.of("request.failed")));
      assertThat(refused.status()).as(url + ": " + refused.raw().body()).isEqualTo(422);
      assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("url");
      assertThat(refused.body().get("errors").get(0).get("message").asText()).contains("webhooks.allowPrivateNetworks");
    }
    HttpApi.Reply allowed = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/webhooks",
        Map.of("url", "https://93.184.216.34/hook", "events", List.of("request.failed")));
    assertThat(allowed.status()).as(allowed.raw().body()).isEqualTo(201);
  }

  @Test
  void unsetItIsOnForTheEmbeddedDefaultAndOffInClusterMode() {
    WebhookSettings unset = new WebhookSettings();
    assertThat(unset.privateNetworksAllowed(true)).isTrue();
    assertThat(unset.privateNetworksAllowed(false)).isFalse();
  }
}
