package dev.pave.api.audit;

import dev.pave.workflows.catalog.CatalogModule;
import dev.pave.workflows.catalog.ModuleCatalog;
import dev.pave.workflows.crypto.Hashes;
import dev.pave.workflows.policy.Policy;
import dev.pave.workflows.policy.PolicySet;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * What this process started with: every module's and every policy's content hash, and one hash
 * over each set, so an auditor can tell which rules were in force between two starts.
 */
public final class StartupEvents {

  private StartupEvents() {}

  public static void record(Jdbi jdbi, ModuleCatalog catalog, PolicySet policies) {
    Map<String, String> modules = new TreeMap<>();
    for (CatalogModule module : catalog.modules()) {
      modules.put(module.name() + "@" + module.version(), module.contentHash());
    }
    Map<String, String> rules = new TreeMap<>();
    for (Policy policy : policies.policies()) {
      rules.put(policy.name(), policy.contentHash());
    }
    jdbi.useTransaction(handle -> {
      AuditLog.append(handle, AuditEvent.bySystem("catalog.loaded", "catalog", setOf("modules", modules)));
      AuditLog.append(handle, AuditEvent.bySystem("policies.loaded", "policies", setOf("policies", rules)));
    });
  }

  /** {name: {member: hash}, hash: sha256 of the canonical JSON of that member map}. */
  private static Map<String, Object> setOf(String name, Map<String, String> members) {
    Map<String, Object> details = new TreeMap<>();
    details.put(name, members);
    details.put("hash", Hashes.sha256(CanonicalJson.bytes(CanonicalJson.mapper().valueToTree(members))));
    return details;
  }
}
