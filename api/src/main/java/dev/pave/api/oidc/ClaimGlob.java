package dev.pave.api.oidc;

import java.util.regex.Pattern;

/**
 * A claim pattern from a rule: {@code *} matches any run of characters (slashes included, since
 * claims are not paths), {@code ?} any one character, everything else itself, case and all.
 * Hand-written because it is this small: a path glob would normalise "a//b" and treat "/" apart.
 */
final class ClaimGlob {

  private final String glob;
  private final Pattern pattern;

  private ClaimGlob(String glob, Pattern pattern) {
    this.glob = glob;
    this.pattern = pattern;
  }

  static ClaimGlob of(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return new ClaimGlob(glob, Pattern.compile(regex.toString(), Pattern.DOTALL));
  }

  boolean matches(String value) {
    return value != null && pattern.matcher(value).matches();
  }

  @Override
  public String toString() {
    return glob;
  }
}
