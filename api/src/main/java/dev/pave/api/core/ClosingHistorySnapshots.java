package dev.pave.api.core;

import dev.pave.api.db.WorkflowHistoryStore;
import dev.pave.workflows.activities.HistorySnapshots;
import dev.pave.workflows.contract.Provisioning;
import dev.pave.workflows.contract.RunDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores, from inside a request's last activity, the history of its (still running) workflow
 * as an incomplete snapshot: all of it but the closing events, which the archiver adds when it
 * stores the complete history. What auditors read after a crash between the two.
 */
public final class ClosingHistorySnapshots implements HistorySnapshots {

  private static final Logger LOG = LoggerFactory.getLogger(ClosingHistorySnapshots.class);

  private final Provisioning provisioning;
  private final WorkflowHistoryStore store;

  public ClosingHistorySnapshots(Provisioning provisioning, WorkflowHistoryStore store) {
    this.provisioning = provisioning;
    this.store = store;
  }

  @Override
  public void keep(String requestId) {
    try {
      if (store.has(requestId, WorkflowHistoryStore.Kind.SNAPSHOT)) {
        return; // a success's apply took it; its finish step only hands the workspace on
      }
      RunDescription run = provisioning.describe(requestId).orElse(null);
      if (run != null) {
        store.snapshot(requestId, run.runId(), provisioning.history(requestId, run.runId()));
      }
    } catch (RuntimeException unavailable) {
      // Insurance only: the archiver still stores the complete history after the close. Failing
      // the step here would retry a terminal move over a missing copy.
      LOG.warn("could not store a snapshot of the workflow history of {}: {}", requestId,
          unavailable.getClass().getSimpleName());
    }
  }
}
