package dev.pave.workflows.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

  /**
   * The status whose wire name is exactly {@code value}: what a caller's filter must be. Unlike
   * {@link #fromWire} (lenient for stored histories), "SUCCEEDED" is not a status on the wire.
   */
  public static Optional<RequestStatus> ofWireName(String value) {
    return Arrays.stream(values()).filter(status -> status.wireName().equals(value)).findFirst();
  }

  /** Every wire name, in lifecycle order: what an error lists as the allowed values. */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(RequestStatus::wireName).toList();
  }
}
