package dev.pave.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Dropwizard's names as `pave server` registers them, and the Prometheus names they become. */
class BridgedNameTest {

  @Test
  void theJvmsMillisecondsBecomeSecondsAndItsCollectorsALabel() {
    assertThat(BridgedName.of("jvm.gc.G1-Young-Generation.time"))
        .isEqualTo(new BridgedName("jvm_gc_collection_seconds", List.of("gc", "G1-Young-Generation"), true, 0.001));
    assertThat(BridgedName.of("jvm.attribute.uptime"))
        .isEqualTo(new BridgedName("jvm_uptime_seconds", List.of(), false, 0.001));
    assertThat(BridgedName.of("jvm.memory.pools.CodeHeap-'non-nmethods'.used-after-gc").family())
        .isEqualTo("jvm_memory_pool_used_after_gc_bytes");
    assertThat(BridgedName.of("jvm.threads.timed_waiting.count").labels()).containsExactly("state", "timed_waiting");
  }

  @Test
  void addressesAndPortsAreALabelNeverPartOfTheName() {
    assertThat(BridgedName.of("org.eclipse.jetty.server.HttpConnectionFactory.127.0.0.1.8081.connections"))
        .isEqualTo(new BridgedName("jetty_connection_duration_seconds", List.of("connector", "127.0.0.1:8081"),
            false, 1));
    assertThat(BridgedName.of("org.eclipse.jetty.server.HttpConnectionFactory.8080.connections").labels())
        .containsExactly("connector", "*:8080");
  }

  @Test
  void camelCaseBecomesSnakeCase() {
    assertThat(BridgedName.of("io.dropwizard.db.ManagedPooledDataSource.pave.releasedIdle"))
        .isEqualTo(new BridgedName("db_pool_released_idle_connections", List.of("pool", "pave"), true, 1));
    assertThat(BridgedName.of("dev.pave.api.db.TokenDao.insert").labels()).containsExactly("statement", "TokenDao.insert");
  }

  @Test
  void anUnknownNameStillComesOutConventional() {
    assertThat(BridgedName.of("com.example.CacheStats.10.0.0.7.9000.hitCount").family())
        .isEqualTo("com_example_cache_stats_hit");
    assertThat(BridgedName.of("Weird.Name_total").family()).isEqualTo("weird_name");
  }
}
