package dev.pave.api.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pave.api.api.CostView;
import dev.pave.api.api.PlanSummaryView;
import dev.pave.api.api.RequestView;
import dev.pave.api.api.StepView;
import dev.pave.api.db.RequestRow;
import dev.pave.api.db.StepDao;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Maps stored rows to the API's request shape. Sensitive outputs appear only as "(sensitive)". */
public final class RequestViews {

  public static final String REDACTED = "(sensitive)";

  private final Jdbi jdbi;
  private final ObjectMapper json;

  public RequestViews(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  /** The full view, with steps. */
  public RequestView of(RequestRow row) {
    List<StepView> steps = jdbi.onDemand(StepDao.class).forRequest(row.id()).stream()
        .map(s -> new StepView(s.name(), s.startedAt(), s.finishedAt(), s.durationMs(), s.outcome(), s.actor()))
        .toList();
    return build(row, steps);
  }

  /** The list view: no steps, one query for the whole page. */
  public RequestView summary(RequestRow row) {
    return build(row, null);
  }

  private RequestView build(RequestRow row, List<StepView> steps) {
    PlanSummaryView plan = row.planAdd() == null ? null
        : new PlanSummaryView(row.planAdd(), row.planChange(), row.planDestroy());
    CostView cost = row.costMonthlyUsd() == null ? null : new CostView(row.costMonthlyUsd());
    return new RequestView(row.id(), row.module(), row.version(), row.workspace(), row.environment(), row.team(),
        row.requester(), row.action(), row.status(), read(row.inputs()), row.ttlHours(), row.createdAt(),
        row.finishedAt(), row.leadTimeMs(), steps, List.of(), plan, cost,
        outputs(row.outputs(), row.sensitiveOutputs()), row.error());
  }

  ObjectNode outputs(String visible, String[] sensitiveNames) {
    if (visible == null) {
      return null;
    }
    ObjectNode outputs = (ObjectNode) read(visible);
    if (sensitiveNames != null) {
      for (String name : sensitiveNames) {
        outputs.put(name, REDACTED);
      }
    }
    return outputs;
  }

  JsonNode read(String text) {
    try {
      return text == null ? null : json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON does not parse", e);
    }
  }
}
