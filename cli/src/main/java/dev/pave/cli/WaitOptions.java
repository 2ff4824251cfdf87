package dev.pave.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** How long and for what `--wait` (and `pave wait`, `pave plan`) waits. */
public final class WaitOptions {

  @Option(names = "--timeout", paramLabel = "D", converter = Durations.class,
      description = "stop waiting after D (90s, 30m, 1h30m, PT1H) with exit 8; the request goes on")
  Duration timeout;

  @Option(names = "--no-wait-for-approval",
      description = "end with exit 7 as soon as the request awaits an approver")
  boolean noWaitForApproval;

  @Option(names = "--poll-interval", paramLabel = "D", converter = Durations.class, defaultValue = "2s",
      hidden = true, description = "how often to ask Pave for the request's status")
  Duration pollInterval;
}
