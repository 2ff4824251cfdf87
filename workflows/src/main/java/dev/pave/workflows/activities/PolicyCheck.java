package dev.pave.workflows.activities;

/**
 * What one stage's policies decided: {@code verdict} is "allowed", "needs_approval" or
 * "denied"; {@code message} explains a denial or an approval demand in the policies' own words.
 */
public record PolicyCheck(String verdict, String message) {

  public static final String ALLOWED = "allowed";
  public static final String NEEDS_APPROVAL = "needs_approval";
  public static final String DENIED = "denied";

  public boolean denied() {
    return DENIED.equals(verdict);
  }

  public boolean needsApproval() {
    return NEEDS_APPROVAL.equals(verdict);
  }
}
