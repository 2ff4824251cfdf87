package dev.pave.api.core;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/** Can Pave accept and run requests right now? Each dependency answers "ok" or why not. */
public final class Readiness {

  private final Jdbi jdbi;
  private final WorkflowServiceStubs temporal;

  public Readiness(Jdbi jdbi, WorkflowServiceStubs temporal) {
    this.jdbi = jdbi;
    this.temporal = temporal;
  }

  public Map<String, String> check() {
    Map<String, String> checks = new LinkedHashMap<>();
    try {
      jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
      checks.put("database", "ok");
    } catch (RuntimeException e) {
      checks.put("database", "unreachable");
    }
    try {
      temporal.blockingStub().withDeadlineAfter(2, TimeUnit.SECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      checks.put("temporal", "ok");
    } catch (RuntimeException e) {
      checks.put("temporal", "unreachable");
    }
    return checks;
  }
}
