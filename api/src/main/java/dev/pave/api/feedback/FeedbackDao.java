package dev.pave.api.feedback;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The feedback table (V15): one row per request, never changed. */
@RegisterConstructorMapper(FeedbackView.class)
public interface FeedbackDao {

  /** 0 when the request already has feedback: the primary key decides a race, not a read before the write. */
  @SqlUpdate("INSERT INTO feedback (request_id, module, score, comment, requester_subject, created_at)"
      + " VALUES (:requestId, :module, :score, :comment, :subject, :at) ON CONFLICT (request_id) DO NOTHING")
  int insert(@Bind("requestId") String requestId, @Bind("module") String module, @Bind("score") int score,
      @Bind("comment") String comment, @Bind("subject") String subject, @Bind("at") Instant at);

  @SqlQuery("SELECT request_id, module, score, comment, created_at FROM feedback WHERE request_id = :requestId")
  Optional<FeedbackView> find(@Bind("requestId") String requestId);
}
