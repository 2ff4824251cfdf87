package dev.pave.workflows.activities;

/**
 * The answer to "may this request run now?", and, when it may, how its run starts: taking the
 * workspace, closing the queue step and checking the request-stage policies happen in one
 * activity, so a request goes from accepted to planning with one Temporal round trip.
 *
 * @param claimed whether the request holds its workspace; when false, nothing else is set
 * @param start where the run starts (a restart may resume an approval wait or an apply)
 * @param requestCheck the request-stage policies' verdict; null unless the run starts at the
 *     beginning and no cancel was asked for
 */
public record Admission(boolean claimed, RunStart start, PolicyCheck requestCheck) {

  public static Admission waiting() {
    return new Admission(false, null, null);
  }
}
