package dev.pave.api.audit;

import dev.pave.api.home.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The Ed25519 key that signs checkpoints: from configuration (audit.signingKey, base64 PKCS#8),
 * or on the embedded default generated once into PAVE_HOME/audit-signing.key (0600). A cluster
 * must configure it: each node generating its own would sign one chain with many keys.
 */
public final class CheckpointKey {

  public static final String FILE = "audit-signing.key";

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final List<PublicKey> previousKeys;

  private CheckpointKey(PrivateKey privateKey, PublicKey publicKey, List<PublicKey> previousKeys) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.previousKeys = previousKeys;
  }

  public static CheckpointKey load(String configured, List<String> previousPublicKeys, Path home,
      boolean embeddedDefault) {
    List<PublicKey> previous = new ArrayList<>();
    for (String key : previousPublicKeys) {
      previous.add(publicKey(key, "audit.previousPublicKeys"));
    }
    if (configured != null && !configured.isBlank()) {
      PrivateKey key = privateKey(configured.strip(), "audit.signingKey (or PAVE_AUDIT_SIGNING_KEY)");
      return new CheckpointKey(key, derivePublic(key), previous);
    }
    if (!embeddedDefault) {
      throw new IllegalStateException("audit.signingKey (or PAVE_AUDIT_SIGNING_KEY) must be set when Pave runs as a"
          + " cluster: every node signs the same chain's checkpoints with it. Generate one with"
          + " `openssl genpkey -algorithm ed25519 -outform DER | base64 -w0`.");
    }
    Path file = home.resolve(FILE);
    try {
      if (!Files.exists(file)) {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        PrivateFiles.writeNew(file, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
      }
      PrivateKey key = privateKey(Files.readString(file).strip(), file.toString());
      return new CheckpointKey(key, derivePublic(key), previous);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
  }

  public String sign(byte[] message) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(privateKey);
      signer.update(message);
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a checkpoint", e);
    }
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  /** The keys verification trusts: this one and those it replaced. */
  public List<PublicKey> trustedKeys() {
    List<PublicKey> keys = new ArrayList<>(previousKeys);
    keys.add(publicKey);
    return keys;
  }

  public static String base64(PublicKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  public static String pem(PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
  }

  /** A public key given as base64 X.509 or as PEM (kept here for the server's callers). */
  public static PublicKey publicKey(String text, String source) {
    return AuditPublicKeys.parse(text, source);
  }

  private static PrivateKey privateKey(String base64, String source) {
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // The message never repeats the value: it is a private key.
      throw new IllegalStateException(source + " is not a base64-encoded Ed25519 private key (PKCS#8)");
    }
  }

  /** Ed25519's public key follows from the private one; the JDK has no call for it, signing one message does. */
  private static PublicKey derivePublic(PrivateKey key) {
    try {
      byte[] encoded = key.getEncoded();
      // PKCS#8 of Ed25519 ends with the 32-byte seed; the JDK derives the pair from that seed
      // through a seeded generator.
      byte[] seed = java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(new java.security.spec.NamedParameterSpec("Ed25519"), new FixedSeed(seed));
      KeyPair pair = generator.generateKeyPair();
      if (!java.util.Arrays.equals(pair.getPrivate().getEncoded(), encoded)) {
        throw new IllegalStateException("cannot derive the audit public key");
      }
      return pair.getPublic();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
  }

  /** Hands the generator the key's own seed, so it rebuilds the same pair. */
  private static final class FixedSeed extends java.security.SecureRandom {
    private final byte[] seed;

    FixedSeed(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
    }
  }
}
