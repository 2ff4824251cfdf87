package dev.pave.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "audit")
public class AuditPublicKeyResource {

  private final CheckpointKey key;

  public AuditPublicKeyResource(CheckpointKey key) {
    this.key = key;
  }

  @GET
  @Operation(operationId = "getAuditPublicKey", summary = "The Ed25519 key that signs audit checkpoints",
      responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The public key"))
  public PublicKeyView publicKey() {
    return new PublicKeyView("Ed25519", CheckpointKey.base64(key.publicKey()), CheckpointKey.pem(key.publicKey()));
  }
}
