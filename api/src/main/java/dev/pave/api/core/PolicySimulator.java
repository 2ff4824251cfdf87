package dev.pave.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.api.api.SimulationReport;
import dev.pave.api.db.GuardrailDao;
import dev.pave.api.db.JdbiRequestLedger;
import dev.pave.api.db.PolicyResultRow;
import dev.pave.api.errors.ApiException;
import dev.pave.workflows.activities.PolicyDocuments;
import dev.pave.workflows.activities.RunRequest;
import dev.pave.workflows.activities.SavedPlan;
import dev.pave.workflows.catalog.CatalogModule;
import dev.pave.workflows.catalog.ModuleCatalog;
import dev.pave.workflows.contract.PolicyEnforcement;
import dev.pave.workflows.contract.PolicyOutcome;
import dev.pave.workflows.contract.PolicyVerdict;
import dev.pave.workflows.crypto.SecretBox;
import dev.pave.workflows.policy.PolicyEvaluation;
import dev.pave.workflows.policy.PolicyInputs;
import dev.pave.workflows.policy.PolicyResult;
import dev.pave.workflows.policy.PolicySet;
import dev.pave.workflows.policy.PolicyStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import org.jdbi.v3.core.Jdbi;

/**
 * Replays recorded requests (their stored inputs, cost estimate and saved plan) through a
 * candidate policy set and reports whose verdict would change: the check a platform team runs
 * before tightening a rule. Reads only; nothing is recorded.
 */
public final class PolicySimulator {

  private final Jdbi jdbi;
  private final JdbiRequestLedger ledger;
  private final ModuleCatalog catalog;
  private final SecretBox secrets;
  private final ObjectMapper json;

  public PolicySimulator(Jdbi jdbi, JdbiRequestLedger ledger, ModuleCatalog catalog, SecretBox secrets,
      ObjectMapper json) {
    this.jdbi = jdbi;
    this.ledger = ledger;
    this.catalog = catalog;
    this.secrets = secrets;
    this.json = json;
  }

  /**
   * The requests recorded since {@code since}, refused with a 422 on {@code since} when there are
   * more than {@code maxRequests}: a caller narrows the window rather than getting a partial answer.
   */
  public List<String> requestsSince(Instant since, int maxRequests) {
    List<String> ids = jdbi.withHandle(h -> h.createQuery(
            "SELECT id FROM requests WHERE created_at >= :since ORDER BY created_at LIMIT :max")
        .bind("since", since).bind("max", maxRequests + 1).mapTo(String.class).list());
    if (ids.size() > maxRequests) {
      throw ApiException.invalid("since", "covers more than " + maxRequests
          + " recorded requests, the most one simulation replays: choose a later instant");
    }
    return ids;
  }

  /** Replays {@code ids}; stops between requests when its thread is interrupted (the deadline passed). */
  public SimulationReport simulate(PolicySet candidate, Instant since, List<String> ids) {
    Map<String, Integer> recordedCounts = new TreeMap<>();
    Map<String, Integer> simulatedCounts = new TreeMap<>();
    List<SimulationReport.Change> changes = new ArrayList<>();
    int evaluated = 0;
    for (String id : ids) {
      if (Thread.currentThread().isInterrupted()) {
        throw new CancellationException("the simulation's deadline passed");
      }
      RunRequest request = ledger.load(id);
      Optional<CatalogModule> module = catalog.find(request.module(), request.version());
      if (module.isEmpty()) {
        continue; // a module version no longer in the catalog cannot be judged
      }
      evaluated++;
      String recorded = recordedVerdict(id);
      List<PolicyResult> results = evaluate(candidate, request, module.get());
      PolicyVerdict verdict = new PolicyEvaluation(results).verdict();
      String simulated = verdict.wireName();
      recordedCounts.merge(recorded, 1, Integer::sum);
      simulatedCounts.merge(simulated, 1, Integer::sum);
      if (!recorded.equals(simulated)) {
        List<String> decidedBy = results.stream().filter(PolicyResult::failed)
            .filter(r -> r.enforcement() != PolicyEnforcement.ADVISORY).map(PolicyResult::policy).distinct().toList();
        changes.add(new SimulationReport.Change(id, request.workspace(), request.team(), request.environment(),
            request.action().wireName(), request.status().wireName(), recorded, simulated, decidedBy));
      }
    }
    return new SimulationReport(since, evaluated, recordedCounts, simulatedCounts, changes);
  }

  private List<PolicyResult> evaluate(PolicySet candidate, RunRequest request, CatalogModule module) {
    // The workspace as it is now: a simulation asks what today's rules make of recorded requests.
    Map<String, Object> requestStage = PolicyDocuments.requestStage(request, ledger.workspaceOf(request), module);
    List<PolicyResult> results = new ArrayList<>(candidate.evaluate(PolicyStage.REQUEST, requestStage).results());
    Optional<JsonNode> plan = ledger.loadPlan(request.id()).map(p -> planJson(request.id(), p));
    plan.ifPresent(p -> results.addAll(
        candidate.evaluate(PolicyStage.PLAN, PolicyInputs.planStage(requestStage, p)).results()));
    return results;
  }

  /** The verdict recorded for the request: the strongest over its stages ("allowed" if none ran). */
  private String recordedVerdict(String id) {
    List<PolicyResultRow> rows = jdbi.onDemand(GuardrailDao.class).results(id);
    List<PolicyResult> results = rows.stream().map(r -> new PolicyResult(r.policy(), r.stage(), PolicyEnforcement.fromWireName(r.enforcement()),
        PolicyOutcome.fromWire(r.result()), r.message(), r.policyHash())).toList();
    return new PolicyEvaluation(results).verdict().wireName();
  }

  private JsonNode planJson(String requestId, SavedPlan plan) {
    return StoredPlanJson.of(secrets, json, requestId, plan).orElse(null);
  }


  /**
   * A simulation leaves the same trace as any decision: who ran which candidate rules (their
   * hashes, never their text) over how many recorded requests.
   */
  public void recordRun(dev.pave.api.auth.PavePrincipal caller, java.time.Instant since,
      dev.pave.api.api.SimulationRequest body, int requests) {
    java.util.Map<String, String> candidates = new java.util.TreeMap<>();
    for (dev.pave.api.api.SimulationRequest.PolicyFile file : body.policies()) {
      candidates.put(file.path(), dev.pave.workflows.crypto.Hashes.sha256(
          file.content().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    jdbi.useTransaction(handle -> dev.pave.api.audit.AuditLog.append(handle, dev.pave.api.audit.AuditEvent.by(caller,
        "policy.simulated", "policies", java.util.Map.of("since", since.toString(), "candidates", candidates,
            "requests", requests))));
  }
}
