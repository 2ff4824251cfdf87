package dev.pave.api.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Webhook endpoints and their deliveries (the outbox and the delivery log). */
@RegisterConstructorMapper(WebhookEndpointRow.class)
@RegisterConstructorMapper(DeliveryRow.class)
public interface WebhookDao {

  String ENDPOINT = "id, team, url, events, format, sealed_secret, sealed_previous_secret, previous_secret_until,"
      + " created_by_subject, created_at, secret_rotated_at, disabled_at, disabled_reason";
  String DELIVERY = "id, endpoint_id, request_id, event, occurred_at, status, attempts, last_http_status, last_error,"
      + " last_attempt_at, finished_at";

  /** An enabled endpoint {@code e} of request {@code r}'s team or of every team, subscribed to {@code :event}. */
  String LISTENING = "(e.team IS NULL OR e.team = r.team) AND e.disabled_at IS NULL AND :event = ANY(e.events)";

  @SqlUpdate("INSERT INTO webhook_endpoints (" + ENDPOINT + ") VALUES (:id, :team, :url, :events, :format,"
      + " :sealedSecret, :sealedPreviousSecret, :previousSecretUntil, :createdBySubject, :createdAt,"
      + " :secretRotatedAt, :disabledAt, :disabledReason)")
  void insert(@BindMethods WebhookEndpointRow row);

  @SqlQuery("SELECT " + ENDPOINT + " FROM webhook_endpoints WHERE id = :id")
  Optional<WebhookEndpointRow> find(@Bind("id") String id);

  /** {@code team} null: every endpoint (auditors, admins); else that team's own. */
  @SqlQuery("SELECT " + ENDPOINT + " FROM webhook_endpoints"
      + " WHERE CAST(:team AS text) IS NULL OR team = :team ORDER BY created_at, id")
  List<WebhookEndpointRow> list(@Bind("team") String team);

  @SqlUpdate("DELETE FROM webhook_endpoints WHERE id = :id")
  int delete(@Bind("id") String id);

  @SqlUpdate("UPDATE webhook_endpoints SET sealed_previous_secret = sealed_secret, previous_secret_until = :graceUntil,"
      + " sealed_secret = :sealed, secret_rotated_at = :at WHERE id = :id")
  int rotate(@Bind("id") String id, @Bind("sealed") byte[] sealed, @Bind("at") Instant at,
      @Bind("graceUntil") Instant graceUntil);

  /** A receiver said 410 Gone: nothing more goes there, and what waits for it is dropped. */
  @SqlUpdate("UPDATE webhook_endpoints SET disabled_at = :at, disabled_reason = :reason"
      + " WHERE id = :id AND disabled_at IS NULL")
  int disable(@Bind("id") String id, @Bind("at") Instant at, @Bind("reason") String reason);

  @SqlUpdate("UPDATE webhook_deliveries SET status = 'dropped', finished_at = :at, last_error = :reason"
      + " WHERE endpoint_id = :endpointId AND status = 'pending'")
  int dropPending(@Bind("endpointId") String endpointId, @Bind("at") Instant at, @Bind("reason") String reason);

  /**
   * The outbox: one pending delivery per enabled endpoint that subscribed to the event, of the
   * request's team or of every team. Called in the transaction that moves the request.
   */
  @SqlQuery("INSERT INTO webhook_deliveries (id, endpoint_id, request_id, event, occurred_at)"
      + " SELECT 'msg_' || replace(gen_random_uuid()::text, '-', ''), e.id, r.id, :event, :at"
      + " FROM webhook_endpoints e JOIN requests r ON r.id = :requestId WHERE " + LISTENING
      + " ORDER BY e.created_at, e.id LIMIT :max RETURNING id")
  List<String> enqueue(@Bind("requestId") String requestId, @Bind("event") String event, @Bind("at") Instant at,
      @Bind("max") int max);

  /** How many enabled endpoints hear this event of this request (more than were queued, past the cap). */
  @SqlQuery("SELECT count(*) FROM webhook_endpoints e JOIN requests r ON r.id = :requestId WHERE " + LISTENING)
  int listening(@Bind("requestId") String requestId, @Bind("event") String event);

  /**
   * Serialises registrations for one team ({@code team} null: the every-team endpoints) until the
   * transaction ends, so that counting its endpoints and adding one cannot race past the cap.
   */
  @SqlUpdate("SELECT pg_advisory_xact_lock(hashtext('pave.webhook_endpoints'),"
      + " hashtext(coalesce(CAST(:team AS text), '*')))")
  void lockTeam(@Bind("team") String team);

  @SqlQuery("SELECT count(*) FROM webhook_endpoints WHERE team IS NOT DISTINCT FROM :team")
  int countOfTeam(@Bind("team") String team);

  @SqlQuery("SELECT " + DELIVERY + " FROM webhook_deliveries WHERE id = :id")
  Optional<DeliveryRow> findDelivery(@Bind("id") String id);

  @SqlQuery("SELECT " + DELIVERY + " FROM webhook_deliveries WHERE endpoint_id = :endpointId"
      + " ORDER BY occurred_at DESC, id DESC LIMIT :limit")
  List<DeliveryRow> deliveries(@Bind("endpointId") String endpointId, @Bind("limit") int limit);

  @SqlQuery("SELECT id FROM webhook_deliveries WHERE status = 'pending' ORDER BY occurred_at, id")
  List<String> pending();

  /** Records an attempt of a delivery still pending; {@code status} stays pending, or ends it. */
  @SqlUpdate("UPDATE webhook_deliveries SET attempts = attempts + 1, last_http_status = :httpStatus,"
      + " last_error = :error, last_attempt_at = :at, status = :status,"
      + " finished_at = CASE WHEN :status = 'pending' THEN NULL ELSE CAST(:at AS timestamptz) END"
      + " WHERE id = :id AND status = 'pending'")
  int recordAttempt(@Bind("id") String id, @Bind("httpStatus") Integer httpStatus, @Bind("error") String error,
      @Bind("at") Instant at, @Bind("status") String status);

  @SqlUpdate("UPDATE webhook_deliveries SET status = 'dropped', finished_at = :at, last_error = :reason"
      + " WHERE id = :id AND status = 'pending'")
  int drop(@Bind("id") String id, @Bind("at") Instant at, @Bind("reason") String reason);
}
