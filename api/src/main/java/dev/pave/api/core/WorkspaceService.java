package dev.pave.api.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pave.api.api.CostView;
import dev.pave.api.api.WorkspaceView;
import dev.pave.api.audit.AuditEvent;
import dev.pave.api.audit.AuditLog;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.db.WorkspaceDao;
import dev.pave.api.db.WorkspaceRow;
import dev.pave.api.errors.ApiException;
import dev.pave.workflows.crypto.SecretBox;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Live workspaces, and the one way to read a sensitive output: the owning team, on purpose. */
public final class WorkspaceService {

  private static final Logger LOG = LoggerFactory.getLogger(WorkspaceService.class);

  private final Jdbi jdbi;
  private final RequestViews views;
  private final SecretBox secrets;
  private final ObjectMapper json;

  public WorkspaceService(Jdbi jdbi, RequestViews views, SecretBox secrets, ObjectMapper json) {
    this.jdbi = jdbi;
    this.views = views;
    this.secrets = secrets;
    this.json = json;
  }

  /** Every live workspace the caller may read, by name: the API's answer when no limit is given. */
  public List<WorkspaceView> live(PavePrincipal caller) {
    return live(caller, null);
  }

  /** The same, of one team ({@code null}: every team the caller may read). */
  public List<WorkspaceView> live(PavePrincipal caller, String team) {
    if (team != null && !caller.seesAllTeams() && !team.equals(caller.team())) {
      return List.of();
    }
    return jdbi.onDemand(WorkspaceDao.class).live(caller.seesAllTeams() ? team : caller.team()).stream()
        .map(this::view).toList();
  }

  /** A page of the live workspaces the caller may read, by name, and the next page's cursor (null on the last). */
  public record Page(List<WorkspaceView> workspaces, String nextCursor) {}

  public Page live(PavePrincipal caller, String team, int limit, String cursor) {
    String after = cursor == null ? null : ListCursor.decode(cursor, 1).get(0);
    if (team != null && !caller.seesAllTeams() && !team.equals(caller.team())) {
      return new Page(List.of(), null);
    }
    // One row more than asked says whether there is a next page without counting them all.
    List<WorkspaceView> rows = jdbi.onDemand(WorkspaceDao.class)
        .live(caller.seesAllTeams() ? team : caller.team(), after, limit + 1).stream().map(this::view).toList();
    if (rows.size() <= limit) {
      return new Page(rows, null);
    }
    return new Page(rows.subList(0, limit), ListCursor.encode(rows.get(limit - 1).name()));
  }

  public WorkspaceView get(PavePrincipal caller, String name) {
    return view(visible(caller, name));
  }

  /** Outputs with sensitive values in clear. Only the owning team, whatever its role; logged without values. */
  public ObjectNode outputs(PavePrincipal caller, String name, boolean reveal) {
    WorkspaceRow row = visible(caller, name);
    ObjectNode outputs = views.outputs(row.outputs(), row.sensitiveOutputs());
    if (!reveal) {
      return outputs;
    }
    if (!caller.team().equals(row.team())) {
      throw new ApiException(403, "only team " + row.team() + " may reveal the sensitive outputs of " + name);
    }
    // Recorded before anything is shown: a reveal the trail cannot hold is not made.
    jdbi.useTransaction(handle -> AuditLog.append(handle, AuditEvent.by(caller, "secret.revealed",
        "workspace:" + name, java.util.Map.of("outputs", row.sensitiveOutputs() == null ? java.util.List.of()
            : java.util.List.of(row.sensitiveOutputs())))));
    if (row.sealedSecrets() != null) {
      byte[] plain = secrets.open(row.sealedSecrets(), "workspace:" + name);
      try {
        outputs.setAll((ObjectNode) json.readTree(plain));
      } catch (java.io.IOException e) {
        throw new IllegalStateException("sealed outputs do not parse", e);
      }
    }
    LOG.info("sensitive outputs of workspace {} revealed to {} (team {})", name, caller.name(), caller.team());
    return outputs;
  }

  private WorkspaceRow visible(PavePrincipal caller, String name) {
    if (name == null || !Names.WORKSPACE.matcher(name).matches()) {
      throw ApiException.notFound("workspace");
    }
    return jdbi.onDemand(WorkspaceDao.class).find(name).filter(w -> caller.canSee(w.team()))
        .orElseThrow(() -> ApiException.notFound("workspace " + name));
  }

  private WorkspaceView view(WorkspaceRow row) {
    try {
      return new WorkspaceView(row.name(), row.module(), row.version(), row.team(), row.environment(), row.status(),
          json.readTree(row.inputs()), views.outputs(row.outputs(), row.sensitiveOutputs()), row.expiresAt(),
          false, new WorkspaceView.DriftView(null, null),
          row.costMonthlyUsd() == null ? null : new CostView(row.costMonthlyUsd()), row.lastRequestId());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
