package dev.pave.workflows.webhooks;

import dev.pave.workflows.webhooks.AttemptResult.Outcome;
import io.temporal.activity.Activity;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Attempts whose outcomes are a script: a receiver's answers, one per attempt, counted like the log counts them. */
final class ScriptedAttempts implements WebhookDeliveryActivities {

  private final Deque<Outcome> script;
  final AtomicInteger calls = new AtomicInteger();
  /** When each attempt was scheduled, in the test service's (skipping) time. */
  final List<Long> scheduledAt = new CopyOnWriteArrayList<>();

  ScriptedAttempts(List<Outcome> outcomes) {
    this.script = new ArrayDeque<>(outcomes);
  }

  @Override
  public AttemptResult attempt(String deliveryId, int maxAttempts) {
    scheduledAt.add(Activity.getExecutionContext().getInfo().getScheduledTimestamp());
    int attempts = calls.incrementAndGet();
    return new AttemptResult(script.isEmpty() ? Outcome.DROPPED : script.pop(), attempts);
  }
}
