package dev.pave.api.oidc;

import dev.pave.api.audit.AuditEvent;
import dev.pave.api.audit.AuditLog;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.errors.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Every Pave token exchanged for one pipeline ends at once, with the browser sessions they opened:
 * what an admin does when a repository or its workflow is compromised (then also changes the rule
 * that maps it, or its next job exchanges a new one). One audited event, even when none was live.
 */
final class SubjectRevocation {

  private final Jdbi jdbi;
  private final Clock clock;

  SubjectRevocation(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  SubjectRevoked revokeAll(PavePrincipal admin, OidcRevokeBody body) {
    String subject = body == null ? null : body.subject();
    if (subject == null || !subject.startsWith("oidc:") || subject.length() > 2000) {
      throw ApiException.invalid("subject", "is required: a pipeline's subject, oidc:<issuer>#<sub>");
    }
    Instant now = clock.instant();
    return jdbi.inTransaction(handle -> {
      ExchangedTokenDao tokens = handle.attach(ExchangedTokenDao.class);
      int sessions = tokens.endSessionsOf(subject, now);
      int revoked = tokens.revokeAllOf(subject, now);
      AuditLog.append(handle, AuditEvent.by(admin, "oidc.subject_revoked", subject,
          Map.of("tokensRevoked", revoked, "sessionsEnded", sessions)));
      return new SubjectRevoked(subject, revoked, sessions);
    });
  }
}
