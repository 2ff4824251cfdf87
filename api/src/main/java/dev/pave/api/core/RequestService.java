package dev.pave.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.api.api.NewRequest;
import dev.pave.api.api.RequestView;
import dev.pave.api.audit.AuditEvent;
import dev.pave.api.audit.AuditLog;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.auth.Role;
import dev.pave.api.auth.Subjects;
import dev.pave.api.db.RequestDao;
import dev.pave.api.db.RequestRow;
import dev.pave.api.db.WorkspaceDao;
import dev.pave.api.db.WorkspaceRow;
import dev.pave.api.errors.ApiException;
import dev.pave.workflows.catalog.CatalogModule;
import dev.pave.workflows.contract.RequestStatus;
import dev.pave.workflows.crypto.Hashes;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Accepting, reading and cancelling requests. Every check runs before anything is stored. */
public final class RequestService {

  private static final ObjectMapper CANONICAL = new ObjectMapper()
      .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final Jdbi jdbi;
  private final NewRequestValidator validator;
  private final RunStarter runs;
  private final CostEstimates costs;
  private final RequestViews views;
  private final ObjectMapper json;
  private final Clock clock;
  private final TeamRunLimit runLimit;
  private final NameReservations reservations;
  private final Environments environments;
  private final RequestStageGate policyGate;

  public RequestService(Jdbi jdbi, dev.pave.workflows.catalog.ModuleCatalog catalog, CostEstimates costs,
      RunStarter runs, RequestViews views, ObjectMapper json, Clock clock, TeamRunLimit runLimit,
      NameReservations reservations, Environments environments, RequestStageGate policyGate) {
    this.jdbi = jdbi;
    this.policyGate = policyGate;
    this.runLimit = runLimit;
    this.reservations = reservations;
    this.costs = costs;
    this.validator = new NewRequestValidator(catalog, environments);
    this.environments = environments;
    this.runs = runs;
    this.views = views;
    this.json = json;
    this.clock = clock;
  }

  /** The environments a request may name (the portal's select offers them). */
  public Environments environments() {
    return environments;
  }

  /** The outcome of a POST: the request, and whether it was new or the replay of an idempotent retry. */
  public record Accepted(RequestView request, boolean replayed) {}

  public Accepted create(PavePrincipal caller, NewRequest body, String idempotencyKey) {
    if (caller.role() != Role.REQUESTER && caller.role() != Role.ADMIN) {
      throw new ApiException(403, "only requesters (and admins) ask for infrastructure");
    }
    if (body == null) {
      throw ApiException.invalid("body", "is required: {module, workspace, environment, inputs}");
    }
    if (idempotencyKey != null && !Names.IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
      throw ApiException.invalid("Idempotency-Key", "must be 1 to 200 visible ASCII characters");
    }
    String action = body.action() == null ? "apply" : body.action();
    Optional<WorkspaceRow> workspace = body.workspace() == null ? Optional.empty()
        : jdbi.onDemand(WorkspaceDao.class).find(body.workspace());
    DestroyTarget.check(caller, action, body.workspace(), workspace);
    JsonNode inputs = effectiveInputs(body, action, workspace);
    // Only the caller's own workspace decides the environment: another team's answers as today (no leak).
    Optional<WorkspaceRow> own = workspace.filter(w -> w.team().equals(caller.team()));
    CatalogModule module = validator.check(body, inputs, own.map(WorkspaceRow::environment));
    String environment = own.map(WorkspaceRow::environment).orElse(body.environment());
    Integer ttlHours = body.ttlHours() == null || body.ttlHours().isNull() ? null : body.ttlHours().intValue();
    String requestHash = requestHash(module, body, action, inputs, ttlHours);
    if (idempotencyKey != null) {
      // Before the workspace checks: a retry of a destroy that already succeeded must get the
      // original answer, not "nothing to destroy".
      Optional<Accepted> replay = replay(caller, idempotencyKey, requestHash);
      if (replay.isPresent()) {
        return replay.get();
      }
    }
    checkWorkspace(caller, body, action, module, workspace);
    RequestRow row = new RequestRow(Ids.newId("req"), module.name(), module.version(), body.workspace(),
        environment, caller.team(), caller.name(), action, RequestStatus.QUEUED.wireName(), inputs.toString(),
        ttlHours, idempotencyKey, requestHash, clock.instant().truncatedTo(ChronoUnit.MICROS), null, null, null, null,
        null, null, null, costs.monthlyUsd(module, inputs), false, null, null, caller.role().wireName(), false, null,
        caller.subject(), null);
    policyGate.check(caller, row, module);
    try {
      // The names the request needs are taken with it, or neither is stored.
      if (!runLimit.insert(row, handle -> {
        reservations.reserve(handle, module, row, module.effectiveInputs(inputs));
        AuditLog.append(handle, AuditEvent.by(caller, "request.accepted", row.id(), RequestAuditFacts.of(row)));
      })) {
        // A retry with this key was stored since the replay check above: answer with that one.
        return replay(caller, idempotencyKey, requestHash).orElseThrow();
      }
    } catch (UnableToExecuteStatementException duplicate) {
      if (idempotencyKey != null) {
        // Two retries raced; the first one stored the request.
        return replay(caller, idempotencyKey, requestHash).orElseThrow(() -> duplicate);
      }
      throw duplicate;
    }
    return new Accepted(get(caller, row.id()), false);
  }

  public RequestView get(PavePrincipal caller, String id) {
    return views.of(visibleRow(caller, id));
  }

  /** Whether the caller asked for this request (by subject); 404 for a request the caller cannot see. */
  public boolean isRequester(PavePrincipal caller, String id) {
    return Subjects.isCaller(caller, visibleRow(caller, id).requesterSubject());
  }

  public List<RequestView> list(PavePrincipal caller, String workspace, String status, String team, int limit) {
    return page(caller, workspace, status, team, limit, null).requests();
  }

  /** A page of the requests the caller may read, newest first, and the next page's cursor (null on the last). */
  public record Page(List<RequestView> requests, String nextCursor) {}

  public Page page(PavePrincipal caller, String workspace, String status, String team, int limit, String cursor) {
    Rows page = rows(caller, workspace, status, team, limit, cursor);
    return new Page(views.summaries(page.rows()), page.nextCursor());
  }

  /**
   * A page as full views (steps, policy results, plan and its changes, approval), read together,
   * and which of them the caller asked for: what the approver's inbox shows.
   */
  public record FullPage(List<RequestView> requests, Set<String> askedByCaller, String nextCursor) {}

  public FullPage fullPage(PavePrincipal caller, String workspace, String status, String team, int limit,
      String cursor) {
    Rows page = rows(caller, workspace, status, team, limit, cursor);
    Set<String> asked = page.rows().stream().filter(row -> Subjects.isCaller(caller, row.requesterSubject()))
        .map(RequestRow::id).collect(Collectors.toUnmodifiableSet());
    return new FullPage(views.ofAll(page.rows()), asked, page.nextCursor());
  }

  private record Rows(List<RequestRow> rows, String nextCursor) {}

  private Rows rows(PavePrincipal caller, String workspace, String status, String team, int limit, String cursor) {
    if (status != null && RequestStatus.ofWireName(status).isEmpty()) {
      // The filter is compared with the stored wire name: any other spelling would match nothing.
      throw ApiException.invalid("status", "must be one of " + String.join(", ", RequestStatus.wireNames()));
    }
    RequestKey after = cursor == null ? null : RequestKey.of(cursor);
    String effectiveTeam = caller.seesAllTeams() ? team : caller.team();
    if (team != null && !caller.seesAllTeams() && !team.equals(caller.team())) {
      return new Rows(List.of(), null);
    }
    // One row more than asked says whether there is a next page without counting them all.
    List<RequestRow> rows = jdbi.onDemand(RequestDao.class).list(effectiveTeam, workspace, status,
        after == null ? null : after.createdAt(), after == null ? null : after.id(), limit + 1);
    if (rows.size() <= limit) {
      return new Rows(rows, null);
    }
    RequestRow last = rows.get(limit - 1);
    return new Rows(rows.subList(0, limit), RequestKey.encode(last.createdAt(), last.id()));
  }

  public RequestView cancel(PavePrincipal caller, String id) {
    if (caller.role() == Role.AUDITOR) {
      throw new ApiException(403, "auditors read, they never cancel; ask the requester or an admin");
    }
    RequestRow row = visibleRow(caller, id);
    if (caller.role() != Role.ADMIN && !Subjects.isCaller(caller, row.requesterSubject())) {
      throw new ApiException(403, "only the requester or an admin may cancel a request");
    }
    jdbi.useTransaction(handle -> CancelOrDecide.cancel(handle, caller, id));
    runLimit.admitToCancel(id); // a request still waiting for a run slot has no run to cancel yet
    runs.cancel(id, caller.name());
    return get(caller, id);
  }

  RequestRow visibleRow(PavePrincipal caller, String id) {
    if (id == null || !Names.REQUEST_ID.matcher(id).matches()) {
      throw ApiException.notFound("request");
    }
    return jdbi.onDemand(RequestDao.class).find(id).filter(r -> caller.canSee(r.team()))
        .orElseThrow(() -> ApiException.notFound("request " + id));
  }

  private JsonNode effectiveInputs(NewRequest body, String action, Optional<WorkspaceRow> workspace) {
    boolean noInputs = body.inputs() == null || body.inputs().isNull()
        || (body.inputs().isObject() && body.inputs().isEmpty());
    if ("destroy".equals(action) && noInputs && workspace.isPresent()) {
      // Destroying takes the workspace as it is; the inputs only satisfy Terraform's variables.
      return read(workspace.get().inputs());
    }
    return body.inputs() == null || body.inputs().isNull() ? json.createObjectNode() : body.inputs();
  }

  private void checkWorkspace(PavePrincipal caller, NewRequest body, String action, CatalogModule module,
      Optional<WorkspaceRow> workspace) {
    if (workspace.isPresent() && !workspace.get().team().equals(caller.team())) {
      // The same answer as NameReservations gives: nothing says which team holds it.
      throw ApiException.invalid("workspace", NameReservations.WORKSPACE_TAKEN);
    }
    if (workspace.isPresent() && !workspace.get().module().equals(module.name())) {
      throw ApiException.invalid("module", "differs from the module of workspace " + body.workspace()
          + " (" + workspace.get().module() + ")");
    }
    // A failed first create may have left something behind (WorkspaceDao#failedCreate): it can be destroyed.
    boolean destroyable = workspace.map(w -> "live".equals(w.status()) || "failed".equals(w.status())).orElse(false);
    if ("destroy".equals(action) && !destroyable) {
      throw DestroyTarget.nothingToDestroy(body.workspace());
    }
  }

  private Optional<Accepted> replay(PavePrincipal caller, String key, String requestHash) {
    return jdbi.onDemand(RequestDao.class).findByIdempotencyKey(caller.team(), caller.subject(), key).map(existing -> {
      if (!existing.requestHash().equals(requestHash)) {
        throw new ApiException(409, "Idempotency-Key " + key + " was already used for a different request ("
            + existing.id() + ")");
      }
      if (RequestStatus.QUEUED.wireName().equals(existing.status())) {
        runLimit.startIfAdmitted(existing.id()); // its first start may have failed; starting twice is harmless
      }
      return new Accepted(views.of(existing), true);
    });
  }

  /** What was asked, canonically (keys sorted at every level): tells a retry from a different request. */
  private String requestHash(CatalogModule module, NewRequest body, String action, JsonNode inputs, Integer ttlHours) {
    Map<String, Object> canonical = new TreeMap<>();
    canonical.put("module", module.name());
    canonical.put("version", module.version());
    canonical.put("workspace", body.workspace());
    canonical.put("environment", body.environment());
    canonical.put("action", action);
    canonical.put("ttlHours", ttlHours);
    canonical.put("inputs", json.convertValue(inputs, TreeMap.class));
    try {
      return Hashes.sha256(CANONICAL.writeValueAsBytes(canonical));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode read(String text) {
    try {
      return json.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

}
