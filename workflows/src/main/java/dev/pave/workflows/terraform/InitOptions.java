package dev.pave.workflows.terraform;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Options of {@code terraform init}.
 *
 * @param backendConfig {@code -backend-config=key=value} pairs (e.g. {@code schema_name}); values
 *     show up in {@code ps}, so secrets belong in the environment (PG_CONN_STR), not here
 * @param lockTimeout how long to wait for the state lock; null means Terraform's default (none)
 */
public record InitOptions(Map<String, String> backendConfig, Duration lockTimeout) {

  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  public InitOptions {
    Map<String, String> sorted = new TreeMap<>(); // sorted: the same options give the same arguments
    if (backendConfig != null) {
      backendConfig.forEach((key, value) -> {
        if (key == null || !KEY.matcher(key).matches()) {
          throw new IllegalArgumentException("invalid backend config key: " + key);
        }
        sorted.put(key, Objects.requireNonNull(value, () -> "backend config " + key));
      });
    }
    backendConfig = Collections.unmodifiableMap(sorted);
    TerraformFlags.checkLockTimeout(lockTimeout);
  }

  public static InitOptions defaults() {
    return new InitOptions(Map.of(), null);
  }
}
