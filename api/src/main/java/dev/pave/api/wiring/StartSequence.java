package dev.pave.api.wiring;

import io.dropwizard.lifecycle.Managed;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Starts the components the wiring itself needs running (the databases before the migrations,
 * both before Jdbi is used), now and in the order run() names them. Each started component is
 * handed to Dropwizard's lifecycle, which stops them newest first at shutdown; when a start (or
 * a later step of the wiring) fails, {@link #abort} stops, newest first, what had started, so a
 * process that never came up leaves nothing running (an embedded PostgreSQL is a process of its own).
 */
public final class StartSequence {

  private final LifecycleEnvironment lifecycle;
  private final Deque<Managed> started = new ArrayDeque<>();

  public StartSequence(LifecycleEnvironment lifecycle) {
    this.lifecycle = lifecycle;
  }

  public <T extends Managed> T start(T component) {
    try {
      component.start();
    } catch (RuntimeException e) {
      throw abort(e);
    } catch (Exception e) {
      throw abort(new IllegalStateException(component.getClass().getSimpleName() + " did not start", e));
    }
    started.push(component);
    lifecycle.manage(new StopAtShutdown(component));
    return component;
  }

  /** Stops what started, newest first, after {@code why}; returns {@code why} for the caller to throw. */
  public RuntimeException abort(RuntimeException why) {
    while (!started.isEmpty()) {
      try {
        started.pop().stop();
      } catch (Exception e) {
        why.addSuppressed(e);
      }
    }
    return why;
  }

  /** Started already: the lifecycle only stops it, in its place in the order. */
  private record StopAtShutdown(Managed component) implements Managed {
    @Override
    public void stop() throws Exception {
      component.stop();
    }
  }
}
