package dev.pave.api.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * The key that signs checkpoints, without a token on purpose: a public key gives nothing away,
 * and an auditor compares it with the one handed over out of band before trusting a verification.
 */
@Path("/v1/audit/public-key")
@Produces(MediaType.APPLICATION_JSON)
public class AuditPublicKeyResource {

  private final CheckpointKey key;

  public AuditPublicKeyResource(CheckpointKey key) {
    this.key = key;
  }

  @GET
  public Map<String, String> publicKey() {
    return Map.of("algorithm", "Ed25519", "publicKey", CheckpointKey.base64(key.publicKey()),
        "pem", CheckpointKey.pem(key.publicKey()));
  }
}
