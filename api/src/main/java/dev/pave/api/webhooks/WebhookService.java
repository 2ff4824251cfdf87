package dev.pave.api.webhooks;

import dev.pave.api.audit.AuditEvent;
import dev.pave.api.audit.AuditLog;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.auth.Role;
import dev.pave.api.core.Ids;
import dev.pave.api.core.Limits;
import dev.pave.api.core.Names;
import dev.pave.api.errors.ApiError.FieldMessage;
import dev.pave.api.errors.ApiException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Registering, reading, rotating and deleting a team's webhook endpoints. Requesters and
 * approvers manage their own team's; an admin any team's, or one endpoint for every team;
 * auditors read every endpoint and change none. Another team's endpoint answers 404.
 */
final class WebhookService {

  private static final int MAX_LOG_LINES = 200;

  private final Jdbi jdbi;
  private final WebhookSecrets secrets;
  private final DeliveryTargetGuard guard;
  private final Duration rotationGrace;
  private final int maxEndpointsPerTeam;
  private final Clock clock;

  WebhookService(Jdbi jdbi, WebhookSecrets secrets, DeliveryTargetGuard guard, Duration rotationGrace,
      int maxEndpointsPerTeam, Clock clock) {
    this.jdbi = jdbi;
    this.secrets = secrets;
    this.guard = guard;
    this.rotationGrace = rotationGrace;
    this.maxEndpointsPerTeam = maxEndpointsPerTeam;
    this.clock = clock;
  }

  RegisteredWebhook register(PavePrincipal caller, NewWebhook body) {
    refuseAuditors(caller, "register webhooks");
    if (body == null) {
      throw ApiException.invalid("body", "is required: {url, events, format?, team?}");
    }
    String team = team(caller, body.team());
    List<FieldMessage> errors = new ArrayList<>();
    try {
      guard.check(body.url());
    } catch (DeliveryTargetGuard.Refused refused) {
      errors.add(new FieldMessage("url", refused.getMessage()));
    }
    List<String> events = events(body.events(), errors);
    String format = body.format() == null ? WebhookFormat.STANDARD.wireName() : body.format();
    if (WebhookFormat.fromWire(format).isEmpty()) {
      errors.add(new FieldMessage("format", "must be one of " + WebhookFormat.wireNames()));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(422, "invalid webhook: " + errors.get(0).field() + " " + errors.get(0).message(), errors);
    }
    String id = Ids.newId("whk");
    String secret = WebhookSecrets.newSecret();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    WebhookEndpointRow row = new WebhookEndpointRow(id, team, body.url(), events.toArray(String[]::new), format,
        secrets.seal(id, secret), null, null, caller.subject(), now, null, null, null);
    jdbi.useTransaction(handle -> {
      WebhookDao webhooks = handle.attach(WebhookDao.class);
      webhooks.lockTeam(team); // until commit: two registrations cannot both see room for one more
      if (webhooks.countOfTeam(team) >= maxEndpointsPerTeam) {
        throw new ApiException(409, (team == null ? "every-team endpoints" : "team " + team) + " already "
            + "has " + maxEndpointsPerTeam + " webhook endpoints, the limit (webhooks.maxEndpointsPerTeam):"
            + " delete one first");
      }
      webhooks.insert(row);
      // The URL masked: its path can itself be a credential (a Slack incoming webhook's is).
      AuditLog.append(handle, AuditEvent.by(caller, "webhook.registered", id, Map.of(
          "team", team == null ? WebhookEndpointRow.ALL_TEAMS : team, "events", events, "format", format,
          "host", URI.create(body.url()).getHost(), "url", MaskedUrl.of(body.url()))));
    });
    return new RegisteredWebhook(id, row.url(), events, format, row.view().team(), secret);
  }

  List<WebhookView> list(PavePrincipal caller) {
    return jdbi.onDemand(WebhookDao.class).list(seesAll(caller) ? null : caller.team()).stream()
        .map(WebhookEndpointRow::view).toList();
  }

  WebhookView get(PavePrincipal caller, String id) {
    return visible(caller, id).view();
  }

  List<DeliveryView> deliveries(PavePrincipal caller, String id, String limit) {
    int lines = Limits.parse(limit, 50, MAX_LOG_LINES);
    visible(caller, id);
    return jdbi.onDemand(WebhookDao.class).deliveries(id, lines).stream()
        .map(DeliveryRow::view).toList();
  }

  void delete(PavePrincipal caller, String id) {
    refuseAuditors(caller, "delete webhooks");
    visible(caller, id);
    jdbi.useTransaction(handle -> {
      if (handle.attach(WebhookDao.class).delete(id) == 1) {
        AuditLog.append(handle, AuditEvent.by(caller, "webhook.deleted", id, Map.of()));
      }
    });
  }

  /** A new secret, shown this once; the old one keeps signing beside it for the rotation grace. */
  RegisteredWebhook rotateSecret(PavePrincipal caller, String id) {
    refuseAuditors(caller, "rotate webhook secrets");
    WebhookEndpointRow endpoint = visible(caller, id);
    String secret = WebhookSecrets.newSecret();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Instant graceUntil = now.plus(rotationGrace);
    jdbi.useTransaction(handle -> {
      if (handle.attach(WebhookDao.class).rotate(id, secrets.seal(id, secret), now, graceUntil) == 0) {
        throw ApiException.notFound("webhook " + id);
      }
      AuditLog.append(handle, AuditEvent.by(caller, "webhook.rotated", id,
          Map.of("previousSignsUntil", graceUntil.toString())));
    });
    WebhookView view = endpoint.view();
    return new RegisteredWebhook(id, view.url(), view.events(), view.format(), view.team(), secret);
  }

  private WebhookEndpointRow visible(PavePrincipal caller, String id) {
    return jdbi.onDemand(WebhookDao.class).find(id)
        .filter(row -> seesAll(caller) || caller.team().equals(row.team()))
        .orElseThrow(() -> ApiException.notFound("webhook " + id));
  }

  /** Endpoints are a team's settings, not its requests: approvers manage only their own team's. */
  private static boolean seesAll(PavePrincipal caller) {
    return caller.role() == Role.ADMIN || caller.role() == Role.AUDITOR;
  }

  private static void refuseAuditors(PavePrincipal caller, String what) {
    if (caller.role() == Role.AUDITOR) {
      throw new ApiException(403, "auditors read, they never " + what);
    }
  }

  /** The endpoint's team: the caller's own; for an admin the named one, or null (every team) for none or "*". */
  private static String team(PavePrincipal caller, String asked) {
    if (caller.role() == Role.ADMIN) {
      if (asked == null || WebhookEndpointRow.ALL_TEAMS.equals(asked)) {
        return null;
      }
      if (!Names.TEAM.matcher(asked).matches()) {
        throw ApiException.invalid("team", "must be lower-case letters, digits and '-', starting with a letter, or \"*\"");
      }
      return asked;
    }
    if (asked != null && !asked.equals(caller.team())) {
      throw new ApiException(403, "a " + caller.role().wireName() + " registers webhooks for its own team only",
          List.of(new FieldMessage("team", "must be your own team (" + caller.team() + ") or left out")));
    }
    return caller.team();
  }

  private static List<String> events(List<String> asked, List<FieldMessage> errors) {
    if (asked == null || asked.isEmpty()) {
      errors.add(new FieldMessage("events", "must list at least one of " + WebhookEvent.wireNames()));
      return List.of();
    }
    Set<String> events = new LinkedHashSet<>();
    for (int i = 0; i < asked.size(); i++) {
      String event = asked.get(i);
      if (event == null || WebhookEvent.fromWire(event).isEmpty()) {
        errors.add(new FieldMessage("events[" + i + "]", "must be one of " + WebhookEvent.wireNames()));
      } else {
        events.add(event);
      }
    }
    return List.copyOf(events);
  }
}
