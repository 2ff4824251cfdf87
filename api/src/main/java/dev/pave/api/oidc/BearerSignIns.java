package dev.pave.api.oidc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.pave.api.audit.AuditEvent;
import dev.pave.api.audit.AuditLog;
import dev.pave.api.auth.Tokens;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * A pipeline that presents its OIDC token on every call signs in once per token, not once per
 * call: the first call with a token writes the audit event "oidc.signed_in", later calls with
 * the same token write nothing (the requests they make have their own events). Remembered by the
 * token's hash, per server process: after a restart, or on another server, the first call is
 * audited again, which is still true.
 */
final class BearerSignIns {

  private final Jdbi jdbi;
  private final Cache<String, Boolean> seen = Caffeine.newBuilder()
      .expireAfterWrite(Duration.ofHours(1)).maximumSize(100_000).build();

  BearerSignIns(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  void signedIn(String jwt, OidcIdentity who) {
    String key = Tokens.hash(jwt);
    if (seen.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
      return;
    }
    Map<String, Object> details = new LinkedHashMap<>(who.auditDetails());
    details.put("via", "bearer");
    try {
      jdbi.useTransaction(handle -> AuditLog.append(handle,
          AuditEvent.by(who.principal(null), "oidc.signed_in", who.subject(), details)));
    } catch (RuntimeException e) {
      seen.invalidate(key);
      throw e;
    }
  }
}
