package dev.pave.api.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * The key that signs checkpoints, for any authenticated caller: a public key gives nothing away,
 * but PRODUCT.md keeps every call but the health check behind a token, and an auditor compares
 * it with the one handed over out of band before trusting a verification anyway.
 */
@Path("/v1/audit/public-key")
@PermitAll
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
