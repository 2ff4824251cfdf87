package dev.pave.api.auth;

import java.util.Locale;

/** The roles of PRODUCT.md; the lower-case names are stored and shown. */
public enum Role {
  REQUESTER, APPROVER, AUDITOR, ADMIN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
