package dev.pave.workflows.activities;

import dev.pave.workflows.contract.PolicyVerdict;

/**
 * What one stage's policies decided; {@code message} explains a denial or an approval demand in
 * the policies' own words.
 */
public record PolicyCheck(PolicyVerdict verdict, String message) {

  public boolean denied() {
    return verdict == PolicyVerdict.DENIED;
  }

  public boolean needsApproval() {
    return verdict == PolicyVerdict.NEEDS_APPROVAL;
  }
}
