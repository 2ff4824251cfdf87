package dev.pave.api.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every page a portal test visits goes through axe-core: no serious or critical violation. With
 * {@code -Dpave.screenshots=docs/portal} it also keeps a screenshot of the page under that name.
 */
final class Axe {

  private Axe() {}

  static void check(ChromeDriver browser, String page) {
    Results results = new AxeBuilder().analyze(browser);
    List<Rule> bad = results.getViolations().stream()
        .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())).toList();
    assertThat(bad).as(() -> page + ": " + bad.stream().map(r -> r.getId() + " (" + r.getImpact() + "): "
        + r.getHelp() + " at " + r.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
        .collect(Collectors.joining(", "))).collect(Collectors.joining("; "))).isEmpty();
    screenshot(browser, page);
  }

  private static void screenshot(ChromeDriver browser, String page) {
    String folder = System.getProperty("pave.screenshots");
    if (folder == null || folder.isBlank()) {
      return;
    }
    try {
      Path dir = Path.of(folder);
      Files.createDirectories(dir);
      Files.write(dir.resolve(page + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
