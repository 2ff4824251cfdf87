package dev.pave.api.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.api.audit.AuditEvent;
import dev.pave.api.audit.AuditLog;
import dev.pave.api.webhooks.WebhookOutbox;
import dev.pave.workflows.activities.RequestLedger;
import dev.pave.workflows.activities.RunRequest;
import dev.pave.workflows.activities.SavedPlan;
import dev.pave.workflows.contract.RequestAction;
import dev.pave.workflows.contract.RequestLifecycle;
import dev.pave.workflows.contract.RequestStatus;
import dev.pave.workflows.contract.RunRefused;
import dev.pave.workflows.contract.StepName;
import dev.pave.workflows.policy.PolicyInputs;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The activities' view of Pave's tables, over Jdbi. */
public final class JdbiRequestLedger implements RequestLedger {

  private static final Logger LOG = LoggerFactory.getLogger(JdbiRequestLedger.class);

  /** This process, as steps record it: host:pid. */
  private static final String WORKER = java.lang.management.ManagementFactory.getRuntimeMXBean().getName()
      .replaceFirst("^(\\d+)@(.*)$", "$2:$1");

  private final Jdbi jdbi;
  private final ObjectMapper json;
  private final RequestMoves afterMove;

  public JdbiRequestLedger(Jdbi jdbi, ObjectMapper json) {
    this(jdbi, json, RequestMoves.NONE);
  }

  public JdbiRequestLedger(Jdbi jdbi, ObjectMapper json, RequestMoves afterMove) {
    this.jdbi = jdbi;
    this.json = json;
    this.afterMove = afterMove;
  }

  @Override
  public RunRequest load(String requestId) {
    return runRequest(jdbi.onDemand(RequestDao.class).find(requestId)
        .orElseThrow(() -> new RunRefused("no request " + requestId)));
  }

  /** A request row as the activities see it, stored or about to be (the POST's policy gate judges it so). */
  public RunRequest runRequest(RequestRow row) {
    return new RunRequest(row.id(), row.module(), row.version(), row.workspace(), row.environment(), row.team(),
        row.requester(), RequestAction.fromWire(row.action()), parse(row.inputs()), RequestStatus.fromWire(row.status()), row.createdAt(),
        row.cancelRequested(), row.ttlHours(), row.costMonthlyUsd(), row.requesterRole(), row.approvalRequired());
  }

  @Override
  public PolicyInputs.Workspace workspaceOf(RunRequest request) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT environment, status, module, version,"
            + " created_by_subject, created_by_name, live_since FROM workspaces WHERE name = :name AND team = :team")
        .bind("name", request.workspace()).bind("team", request.team())
        .map((rs, ctx) -> new PolicyInputs.Workspace(true, rs.getString("environment"), rs.getString("status"),
            rs.getString("module"), rs.getString("version"), rs.getString("created_by_subject"),
            rs.getString("created_by_name"), Optional.ofNullable(rs.getTimestamp("live_since"))
                .map(java.sql.Timestamp::toInstant).orElse(null)))
        .findOne().orElse(PolicyInputs.Workspace.NONE));
  }

  /** Jdbi keeps the outermost handle of a thread for every nested call, onDemand DAOs included. */
  @Override
  public <T> T session(java.util.function.Supplier<T> work) {
    return jdbi.withHandle(handle -> work.get());
  }

  @Override
  public boolean claimWorkspace(String requestId) {
    return jdbi.inTransaction(handle -> {
      RequestDao requests = handle.attach(RequestDao.class);
      // One claim at a time per workspace; the lock ends with the transaction.
      requests.lockWorkspaceOf(requestId);
      Optional<String> holder = requests.holderOfWorkspaceOf(requestId);
      if (holder.isPresent()) {
        return holder.get().equals(requestId);
      }
      if (!requests.headOfLine(requestId).map(requestId::equals).orElse(false)) {
        return false;
      }
      return requests.holdWorkspace(requestId) == 1;
    });
  }

  @Override
  public Optional<String> nextInLine(String requestId) {
    return jdbi.onDemand(RequestDao.class).nextInLine(requestId);
  }

  @Override
  public boolean setStatus(String requestId, RequestStatus status) {
    if (status.terminal()) {
      throw new IllegalArgumentException("a terminal status is reached through end(), which stamps it");
    }
    return jdbi.inTransaction(handle -> {
      if (!move(handle, requestId, status, null, null)) {
        return false;
      }
      AuditLog.append(handle, AuditEvent.bySystem("request." + status.wireName(), requestId, Map.of()));
      return true;
    });
  }

  @Override
  public Optional<String> startApplying(String requestId) {
    return jdbi.inTransaction(handle -> {
      RequestDao requests = handle.attach(RequestDao.class);
      if (move(handle, requestId, RequestStatus.APPLYING, null, null)) {
        AuditLog.append(handle, AuditEvent.bySystem("request.applying", requestId,
            Map.of("planSha256", handle.createQuery("SELECT sha256 FROM plans WHERE request_id = :id")
                .bind("id", requestId).mapTo(String.class).findOne().orElse("none"))));
        return Optional.<String>empty();
      }
      Optional<String> cancelledBy = requests.cancelledBy(requestId);
      if (cancelledBy.isPresent()) {
        return cancelledBy;
      }
      String status = requests.statusOf(requestId).orElse("unknown");
      if (RequestStatus.APPLYING.wireName().equals(status)) {
        return Optional.<String>empty(); // a retried attempt of an apply that had started: its event is written
      }
      throw new RunRefused(
          "request " + requestId + " is " + status + " and cannot start applying; nothing was applied");
    });
  }

  /**
   * The one move of a request's status, in the caller's transaction: from the statuses
   * {@link RequestLifecycle} allows it from, so an illegal move changes no row and says so.
   */
  private boolean move(Handle handle, String requestId, RequestStatus to, Instant at, String error) {
    if (handle.attach(RequestDao.class).move(requestId, to.wireName(), RequestLifecycle.wireSourcesOf(to),
        RequestLifecycle.wireSourcesOf(RequestAction.PLAN, to), at, error) == 1) {
      // Its webhook deliveries are recorded with the move itself: neither commits without the other.
      WebhookOutbox.moved(handle, requestId, to, at);
      handle.afterCommit(() -> afterMove.moved(requestId, to));
      return true;
    }
    LOG.debug("request {} did not move to {}: the lifecycle does not allow it from its status", requestId, to.wireName());
    return false;
  }

  @Override
  public void stepStarted(String requestId, StepName step, Instant at, String actor) {
    jdbi.onDemand(StepDao.class).start(requestId, step.wireName(), at, actor, WORKER);
  }

  @Override
  public void stepFinished(String requestId, StepName step, Instant at, String outcome, String actor) {
    if (step != StepName.APPLY) {
      jdbi.onDemand(StepDao.class).finish(requestId, step.wireName(), at, outcome, actor);
      return;
    }
    jdbi.useTransaction(handle -> {
      if (handle.attach(StepDao.class).finish(requestId, step.wireName(), at, outcome, actor) == 1) {
        AuditLog.append(handle, AuditEvent.bySystem("apply.finished", requestId, Map.of("outcome", outcome)));
      }
    });
  }

  @Override
  public void interruptOpenSteps(String requestId, Instant at) {
    jdbi.onDemand(StepDao.class).interruptOpen(requestId, at);
  }

  @Override
  public void savePlan(String requestId, SavedPlan plan, int add, int change, int destroy) {
    jdbi.useTransaction(handle -> {
      handle.attach(PlanDao.class).save(requestId, plan.sha256(), plan.sealed(), plan.sealedJson());
      handle.attach(RequestDao.class).setPlanSummary(requestId, add, change, destroy);
    });
  }

  @Override
  public void recordStepOutput(String requestId, StepName step, String output, boolean truncated) {
    jdbi.onDemand(StepLogDao.class).insert(requestId, step.wireName(), output, truncated);
  }

  @Override
  public Optional<SavedPlan> loadPlan(String requestId) {
    return jdbi.onDemand(PlanDao.class).find(requestId);
  }

  @Override
  public void recordOutputs(String requestId, Map<String, JsonNode> publicOutputs, List<String> sensitiveNames,
      byte[] sealedSensitiveOutputs) {
    String outputs = write(publicOutputs);
    String[] sensitive = sensitiveNames.toArray(String[]::new);
    jdbi.useTransaction(handle -> {
      handle.attach(RequestDao.class).setOutputs(requestId, outputs, sensitive);
      handle.attach(WorkspaceDao.class).applied(requestId, outputs, sensitive, sealedSensitiveOutputs, Instant.now());
    });
  }

  @Override
  public boolean end(String requestId, RequestStatus status, Instant at, String error) {
    if (!status.terminal()) {
      throw new IllegalArgumentException(status.wireName() + " is not a terminal status");
    }
    return jdbi.inTransaction(handle -> {
      RequestDao requests = handle.attach(RequestDao.class);
      boolean ended = move(handle, requestId, status, at, error);
      boolean destroy = requests.find(requestId).map(r -> "destroy".equals(r.action())).orElse(false);
      if (!ended) {
        return false;
      }
      if (destroy && status == RequestStatus.SUCCEEDED) {
        handle.attach(WorkspaceDao.class).destroyed(requestId, at);
        handle.attach(NameReservationDao.class).releaseWorkspaceOf(requestId);
      } else if (!destroy && status != RequestStatus.SUCCEEDED) {
        endedWithoutApplying(handle, requestId, at);
      }
      // Last, as in every audited transaction: the chain's lock is taken after the rows' locks,
      // never before, so two writers cannot wait on each other. The error text stays on the
      // request (its team reads it there): Terraform's messages may quote inputs.
      AuditLog.append(handle, AuditEvent.bySystem("request." + status.wireName(), requestId,
          Map.of("status", status.wireName(), "error", error != null)));
      return true;
    });
  }

  /**
   * An apply that did not succeed: if it never reached its apply step nothing was created, and
   * the names it reserved are free again; if it did, something may exist, and a workspace that
   * was not live becomes {@code failed} so that its team can retry or destroy it.
   */
  private static void endedWithoutApplying(Handle handle, String requestId, Instant at) {
    boolean applyStarted = handle.attach(StepDao.class).forRequest(requestId).stream()
        .anyMatch(step -> StepName.APPLY.wireName().equals(step.name()));
    if (applyStarted) {
      handle.attach(WorkspaceDao.class).failedCreate(requestId, at);
    } else {
      NameReservationDao reservations = handle.attach(NameReservationDao.class);
      reservations.handOverToNextInLine(requestId);
      reservations.releaseMadeBy(requestId);
    }
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON does not parse", e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
