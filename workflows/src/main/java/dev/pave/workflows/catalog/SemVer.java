package dev.pave.workflows.catalog;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version (semver.org 2.0.0) and its precedence, so that 1.10.0 sorts after 1.9.0 and
 * 2.0.0-rc.1 before 2.0.0. Build metadata ({@code +...}) is kept but does not count in precedence.
 */
record SemVer(long major, long minor, long patch, List<String> preRelease, String text)
    implements Comparable<SemVer> {

  // The regular expression suggested by semver.org, without named groups.
  private static final Pattern SEMVER = Pattern.compile(
      "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
          + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
          + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

  /** Throws IllegalArgumentException when {@code text} is not a semantic version. */
  static SemVer parse(String text) {
    Matcher m = text == null ? null : SEMVER.matcher(text);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("is not a semantic version like 1.2.3");
    }
    try {
      List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
      return new SemVer(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
          Long.parseLong(m.group(3)), pre, text);
    } catch (NumberFormatException tooLong) {
      throw new IllegalArgumentException("has a version number too large to compare");
    }
  }

  boolean isPreRelease() {
    return !preRelease.isEmpty();
  }

  @Override
  public int compareTo(SemVer other) {
    int c = Long.compare(major, other.major);
    if (c == 0) {
      c = Long.compare(minor, other.minor);
    }
    if (c == 0) {
      c = Long.compare(patch, other.patch);
    }
    return c != 0 ? c : comparePreRelease(preRelease, other.preRelease);
  }

  /** A release outranks its pre-releases; identifiers compare numerically when both are numbers. */
  private static int comparePreRelease(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isEmpty(), b.isEmpty());
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = compareIdentifier(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareIdentifier(String a, String b) {
    boolean aNumeric = a.chars().allMatch(Character::isDigit);
    boolean bNumeric = b.chars().allMatch(Character::isDigit);
    if (aNumeric && bNumeric) {
      return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
    if (aNumeric != bNumeric) {
      return aNumeric ? -1 : 1;
    }
    return a.compareTo(b);
  }

  @Override
  public String toString() {
    return text;
  }
}
