package dev.pave.workflows.activities;

/**
 * Keeps what a request's workflow history holds right now, before the request's terminal move:
 * the archiver stores the complete history only after the workflow closed, and a crash in
 * between would otherwise lose it all (the embedded Temporal keeps it in memory). Best effort:
 * a snapshot that cannot be taken must not hold up the request's end.
 */
public interface HistorySnapshots {

  /** Does nothing: for workers without a history archive (tests). */
  HistorySnapshots NONE = requestId -> { };

  void keep(String requestId);
}
