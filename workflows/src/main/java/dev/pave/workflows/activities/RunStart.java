package dev.pave.workflows.activities;

import dev.pave.workflows.contract.RequestAction;
/**
 * Where a (re)started workflow picks up. A restart resumes at the last recorded step that can
 * be resumed safely: a request awaiting approval waits again (for the remaining time) on the
 * same saved plan; one that was applying applies that same saved plan; anything earlier starts
 * over from the policy check, because nothing has changed yet.
 */
public record RunStart(RequestAction action, Phase phase, boolean cancelRequested) {

  public enum Phase { START, APPROVAL, APPLY }
}
