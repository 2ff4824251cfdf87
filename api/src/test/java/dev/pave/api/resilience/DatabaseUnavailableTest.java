package dev.pave.api.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.errors.DatabaseUnavailable;
import java.net.ConnectException;
import java.sql.SQLException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures the API answers with 503 ("wait and retry") rather than 500. */
class DatabaseUnavailableTest {

  @Test
  void aRefusedOrLostConnectionThroughJdbiIsUnavailability() {
    // What the pool and the driver throw while the server is down, as Jdbi wraps it.
    SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001",
        new ConnectException("Connection refused"));
    assertThat(DatabaseUnavailable.causedBy(new ConnectionException(refused))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new SQLException("I/O error", "08006"))).isTrue();
  }

  @Test
  void aServerShuttingDownOrStillStartingIsUnavailability() {
    assertThat(DatabaseUnavailable.causedBy(new SQLException("terminating connection due to administrator command",
        "57P01"))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new SQLException("the database system is starting up", "57P03")))
        .isTrue();
  }

  @Test
  void aBadStatementIsNot() {
    assertThat(DatabaseUnavailable.causedBy(new SQLException("syntax error", "42601"))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug"))).isFalse();
  }
}
