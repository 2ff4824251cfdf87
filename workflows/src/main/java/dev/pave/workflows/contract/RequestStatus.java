package dev.pave.workflows.contract;

import java.util.Locale;

/** The statuses of PRODUCT.md; the lower-case names are part of the API contract. */
public enum RequestStatus {
  QUEUED, PLANNING, CHECKING, AWAITING_APPROVAL, APPLYING,
  SUCCEEDED, FAILED, DENIED, REJECTED, CANCELLED, EXPIRED;

  public boolean terminal() {
    return ordinal() >= SUCCEEDED.ordinal();
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RequestStatus fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
