package dev.pave.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;

/** The audit trail's signed checkpoints (docs/audit.md). */
public class AuditSettings {

  /** Base64 PKCS#8 Ed25519 private key; unset on the embedded default: PAVE_HOME/audit-signing.key. */
  @JsonProperty
  public String signingKey = System.getenv("PAVE_AUDIT_SIGNING_KEY");

  /** Public keys (base64 X.509 or PEM) of signing keys replaced in a rotation: their checkpoints stay trusted. */
  @NotNull @JsonProperty
  public List<String> previousPublicKeys = List.of();

  /** A checkpoint at least every this many events ... */
  @Min(1) @JsonProperty
  public long checkpointEvery = 1000;

  /** ... and at least this often while events come in. */
  @NotNull @JsonProperty
  public Duration checkpointInterval = Duration.ofHours(1);
}
