package dev.pave.workflows.activities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pave.workflows.catalog.CatalogModule;
import dev.pave.workflows.catalog.ModuleCatalog;
import dev.pave.workflows.catalog.ModuleInput;
import dev.pave.workflows.contract.FailureType;
import dev.pave.workflows.contract.RequestStatus;
import dev.pave.workflows.contract.RunRefused;
import dev.pave.workflows.contract.StepName;
import dev.pave.workflows.crypto.Hashes;
import dev.pave.workflows.crypto.SecretBox;
import dev.pave.workflows.policy.PolicySet;
import dev.pave.workflows.terraform.ApplyResult;
import dev.pave.workflows.terraform.BackendUnavailableException;
import dev.pave.workflows.terraform.OutputValue;
import dev.pave.workflows.terraform.PlanOptions;
import dev.pave.workflows.terraform.PlanResult;
import dev.pave.workflows.terraform.StalePlanException;
import dev.pave.workflows.terraform.StateLockedException;
import dev.pave.workflows.terraform.TerraformEnvironment;
import dev.pave.workflows.terraform.TerraformException;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Thin adapters from the workflow's steps to the Terraform wrapper and Pave's tables. */
public final class ProvisionActivitiesImpl implements ProvisionActivities {

  private static final String SYSTEM = "system";

  private final RequestLedger ledger;
  private final GuardrailLedger guardrails;
  private final ModuleCatalog catalog;
  private final TerraformRunConfig config;
  private final WorkingDirectories directories;
  private final InitializedModules initializedModules;
  private final SecretBox secrets;
  private final PolicyChecks policyChecks;
  private final HistorySnapshots snapshots;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private volatile String terraformVersion;
  private volatile boolean legacyStatesAdopted;

  public ProvisionActivitiesImpl(RequestLedger ledger, GuardrailLedger guardrails, ModuleCatalog catalog,
      PolicySet policies, TerraformRunConfig config, SecretBox secrets, HistorySnapshots snapshots, Clock clock) {
    this.ledger = ledger;
    this.snapshots = snapshots;
    this.policyChecks = new PolicyChecks(ledger, guardrails, policies, clock);
    this.guardrails = guardrails;
    this.catalog = catalog;
    this.config = config;
    this.directories = new WorkingDirectories(config.workRoot());
    this.initializedModules = new InitializedModules(config.workRoot());
    this.secrets = secrets;
    this.clock = clock;
  }

  @Override
  public Admission admit(String requestId) {
    return ledger.session(() -> {
      if (!ledger.claimWorkspace(requestId)) {
        return Admission.waiting();
      }
      RunRequest request = load(requestId);
      RunStart start = begin(request);
      boolean checkRequest = start.phase() == RunStart.Phase.START && !start.cancelRequested();
      return new Admission(true, start, checkRequest ? policyChecks.request(request, module(request)) : null);
    });
  }

  private RunStart begin(RunRequest request) {
    String requestId = request.id();
    if (request.status() == RequestStatus.QUEUED) {
      ledger.stepStarted(requestId, StepName.QUEUE, request.createdAt(), SYSTEM);
      ledger.stepFinished(requestId, StepName.QUEUE, clock.instant(), "ok", null);
      return new RunStart(request.action(), RunStart.Phase.START, request.cancelRequested());
    }
    // A restart: the workflow resumes from the last step that can be resumed safely.
    boolean hasPlan = ledger.loadPlan(requestId).isPresent();
    RunStart.Phase phase = !hasPlan ? RunStart.Phase.START
        : request.status() == RequestStatus.AWAITING_APPROVAL ? RunStart.Phase.APPROVAL
        : request.status() == RequestStatus.APPLYING ? RunStart.Phase.APPLY
        : RunStart.Phase.START;
    if (phase != RunStart.Phase.APPROVAL) {
      ledger.interruptOpenSteps(requestId, clock.instant());
    }
    return new RunStart(request.action(), phase, request.cancelRequested());
  }

  @Override
  public PlanOutcome initAndPlan(String requestId) {
    RunRequest request = load(requestId);
    init(request);
    return plan(request);
  }

  private void init(RunRequest request) {
    ledger.setStatus(request.id(), RequestStatus.PLANNING);
    // The step is what init would give a request: a working directory ready to plan in.
    logged(request, StepName.INIT, log -> step(request.id(), StepName.INIT, () -> {
      CatalogModule module = module(request);
      try {
        String printed = initializedModules.of(module, config.terraform(), environment(null), config.lockTimeout()).output();
        log.text("# terraform init of " + module.name() + " " + module.version()
            + ", run once per worker: this request's working directory is a copy of what it made");
        log.text(printed);
      } catch (TerraformException failed) {
        log.text(failed.getMessage()); // init prints its errors to stderr, which only the message keeps
        throw failed;
      }
      return workingDirectory(request);
    }));
  }

  @Override
  public PlanOutcome plan(String requestId) {
    // A plan made again (the state moved): the lifecycle's move back to planning, then checking.
    ledger.setStatus(requestId, RequestStatus.PLANNING);
    return plan(load(requestId));
  }

  private PlanOutcome plan(RunRequest request) {
    String requestId = request.id();
    PlannedRun planned = logged(request, StepName.PLAN, log -> step(requestId, StepName.PLAN, () -> request.speculative()
        ? StateLeftAsFound.during(config.states(), request.workspace(), EmptyState.of(terraformVersion()),
            () -> planAndSave(request, log))
        : planAndSave(request, log)));
    // Checked here, on the JSON in hand, before the workflow can ask for an apply of this plan.
    PolicyCheck check = policyChecks.plan(request, module(request), planned.json(), planned.sha256());
    var summary = planned.result().summary();
    return new PlanOutcome(planned.result().hasChanges(), summary.add(), summary.change(), summary.destroy(),
        planned.sha256(), check);
  }

  /** Plans into the request's working directory and stores the plan (sealed) with its JSON. */
  private PlannedRun planAndSave(RunRequest request, StepLog log) {
    String requestId = request.id();
    Path dir = workingDirectory(request);
    Path planFile = dir.resolve(WorkingDirectories.PLAN_FILE);
    PlanResult result = config.terraform().plan(dir, environment(request),
        new PlanOptions(dir.resolve(WorkingDirectories.VAR_FILE), planFile, request.destroy(), config.lockTimeout()),
        log::event);
    byte[] plan = readAll(planFile);
    String sha256 = Hashes.sha256(plan);
    // Policies read the plan as JSON; it is made here, once, beside the plan file it describes.
    JsonNode planDocument = config.terraform().show(dir, environment(request), planFile).raw();
    byte[] planJson = planDocument.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    var summary = result.summary();
    ledger.savePlan(requestId, new SavedPlan(secrets.seal(plan, requestId), sha256, secrets.seal(planJson, requestId)),
        summary.add(), summary.change(), summary.destroy());
    return new PlannedRun(result, sha256, planDocument);
  }

  /** The request, or Temporal's non-retryable failure when the ledger refuses it (a retry cannot help). */
  private RunRequest load(String requestId) {
    try {
      return ledger.load(requestId);
    } catch (RunRefused refused) {
      throw FailureType.UNKNOWN_REQUEST.failure(refused.getMessage());
    }
  }

  private Optional<String> startApplying(String requestId) {
    try {
      return ledger.startApplying(requestId);
    } catch (RunRefused refused) {
      throw FailureType.UNKNOWN_REQUEST.failure(refused.getMessage());
    }
  }

  private record PlannedRun(PlanResult result, String sha256, JsonNode json) {}

  @Override
  public ApplyOutcome apply(String requestId) {
    RunRequest request = load(requestId);
    if (request.status() == RequestStatus.SUCCEEDED) {
      return ApplyOutcome.done(); // a retry after the apply succeeded and was recorded, but its completion was lost
    }
    Optional<String> cancelledBy = startApplying(requestId);
    if (cancelledBy.isPresent()) {
      return ApplyOutcome.cancelledBy(cancelledBy.get());
    }
    logged(request, StepName.APPLY, log -> step(requestId, StepName.APPLY, () -> {
      SavedPlan saved = ledger.loadPlan(requestId)
          .orElseThrow(() -> FailureType.TERRAFORM_FAILED.failure("no saved plan to apply"));
      byte[] plan = secrets.open(saved.sealed(), requestId);
      if (!Hashes.sha256(plan).equals(saved.sha256())) {
        // Fail closed: only the plan that was checked may be applied.
        throw FailureType.TERRAFORM_FAILED.failure("the saved plan does not match its recorded hash");
      }
      if (request.approvalRequired() && guardrails.decision(requestId, saved.sha256())
          .filter(ApprovalDecision::approved).isEmpty()) {
        // Fail closed: the approval was given for a plan, and only that plan may be applied.
        throw FailureType.TERRAFORM_FAILED.failure(
            "the plan to apply is not the plan that was approved; nothing was applied");
      }
      Path dir = workingDirectory(request);
      Path planFile = dir.resolve(WorkingDirectories.PLAN_FILE);
      write(planFile, plan);
      Map<String, String> env = environment(request);
      // An earlier attempt here applied but could not save its state (the database went away):
      // that state goes in first, the saved plan is then stale, and it is planned again, not applied twice.
      config.terraform().pushErroredState(dir, env, config.lockTimeout());
      // A destroy (or an update) may print what the workspace's state already holds as sensitive.
      config.states().read(request.workspace()).flatMap(StateOutputs::of)
          .ifPresent(before -> maskSensitive(log, before));
      ApplyResult applied = config.terraform().apply(dir, env, planFile, config.lockTimeout(), log::event);
      if (!request.destroy()) {
        // Read from the state the apply just wrote: one query instead of a fourth Terraform process.
        Map<String, OutputValue> outputs = config.states().read(request.workspace())
            .flatMap(StateOutputs::of)
            .orElseGet(() -> config.terraform().outputs(dir, env));
        // A provisioner may have printed what the module only declares sensitive at its output.
        maskSensitive(log, outputs);
        recordOutputs(request, outputs);
      }
      return applied;
    }));
    // Succeeded the moment the apply and its outputs are recorded; handing the workspace on to
    // the next request (finish) is not part of this request's lead time.
    end(requestId, RequestStatus.SUCCEEDED, null);
    return ApplyOutcome.done();
  }

  @Override
  public String finish(String requestId, RequestStatus status, String error) {
    end(requestId, status, error);
    directories.remove(requestId);
    return ledger.nextInLine(requestId).orElse(null);
  }

  /**
   * The terminal move, after a snapshot of the workflow's history: once a request shows as
   * ended, what its workflow did up to here is stored, whatever happens to the process next.
   */
  private void end(String requestId, RequestStatus status, String error) {
    snapshots.keep(requestId);
    ledger.end(requestId, status, clock.instant(), error);
  }

  private void recordOutputs(RunRequest request, Map<String, OutputValue> outputs) {
    Map<String, JsonNode> visible = new LinkedHashMap<>();
    List<String> sensitiveNames = new ArrayList<>();
    ObjectNode sensitive = json.createObjectNode();
    outputs.forEach((name, output) -> {
      if (output.sensitive()) {
        sensitiveNames.add(name);
        sensitive.set(name, output.value());
      } else {
        visible.put(name, output.value());
      }
    });
    byte[] sealed = secrets.seal(sensitive.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "workspace:" + request.workspace());
    ledger.recordOutputs(request.id(), visible, sensitiveNames, sealed);
  }

  /**
   * Runs a step's work with its log, and keeps the log whatever the outcome: a failed plan's
   * output is the one most read. Only activity internals: the workflow's commands are unchanged.
   */
  private <T> T logged(RunRequest request, StepName step, Function<StepLog, T> work) {
    StepLog log = new StepLog(secretsOf(request));
    T result;
    try {
      result = work.apply(log);
    } catch (RuntimeException | Error e) {
      try {
        keep(request, step, log);
      } catch (RuntimeException notKept) {
        e.addSuppressed(notKept);
      }
      throw e;
    }
    keep(request, step, log);
    return result;
  }

  private static void maskSensitive(StepLog log, Map<String, OutputValue> outputs) {
    outputs.values().stream().filter(OutputValue::sensitive).forEach(output -> log.mask().addValue(output.value()));
  }

  private void keep(RunRequest request, StepName step, StepLog log) {
    StepLog.Kept kept = log.kept();
    ledger.recordStepOutput(request.id(), step, kept.output(), kept.truncated());
  }

  /**
   * What this request's Terraform output must not show: its sensitive inputs and the platform's
   * secrets in Terraform's environment (its sensitive outputs join once the apply has made them).
   */
  private SecretMask secretsOf(RunRequest request) {
    SecretMask mask = new SecretMask().addEnvironment(environment(request));
    catalog.find(request.module(), request.version()).ifPresent(module -> module.inputs().stream()
        .filter(ModuleInput::sensitive)
        .forEach(input -> mask.addValue(request.inputs() == null ? null : request.inputs().get(input.name()))));
    return mask;
  }

  /** Runs one recorded step: opens it, heartbeats, closes it with its outcome, maps Terraform errors. */
  private <T> T step(String requestId, StepName name, Supplier<T> work) {
    ledger.stepStarted(requestId, name, clock.instant(), SYSTEM);
    try {
      T result = Heartbeats.during(work);
      ledger.stepFinished(requestId, name, clock.instant(), "ok", null);
      return result;
    } catch (StateLockedException locked) {
      // Another process holds the state: a retry waits its turn, the step stays open.
      throw FailureType.STATE_LOCKED.failure(locked.getMessage());
    } catch (BackendUnavailableException unreachable) {
      // The state database is down: nothing changed, so the step waits and retries (step stays open).
      throw FailureType.BACKEND_UNAVAILABLE.failure(unreachable.getMessage());
    } catch (StalePlanException stale) {
      // Not a failure of the request: the workflow plans and checks again, never applies blind.
      ledger.stepFinished(requestId, name, clock.instant(), "stale", null);
      throw FailureType.STALE_PLAN.failure(stale.getMessage());
    } catch (TerraformException failed) {
      ledger.stepFinished(requestId, name, clock.instant(), "failed", null);
      throw FailureType.TERRAFORM_FAILED.failure(failed.getMessage());
    } catch (ApplicationFailure failure) {
      if (failure.isNonRetryable()) {
        ledger.stepFinished(requestId, name, clock.instant(), "failed", null);
      }
      throw failure;
    }
  }

  /**
   * The request's directory, ready for plan or apply: built by this worker for an earlier step of
   * the request, or built now (the init step, or another worker's step taken over, or a restart).
   */
  private Path workingDirectory(RunRequest request) {
    Path dir = directories.of(request.id());
    if (Files.isDirectory(dir)) {
      return dir;
    }
    CatalogModule module = module(request);
    Path initialized = initializedModules.of(module, config.terraform(), environment(null), config.lockTimeout()).dir();
    adoptLegacyStatesOnce();
    if (!request.speculative()) { // a speculative plan brings its own, and takes it away (StateLeftAsFound)
      // Init has made the schema and its table; an empty state row now spares the first plan and
      // apply the pg backend's database-wide creation lock (see WorkspaceStates).
      config.states().createIfMissing(request.workspace(), EmptyState.of(terraformVersion()));
    }
    return directories.prepare(request, module, config, initialized);
  }

  /**
   * Before this process seeds any empty state: a workspace whose state an earlier version kept in
   * a schema of its own must find that state, not an empty one.
   */
  private void adoptLegacyStatesOnce() {
    if (legacyStatesAdopted) {
      return;
    }
    synchronized (this) {
      if (!legacyStatesAdopted && !config.states().adoptLegacyStates()) {
        throw FailureType.BACKEND_UNAVAILABLE.failure("cannot reach the Terraform state database yet");
      }
      legacyStatesAdopted = true;
    }
  }

  private String terraformVersion() {
    String version = terraformVersion;
    if (version == null) {
      version = config.terraform().version();
      terraformVersion = version;
    }
    return version;
  }

  private CatalogModule module(RunRequest request) {
    return catalog.find(request.module(), request.version())
        .orElseThrow(() -> FailureType.TERRAFORM_FAILED.failure(
            "module " + request.module() + " " + request.version() + " is no longer in the catalog"));
  }

  /** Terraform's environment for a request's workspace, or for none (init of a module version). */
  private Map<String, String> environment(RunRequest request) {
    Map<String, String> extra = new HashMap<>(config.environment());
    extra.put("PG_CONN_STR", config.stateConnection());
    return TerraformEnvironment.minimal(config.workRoot().resolve(".home"), config.settings(), extra,
        request == null ? null : request.workspace());
  }

  private static byte[] readAll(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, byte[] data) {
    try {
      Files.write(file, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
