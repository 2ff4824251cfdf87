package dev.pave.cli;

/**
 * The exit codes of PRODUCT.md's "CLI" table: one per way a pipeline step can end, so a CI script
 * can branch on them without reading text. They are a contract: never renumber one.
 */
public final class ExitCode {

  public static final int SUCCEEDED = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int DENIED = 3;
  public static final int REJECTED = 4;
  public static final int EXPIRED = 5;
  public static final int CANCELLED = 6;
  public static final int AWAITING_APPROVAL = 7;
  public static final int TIMED_OUT = 8;
  public static final int NOT_ALLOWED = 9;
  public static final int INVALID_REQUEST = 10;
  public static final int UNREACHABLE = 11;

  private ExitCode() {}

  /** The code a terminal status ends with; null while the request is still on its way. */
  public static Integer ofStatus(String status) {
    return switch (status) {
      case "succeeded" -> SUCCEEDED;
      case "failed" -> FAILED;
      case "denied" -> DENIED;
      case "rejected" -> REJECTED;
      case "expired" -> EXPIRED;
      case "cancelled" -> CANCELLED;
      default -> null;
    };
  }
}
