package dev.pave.api.wiring;

import dev.pave.api.PaveConfiguration;
import dev.pave.api.core.ClosingHistorySnapshots;
import dev.pave.api.core.HistoryArchiver;
import dev.pave.api.core.RunAdmission;
import dev.pave.api.core.RunStarter;
import dev.pave.api.db.JdbiGuardrailLedger;
import dev.pave.api.db.JdbiRequestLedger;
import dev.pave.api.db.RequestMoves;
import dev.pave.api.db.WorkflowHistoryStore;
import dev.pave.api.webhooks.WebhooksFeature;
import dev.pave.workflows.activities.TerraformRunConfig;
import dev.pave.workflows.activities.WorkspaceStates;
import dev.pave.workflows.terraform.Terraform;
import dev.pave.workflows.terraform.TerraformSettings;
import dev.pave.workflows.webhooks.WebhookWorker;
import dev.pave.workflows.worker.ProvisionWorker;
import dev.pave.workflows.worker.WorkerDependencies;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What makes a process a worker: the provisioning worker (with the resumption of unfinished
 * requests) and the history archiving beside it. Both are managed, so they start with the
 * process, after everything they use, and stop first.
 */
public final class WorkerComponents {

  private WorkerComponents() {}

  public static void register(PaveConfiguration config, Environment environment, PaveServices services) {
    WorkflowHistoryStore histories = new WorkflowHistoryStore(services.jdbi());
    RunStarter runs = new RunStarter(services.provisioning(), services.jdbi());
    // Runs end here, so this is where a freed slot is handed to the team's next waiting request.
    RunAdmission admission = new RunAdmission(services.jdbi(), runs, config.limits.runsPerTeam, Clock.systemUTC());
    environment.lifecycle().manage(new WorkerLifecycle(worker(config, environment, services, histories, admission),
        runs, admission));
    // Managed after the worker, so stopped before it: the last sweep waits for workflows still
    // closing, which needs the worker, and ends before Temporal stops.
    environment.lifecycle().manage(new HistoryArchiving(new HistoryArchiver(services.provisioning(),
        histories, Clock.systemUTC())));
    environment.lifecycle().manage(WebhooksFeature.deliveries(webhookWorker(config, environment, services),
        services.jdbi(), services.webhookDeliveryRuns(config.webhooks), config.webhooks));
  }

  /** Webhook deliveries run where request runs do: their moves are what record them. */
  private static Managed webhookWorker(PaveConfiguration config, Environment environment, PaveServices services) {
    WebhookWorker worker = new WebhookWorker(services.temporal().client(),
        WebhooksFeature.attempts(environment, services.jdbi(), services.secrets(), config));
    return new Managed() {
      @Override
      public void start() {
        worker.start();
      }

      @Override
      public void stop() {
        worker.stop();
      }
    };
  }

  private static ProvisionWorker worker(PaveConfiguration config, Environment environment, PaveServices services,
      WorkflowHistoryStore histories, RequestMoves afterMove) {
    TerraformSettings settings = new TerraformSettings(Path.of(config.terraform.binary),
        config.terraform.cliConfigFile == null ? null : Path.of(config.terraform.cliConfigFile),
        config.terraform.commandTimeout);
    DatabaseEndpoints databases = services.databases().endpoints();
    Map<String, String> terraformEnvironment = new LinkedHashMap<>(databases.terraformEnvironment());
    terraformEnvironment.putAll(config.terraform.environment);
    DataSource statePool = services.databases().statePool(environment);
    TerraformRunConfig runConfig = new TerraformRunConfig(new Terraform(settings), settings,
        services.home().resolve("work"), databases.stateConnection(), Map.copyOf(terraformEnvironment),
        services.platformInputs(), config.terraform.lockTimeout,
        statePool == null ? WorkspaceStates.NONE : new JdbcWorkspaceStates(statePool));
    // One in-process worker keeps its workflows cached; a cluster's workers must be able to take
    // over each other's workflows at once (see ProvisionWorker).
    return new ProvisionWorker(services.temporal().client(), config.temporal.maxConcurrentRuns,
        services.temporal().embedded(), new WorkerDependencies(
            new JdbiRequestLedger(services.jdbi(), environment.getObjectMapper(), afterMove),
            new JdbiGuardrailLedger(services.jdbi()), services.catalog(), services.policies(), runConfig,
            services.secrets(), new ClosingHistorySnapshots(services.provisioning(), histories),
            config.approvalTimeout, Clock.systemUTC()));
  }
}
