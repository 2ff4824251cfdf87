package dev.pave.workflows.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Terraform CLI as Pave uses it: init, plan to a file, show it, apply exactly that file, read
 * outputs. Every call takes the child's whole environment (see {@link TerraformEnvironment}) and
 * throws a {@link TerraformException} (or a subclass) on failure. Thread-safe; one instance can
 * serve a whole worker, but Terraform itself allows one command per work dir at a time.
 */
public final class Terraform {

  /** Upper bound for a document printed by show/output/version; plans of thousands of resources fit. */
  private static final int MAX_DOCUMENT_CHARS = 64 << 20;

  /** What Terraform writes into the working directory when it cannot save state to the backend. */
  public static final String ERRORED_STATE = "errored.tfstate";

  private final TerraformSettings settings;
  private final TerraformRunner runner;

  public Terraform(TerraformSettings settings) {
    this(settings, new TerraformRunner(settings));
  }

  Terraform(TerraformSettings settings, TerraformRunner runner) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.runner = runner;
  }

  /** The CLI's version, e.g. "1.11.4", from {@code terraform version -json}. */
  public String version() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    JsonNode json = document(VersionCommand.args(), tmp, TerraformEnvironment.minimal(tmp, settings, Map.of()));
    return json.path("terraform_version").asText();
  }

  public void init(Path workDir, Map<String, String> env, InitOptions options) {
    init(workDir, env, options, line -> { });
  }

  /** As {@link #init(Path, Map, InitOptions)}, handing every line init prints to {@code stdout} (its reader thread). */
  public void init(Path workDir, Map<String, String> env, InitOptions options, java.util.function.Consumer<String> stdout) {
    // No -json for init before Terraform 1.9, so its diagnostics are read from stderr on failure.
    RunResult result = runner.run(InitCommand.args(options), workDir, env, stdout);
    if (result.exitCode() != 0) {
      throw TerraformFailures.of("init", result.exitCode(), List.of(), result.stderrTail());
    }
  }

  public PlanResult plan(Path workDir, Map<String, String> env, PlanOptions options, TerraformListener listener) {
    JsonEventStream events = new JsonEventStream("plan", listener);
    RunResult result = runner.run(PlanCommand.args(options), workDir, env, events);
    if (result.exitCode() != PlanCommand.EXIT_NO_CHANGES && result.exitCode() != PlanCommand.EXIT_CHANGES) {
      throw TerraformFailures.of("plan", result.exitCode(), events.diagnostics(), result.stderrTail());
    }
    return new PlanResult(result.exitCode() == PlanCommand.EXIT_CHANGES,
        events.changeSummary().orElse(ChangeSummary.NONE), events.warnings());
  }

  /**
   * The saved plan as JSON, every value Terraform marks sensitive already replaced (see {@link
   * SensitivePlanValues}): nothing downstream (policies, the stored copy) ever holds a secret.
   */
  public PlanDocument show(Path workDir, Map<String, String> env, Path planFile) {
    return PlanDocument.fromJson(SensitivePlanValues.redact(document(ShowCommand.args(planFile), workDir, env)));
  }

  /**
   * Applies the saved plan and nothing else.
   *
   * @throws StalePlanException if the state changed since the plan: plan and check again
   * @throws StateLockedException if another run holds the state lock past {@code lockTimeout}
   */
  public ApplyResult apply(
      Path workDir, Map<String, String> env, Path planFile, Duration lockTimeout, TerraformListener listener) {
    JsonEventStream events = new JsonEventStream("apply", listener);
    RunResult result = runner.run(ApplyCommand.args(planFile, lockTimeout), workDir, env, events);
    if (result.exitCode() != 0) {
      throw TerraformFailures.of("apply", result.exitCode(), events.diagnostics(), result.stderrTail());
    }
    return new ApplyResult(events.changeSummary().orElse(ChangeSummary.NONE), events.warnings());
  }

  /**
   * The state an apply could not save, handed to the backend now. When the backend goes away
   * while an apply saves its state, Terraform writes {@value #ERRORED_STATE} into the working
   * directory instead; without it a retry would apply the same plan a second time. After the push
   * the saved plan is stale, so it is planned (and checked) again, never applied twice. The file
   * is kept under another name for the record.
   *
   * @return whether there was such a file (and it is in the backend now)
   * @throws BackendUnavailableException if the backend is still away (the file stays for the next try)
   */
  public boolean pushErroredState(Path workDir, Map<String, String> env, Duration lockTimeout) {
    Path errored = workDir.resolve(ERRORED_STATE);
    if (!java.nio.file.Files.exists(errored)) {
      return false;
    }
    RunResult result = runner.run(StatePushCommand.args(Path.of(ERRORED_STATE), lockTimeout), workDir, env, line -> { });
    if (result.exitCode() != 0) {
      throw TerraformFailures.of("state push", result.exitCode(), List.of(), result.stderrTail());
    }
    try {
      java.nio.file.Files.move(errored, workDir.resolve(ERRORED_STATE + ".pushed-" + System.currentTimeMillis()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("pushed " + errored + " but could not move it aside", e);
    }
    return true;
  }

  /** The root module's outputs; sensitive ones are in clear here and must be redacted by the caller. */
  public Map<String, OutputValue> outputs(Path workDir, Map<String, String> env) {
    Map<String, OutputValue> outputs = new LinkedHashMap<>();
    document(OutputCommand.args(), workDir, env).fields().forEachRemaining(e -> outputs.put(
        e.getKey(), new OutputValue(e.getValue().path("value"), e.getValue().path("sensitive").asBoolean())));
    return Collections.unmodifiableMap(outputs);
  }

  /** Runs a command whose stdout is one JSON document. */
  private JsonNode document(List<String> args, Path workDir, Map<String, String> env) {
    String command = args.get(0);
    StdoutCapture stdout = new StdoutCapture(command, MAX_DOCUMENT_CHARS);
    RunResult result = runner.run(args, workDir, env, stdout);
    if (result.exitCode() != 0) {
      throw TerraformFailures.of(command, result.exitCode(), List.of(), result.stderrTail());
    }
    return TerraformJson.parse(command, stdout.text());
  }
}
