package dev.pave.api.core;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.pave.api.api.SimulationReport;
import dev.pave.api.api.SimulationRequest;
import dev.pave.api.errors.ApiException;
import dev.pave.workflows.policy.PolicySet;
import dev.pave.api.config.SimulationSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** What policy authors and auditors ask of the policies. */
public final class PolicyService {

  /** A loaded policy, as listed: enough to tell which version of which rule is active. */
  /** GET /v1/policies: {"policies": [...]}. */
  public record PolicyList(List<PolicyView> policies) {}

  public record PolicyView(String name, @Schema(nullable = true) String description, String stage, String enforcement, String hash) {}

  private final PolicySet active;
  private final PolicySimulator simulator;
  private final SimulationRunner runner;
  private final SimulationSettings limits;
  private final Clock clock;

  public PolicyService(PolicySet active, PolicySimulator simulator, SimulationRunner runner,
      SimulationSettings limits, Clock clock) {
    this.active = active;
    this.simulator = simulator;
    this.runner = runner;
    this.limits = limits;
    this.clock = clock;
  }

  public List<PolicyView> active() {
    return active.policies().stream().map(p -> new PolicyView(p.name(), p.description(), p.stage().wireName(),
        p.enforcement().wireName(), p.contentHash())).toList();
  }

  public SimulationReport simulate(dev.pave.api.auth.PavePrincipal caller, SimulationRequest body) {
    if (body == null) {
      throw ApiException.invalid("body", "is required: {since, policies: [{path, content}]}");
    }
    // Bad input is refused here, on the request thread; only the replay runs under the deadline.
    Instant since = TimeWindows.since("since", body.since(), clock);
    PolicySet candidate = PolicyFolder.load(body, limits.maxPolicies);
    List<String> ids = simulator.requestsSince(since, limits.maxRequests);
    simulator.recordRun(caller, since, body, ids.size());
    return runner.run(() -> simulator.simulate(candidate, since, ids));
  }
}
