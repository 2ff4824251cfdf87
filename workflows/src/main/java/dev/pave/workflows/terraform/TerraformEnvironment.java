package dev.pave.workflows.terraform;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The whole environment of a Terraform process. The child starts from nothing, so no worker
 * variable (cloud credentials, TF_* settings, a proxy) changes what a module does by accident.
 */
public final class TerraformEnvironment {

  /** Prefixes of variables that would let a caller change inputs, arguments or logging. */
  private static final List<String> RESERVED_PREFIXES = List.of("TF_VAR_", "TF_CLI_ARGS", "TF_LOG");

  private static final String DEV_NULL = "/dev/null";

  /**
   * Go's garbage collector, tuned for short-lived processes: no collection until the heap reaches
   * the limit. A small plan or show otherwise spends a fifth of its time collecting a heap that
   * is still growing (docs/BENCHMARKS.md). The limit keeps a large state's memory bounded; the
   * providers Terraform starts inherit both. Defaults only: {@code terraform.environment} may set
   * either ({@code GOGC: "100"} is Go's own default).
   */
  static final Map<String, String> GO_RUNTIME_DEFAULTS = Map.of("GOGC", "off", "GOMEMLIMIT", "512MiB");

  private TerraformEnvironment() {}

  /**
   * PATH (the JVM's), HOME, the automation switches, the CLI config file and the Go runtime's
   * defaults, plus {@code extra} (e.g. PG_CONN_STR for the state backend, PGPASSWORD for a
   * module's provisioners, GOGC to override a default).
   *
   * @throws IllegalArgumentException if {@code extra} names TF_VAR_*, TF_CLI_ARGS*, TF_WORKSPACE,
   *     TF_LOG* or one of the variables set here: inputs travel only in .tfvars.json files
   */
  public static Map<String, String> minimal(Path home, TerraformSettings settings, Map<String, String> extra) {
    return minimal(home, settings, extra, null);
  }

  /**
   * As {@link #minimal(Path, TerraformSettings, Map)}, with the Terraform workspace (the state a
   * command reads and writes) selected through TF_WORKSPACE; null for the default workspace.
   */
  public static Map<String, String> minimal(Path home, TerraformSettings settings, Map<String, String> extra,
      String workspace) {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(settings, "settings");
    Map<String, String> env = new TreeMap<>();
    env.put("PATH", Objects.requireNonNullElse(System.getenv("PATH"), "/usr/local/bin:/usr/bin:/bin"));
    env.put("HOME", home.toString());
    env.put("TF_IN_AUTOMATION", "1");
    env.put("TF_INPUT", "0");
    env.put("CHECKPOINT_DISABLE", "1");
    env.put("TF_CLI_CONFIG_FILE",
        settings.cliConfigFile() == null ? DEV_NULL : settings.cliConfigFile().toString());
    for (Map.Entry<String, String> e : (extra == null ? Map.<String, String>of() : extra).entrySet()) {
      String name = e.getKey();
      checkAllowed(name, env);
      env.put(name, Objects.requireNonNull(e.getValue(), () -> "value of " + name));
    }
    GO_RUNTIME_DEFAULTS.forEach(env::putIfAbsent);
    if (workspace != null) {
      if (workspace.isEmpty() || workspace.chars().anyMatch(c -> c < 0x21 || c == '/')) {
        throw new IllegalArgumentException("invalid Terraform workspace name: " + workspace);
      }
      env.put("TF_WORKSPACE", workspace);
    }
    return Collections.unmodifiableMap(env);
  }

  private static void checkAllowed(String name, Map<String, String> fixed) {
    if (name == null || name.isEmpty() || name.contains("=") || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("invalid environment variable name: " + name);
    }
    boolean reserved = name.equals("TF_WORKSPACE") || RESERVED_PREFIXES.stream().anyMatch(name::startsWith);
    if (reserved) {
      throw new IllegalArgumentException(name + " is controlled by Pave and cannot be passed to Terraform");
    }
    if (fixed.containsKey(name)) {
      throw new IllegalArgumentException(name + " is set by TerraformEnvironment and cannot be overridden");
    }
  }
}
