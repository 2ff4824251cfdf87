package dev.pave.api.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.audit.CheckpointKey;
import dev.pave.api.audit.StartupEvents;
import dev.pave.api.core.CostEstimates;
import dev.pave.api.db.JdbiGuardrailLedger;
import dev.pave.api.db.JdbiRequestLedger;
import dev.pave.api.home.PrivateFiles;
import dev.pave.workflows.activities.TerraformRunConfig;
import dev.pave.workflows.activities.WorkspaceStates;
import dev.pave.workflows.catalog.ModuleCatalog;
import dev.pave.workflows.crypto.SecretBox;
import dev.pave.workflows.terraform.Terraform;
import dev.pave.workflows.terraform.TerraformSettings;
import dev.pave.workflows.policy.PolicyLoader;
import dev.pave.workflows.policy.PolicySet;
import dev.pave.workflows.worker.ProvisionWorker;
import dev.pave.workflows.worker.WorkerDependencies;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.util.Duration;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * Everything both `pave server` and `pave worker` need, built once, in dependency order:
 * databases (embedded or not), migrations, Jdbi, the catalog, the sealing key, Temporal.
 */
public final class PaveServices {

  public final Path home;
  public final Jdbi jdbi;
  public final ModuleCatalog catalog;
  public final PolicySet policies;
  public final CostEstimates costs;
  public final SecretBox secrets;
  /** Signs the audit trail's checkpoints (audit.signingKey, or PAVE_HOME/audit-signing.key). */
  public final CheckpointKey auditKey;
  public final WorkflowServiceStubs temporal;
  public final WorkflowClient client;
  public final boolean embeddedTemporal;
  private final DatabaseEndpoints databases;
  private final PaveConfiguration config;
  private final Environment environment;
  private final ObjectMapper json;

  private PaveServices(PaveConfiguration config, Environment environment) {
    this.config = config;
    this.environment = environment;
    this.json = environment.getObjectMapper();
    this.home = Path.of(config.home).toAbsolutePath().normalize();
    privateHome(home);
    // The catalog, the policies and the cost formulas are checked before anything runs (no
    // database is even started): a broken one stops Pave here, naming the file, instead of
    // failing open later.
    this.catalog = ModuleCatalog.load(Path.of(config.modulesDir).toAbsolutePath().normalize());
    this.policies = PolicyLoader.load(Path.of(config.policiesDir).toAbsolutePath().normalize());
    this.costs = new CostEstimates(catalog);
    boolean embeddedDatabase = config.database.embedded();
    this.embeddedTemporal = config.temporal.embedded();
    this.databases = embeddedDatabase
        ? EmbeddedDatabases.start(home, config.embedded, environment.lifecycle())
        : ExternalDatabase.of(config.database, config.terraform.stateDatabaseUrl);
    try {
      Flyway.configure().dataSource(databases.jdbcUrl(), databases.migrationUser(), databases.migrationPassword())
          .locations("classpath:db/migration").load().migrate();
      this.jdbi = new JdbiFactory().build(environment,
          pool(databases.jdbcUrl(), databases.user(), databases.password(), config.database.maxConnections), "pave");
      this.secrets = EncryptionKey.load(config.encryptionKey, config.previousEncryptionKeys, home,
          embeddedDatabase && embeddedTemporal);
      SealedDataRotation.resealAll(jdbi, secrets);
      this.auditKey = CheckpointKey.load(config.audit.signingKey, config.audit.previousPublicKeys, home,
          embeddedDatabase && embeddedTemporal);
      StartupEvents.record(jdbi, catalog, policies);
      if (embeddedTemporal) {
        dev.pave.api.embedded.EmbeddedTemporal service = new dev.pave.api.embedded.EmbeddedTemporal();
        environment.lifecycle().manage(service);
        this.temporal = service.stubs();
      } else {
        this.temporal = WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(config.temporal.target).build());
      }
      this.client = WorkflowClient.newInstance(temporal,
          WorkflowClientOptions.newBuilder().setNamespace(config.temporal.namespace).build());
    } catch (RuntimeException e) {
      // The lifecycle stops what it manages only once the server has started; this start never will.
      databases.stopServersQuietly(e);
      throw e;
    }
  }

  /**
   * Plans, the sealing key and the embedded servers' passwords live in PAVE_HOME: Pave's OS user
   * only. An older Pave left it 0755 (and plan files 0644); tightened at every start.
   */
  static void privateHome(Path home) {
    PrivateFiles.folder(home);
    PrivateFiles.tighten(home);
  }

  public static PaveServices build(PaveConfiguration config, Environment environment) {
    return new PaveServices(config, environment);
  }

  /** A worker for provisioning workflows, managed by the environment's lifecycle. */
  public ProvisionWorker worker() {
    TerraformSettings settings = new TerraformSettings(Path.of(config.terraform.binary),
        config.terraform.cliConfigFile == null ? null : Path.of(config.terraform.cliConfigFile),
        config.terraform.commandTimeout);
    Map<String, JsonNode> platformInputs = platformInputs();
    Map<String, String> terraformEnvironment = new LinkedHashMap<>(databases.terraformEnvironment());
    terraformEnvironment.putAll(config.terraform.environment);
    Path workRoot = home.resolve("work");
    TerraformRunConfig runConfig = new TerraformRunConfig(new Terraform(settings), settings, workRoot,
        databases.stateConnection(), Map.copyOf(terraformEnvironment), platformInputs,
        config.terraform.lockTimeout, databases.stateDatabase() == null ? WorkspaceStates.NONE
            : new JdbcWorkspaceStates(statePool(databases.stateDatabase())));
    // One in-process worker keeps its workflows cached; a cluster's workers must be able to take
    // over each other's workflows at once (see ProvisionWorker).
    return new ProvisionWorker(client, config.temporal.maxConcurrentRuns, embeddedTemporal, new WorkerDependencies(
        new JdbiRequestLedger(jdbi, json), new JdbiGuardrailLedger(jdbi), catalog, policies, runConfig, secrets,
        config.approvalTimeout, Clock.systemUTC()));
  }

  /**
   * The values of platform inputs: this setup's own (the embedded target server), overridden by
   * the configuration's. Workers hand them to Terraform; the API scopes name reservations by them.
   */
  public Map<String, JsonNode> platformInputs() {
    Map<String, JsonNode> platformInputs = new LinkedHashMap<>();
    databases.platformDefaults().forEach((k, v) -> platformInputs.put(k, json.valueToTree(v)));
    config.platformInputs.forEach((k, v) -> platformInputs.put(k, json.valueToTree(v)));
    return Map.copyOf(platformInputs);
  }

  /** A few connections to the Terraform state database, for the state rows Pave reads and seeds. */
  private DataSource statePool(StateDatabase state) {
    ManagedDataSource pool = pool(state.jdbcUrl(), state.user(), state.password(), 4)
        .build(environment.metrics(), "terraform-state");
    environment.lifecycle().manage(pool);
    return pool;
  }

  private static DataSourceFactory pool(String url, String user, String password, int maxSize) {
    DataSourceFactory factory = new DataSourceFactory();
    factory.setDriverClass("org.postgresql.Driver");
    factory.setUrl(url);
    factory.setUser(user);
    factory.setPassword(password);
    factory.setMaxSize(maxSize);
    factory.setMinSize(Math.min(2, maxSize));
    factory.setInitialSize(Math.min(2, maxSize));
    factory.setValidationQuery("/* pave health */ SELECT 1");
    factory.setCheckConnectionOnBorrow(true);
    factory.setMaxWaitForConnection(Duration.seconds(5));
    return factory;
  }

}
