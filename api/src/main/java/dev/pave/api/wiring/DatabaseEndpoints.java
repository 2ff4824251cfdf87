package dev.pave.api.wiring;

import java.util.Map;

/**
 * Where Pave's tables, Terraform's state and (in the embedded default) the golden path's target
 * server live.
 *
 * @param user the role of Pave's connection pool
 * @param migrationUser the role that runs the migrations and owns Pave's tables (the same as
 *     {@code user} unless Pave set up separate roles, as in the embedded default)
 * @param stateConnection the state database as Terraform's pg backend reaches it (libpq URL)
 * @param stateDatabase the same database through JDBC, or null when Pave cannot derive it
 * @param platformDefaults platform input values this setup provides by itself (the embedded target server)
 * @param terraformEnvironment variables this setup gives Terraform (the target admin's PGPASSWORD);
 *     {@code terraform.environment} overrides them
 * @param servers stops the servers this process started (the embedded ones), for a start that
 *     fails after them: nothing may be left running by a process that never came up
 */
record DatabaseEndpoints(String jdbcUrl, String user, String password, String migrationUser,
    String migrationPassword, String stateConnection, StateDatabase stateDatabase, Map<String, Object> platformDefaults,
    Map<String, String> terraformEnvironment, AutoCloseable servers) {

  void stopServersQuietly(RuntimeException why) {
    try {
      servers.close();
    } catch (Exception e) {
      why.addSuppressed(e);
    }
  }
}
