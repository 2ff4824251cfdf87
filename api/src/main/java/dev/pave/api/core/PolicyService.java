package dev.pave.api.core;

import dev.pave.api.api.SimulationReport;
import dev.pave.api.api.SimulationRequest;
import dev.pave.api.errors.ApiException;
import dev.pave.workflows.policy.PolicySet;
import java.time.Clock;
import java.util.List;

/** What policy authors and auditors ask of the policies. */
public final class PolicyService {

  /** A loaded policy, as listed: enough to tell which version of which rule is active. */
  public record PolicyView(String name, String description, String stage, String enforcement, String hash) {}

  private final PolicySet active;
  private final PolicySimulator simulator;
  private final Clock clock;

  public PolicyService(PolicySet active, PolicySimulator simulator, Clock clock) {
    this.active = active;
    this.simulator = simulator;
    this.clock = clock;
  }

  public List<PolicyView> active() {
    return active.policies().stream().map(p -> new PolicyView(p.name(), p.description(), p.stage().wireName(),
        p.enforcement().wireName(), p.contentHash())).toList();
  }

  public SimulationReport simulate(SimulationRequest body) {
    if (body == null) {
      throw ApiException.invalid("body", "is required: {since, policies: [{path, content}]}");
    }
    return simulator.simulate(PolicyFolder.load(body), TimeWindows.since("since", body.since(), clock));
  }
}
