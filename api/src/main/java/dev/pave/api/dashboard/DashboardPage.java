package dev.pave.api.dashboard;

import dev.pave.api.metrics.MetricsReport;
import dev.pave.api.metrics.MetricsReport.LeadTime;
import dev.pave.api.metrics.MetricsReport.Usage;
import dev.pave.api.metrics.MetricsReport.Week;
import dev.pave.api.metrics.RecentRequests;
import dev.pave.api.metrics.RequestSummary;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The wall page: headline numbers, four trends and breakdowns as SVG, and the week's notable requests. */
final class DashboardPage {

  private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE MMM d, HH:mm 'UTC'", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ENDED = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);

  private DashboardPage() {}

  static String render(MetricsReport report, RecentRequests recent, String scope, int weeks) {
    List<Week> weekly = report.weekly();
    List<String> labels = weekly.stream().map(w -> WEEK.format(Instant.parse(w.weekStart()))).toList();
    Html body = new Html();
    body.raw("<header><h1>Pave · platform metrics</h1><span class=\"scope\">").text(scope)
        .raw(" · last ").text(String.valueOf(weeks)).raw(" weeks, to ")
        .text(WHEN.format(Instant.parse(report.window().until()))).raw("</span>")
        .raw("<form class=\"sign-out\" method=\"post\" action=\"/dashboard/sign-out\">")
        .raw("<button type=\"submit\">Sign out</button></form></header><main>");
    tiles(body, report);

    List<Double> p50 = values(weekly, w -> w.leadTime().p50Ms());
    List<Double> p90 = values(weekly, w -> w.leadTime().p90Ms());
    section(body, "Lead time", "Accepted to succeeded, per week the requests ended; log scale.",
        "k-blue:p50|k-amber:p90",
        LineChart.render("Lead time per week, p50 and p90", labels,
            List.of(new Series("p50", "blue", p50), new Series("p90", "amber", p90)),
            ValueAxis.durationsLog(min(p50), max(p90, p50))));
    section(body, "Self-service and change failure rate", "Succeeded with no human step, of all ended requests"
            + " (less those their requester cancelled); failed applies, of all applies.", "k-green:self-service|k-red:change failure",
        LineChart.render("Self-service rate and change failure rate per week", labels,
            List.of(new Series("self-service rate", "green", values(weekly, w -> w.selfServiceRate().value())),
                new Series("change failure rate", "red", values(weekly, w -> w.changeFailureRate().value()))),
            ValueAxis.percent()));
    whereTheTimeGoes(body, report);
    List<Double> requests = values(weekly, w -> w.requests());
    List<Double> live = values(weekly, w -> w.liveWorkspaces());
    section(body, "Adoption over time", "Requests accepted per week (left axis); live workspaces at the end of"
            + " each week (right axis).", "k-blue:requests|k-green:live workspaces",
        LineChart.render("Requests per week and live workspaces", labels,
            List.of(new Series("requests", "blue", requests)), ValueAxis.counts(max(requests, List.of())),
            new Series("live workspaces", "green", live), ValueAxis.counts(max(live, List.of()))));
    adoption(body, "Adoption per golden path", report.adoption().byModule());
    adoption(body, "Adoption per team", report.adoption().byTeam());
    satisfaction(body, report.satisfactionByModule());
    slowest(body, recent.slowest());
    failing(body, recent.failing());
    body.raw("</main>");
    return PageShell.page("Pave dashboard", body.toString(), true);
  }

  private static void tiles(Html body, MetricsReport report) {
    LeadTime lead = report.leadTime();
    body.raw("<div class=\"tiles\">");
    tile(body, "lead time p50", Units.duration(lead.p50Ms()));
    tile(body, "lead time p90", Units.duration(lead.p90Ms()));
    tile(body, "self-service rate", Units.percent(report.selfServiceRate().value()));
    tile(body, "change failure rate", Units.percent(report.changeFailureRate().value()));
    tile(body, "requests", String.valueOf(report.adoption().requests()));
    tile(body, "live workspaces", String.valueOf(report.adoption().liveWorkspaces()));
    body.raw("</div>");
  }

  private static void tile(Html body, String name, String value) {
    body.raw("<div class=\"tile\"><div class=\"value\">").text(value).raw("</div><div class=\"name\">").text(name)
        .raw("</div></div>");
  }

  private static void whereTheTimeGoes(Html body, MetricsReport report) {
    List<String> modules = new ArrayList<>(report.leadTimeByModule().keySet());
    List<Double> queue = new ArrayList<>();
    List<Double> machine = new ArrayList<>();
    List<Double> human = new ArrayList<>();
    List<Double> other = new ArrayList<>();
    double max = 0;
    for (String module : modules) {
      LeadTime t = report.leadTimeByModule().get(module);
      queue.add((double) t.queueMs());
      machine.add((double) t.machineMs());
      human.add((double) t.humanMs());
      other.add((double) Math.max(t.otherMs(), 0));
      max = Math.max(max, t.queueMs() + t.machineMs() + t.humanMs() + Math.max(t.otherMs(), 0));
    }
    section(body, "Where the time goes, per golden path", "Mean per succeeded request: waiting for a worker,"
            + " Terraform and policy (init, plan, policy, apply), waiting for an approver, and between steps.",
        "k-slate:queue|k-blue:machine|k-amber:human|k-pale:other",
        BarChart.stacked("Mean lead time per golden path, split into queue, machine, human and other time", modules,
            List.of(new Series("queue", "slate", queue), new Series("machine", "blue", machine),
                new Series("human", "amber", human), new Series("other", "pale", other)),
            ValueAxis.durations(max)));
  }

  private static void adoption(Html body, String title, List<Usage> usage) {
    List<String> names = usage.stream().map(Usage::name).toList();
    List<Double> requests = usage.stream().map(u -> (double) u.requests()).toList();
    List<Double> live = usage.stream().map(u -> (double) u.liveWorkspaces()).toList();
    section(body, title, "Requests accepted in the period; workspaces live now.", "k-blue:requests|k-green:live workspaces",
        BarChart.grouped(title, names, List.of(new Series("requests", "blue", requests),
            new Series("live workspaces", "green", live)), ValueAxis.counts(max(requests, live))));
  }

  private static void satisfaction(Html body, Map<String, MetricsReport.Satisfaction> byModule) {
    body.raw("<section><h2>Satisfaction per golden path</h2><p class=\"note\">\"How was this?\" asked of the"
        + " requester when a request ends: mean score out of 5, and responses of ended requests.</p><table><thead><tr>"
        + "<th>Golden path</th><th>Mean score</th><th>Responses</th><th>Response rate</th></tr></thead><tbody>");
    byModule.forEach((module, s) -> body.raw("<tr><td>").text(module).raw("</td><td class=\"num\">")
        .text(s.meanScore() == null ? "–" : String.format(Locale.ROOT, "%.1f", s.meanScore()))
        .raw("</td><td class=\"num\">").text(String.valueOf(s.responses())).raw("</td><td class=\"num\">")
        .text(s.responseRate().value() == null ? "–"
            : String.format(Locale.ROOT, "%.0f %%", s.responseRate().value() * 100))
        .raw("</td></tr>"));
    empty(body, List.copyOf(byModule.keySet()), 4, "no request ended in the period");
    body.raw("</tbody></table></section>");
  }

  private static void slowest(Html body, List<RequestSummary> requests) {
    body.raw("<section><h2>Slowest requests this week</h2><p class=\"note\">Succeeded in the last 7 days,"
        + " longest lead time first.</p><table><thead><tr><th>Request</th><th>Golden path</th><th>Team</th>"
        + "<th>Env</th><th>Lead time</th><th>Ended (UTC)</th></tr></thead><tbody>");
    for (RequestSummary r : requests) {
      body.raw("<tr><td>");
      link(body, r.id());
      body.raw("</td><td>").text(r.module()).raw("</td><td>").text(r.team()).raw("</td><td>").text(r.environment())
          .raw("</td><td class=\"num\">").text(Units.duration(r.leadTimeMs())).raw("</td><td>")
          .text(ENDED.format(Instant.parse(r.finishedAt()))).raw("</td></tr>");
    }
    empty(body, requests, 6, "no request succeeded this week");
    body.raw("</tbody></table></section>");
  }

  private static void failing(Html body, List<RequestSummary> requests) {
    body.raw("<section><h2>Failing requests this week</h2><p class=\"note\">Failed, denied by policy or expired"
        + " in the last 7 days, newest first.</p><table><thead><tr><th>Request</th><th>Golden path</th>"
        + "<th>Team</th><th>Status</th><th>Error</th></tr></thead><tbody>");
    for (RequestSummary r : requests) {
      body.raw("<tr><td>");
      link(body, r.id());
      body.raw("</td><td>").text(r.module()).raw("</td><td>").text(r.team()).raw("</td><td class=\"status\">")
          .text(r.status()).raw("</td><td class=\"error\" title=\"").text(r.error()).raw("\">").text(r.error())
          .raw("</td></tr>");
    }
    empty(body, requests, 5, "no failures this week");
    body.raw("</tbody></table></section>");
  }

  private static void link(Html body, String id) {
    body.raw("<a href=\"/v1/requests/").text(URLEncoder.encode(id, StandardCharsets.UTF_8)).raw("\">")
        .text(id).raw("</a>");
  }

  private static void empty(Html body, List<?> rows, int columns, String message) {
    if (rows.isEmpty()) {
      body.raw("<tr><td colspan=\"" + columns + "\" class=\"note\">").text(message).raw("</td></tr>");
    }
  }

  private static void section(Html body, String title, String note, String legend, String svg) {
    body.raw("<section><h2>").text(title).raw("</h2><p class=\"note\">")
        .text(note).raw("</p><div class=\"legend\">");
    for (String entry : legend.split("\\|")) {
      String[] parts = entry.split(":", 2);
      body.raw("<span class=\"" + parts[0] + "\">").text(parts[1]).raw("</span>");
    }
    body.raw("</div>").raw(svg).raw("</section>");
  }

  private static <T extends Number> List<Double> values(List<Week> weeks, Function<Week, T> value) {
    return weeks.stream().map(w -> {
      T v = value.apply(w);
      return v == null ? null : v.doubleValue();
    }).toList();
  }

  private static double min(List<Double> values) {
    return values.stream().filter(v -> v != null && v > 0).mapToDouble(Double::doubleValue).min().orElse(1_000);
  }

  private static double max(List<Double> a, List<Double> b) {
    double max = 0;
    for (List<Double> list : List.of(a, b)) {
      for (Double v : list) {
        max = v == null ? max : Math.max(max, v);
      }
    }
    return max;
  }
}
