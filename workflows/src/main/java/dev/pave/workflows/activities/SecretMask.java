package dev.pave.workflows.activities;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets a request's Terraform output must never show, and their masking. Terraform hides
 * what it knows to be sensitive, but not what a provisioner prints from its environment, nor a
 * value a module only marks sensitive at its output: so the request's sensitive inputs, its
 * sensitive outputs and the platform's own secrets are replaced wherever they appear.
 *
 * <p>Values shorter than {@link #MIN_LENGTH} are left alone: masking every "on" or "5" would
 * garble the log and hide nothing a guess would not find.
 */
public final class SecretMask {

  public static final String MASK = "(masked)";
  static final int MIN_LENGTH = 4;

  /** Terraform's environment that Pave sets and that holds nothing secret; all the rest is the platform's. */
  private static final Set<String> NOT_SECRET = Set.of("PATH", "HOME", "TF_IN_AUTOMATION", "TF_INPUT",
      "CHECKPOINT_DISABLE", "TF_CLI_CONFIG_FILE", "TF_WORKSPACE", "GOGC", "GOMEMLIMIT");
  /** The password of a URL ({@code postgres://user:password@host}) or a libpq keyword string. */
  private static final Pattern PASSWORD_IN_CONNECTION = Pattern.compile("://[^:/@\\s]*:([^@\\s]+)@|password=(\\S+)");

  // Longest first, so a secret that contains another is masked whole.
  private final Set<String> secrets = new TreeSet<>(
      Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));

  /**
   * Every value of Terraform's environment but Pave's own switches: {@code terraform.environment}
   * is where an operator hands Terraform a target's password, and PG_CONN_STR holds the state
   * database's; a password inside a connection string is also masked on its own.
   */
  public SecretMask addEnvironment(Map<String, String> environment) {
    environment.forEach((name, value) -> {
      if (!NOT_SECRET.contains(name) && value != null) {
        add(value);
        Matcher password = PASSWORD_IN_CONNECTION.matcher(value);
        while (password.find()) {
          add(password.group(1) != null ? password.group(1) : password.group(2));
        }
      }
    });
    return this;
  }

  /** A sensitive value: every string and number inside it. */
  public SecretMask addValue(JsonNode value) {
    if (value == null || value.isNull()) {
      return this;
    }
    if (value.isContainerNode()) {
      value.forEach(this::addValue);
    } else {
      add(value.asText());
    }
    return this;
  }

  public synchronized SecretMask add(String secret) {
    if (secret != null && secret.length() >= MIN_LENGTH) {
      secrets.add(secret);
    }
    return this;
  }

  public synchronized String apply(String text) {
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }
}
