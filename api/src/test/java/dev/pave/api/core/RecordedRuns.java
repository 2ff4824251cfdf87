package dev.pave.api.core;

import dev.pave.workflows.contract.Provisioning;
import dev.pave.workflows.contract.RunDescription;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The engine's door for tests of what starts when: records which runs were started, in order, and runs none. */
final class RecordedRuns implements Provisioning {

  final List<String> started = new CopyOnWriteArrayList<>();

  @Override
  public void start(String requestId) {
    started.add(requestId);
  }

  @Override
  public void cancel(String requestId, String actor) {}

  @Override
  public void approvalDecided(String requestId) {}

  @Override
  public Optional<RunDescription> describe(String requestId) {
    return Optional.empty();
  }

  @Override
  public Optional<String> history(String requestId) {
    return Optional.empty();
  }

  @Override
  public String history(String requestId, String runId) {
    return "";
  }

  @Override
  public boolean reachable() {
    return true;
  }
}
