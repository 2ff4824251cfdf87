package dev.pave.api.wiring;

import io.dropwizard.lifecycle.Managed;
import org.flywaydb.core.Flyway;

/** Brings Pave's schema up to date at start, as the role that owns the tables (never the app's role). */
public final class Migrations implements Managed {

  private final PaveDatabases databases;

  public Migrations(PaveDatabases databases) {
    this.databases = databases;
  }

  @Override
  public void start() {
    DatabaseEndpoints endpoints = databases.endpoints();
    Flyway.configure().dataSource(endpoints.jdbcUrl(), endpoints.migrationUser(), endpoints.migrationPassword())
        .locations("classpath:db/migration").load().migrate();
  }
}
