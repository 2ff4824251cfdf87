package dev.pave.api.auth;

/**
 * "Is this caller the one recorded?" answered by subject, never by name: names repeat across
 * teams, so a name match proves nothing.
 */
public final class Subjects {

  /**
   * Marks a subject that V7 could not recover for a record written before subjects were kept
   * (its name matched no token, or several). No caller's subject starts with it.
   */
  public static final String UNRESOLVED = "unresolved:";

  private Subjects() {}

  /** True only when the caller is the recorded subject. Rights (cancel, replay) need this. */
  public static boolean isCaller(PavePrincipal caller, String recordedSubject) {
    return caller.subject().equals(recordedSubject);
  }

  /**
   * True when the caller is, or for an unresolved old record may be, the recorded subject.
   * Restrictions (self-approval) use this: with no subject to go by, a name match still refuses.
   */
  public static boolean mayBeCaller(PavePrincipal caller, String recordedSubject, String recordedName) {
    return isCaller(caller, recordedSubject)
        || (recordedSubject.startsWith(UNRESOLVED) && caller.name().equals(recordedName));
  }
}
