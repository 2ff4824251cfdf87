package dev.pave.api.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Components start in the order given; a failed start stops, newest first, what had started. */
class StartSequenceTest {

  private final List<String> events = new ArrayList<>();
  private final LifecycleEnvironment lifecycle = new LifecycleEnvironment(new MetricRegistry());
  private final StartSequence sequence = new StartSequence(lifecycle);

  @Test
  void aFailedStartStopsWhatHadStartedNewestFirst() {
    sequence.start(new Component("databases"));
    sequence.start(new Component("migrations"));
    assertThatThrownBy(() -> sequence.start(new Component("temporal", true)))
        .hasMessage("temporal cannot start");
    assertThat(events).containsExactly("start databases", "start migrations", "start temporal",
        "stop migrations", "stop databases");
  }

  @Test
  void aLaterFailureOfTheWiringStopsThemTooAndIsThrown() {
    sequence.start(new Component("databases"));
    sequence.start(new Component("temporal"));
    IllegalStateException why = new IllegalStateException("the admin token is too short");
    assertThat(sequence.abort(why)).isSameAs(why);
    assertThat(events).containsExactly("start databases", "start temporal", "stop temporal", "stop databases");
  }

  @Test
  void startedComponentsAreHandedToTheLifecycleToBeStoppedOnlyInOrder() throws Exception {
    sequence.start(new Component("databases"));
    sequence.start(new Component("temporal"));
    assertThat(lifecycle.getManagedObjects()).hasSize(2);
    for (var managed : lifecycle.getManagedObjects()) {
      managed.start(); // Jetty starting: they run already, nothing starts twice
    }
    assertThat(events).containsExactly("start databases", "start temporal");
  }

  private final class Component implements Managed {
    private final String name;
    private final boolean fails;

    Component(String name) {
      this(name, false);
    }

    Component(String name, boolean fails) {
      this.name = name;
      this.fails = fails;
    }

    @Override
    public void start() {
      events.add("start " + name);
      if (fails) {
        throw new IllegalStateException(name + " cannot start");
      }
    }

    @Override
    public void stop() {
      events.add("stop " + name);
    }
  }
}
