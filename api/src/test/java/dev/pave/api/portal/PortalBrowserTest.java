package dev.pave.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.dashboard.Browser;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal's flows in a real Chromium at 1366x768, one app and one browser for all of them,
 * every page checked by axe-core: provision a database through the form and connect with the
 * revealed password, a bad input, an approver's inbox, another team's request, feedback, a whole
 * request by keyboard alone, and a preview that leads to the real request.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PortalBrowserTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();
  static final Duration WAIT = Duration.ofSeconds(90);
  static final Duration FIND = Duration.ofSeconds(10);
  static HttpApi api;
  static ChromeDriver browser;
  static String base;
  static String payments;
  static String approver;
  static String search;

  @BeforeAll
  static void start() {
    api = new HttpApi(APP.getLocalPort());
    base = "http://localhost:" + APP.getLocalPort();
    payments = issue("dev-payments", "payments", "requester");
    approver = issue("lead-platform", "platform", "approver");
    search = issue("dev-search", "search", "requester");
    browser = Browser.start(1366, 768);
    // A form's POST (a click, Enter) may still be answering when the call returns: every lookup
    // waits up to this long for its element instead of failing on the page before.
    browser.manage().timeouts().implicitlyWait(FIND);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  static String issue(String name, String team, String role) {
    HttpApi.Reply reply = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", name, "team", team, "role", role));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
    return reply.body().get("token").asText();
  }

  /** A fresh sign-in as {@code token}, by keyboard alone: Tab to the field, type, Enter. */
  static void signInByKeyboard(String token) {
    browser.manage().deleteAllCookies();
    browser.get(base + "/");
    assertThat(browser.getTitle()).startsWith("Sign in");
    new Actions(browser).sendKeys(Keys.TAB).sendKeys(Keys.TAB).perform(); // the skip link, then the token
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("token");
    new Actions(browser).sendKeys(token).sendKeys(Keys.ENTER).perform();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.titleContains("Catalog"));
  }

  /**
   * Tab (Shift-Tab when {@code back}) until the focused element is {@code target}, as a keyboard
   * user does, checking that every element the focus passes shows it (an outline or a shadow).
   */
  static WebElement tabTo(String what, Predicate<WebElement> target, boolean back) {
    for (int step = 0; step < 100; step++) {
      new Actions(browser).sendKeys(back ? Keys.chord(Keys.SHIFT, Keys.TAB) : Keys.TAB).perform();
      WebElement focused = browser.switchTo().activeElement();
      assertFocusIsVisible(focused);
      if (target.test(focused)) {
        return focused;
      }
    }
    throw new AssertionError("the keyboard never reached " + what + " on " + browser.getCurrentUrl());
  }

  static WebElement tabTo(String what, Predicate<WebElement> target) {
    return tabTo(what, target, false);
  }

  static void assertFocusIsVisible(WebElement focused) {
    String outline = focused.getCssValue("outline-style");
    String shadow = focused.getCssValue("box-shadow");
    assertThat(!"none".equals(outline) && !outline.isEmpty() || !"none".equals(shadow) && !shadow.isEmpty())
        .as("focus visible on <%s id=%s>%s: outline-style %s, box-shadow %s", focused.getTagName(),
            focused.getAttribute("id"), focused.getText(), outline, shadow)
        .isTrue();
  }

  static Predicate<WebElement> id(String id) {
    return e -> id.equals(e.getAttribute("id"));
  }

  static Predicate<WebElement> link(String text) {
    return e -> e.getTagName().equals("a") && e.getText().strip().equals(text);
  }

  static void press(CharSequence... keys) {
    new Actions(browser).sendKeys(keys).perform();
  }

  static void awaitStatus(String status) {
    new WebDriverWait(browser, WAIT).withMessage(() -> browser.getPageSource())
        .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#live .status"), status));
  }

  @Test
  void provisionThroughTheFormThenConnectWithTheRevealedPasswordAndGiveFeedback() throws Exception {
    browser.manage().deleteAllCookies();
    browser.get(base + "/");
    Axe.check(browser, "sign-in");
    signInByKeyboard(payments);
    Axe.check(browser, "catalog");
    browser.findElement(By.linkText("PostgreSQL database")).click();
    Axe.check(browser, "module");
    browser.findElement(By.linkText("Request PostgreSQL database")).click();
    Axe.check(browser, "request-form");

    browser.findElement(By.id("workspace")).sendKeys("shop-db");
    browser.findElement(By.id("inputs.database_name")).sendKeys("shop");
    browser.findElement(By.cssSelector("button[value=apply]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/requests/req_"));
    String requestPage = browser.getCurrentUrl();
    Axe.check(browser, "request-running");
    awaitStatus("succeeded"); // htmx swaps the live part in; nobody reloads the page
    assertThat(browser.findElement(By.id("live")).getText()).contains("apply");
    // ... and once it has ended, the whole page follows: outputs, feedback, no Cancel.
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/feedback']")));
    browser.manage().timeouts().implicitlyWait(Duration.ZERO); // an absence: no need to wait for it
    assertThat(browser.findElements(By.cssSelector("form[action$='/cancel']"))).isEmpty();
    browser.manage().timeouts().implicitlyWait(FIND);
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("shop_owner");
    Axe.check(browser, "request");

    browser.findElement(By.linkText("shop-db")).click();
    assertThat(browser.findElement(By.id("output-password")).getText()).isEqualTo("(sensitive)");
    Axe.check(browser, "workspace");
    browser.findElement(By.cssSelector("form[action$='/reveal'] button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/reveal"));
    String password = browser.findElement(By.id("output-password")).getText();
    assertThat(password).hasSize(64);
    assertThat(browser.getCurrentUrl()).doesNotContain(password);
    Axe.check(browser, "workspace-revealed");
    String url = "jdbc:postgresql://" + browser.findElement(By.id("output-host")).getText() + ":"
        + browser.findElement(By.id("output-port")).getText() + "/shop";
    try (Connection owner = DriverManager.getConnection(url, "shop_owner", password);
        ResultSet rs = owner.createStatement().executeQuery("SELECT current_database()")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("shop");
    }

    browser.get(requestPage);
    // Terraform's own output, per step; its apply lines, and never the password.
    WebElement applyLog = browser.findElement(By.xpath("//details[summary[starts-with(.,'apply')]]"));
    applyLog.findElement(By.tagName("summary")).click();
    assertThat(applyLog.findElement(By.tagName("pre")).getText()).contains("Apply complete!");
    assertThat(browser.findElement(By.xpath("//details[summary[starts-with(.,'init')]]"))).isNotNull();
    assertThat(browser.getPageSource()).doesNotContain(password);
    Axe.check(browser, "request-logs");
    browser.findElement(By.cssSelector("label[for=score-5]")).click();
    browser.findElement(By.id("comment")).sendKeys("Two minutes, no ticket.");
    browser.findElement(By.cssSelector("form[action$='/feedback'] button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".thanks")));
    assertThat(browser.findElement(By.cssSelector(".thanks")).getText()).contains("5 out of 5");
    String id = requestPage.substring(requestPage.lastIndexOf('/') + 1);
    assertThat(api.get(PaveTestApp.ADMIN_TOKEN, "/v1/audit?action=feedback.recorded&target=" + id).body()
        .toString()).contains("\"score\":5");

    // Destroy, after a confirmation; the database is gone.
    browser.get(base + "/workspaces/shop-db");
    browser.findElement(By.partialLinkText("Destroy this workspace")).click();
    Axe.check(browser, "workspace-destroy");
    browser.findElement(By.cssSelector("form[action$='/destroy'] button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/requests/req_"));
    awaitStatus("succeeded");
    assertThatThrownBy(() -> DriverManager.getConnection(url, "shop_owner", password).close())
        .isInstanceOf(java.sql.SQLException.class);
  }

  @Test
  void aBadInputShowsItsFieldErrorAndKeepsTheValues() {
    signInByKeyboard(payments);
    browser.get(base + "/catalog/postgres-database/new");
    browser.findElement(By.id("workspace")).sendKeys("typo-db");
    browser.findElement(By.id("inputs.database_name")).sendKeys("Not A Name");
    browser.findElement(By.id("inputs.connection_limit")).sendKeys("9999");
    browser.findElement(By.cssSelector("button[value=apply]")).click();

    // A form's POST may still be answering when click() returns: wait for the answer's page.
    WebElement problem = new WebDriverWait(browser, WAIT)
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".problem")));
    assertThat(problem.getText()).contains("fix the fields");
    assertThat(browser.findElement(By.id("inputs.database_name-error")).getText()).isNotBlank();
    assertThat(browser.findElement(By.id("inputs.connection_limit-error")).getText()).contains("500");
    assertThat(browser.findElement(By.id("inputs.database_name")).getAttribute("value")).isEqualTo("Not A Name");
    assertThat(browser.findElement(By.id("inputs.database_name")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.findElement(By.id("workspace")).getAttribute("value")).isEqualTo("typo-db");
    Axe.check(browser, "request-form-errors");
    assertThat(api.get(payments, "/v1/workspaces/typo-db").status()).isEqualTo(404); // nothing was created
  }

  @Test
  void anApproverApprovesAHeldProdRequestInTheInbox() {
    HttpApi.Reply accepted = api.post(payments, "/v1/requests", Map.of("module", "postgres-database",
        "workspace", "ledger-prod", "environment", "prod", "inputs", Map.of("database_name", "ledger")));
    assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
    String id = accepted.body().get("id").asText();
    JsonNode waiting = api.awaitStatus(payments, id, "awaiting_approval", WAIT);
    // Feedback waits for the end: a held request is not asked about yet.
    assertThat(api.post(payments, "/v1/requests/" + id + "/feedback", Map.of("score", 3)).status()).isEqualTo(409);

    signInByKeyboard(approver);
    browser.findElement(By.linkText("Inbox")).click();
    WebElement item = browser.findElement(By.xpath("//section[.//a[@href='/requests/" + id + "']]"));
    assertThat(item.getText()).contains("ledger-prod", "dev-payments", "prod-needs-approval", "requires approval",
        "USD a month");
    // The approver sees what the plan would do, resource by resource (plan.changes).
    assertThat(item.findElement(By.cssSelector("table.changes")).getText())
        .contains("terraform_data.database", "terraform_data.password", "create");
    assertThat(item.findElement(By.name("planSha256")).getAttribute("value"))
        .isEqualTo(waiting.at("/plan/sha256").asText());
    Axe.check(browser, "inbox");
    item.findElement(By.tagName("textarea")).sendKeys("Looks right.");
    item.findElement(By.cssSelector("button[value=approve]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/requests/" + id));
    awaitStatus("succeeded");
    assertThat(api.get(payments, "/v1/requests/" + id).body().at("/approval/decision").asText()).isEqualTo("approve");
  }

  /**
   * Issue 11 item 12: a whole flow by keyboard alone (Tab, Shift-Tab, Enter, Space, typing; no
   * click, no script): sign in, open the catalog, open the form, fill it, submit, reach the
   * request page, with the focus visible on every element it passes.
   */
  @Test
  void aWholeRequestByKeyboardAlone() {
    browser.manage().deleteAllCookies();
    browser.get(base + "/");
    tabTo("the token field", id("token"));
    press(payments, Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.titleContains("Catalog"));

    tabTo("the Requests link", link("Requests"));
    press(Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.titleContains("Requests"));
    tabTo("the Catalog link", link("Catalog"), true); // back along the navigation
    press(Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.titleContains("Catalog"));

    tabTo("the form's link", link("Request PostgreSQL database"));
    press(Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.titleContains("Request PostgreSQL"));

    tabTo("the workspace field", id("workspace"));
    press("keys-db");
    tabTo("the database name field", id("inputs.database_name"));
    press("keys");
    tabTo("the Request button", e -> "apply".equals(e.getAttribute("value")));
    press(Keys.SPACE); // a button takes Space as Enter

    new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlMatches("/requests/req_[0-9A-Za-z]{16}$"));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("keys-db");
    awaitStatus("succeeded");
  }

  @Test
  void aRequesterGets404ForAnotherTeamsRequestPage() {
    String id = api.post(payments, "/v1/requests", Map.of("module", "postgres-database", "workspace", "hidden-db",
        "environment", "dev", "ttlHours", 24, "inputs", Map.of("database_name", "hidden"))).body().get("id").asText();
    signInByKeyboard(search);
    browser.get(base + "/requests/" + id);
    assertThat(browser.getTitle()).startsWith("Error 404");
    assertThat(browser.getPageSource()).doesNotContain("hidden-db");
    Axe.check(browser, "not-found");
    browser.get(base + "/workspaces");
    assertThat(browser.getPageSource()).doesNotContain("hidden-db");
  }

  @Test
  void thePreviewShowsChangesAndVerdictsAppliesNothingAndLeadsToTheRealRequest() {
    signInByKeyboard(payments);
    browser.get(base + "/catalog/postgres-database/new");
    browser.findElement(By.id("workspace")).sendKeys("preview-db");
    // A select of the configured environments. prod-needs-approval: "requires approval"
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("environment"))).selectByValue("prod");
    browser.findElement(By.id("inputs.database_name")).sendKeys("preview");
    WebElement limit = browser.findElement(By.id("inputs.connection_limit"));
    limit.clear();
    limit.sendKeys("300"); // large-connection-limit (advisory): "warn"
    browser.findElement(By.cssSelector("button[value=plan]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/requests/req_"));
    String previewPage = browser.getCurrentUrl();
    String previewId = previewPage.substring(previewPage.lastIndexOf('/') + 1);
    awaitStatus("succeeded");
    // Once planned, htmx reloads the whole page: the changes, the verdicts and the way on.
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".preview-actions")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Preview");
    assertThat(browser.findElement(By.cssSelector(".preview-note")).getText()).contains("applies nothing");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("USD a month");
    assertThat(browser.findElement(By.cssSelector("table.changes")).getText())
        .contains("terraform_data.database", "terraform_data.password", "create");
    String verdicts = browser.findElement(By.xpath("//h2[.='Policies']/following-sibling::table[1]")).getText();
    assertThat(verdicts).contains("pass", "warn", "requires approval", "connection_limit is above 200",
        "need an approval");
    assertThat(browser.findElement(By.cssSelector("details.log summary")).getText()).isNotBlank();
    Axe.check(browser, "preview");
    // Nothing applied: no workspace, and the name is still free.
    assertThat(api.get(payments, "/v1/workspaces/preview-db").status()).isEqualTo(404);

    browser.findElement(By.linkText("Back to the form")).click();
    assertThat(browser.findElement(By.id("workspace")).getAttribute("value")).isEqualTo("preview-db");
    assertThat(browser.findElement(By.id("environment")).getAttribute("value")).isEqualTo("prod");
    assertThat(browser.findElement(By.id("inputs.database_name")).getAttribute("value")).isEqualTo("preview");
    assertThat(browser.findElement(By.id("inputs.connection_limit")).getAttribute("value")).isEqualTo("300");

    browser.get(previewPage);
    browser.findElement(By.cssSelector(".preview-actions button[value=apply]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.not(ExpectedConditions.urlToBe(previewPage)));
    String applyId = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
    assertThat(applyId).startsWith("req_").isNotEqualTo(previewId);
    JsonNode apply = api.awaitStatus(payments, applyId, "awaiting_approval", WAIT); // the real one waits for an approver
    assertThat(apply.get("action").asText()).isEqualTo("apply");
    assertThat(apply.at("/inputs/connection_limit").asInt()).isEqualTo(300);
    assertThat(apply.get("environment").asText()).isEqualTo("prod");
  }

  @Test
  void anAuditorReadsTheTrailAndARequestsFullRecord() {
    String id = api.post(payments, "/v1/requests", Map.of("module", "postgres-database", "workspace", "audited-db",
        "environment", "dev", "ttlHours", 24, "inputs", Map.of("database_name", "audited"))).body().get("id").asText();
    api.awaitTerminal(payments, id, WAIT);
    signInByKeyboard(issue("audit-desk", "compliance", "auditor"));
    browser.findElement(By.linkText("Audit")).click();
    browser.findElement(By.id("f-target")).sendKeys(id);
    browser.findElement(By.cssSelector("form.filters button")).click();
    assertThat(browser.findElement(By.tagName("table")).getText()).contains("request.accepted");
    Axe.check(browser, "audit");
    browser.findElement(By.linkText(id)).click();
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("History timeline", "apply");
    Axe.check(browser, "audit-request");
  }
}
