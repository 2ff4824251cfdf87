package dev.pave.workflows.contract;

/** Task queue names shared by the API (which starts workflows) and the workers (which run them). */
public final class TaskQueues {
  public static final String PROVISION = "pave-provision";

  /**
   * Terraform steps only. A queue of their own lets each worker cap how many Terraform runs it
   * does at once (maxConcurrentRuns) without starving the quick bookkeeping activities.
   */
  public static final String TERRAFORM = "pave-terraform";

  private TaskQueues() {}
}
