package dev.pave.api.metrics;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.jvm.BufferPoolMetricSet;
import com.codahale.metrics.jvm.ClassLoadingGaugeSet;
import com.codahale.metrics.jvm.FileDescriptorRatioGauge;
import com.codahale.metrics.jvm.GarbageCollectorMetricSet;
import com.codahale.metrics.jvm.MemoryUsageGaugeSet;
import com.codahale.metrics.jvm.ThreadStatesGaugeSet;
import java.lang.management.ManagementFactory;

/**
 * The JVM gauges Dropwizard registers when started from its command line
 * (Bootstrap.registerMetrics), under the same names, for when it was started another way
 * (an embedding, the test support), so /prometheus always has them.
 */
final class JvmMetrics {

  private JvmMetrics() {}

  static void registerIfAbsent(MetricRegistry registry) {
    if (registry.getNames().stream().anyMatch(name -> name.startsWith("jvm."))) {
      return;
    }
    registry.register("jvm.buffers", new BufferPoolMetricSet(ManagementFactory.getPlatformMBeanServer()));
    registry.register("jvm.classloader", new ClassLoadingGaugeSet());
    registry.register("jvm.filedescriptor", new FileDescriptorRatioGauge());
    registry.register("jvm.gc", new GarbageCollectorMetricSet());
    registry.register("jvm.memory", new MemoryUsageGaugeSet());
    registry.register("jvm.threads", new ThreadStatesGaugeSet());
  }
}
