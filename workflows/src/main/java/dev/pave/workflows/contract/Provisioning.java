package dev.pave.workflows.contract;

import java.util.Optional;

/**
 * The API's one door to request runs: start, signal, cancel and describe them, and read their
 * histories. It hides which engine runs them (Temporal), so the API's services and persistence
 * code see only Pave's own types. The run of a request is named by the request's id.
 */
public interface Provisioning {

  /** Starts the request's run; a run already going for it is left alone (so starting twice is harmless). */
  void start(String requestId);

  /** Asks a run that has not started applying to stop; a run that is not there is left alone. */
  void cancel(String requestId, String actor);

  /** Tells the run an approver decided (the decision itself is in Pave's tables). */
  void approvalDecided(String requestId);

  /** The request's latest run, or empty when the engine does not (or no longer) hold one. */
  Optional<RunDescription> describe(String requestId);

  /** The whole history of the request's latest run as JSON, or empty when the engine does not hold it. */
  Optional<String> history(String requestId);

  /** The whole history of one run (of {@link #describe}) as JSON. */
  String history(String requestId, String runId);

  /** Whether the engine answers right now (for the health check), within a couple of seconds. */
  boolean reachable();
}
