package dev.pave.api.dashboard;

/** The small form shown instead of the dashboard until a token is given: never an error page. */
final class LoginPage {

  private LoginPage() {}

  static String render(String problem) {
    Html body = new Html().raw("<form class=\"login\" method=\"post\" action=\"/dashboard\">")
        .raw("<h1>Pave dashboard</h1><p>Paste an API token. An auditor token shows every team;")
        .raw(" any other token shows its own team.</p>");
    if (problem != null) {
      body.raw("<p class=\"problem\" role=\"alert\">").text(problem).raw("</p>");
    }
    body.raw("<label for=\"token\">Token</label>")
        .raw("<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"off\" required>")
        .raw("<button type=\"submit\">Show the dashboard</button></form>");
    return PageShell.page("Pave dashboard: sign in", body.toString(), false);
  }
}
