package dev.pave.workflows.webhooks;

/** The outcome of one attempt, and how many attempts the delivery has had so far. */
public record AttemptResult(Outcome outcome, int attempts) {

  public enum Outcome {
    /** A 2xx answer. */
    DELIVERED,
    /** No 2xx answer, attempts remain: try again after the schedule's next pause. */
    RETRY,
    /** No 2xx answer on the last attempt: the delivery is failed. */
    GAVE_UP,
    /** Not sent: the endpoint answered 410 Gone (and is now disabled), was deleted or disabled, or the delivery ended already. */
    DROPPED;

    public boolean finished() {
      return this != RETRY;
    }
  }
}
