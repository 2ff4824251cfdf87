package dev.pave.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * A signed statement "the chain had reached event {seq} with hash {headHash} at {signedAt}". The
 * signature (Ed25519) covers the canonical JSON of exactly those three fields: whoever rewrites
 * the whole chain, or cuts its tail, cannot make a checkpoint agree without Pave's private key.
 */
public record Checkpoint(long seq, String headHash, Instant signedAt, String publicKey, String signature) {

  /** The signed bytes. */
  public static byte[] message(long seq, String headHash, Instant signedAt) {
    ObjectNode node = CanonicalJson.mapper().createObjectNode();
    node.put("seq", seq);
    node.put("headHash", headHash);
    node.put("signedAt", AuditRecord.AT.format(signedAt));
    return CanonicalJson.bytes(node);
  }

  public boolean signatureValid(PublicKey key) {
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(message(seq, headHash, signedAt));
      return verifier.verify(Base64.getDecoder().decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Whether one of {@code keys} signed it: the key it names is among them and the signature holds.
   * A row that fails this vouches for nothing; the signer and verification both treat it so.
   */
  public boolean signedByAnyOf(List<PublicKey> keys) {
    for (PublicKey key : keys) {
      if (Base64.getEncoder().encodeToString(key.getEncoded()).equals(publicKey) && signatureValid(key)) {
        return true;
      }
    }
    return false;
  }

  /** As served and exported: {"checkpoint": {seq, headHash, signedAt, publicKey, signature}}. */
  public ObjectNode json() {
    ObjectNode node = CanonicalJson.mapper().createObjectNode();
    node.put("seq", seq);
    node.put("headHash", headHash);
    node.put("signedAt", AuditRecord.AT.format(signedAt));
    node.put("publicKey", publicKey);
    node.put("signature", signature);
    return node;
  }

  public static Checkpoint fromJson(JsonNode node) {
    return new Checkpoint(node.path("seq").asLong(), node.path("headHash").asText(null),
        Instant.parse(node.path("signedAt").asText()), node.path("publicKey").asText(null),
        node.path("signature").asText(null));
  }
}
