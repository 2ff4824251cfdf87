package dev.pave.workflows.activities;

/**
 * What became of an apply: done, or not started because a cancel came first.
 *
 * @param cancelledBy who cancelled the request, when {@code applied} is false
 */
public record ApplyOutcome(boolean applied, String cancelledBy) {

  public static ApplyOutcome done() {
    return new ApplyOutcome(true, null);
  }

  public static ApplyOutcome cancelledBy(String actor) {
    return new ApplyOutcome(false, actor);
  }
}
