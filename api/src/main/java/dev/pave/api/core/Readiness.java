package dev.pave.api.core;

import dev.pave.workflows.contract.Provisioning;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Can Pave accept and run requests right now? Each dependency answers "ok" or why not. */
public final class Readiness {

  private final Jdbi jdbi;
  private final Provisioning provisioning;

  public Readiness(Jdbi jdbi, Provisioning provisioning) {
    this.jdbi = jdbi;
    this.provisioning = provisioning;
  }

  public Map<String, String> check() {
    Map<String, String> checks = new LinkedHashMap<>();
    try {
      jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
      checks.put("database", "ok");
    } catch (RuntimeException e) {
      checks.put("database", "unreachable");
    }
    checks.put("temporal", provisioning.reachable() ? "ok" : "unreachable");
    return checks;
  }
}
