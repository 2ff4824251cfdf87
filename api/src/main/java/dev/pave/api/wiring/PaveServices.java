package dev.pave.api.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.config.WebhookSettings;
import dev.pave.workflows.client.TemporalWebhookDeliveryRuns;
import dev.pave.workflows.contract.WebhookDeliveryRuns;
import dev.pave.api.audit.CheckpointKey;
import dev.pave.api.audit.StartupEvents;
import dev.pave.api.core.CostEstimates;
import dev.pave.api.home.PrivateFiles;
import dev.pave.workflows.catalog.ModuleCatalog;
import dev.pave.workflows.contract.Provisioning;
import dev.pave.workflows.crypto.SecretBox;
import dev.pave.workflows.policy.PolicyLoader;
import dev.pave.workflows.policy.PolicySet;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jdbi3.JdbiFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * What both `pave server` and `pave worker` run on, already started (see {@link #start} for the
 * order). A value handed to the features that need it, never something that starts itself.
 *
 * @param auditKey signs the audit trail's checkpoints (audit.signingKey, or PAVE_HOME/audit-signing.key)
 * @param platformInputs the values of platform inputs: this setup's own (the embedded target
 *     server), overridden by the configuration's. Workers hand them to Terraform; the API scopes
 *     name reservations by them
 */
public record PaveServices(Path home, Jdbi jdbi, ModuleCatalog catalog, PolicySet policies, CostEstimates costs,
    SecretBox secrets, CheckpointKey auditKey, Map<String, JsonNode> platformInputs, PaveDatabases databases,
    TemporalConnection temporal) {

  /**
   * In dependency order: the catalog, the policies and the cost formulas are checked before any
   * database starts (a broken one stops Pave here, naming the file, instead of failing open
   * later); then the databases, the migrations, Jdbi, the sealing key (and a rotation's
   * resealing), the audit key and the startup audit events, and last the Temporal connection.
   */
  public static PaveServices start(PaveConfiguration config, Environment environment, StartSequence components) {
    Path home = privateHome(config.home);
    ModuleCatalog catalog = ModuleCatalog.load(Path.of(config.modulesDir).toAbsolutePath().normalize());
    PolicySet policies = PolicyLoader.load(Path.of(config.policiesDir).toAbsolutePath().normalize());
    CostEstimates costs = new CostEstimates(catalog);
    PaveDatabases databases = components.start(new PaveDatabases(config, home));
    components.start(new Migrations(databases));
    Jdbi jdbi = new JdbiFactory().build(environment, databases.pavePool(), "pave");
    boolean singleMachine = databases.embedded() && config.temporal.embedded();
    SecretBox secrets = EncryptionKey.load(config.encryptionKey, config.previousEncryptionKeys, home, singleMachine);
    SealedDataRotation.resealAll(jdbi, secrets);
    CheckpointKey auditKey = CheckpointKey.load(config.audit.signingKey, config.audit.previousPublicKeys, home,
        singleMachine);
    StartupEvents.record(jdbi, catalog, policies);
    TemporalConnection temporal = components.start(new TemporalConnection(config.temporal));
    return new PaveServices(home, jdbi, catalog, policies, costs, secrets, auditKey,
        platformInputs(databases, config, environment.getObjectMapper()), databases, temporal);
  }

  /** The door to webhook deliveries' runs, with the retry schedule and attempt timeout of {@code settings}. */
  public WebhookDeliveryRuns webhookDeliveryRuns(WebhookSettings settings) {
    return new TemporalWebhookDeliveryRuns(temporal.client(), settings.retrySchedule, settings.attemptTimeout);
  }

  /** The API's door to request runs (start, signal, cancel, describe, history). */
  public Provisioning provisioning() {
    return temporal.provisioning();
  }

  /**
   * Plans, the sealing key and the embedded servers' passwords live in PAVE_HOME: Pave's OS user
   * only. An older Pave left it 0755 (and plan files 0644); tightened at every start.
   */
  static Path privateHome(String configured) {
    Path home = Path.of(configured).toAbsolutePath().normalize();
    PrivateFiles.folder(home);
    PrivateFiles.tighten(home);
    return home;
  }

  private static Map<String, JsonNode> platformInputs(PaveDatabases databases, PaveConfiguration config,
      ObjectMapper json) {
    Map<String, JsonNode> platformInputs = new LinkedHashMap<>();
    databases.endpoints().platformDefaults().forEach((k, v) -> platformInputs.put(k, json.valueToTree(v)));
    config.platformInputs.forEach((k, v) -> platformInputs.put(k, json.valueToTree(v)));
    return Map.copyOf(platformInputs);
  }
}
