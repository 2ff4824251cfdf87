package dev.pave.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.pave.api.config.AdminSettings;
import dev.pave.api.config.DatabaseSettings;
import dev.pave.api.config.EmbeddedSettings;
import dev.pave.api.config.SessionSettings;
import dev.pave.api.config.SimulationSettings;
import dev.pave.api.config.LimitsSettings;
import dev.pave.api.config.TemporalSettings;
import dev.pave.api.config.TerraformConfig;
import dev.pave.api.config.WebhookSettings;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.AdminFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything has a default: with no config file Pave runs the embedded default. A config file
 * that sets {@code database.url} and {@code temporal.target} turns the embedded services off.
 */
public class PaveConfiguration extends Configuration {

  /** Pave's data folder: embedded PostgreSQL, the encryption key, Terraform working directories. */
  @JsonProperty
  public String home = envOr("PAVE_HOME", ".pave");

  @JsonProperty
  public String modulesDir = "terraform-modules";

  @JsonProperty
  public String policiesDir = "policies";

  /**
   * The environments a request may name, a closed list (docs/policies.md). Unset: the older
   * {@code metrics.environments}, else dev, staging and prod.
   */
  @JsonProperty
  public List<String> environments;

  /** How long a request waits for an approver before it ends expired. */
  @JsonProperty
  public java.time.Duration approvalTimeout = java.time.Duration.ofHours(72);

  /** Base64 of 32 bytes; plans and sensitive outputs are sealed with it. Default: generated into {home}/secret.key. */
  @JsonProperty
  public String encryptionKey = System.getenv("PAVE_ENCRYPTION_KEY");

  /**
   * Keys replaced by encryptionKey in a rotation: what they sealed still opens, and is sealed again
   * with the current key at start. Remove them once every process runs with the new key.
   */
  @NotNull @JsonProperty
  public List<String> previousEncryptionKeys = List.of();

  /** Becomes an admin token at first start (when no token exists yet). */
  @JsonProperty
  public String adminToken = System.getenv("PAVE_ADMIN_TOKEN");

  @Valid @NotNull @JsonProperty
  public DatabaseSettings database = new DatabaseSettings();

  @Valid @NotNull @JsonProperty
  public TemporalSettings temporal = new TemporalSettings();

  @Valid @NotNull @JsonProperty
  public TerraformConfig terraform = new TerraformConfig();

  @Valid @NotNull @JsonProperty
  public EmbeddedSettings embedded = new EmbeddedSettings();

  @Valid @NotNull @JsonProperty
  public SessionSettings sessions = new SessionSettings();

  /**
   * Where browsers reach Pave, e.g. https://pave.example.com (unset: each request's own scheme and
   * Host). Browser POSTs must come from this origin, and an https URL makes session cookies Secure
   * with the __Host- prefix even when a proxy in front terminates TLS.
   */
  @JsonProperty
  public String publicUrl;

  @Valid @NotNull @JsonProperty
  public SimulationSettings policySimulation = new SimulationSettings();

  @Valid @NotNull @JsonProperty
  public LimitsSettings limits = new LimitsSettings();

  /** The audit trail's checkpoint key and cadence (docs/audit.md). */
  @Valid @NotNull @JsonProperty
  public dev.pave.api.config.AuditSettings audit = new dev.pave.api.config.AuditSettings();

  /** OIDC identity for pipelines: trusted issuers and their rules (docs/oidc.md). */
  @Valid @NotNull @JsonProperty
  public dev.pave.api.config.OidcSettings oidc = new dev.pave.api.config.OidcSettings();
  /** Webhook deliveries: SSRF rules, retry schedule, rotation grace (docs/webhooks.md). */
  @Valid @NotNull @JsonProperty
  public WebhookSettings webhooks = new WebhookSettings();

  /** Values for the variables that modules declare as platformInputs (server addresses and the like). */
  @NotNull @JsonProperty
  public Map<String, Object> platformInputs = new LinkedHashMap<>();

  /**
   * Whether `pave server` also runs a worker. Always true with the embedded Temporal (nothing
   * else could reach it); in a cluster, servers and workers usually scale apart.
   */
  @JsonProperty
  public boolean runWorker = false;

  /**
   * Failed authentications one source address may make per minute before it is refused with 429
   * for the rest of that minute (bearer tokens and the browser sign-in together).
   */
  @JsonProperty
  public int failedAuthPerMinute = 20;

  /**
   * Addresses and CIDR blocks of the proxies in front of Pave (none by default). Only a request
   * whose socket peer is one of them has its forwarded headers read: the client is then the
   * right-most X-Forwarded-For hop that is not a trusted proxy (docs/security.md).
   */
  @JsonProperty
  public List<String> trustedProxies = List.of();

  /** Largest request body accepted, in bytes. */
  @JsonProperty
  public int maxRequestBytes = 64 * 1024;

  public PaveConfiguration() {
    setAdminFactory(new AdminSettings());
    setMetricsFactory(new dev.pave.api.config.MetricsSettings());
  }

  /** Dropwizard's {@code metrics} block, read as Pave's MetricsSettings (which adds the environments). */
  @Override
  @JsonProperty("metrics")
  @JsonDeserialize(as = dev.pave.api.config.MetricsSettings.class)
  public void setMetricsFactory(io.dropwizard.metrics.common.MetricsFactory metrics) {
    super.setMetricsFactory(metrics);
  }

  /** The environments list, resolved once from {@link #environments} and its older name; throws when invalid. */
  @JsonIgnore
  public dev.pave.api.core.Environments configuredEnvironments() {
    return dev.pave.api.core.Environments.of(environments, metricsSettings().environments);
  }

  @JsonIgnore
  public dev.pave.api.config.MetricsSettings metricsSettings() {
    return (dev.pave.api.config.MetricsSettings) getMetricsFactory();
  }

  /** Dropwizard's {@code admin} block, read as Pave's {@link AdminSettings} (which adds the scrape token). */
  @Override
  @JsonProperty("admin")
  @JsonDeserialize(as = AdminSettings.class)
  public void setAdminFactory(AdminFactory admin) {
    super.setAdminFactory(admin);
  }

  @JsonIgnore
  public AdminSettings admin() {
    return (AdminSettings) getAdminFactory();
  }

  static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
