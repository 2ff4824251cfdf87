package dev.pave.workflows.activities;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.workflows.catalog.CatalogModule;
import dev.pave.workflows.contract.RequestAction;
import dev.pave.workflows.policy.PolicyInputs;
import java.util.Map;

/**
 * The request-stage policy document of a stored request: one home, so the workflow's checks and
 * `pave policy simulate` judge exactly the same document.
 */
public final class PolicyDocuments {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PolicyDocuments() {}

  /** @param workspace the request's workspace as stored ({@link RequestLedger#workspaceOf}) */
  public static Map<String, Object> requestStage(RunRequest request, PolicyInputs.Workspace workspace,
      CatalogModule module) {
    @SuppressWarnings("unchecked")
    Map<String, Object> inputs = JSON.convertValue(module.effectiveInputs(request.inputs()), Map.class);
    return PolicyInputs.requestStage(
        new PolicyInputs.Request(request.id(), request.module(), request.version(), request.workspace(),
            request.environment(), judgedAction(request), inputs,
            request.ttlHours() == null ? null : request.ttlHours().longValue()),
        workspace,
        new PolicyInputs.Requester(request.requester(), request.team(), request.requesterRole()),
        new PolicyInputs.Module(module.name(), module.version(), module.owner(), module.displayName()),
        request.costMonthlyUsd());
  }

  /**
   * A speculative plan is judged as the apply it previews, so its verdicts are the ones the apply
   * would get (a rule for {@code request.action == 'apply'} must not pass a preview silently).
   */
  private static String judgedAction(RunRequest request) {
    return (request.speculative() ? RequestAction.APPLY : request.action()).wireName();
  }
}
