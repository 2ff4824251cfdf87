package dev.pave.api.audit;

/** GET /v1/audit/public-key: the checkpoints' Ed25519 key, raw (base64) and as PEM. */
public record PublicKeyView(String algorithm, String publicKey, String pem) {}
