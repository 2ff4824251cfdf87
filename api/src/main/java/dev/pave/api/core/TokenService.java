package dev.pave.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.api.IssuedToken;
import dev.pave.api.api.NewToken;
import dev.pave.api.audit.AuditEvent;
import dev.pave.api.audit.AuditLog;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.auth.Role;
import dev.pave.api.auth.Tokens;
import dev.pave.api.db.TokenDao;
import dev.pave.api.db.TokenRow;
import dev.pave.api.db.UniqueViolation;
import dev.pave.api.errors.ApiError.FieldMessage;
import dev.pave.api.errors.ApiException;
import dev.pave.api.session.BrowserSessionDao;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Issuing and revoking API tokens (admin only; the resource enforces the role). */
public final class TokenService {

  private static final int MAX_DAYS = 3650;
  /** Actor names Pave writes itself: a token so named would pass its steps off as the machine's. */
  private static final java.util.Set<String> RESERVED_NAMES = java.util.Set.of("system", "requester");

  private final Jdbi jdbi;
  private final Clock clock;

  public TokenService(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  public IssuedToken issue(PavePrincipal caller, NewToken body) {
    if (body == null) {
      throw ApiException.invalid("body", "is required: {name, team, role, expiresInDays?}");
    }
    List<FieldMessage> errors = new ArrayList<>();
    if (body.name() == null || !body.name().matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}")) {
      errors.add(new FieldMessage("name", "must be 1 to 100 letters, digits, '.', '_', '@' or '-'"));
    } else if (RESERVED_NAMES.contains(body.name())) {
      errors.add(new FieldMessage("name", "is reserved for Pave's own steps; choose another"));
    }
    if (body.team() == null || !Names.TEAM.matcher(body.team()).matches()) {
      errors.add(new FieldMessage("team", "must be lower-case letters, digits and '-', starting with a letter"));
    }
    Role role = null;
    try {
      role = body.role() == null ? null : Role.fromWire(body.role());
    } catch (IllegalArgumentException e) {
      // reported below
    }
    if (role == null) {
      errors.add(new FieldMessage("role", "must be one of " + Arrays.stream(Role.values()).map(Role::wireName).toList()));
    }
    JsonNode days = body.expiresInDays();
    if (days != null && days.isNull()) {
      errors.add(new FieldMessage("expiresInDays", "must not be null; leave it out for a token that does not expire"));
    } else if (days != null && (!days.isIntegralNumber() || !days.canConvertToInt()
        || days.intValue() < 1 || days.intValue() > MAX_DAYS)) {
      errors.add(new FieldMessage("expiresInDays", "must be a whole number from 1 to " + MAX_DAYS));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(422, "invalid token request: " + errors.get(0).field() + " " + errors.get(0).message(), errors);
    }
    String token = Tokens.newToken();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Instant expiresAt = days == null ? null : now.plus(days.intValue(), ChronoUnit.DAYS);
    TokenRow row = new TokenRow(Ids.newId("tok"), body.name(), body.team(), role.wireName(), Tokens.hash(token), now,
        expiresAt, null);
    try {
      jdbi.useTransaction(handle -> {
        handle.attach(TokenDao.class).insert(row);
        AuditLog.append(handle, AuditEvent.by(caller, "token.issued", row.id(), Map.of("name", row.name(),
            "team", row.team(), "role", row.role(), "expiresAt", expiresAt == null ? "never" : expiresAt.toString())));
      });
    } catch (UnableToExecuteStatementException e) {
      if (UniqueViolation.of(e, "tokens_name_per_team")) {
        // Names are display names, but two alike in one team would confuse every reader of the audit.
        throw new ApiException(409, "name is taken by another token of team " + row.team()
            + "; choose another name, or revoke that token first",
            List.of(new FieldMessage("name", "is taken by another token of this team")));
      }
      throw e;
    }
    return new IssuedToken(row.id(), row.name(), row.team(), row.role(), expiresAt, token);
  }

  /** Revokes the token and, in the same transaction, every browser session it opened. */
  public void revoke(PavePrincipal caller, String id) {
    Instant now = clock.instant();
    int revoked = jdbi.inTransaction(handle -> {
      int tokens = handle.attach(TokenDao.class).revoke(id, now);
      int sessions = handle.attach(BrowserSessionDao.class).revokeAllOfToken(id, now);
      if (tokens == 1) {
        AuditLog.append(handle, AuditEvent.by(caller, "token.revoked", id, Map.of("sessionsEnded", sessions)));
      }
      return tokens;
    });
    if (revoked == 0) {
      throw ApiException.notFound("token " + id);
    }
  }
}
