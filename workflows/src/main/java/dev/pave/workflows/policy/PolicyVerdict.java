package dev.pave.workflows.policy;

/** What the workflow does after one stage's policies ran. */
public enum PolicyVerdict {
  /** No mandatory policy denied (advisory denies are warnings). */
  ALLOWED,
  /** A soft-mandatory policy denied or could not be evaluated: an approver decides. */
  NEEDS_APPROVAL,
  /** A hard-mandatory policy denied or could not be evaluated: nothing is applied. */
  DENIED
}
