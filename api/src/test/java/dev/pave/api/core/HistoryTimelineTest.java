package dev.pave.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The timeline names who acted, read from the recorded histories of the workflow's paths (the
 * replay fixtures; tests run in api/): the approver of a decision, the canceller of a cancel.
 */
class HistoryTimelineTest {

  private final HistoryTimeline timeline = new HistoryTimeline(new ObjectMapper());

  @Test
  void aRejectionNamesTheApproverAndEndsRejected() throws Exception {
    List<HistoryTimeline.Entry> events = timeline.of(fixture("approval-rejected"));
    assertThat(events).noneMatch(e -> e.event().startsWith("workflow_task_"));
    assertThat(events).anySatisfy(e -> {
      assertThat(e.activity()).isEqualTo("CloseApproval");
      assertThat(e.actor()).isEqualTo("bob");
      assertThat(e.outcome()).isEqualTo("rejected");
    });
    assertThat(events).anySatisfy(e -> assertThat(e.outcome()).isEqualTo("approvalDecided"));
    assertThat(events.get(events.size() - 1)).isEqualTo(new HistoryTimeline.Entry(
        events.get(events.size() - 1).time(), "workflow_execution_completed", null, "system", "rejected"));
  }

  @Test
  void aCancelNamesWhoCancelled() throws Exception {
    List<HistoryTimeline.Entry> events = timeline.of(fixture("cancelled-in-queue"));
    assertThat(events).anySatisfy(e -> {
      assertThat(e.event()).isEqualTo("workflow_execution_signaled");
      assertThat(e.outcome()).isEqualTo("cancel");
      assertThat(e.actor()).isEqualTo("ci-payments");
    });
  }

  @Test
  void aFailedActivityShowsItsActivityAndError() throws Exception {
    List<HistoryTimeline.Entry> events = timeline.of(fixture("failed-apply"));
    assertThat(events).anySatisfy(e -> {
      assertThat(e.event()).isEqualTo("activity_task_failed");
      assertThat(e.activity()).isEqualTo("Apply");
      assertThat(e.outcome()).contains("terraform apply failed");
    });
  }

  private static String fixture(String path) throws Exception {
    return Files.readString(Path.of("../workflows/src/test/resources/histories/" + path + ".json"));
  }
}
