package dev.pave.workflows.contract;

/**
 * Pave's tables refuse a step of a request: there is no such request, or its status does not
 * allow the step. A retry cannot change that. Thrown by the ledger (in Pave's terms, so the
 * persistence code never sees Temporal); the activities report it as {@link FailureType#UNKNOWN_REQUEST}.
 */
public final class RunRefused extends RuntimeException {

  public RunRefused(String message) {
    super(message);
  }
}
