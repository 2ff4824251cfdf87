package dev.pave.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;

/** Webhook deliveries: where they may go, how often they are tried, how long a rotated secret signs (docs/webhooks.md). */
public class WebhookSettings {

  /**
   * Whether endpoints may be on loopback or private networks (10/8, 172.16/12, 192.168/16, fc00::/7,
   * 100.64/10). Unset: on for the embedded default (a laptop's receiver is local), off in cluster
   * mode (a webhook must not become a way into the platform's own network). Link-local and cloud
   * metadata addresses, and Pave's own admin port, are refused whatever this says.
   */
  @JsonProperty
  public Boolean allowPrivateNetworks;

  /**
   * The pauses between attempts: the first attempt is at once, then one after each pause; after
   * the last, the delivery is failed. Default about 10 h 48 min in all, 9 attempts.
   */
  @NotNull @JsonProperty
  public List<Duration> retrySchedule = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
      Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6));

  /** How long one attempt may take, connecting included; longer counts as a failed attempt. */
  @NotNull @JsonProperty
  public Duration attemptTimeout = Duration.ofSeconds(10);

  /** After a rotation, the old secret keeps signing (a second signature) this long, so receivers can switch. */
  @NotNull @JsonProperty
  public Duration rotationGrace = Duration.ofHours(24);

  /**
   * How many endpoints one team may register (an admin's every-team endpoints count as one more
   * team, "*"): each endpoint is a delivery workflow per event, so an unbounded list is a way to
   * make Pave send a flood. Beyond it, POST /v1/webhooks answers 409.
   */
  @Min(1) @Max(1000) @JsonProperty
  public int maxEndpointsPerTeam = 20;

  /**
   * How many deliveries one event (a request moving into a status) may queue: the endpoints that
   * hear it, its team's and every team's, oldest first; the rest get nothing for that event and a
   * warning is logged. A bound that holds even when maxEndpointsPerTeam was lowered after registrations.
   */
  @Min(1) @Max(10000) @JsonProperty
  public int maxDeliveriesPerEvent = 40;

  public boolean privateNetworksAllowed(boolean embeddedDefault) {
    return allowPrivateNetworks == null ? embeddedDefault : allowPrivateNetworks;
  }
}
