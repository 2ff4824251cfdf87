package dev.pave.workflows.contract;

/** Task queue names shared by the API (which starts workflows) and the workers (which run them). */
public final class TaskQueues {
  public static final String PROVISION = "pave-provision";

  private TaskQueues() {}
}
