package dev.pave.api.wiring;

import java.util.Map;

/**
 * Where Pave's tables, Terraform's state and (in the embedded default) the golden path's target
 * server live.
 *
 * @param stateConnection the state database as Terraform's pg backend reaches it (libpq URL)
 * @param stateDatabase the same database through JDBC, or null when Pave cannot derive it
 * @param platformDefaults platform input values this setup provides by itself (the embedded target server)
 * @param servers stops the servers this process started (the embedded ones), for a start that
 *     fails after them: nothing may be left running by a process that never came up
 */
record DatabaseEndpoints(String jdbcUrl, String user, String password, String stateConnection,
    StateDatabase stateDatabase, Map<String, Object> platformDefaults, AutoCloseable servers) {

  void stopServersQuietly(RuntimeException why) {
    try {
      servers.close();
    } catch (Exception e) {
      why.addSuppressed(e);
    }
  }
}
