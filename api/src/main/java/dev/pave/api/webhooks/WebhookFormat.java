package dev.pave.api.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How a delivery's body is shaped: Standard Webhooks JSON, or a Slack incoming webhook's {"text"}. */
public enum WebhookFormat {
  STANDARD, SLACK;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<WebhookFormat> fromWire(String name) {
    return Arrays.stream(values()).filter(f -> f.wireName().equals(name)).findFirst();
  }

  public static List<String> wireNames() {
    return Arrays.stream(values()).map(WebhookFormat::wireName).toList();
  }
}
