package dev.pave.api.dashboard;

import static dev.pave.api.metrics.SeededRequest.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.metrics.MetricsTestApp;
import dev.pave.api.session.SessionCookie;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser, over a year of synthetic requests (the benchmark's seed, at
 * 6,000 requests): sign in through the form, read the charts and lists, and keep a screenshot
 * (target/dashboard.png; docs/dashboard.png is a copy of one).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the screenshot before the hostile request is added
class DashboardBrowserTest {

  static final MetricsTestApp TEST = new MetricsTestApp();
  static final DropwizardAppExtension<PaveConfiguration> APP = TEST.app;
  static ChromeDriver browser;
  static String wallToken;

  @BeforeAll
  static void seedAndOpen() throws Exception {
    HttpApi api = new HttpApi(APP.getLocalPort());
    HttpApi.Reply token = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
        Map.of("name", "wall-display", "team", "platform", "role", "auditor"));
    wallToken = token.body().get("token").asText();
    try (Connection db = TEST.connect(); Statement sql = db.createStatement()) {
      sql.execute("SET pave.bench_requests = '6000'");
      sql.execute(Files.readString(Path.of("../bench/metrics/seed.sql")));
    }
    browser = Browser.start(1500, 1000);
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  @Order(1)
  void signInThenReadTheWall() throws Exception {
    String base = "http://localhost:" + APP.getLocalPort();
    browser.get(base + "/dashboard");
    browser.manage().deleteAllCookies(); // signed out, whichever test ran first
    browser.get(base + "/dashboard");
    assertThat(browser.getTitle()).contains("sign in");
    browser.findElement(By.id("token")).sendKeys(wallToken);
    browser.findElement(By.cssSelector("form.login button")).click();

    new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(() -> browser.getPageSource())
        .until(ExpectedConditions.titleIs("Pave dashboard"));
    assertThat(browser.getCurrentUrl()).isEqualTo(base + "/dashboard");
    assertThat(browser.findElement(By.tagName("header")).getText()).contains("all teams", "last 12 weeks");
    List<WebElement> charts = browser.findElements(By.cssSelector("svg.chart"));
    assertThat(charts).hasSize(6);
    List<String> headings = browser.findElements(By.tagName("h2")).stream().map(WebElement::getText).toList();
    assertThat(headings).contains("Lead time", "Self-service and change failure rate",
        "Where the time goes, per golden path", "Adoption over time", "Adoption per golden path",
        "Adoption per team", "Slowest requests this week", "Failing requests this week");
    // Axes carry units; bars and lines are drawn; every golden path of the seed has its row.
    assertThat(charts.get(0).findElements(By.cssSelector("path.line"))).hasSize(2);
    assertThat(charts.get(0).getText()).containsPattern("\\d+ (s|min|h)");
    assertThat(charts.get(1).getText()).contains("100 %");
    assertThat(charts.get(2).getText()).contains("postgres-database", "object-store", "redis-cache");
    assertThat(charts.get(2).findElements(By.cssSelector("rect.bar"))).hasSizeGreaterThanOrEqualTo(10);
    assertThat(browser.findElements(By.cssSelector(".tile .value")).get(0).getText()).matches("[\\d.]+ (s|min|h)");
    // The week's notable requests link to the request.
    List<WebElement> links = browser.findElements(By.cssSelector("table a"));
    assertThat(links).isNotEmpty();
    assertThat(links.get(0).getAttribute("href")).startsWith(base + "/v1/requests/req_bench");

    // The browser holds a session id, never the token.
    Cookie session = browser.manage().getCookieNamed(SessionCookie.NAME);
    assertThat(session.getValue()).doesNotContain(wallToken).matches("[A-Za-z0-9_-]{43}");
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Strict");

    tablesAreReadable();

    screenshot(Path.of("target/dashboard.png"));
    browser.manage().window().setSize(new Dimension(1500, 1000));
  }

  /**
   * axe-core's color-contrast over the tables (their headers and cells): 4.5:1 for text this size,
   * on a wall and on a phone's width (Lighthouse's default), where a table wider than its card
   * used to put its muted headers on the page's grey.
   */
  private static void tablesAreReadable() {
    tablesAreReadableAt(new Dimension(1500, 1000));
    tablesAreReadableAt(new Dimension(412, 900));
  }

  private static void tablesAreReadableAt(Dimension window) {
    browser.manage().window().setSize(window);
    Results contrast = new AxeBuilder().withRules(List.of("color-contrast")).include("table").analyze(browser);
    assertThat(contrast.getViolations()).as(() -> contrast.getViolations().stream()
        .flatMap(rule -> rule.getNodes().stream())
        .map(node -> node.getTarget() + ": " + node.getFailureSummary()).toList().toString()).isEmpty();
    // Not passed by having looked at nothing: the headers were measured.
    assertThat(contrast.getPasses().stream().flatMap(rule -> rule.getNodes().stream())
        .map(node -> String.valueOf(node.getTarget()))).anyMatch(target -> target.matches(".*(^|[\\s>\\[])th(:|\\]|$).*"));
  }

  @Test
  @Order(2)
  void userDataCannotRunInThePage() throws Exception {
    try (Connection db = TEST.connect()) {
      request("req_xss").by("<img src=x onerror=alert(1)>", "<script>alert(2)</script>", "dev")
          .at(Instant.now().minus(Duration.ofHours(2))).step("queue", 500).step("init", 500)
          .step("plan", 500, "failed", "system").error("<svg onload=alert(3)>").write(db, "failed");
    }
    browser.get("http://localhost:" + APP.getLocalPort() + "/dashboard");
    if (browser.getTitle().contains("sign in")) {
      browser.findElement(By.id("token")).sendKeys(wallToken);
      browser.findElement(By.cssSelector("form.login button")).click();
    }
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("<script>alert(2)</script>");
    assertThat(browser.findElements(By.cssSelector("img, script, body svg[onload]"))).isEmpty();
    assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
  }

  @Test
  @Order(3)
  void signOutThroughTheButtonEndsTheSession() {
    String base = "http://localhost:" + APP.getLocalPort();
    browser.get(base + "/dashboard");
    assertThat(browser.getTitle()).isEqualTo("Pave dashboard");
    String sessionId = browser.manage().getCookieNamed(SessionCookie.NAME).getValue();
    browser.findElement(By.cssSelector("form.sign-out button")).click();

    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.titleContains("sign in"));
    assertThat(browser.manage().getCookieNamed(SessionCookie.NAME)).isNull();
    // Putting the old cookie back does not sign the browser in again: the session ended on the server.
    browser.manage().addCookie(new Cookie(SessionCookie.NAME, sessionId, "/"));
    browser.get(base + "/dashboard");
    assertThat(browser.getTitle()).contains("sign in");
  }

  private static void screenshot(Path file) throws Exception {
    long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
    browser.manage().window().setSize(new Dimension(1500, (int) height));
    Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
  }
}
