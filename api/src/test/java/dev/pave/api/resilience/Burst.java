package dev.pave.api.resilience;

import dev.pave.api.support.HttpApi;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Many POSTs at once from many threads, as a fleet of CI jobs would send them; timed. */
final class Burst {

  private Burst() {}

  /** Runs every call at once (released together) on {@code threads} threads; replies in call order. */
  static List<HttpApi.Reply> send(List<Supplier<HttpApi.Reply>> calls, int threads, Latencies latencies) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<HttpApi.Reply>> replies = new ArrayList<>();
      for (Supplier<HttpApi.Reply> call : calls) {
        replies.add(pool.submit(() -> {
          go.await();
          long started = System.nanoTime();
          HttpApi.Reply reply = call.get();
          latencies.add((System.nanoTime() - started) / 1_000_000);
          return reply;
        }));
      }
      go.countDown();
      List<HttpApi.Reply> result = new ArrayList<>();
      for (Future<HttpApi.Reply> reply : replies) {
        result.add(reply.get());
      }
      return result;
    } catch (Exception e) {
      throw new AssertionError("a call of the burst failed", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
