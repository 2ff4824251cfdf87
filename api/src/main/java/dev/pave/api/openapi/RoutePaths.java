package dev.pave.api.openapi;

/** Jersey's path templates as OpenAPI writes them: joined with one slash, regular expressions dropped. */
public final class RoutePaths {

  private RoutePaths() {}

  public static String join(String parent, String child) {
    String left = parent.endsWith("/") ? parent.substring(0, parent.length() - 1) : parent;
    if (child == null || child.isEmpty() || child.equals("/")) {
      return left;
    }
    return left + (child.startsWith("/") ? child : "/" + child);
  }

  /** {@code /a/{id: [0-9]+}/} becomes {@code /a/{id}}. */
  public static String normalize(String path) {
    String plain = path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
    String rooted = plain.startsWith("/") ? plain : "/" + plain;
    return rooted.length() > 1 && rooted.endsWith("/") ? rooted.substring(0, rooted.length() - 1) : rooted;
  }
}
