package dev.pave.api.core;

import dev.pave.api.db.WorkflowHistoryStore;

/**
 * A workflow history as it is about to be served, with what an auditor may conclude from it.
 *
 * @param json the document; null when an archived row does not even decompress
 * @param archived false for Temporal's live copy (the workflow is open, or closed a moment ago)
 * @param complete whether it holds the workflow's closing events
 * @param verified for an archived copy, whether it is the text whose hash the audit trail
 *     recorded when it was stored; null for a live copy (the trail has nothing of it yet)
 * @param sha256 the hash of the document served (null when it does not decompress)
 * @param trailSha256 the hash the trail recorded for an archived copy; null when live, or when
 *     no event vouches for the row
 */
public record ServedHistory(String json, boolean archived, boolean complete, Boolean verified, String sha256,
    String trailSha256) {

  static ServedHistory live(String json, boolean closed) {
    return new ServedHistory(json, false, closed, null, null, null);
  }

  static ServedHistory of(WorkflowHistoryStore.Stored stored) {
    return new ServedHistory(stored.json(), true, stored.kind() == WorkflowHistoryStore.Kind.COMPLETE,
        stored.matchesTrail(), stored.sha256(), stored.trailSha256());
  }

  /** An archived copy the trail does not vouch for: reported, never served as the history. */
  public boolean disowned() {
    return Boolean.FALSE.equals(verified);
  }

  /** What an auditor may conclude, in one sentence (the portal shows it; a disowned copy's answer says it). */
  public String verdict() {
    if (!archived) {
      return "not archived yet: Temporal's live copy" + (complete ? " of the closed workflow" : " (the workflow is open)");
    }
    String kind = complete ? "the complete history" : "an incomplete snapshot (taken before the request ended;"
        + " its workflow's closing events were never archived)";
    if (!disowned()) {
      return kind + ", archived; it matches the hash the audit trail recorded (" + trailSha256 + ")";
    }
    return kind + " is stored, but it is not what the audit trail recorded: "
        + (trailSha256 == null ? "no audit event vouches for it" : "the trail recorded " + trailSha256 + ", the stored copy is "
        + (sha256 == null ? "not readable" : sha256)) + ". It was changed or planted outside Pave; it is not served";
  }
}
