package dev.pave.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pave.api.db.NameReservationDao;
import dev.pave.api.db.RequestRow;
import dev.pave.api.errors.ApiException;
import dev.pave.workflows.catalog.CatalogModule;
import dev.pave.workflows.catalog.NameReservation;
import dev.pave.workflows.contract.RequestAction;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Takes, when a request is accepted, the names that must belong to one workspace: the workspace
 * name for the team, and the module's reserved input (pave.yaml {@code reserves}, a database name
 * on a target server) for the workspace. A speculative plan takes none, but is refused a name
 * someone else holds, as its apply would be. Runs in the transaction that stores the request, so of
 * two requests racing for a name exactly one is accepted and the other gets a 422 before any
 * Terraform runs.
 *
 * <p>The answer for a name someone else holds is the same whoever holds it (another team, or
 * another workspace of the caller's own team), so it tells nobody what other teams have.
 */
public final class NameReservations {

  static final String WORKSPACE_TAKEN = "is taken; choose another name";
  static final String NAME_TAKEN = "is not available on this server; choose another name";

  private final Map<String, JsonNode> platformInputs;
  private final ObjectMapper json;

  /** @param platformInputs the values Pave gives the modules' platform inputs: where names live */
  public NameReservations(Map<String, JsonNode> platformInputs, ObjectMapper json) {
    this.platformInputs = Map.copyOf(platformInputs);
    this.json = json;
  }

  /**
   * Reserves for {@code request}, already inserted on {@code handle} (its transaction); throws a
   * 422, rolling it back, when a name is held by someone else.
   *
   * @param inputs the inputs Terraform will use (defaults included)
   */
  public void reserve(Handle handle, CatalogModule module, RequestRow request, JsonNode inputs) {
    NameReservationDao reservations = handle.attach(NameReservationDao.class);
    reservations.lockWorkspaceName(request.workspace());
    if (reservations.workspaceHeldByAnotherTeam(request.workspace(), request.team())) {
      throw ApiException.invalid("workspace", WORKSPACE_TAKEN);
    }
    boolean preview = RequestAction.PLAN.wireName().equals(request.action());
    if (!(preview || "apply".equals(request.action())) || module.reservation().isEmpty()) {
      return; // a destroy acts on what the workspace already holds
    }
    NameReservation reserved = module.reservation().get();
    JsonNode value = inputs.get(reserved.name());
    if (value == null || value.isNull()) {
      return;
    }
    String scope = scopeOf(reserved);
    String name = value.asText();
    if (preview) {
      // A preview takes no name, but says what its apply would be told: the same answer, no more.
      String holder = reservations.holder(reserved.name(), scope, name);
      if (holder != null && !holder.equals(request.workspace())) {
        throw ApiException.invalid("inputs." + reserved.name(), NAME_TAKEN);
      }
      return;
    }
    reservations.reserve(reserved.name(), scope, name, request.workspace(), request.team(), request.id(),
        request.createdAt());
    if (!request.workspace().equals(reservations.holder(reserved.name(), scope, name))) {
      throw ApiException.invalid("inputs." + reserved.name(), NAME_TAKEN);
    }
  }

  /** The scope's platform input values, canonically: [[name, value], ...] in the order pave.yaml lists them. */
  private String scopeOf(NameReservation reserved) {
    ArrayNode scope = json.createArrayNode();
    for (String input : reserved.scope()) {
      scope.addArray().add(input).add(platformInputs.getOrDefault(input, json.nullNode()));
    }
    return scope.toString();
  }
}
