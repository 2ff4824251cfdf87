package dev.pave.api.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One attempt against a real receiver: checked again right before connecting, never redirected. */
class WebhookSenderTest {

  WireMockServer receiver;

  @BeforeEach
  void start() {
    receiver = new WireMockServer(options().dynamicPort());
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop();
  }

  @Test
  void aNameThatResolvesElsewhereAfterRegistrationIsRefusedBeforeConnecting() throws Exception {
    receiver.stubFor(post("/hook").willReturn(ok()));
    AtomicInteger lookups = new AtomicInteger();
    // DNS rebinding: loopback when registered, the metadata service when delivered.
    DeliveryTargetGuard guard = new DeliveryTargetGuard(true, Set::of, host -> new InetAddress[] {
        InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "169.254.169.254")});
    String url = "http://localhost:" + receiver.port() + "/hook";
    guard.check(url);

    WebhookSender.Answer answer = new WebhookSender(guard, Duration.ofSeconds(10))
        .send(url, "msg_1", 1_700_000_000L, "{}", List.of(new byte[32]));

    assertThat(answer.delivered()).isFalse();
    assertThat(answer.error()).startsWith("refused:").contains("169.254.169.254");
    assertThat(receiver.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void theConnectionGoesToTheAddressTheCheckSawWithoutASecondLookup() throws Exception {
    WireMockServer checked = new WireMockServer(options().bindAddress("127.0.0.2").dynamicPort());
    checked.start();
    // Where the system's DNS sends "localhost": a second lookup by the HTTP client would land here.
    WireMockServer elsewhere = new WireMockServer(options().bindAddress("127.0.0.1").port(checked.port()));
    elsewhere.start();
    try {
      checked.stubFor(post("/hook").willReturn(ok()));
      elsewhere.stubFor(post("/hook").willReturn(ok()));
      AtomicInteger lookups = new AtomicInteger();
      DeliveryTargetGuard guard = new DeliveryTargetGuard(true, Set::of, host -> new InetAddress[] {
          InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.2" : "127.0.0.1")});

      WebhookSender.Answer answer = new WebhookSender(guard, Duration.ofSeconds(10))
          .send("http://localhost:" + checked.port() + "/hook", "msg_3", 1_700_000_000L, "{}", List.of(new byte[32]));

      assertThat(answer.delivered()).as(answer.error()).isTrue();
      assertThat(checked.findAll(postRequestedFor(urlEqualTo("/hook")))).hasSize(1);
      assertThat(checked.findAll(postRequestedFor(urlEqualTo("/hook"))).get(0).getHeader("Host"))
          .as("the name, not the address").isEqualTo("localhost:" + checked.port());
      assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
      assertThat(lookups).as("one lookup: the checked one").hasValue(1);
    } finally {
      checked.stop();
      elsewhere.stop();
    }
  }

  @Test
  void aRedirectIsAFailedAttemptAndIsNotFollowed() {
    receiver.stubFor(post("/moved").willReturn(aResponse().withStatus(307)
        .withHeader("Location", "http://localhost:" + receiver.port() + "/elsewhere")));
    receiver.stubFor(post("/elsewhere").willReturn(ok()));
    DeliveryTargetGuard guard = new DeliveryTargetGuard(true, Set::of);

    WebhookSender.Answer answer = new WebhookSender(guard, Duration.ofSeconds(10))
        .send("http://localhost:" + receiver.port() + "/moved", "msg_2", 1_700_000_000L, "{}", List.of(new byte[32]));

    assertThat(answer.delivered()).isFalse();
    assertThat(answer.httpStatus()).as(answer.error()).isEqualTo(307);
    assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/elsewhere")))).isEmpty();
  }
}
