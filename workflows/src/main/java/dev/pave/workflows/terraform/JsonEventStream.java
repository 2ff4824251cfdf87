package dev.pave.workflows.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a {@code -json} stream (plan, apply) line by line: collects diagnostics and the change
 * summary, and hands every event to the listener as it arrives.
 */
final class JsonEventStream implements Consumer<String> {

  private final String command;
  private final TerraformListener listener;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private ChangeSummary changeSummary;

  JsonEventStream(String command, TerraformListener listener) {
    this.command = command;
    this.listener = listener;
  }

  @Override
  public void accept(String line) {
    if (!line.startsWith("{")) {
      return; // not an event (Terraform prints nothing else with -json, but a crash might)
    }
    JsonNode event = TerraformJson.parse(command, line);
    switch (event.path("type").asText()) {
      case "diagnostic" -> {
        add(Diagnostic.fromJson(event.path("diagnostic")));
        // The snippet quotes the offending source line: for a bad input, the whole .tfvars.json line.
        // Listeners may record events (heartbeats are kept in workflow history), so it goes.
        if (event.path("diagnostic") instanceof ObjectNode diagnostic) {
          diagnostic.remove("snippet");
        }
      }
      case "change_summary" -> setSummary(ChangeSummary.fromEvent(event.path("changes")));
      default -> { }
    }
    listener.onEvent(event);
  }

  synchronized List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }

  synchronized List<Diagnostic> warnings() {
    return diagnostics.stream().filter(Diagnostic::isWarning).toList();
  }

  /** The last summary seen; a failed plan may print one before its error, so read it only after success. */
  synchronized Optional<ChangeSummary> changeSummary() {
    return Optional.ofNullable(changeSummary);
  }

  private synchronized void add(Diagnostic diagnostic) {
    diagnostics.add(diagnostic);
  }

  private synchronized void setSummary(ChangeSummary summary) {
    changeSummary = summary;
  }
}
