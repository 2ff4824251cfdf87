package dev.pave.workflows.catalog;

import java.util.List;

/**
 * A module input whose value names something that must belong to one workspace: pave.yaml's
 * {@code reserves: {name: database_name, scope: [server_host, server_port]}}. Pave reserves the
 * value for the workspace when it accepts a request, within the scope (the platform inputs that
 * say where the thing lives: two servers may each hold a database "orders"), so a second
 * workspace asking for it gets a 4xx before any Terraform runs.
 *
 * @param name the requester input whose value is reserved
 * @param scope platform inputs (never requester inputs, which a requester could vary to dodge the
 *     reservation) whose values, with the input's name, make up the reservation's namespace
 */
public record NameReservation(String name, List<String> scope) {

  public NameReservation {
    scope = scope == null ? List.of() : List.copyOf(scope);
  }
}
