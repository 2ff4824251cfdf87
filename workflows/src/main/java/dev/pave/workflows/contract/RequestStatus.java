package dev.pave.workflows.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The statuses of PRODUCT.md; the lower-case names are part of the API contract, and the form
 * in which a status crosses the Temporal boundary (as stored histories hold it).
 */
public enum RequestStatus {
  QUEUED, PLANNING, CHECKING, AWAITING_APPROVAL, APPLYING,
  SUCCEEDED, FAILED, DENIED, REJECTED, CANCELLED, EXPIRED;

  public boolean terminal() {
    return ordinal() >= SUCCEEDED.ordinal();
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static RequestStatus fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
