package dev.pave.api.wiring;

import dev.pave.api.PaveConfiguration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.util.Duration;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The databases Pave runs on: the embedded default's two PostgreSQL clusters, started here and
 * stopped last, or the configured ones of cluster mode (nothing to start). Hands out the
 * connection pools to them.
 */
public final class PaveDatabases implements Managed {

  private final PaveConfiguration config;
  private final Path home;
  private DatabaseEndpoints endpoints;

  public PaveDatabases(PaveConfiguration config, Path home) {
    this.config = config;
    this.home = home;
  }

  @Override
  public void start() {
    endpoints = embedded() ? EmbeddedDatabases.start(home, config.embedded)
        : ExternalDatabase.of(config.database, config.terraform.stateDatabaseUrl);
  }

  @Override
  public void stop() throws Exception {
    if (endpoints != null) {
      endpoints.servers().close();
    }
  }

  public boolean embedded() {
    return config.database.embedded();
  }

  DatabaseEndpoints endpoints() {
    return endpoints;
  }

  /** Pave's own connection pool (its role, not the migrations' owner). */
  DataSourceFactory pavePool() {
    return pool(endpoints.jdbcUrl(), endpoints.user(), endpoints.password(), config.database.maxConnections);
  }

  /** A few connections to the Terraform state database, for the state rows Pave reads and seeds; null without one. */
  DataSource statePool(Environment environment) {
    StateDatabase state = endpoints.stateDatabase();
    if (state == null) {
      return null;
    }
    ManagedDataSource pool = pool(state.jdbcUrl(), state.user(), state.password(), 4)
        .build(environment.metrics(), "terraform-state");
    environment.lifecycle().manage(pool);
    return pool;
  }

  private static DataSourceFactory pool(String url, String user, String password, int maxSize) {
    DataSourceFactory factory = new DataSourceFactory();
    factory.setDriverClass("org.postgresql.Driver");
    factory.setUrl(url);
    factory.setUser(user);
    factory.setPassword(password);
    factory.setMaxSize(maxSize);
    factory.setMinSize(Math.min(2, maxSize));
    factory.setInitialSize(Math.min(2, maxSize));
    factory.setValidationQuery("/* pave health */ SELECT 1");
    factory.setCheckConnectionOnBorrow(true);
    factory.setMaxWaitForConnection(Duration.seconds(5));
    return factory;
  }
}
