package dev.pave.api.cli;

import dev.pave.api.PaveConfiguration;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.EnvironmentCommand;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.core.setup.Bootstrap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import net.sourceforge.argparse4j.inf.Namespace;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * `pave worker [config.yml]`: only a Temporal worker, no HTTP. Run as many as the Terraform
 * load needs; they share the work through Temporal and the plans through PostgreSQL.
 */
public final class WorkerCommand extends EnvironmentCommand<PaveConfiguration> {

  public WorkerCommand(Application<PaveConfiguration> application) {
    super(application, "worker", "Runs a Pave worker (Terraform runs) without the HTTP API");
  }

  @Override
  protected void run(Bootstrap<PaveConfiguration> bootstrap, Namespace namespace, PaveConfiguration config)
      throws Exception {
    config.runWorker = true;
    super.run(bootstrap, namespace, config);
  }

  @Override
  protected void run(Environment environment, Namespace namespace, PaveConfiguration config) throws Exception {
    // Application.run has wired the API too (it is harmless without a server); the worker it
    // starts is the one we keep. Managed objects are started by hand: there is no Jetty here.
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      List<LifeCycle> stopOrder = new ArrayList<>(environment.lifecycle().getManagedObjects());
      Collections.reverse(stopOrder);
      for (LifeCycle managed : stopOrder) {
        try {
          managed.stop();
        } catch (Exception e) {
          // shutting down anyway
        }
      }
      stopped.countDown();
    }, "pave-worker-shutdown"));
    for (LifeCycle managed : environment.lifecycle().getManagedObjects()) {
      managed.start();
    }
    System.out.println("Pave worker is running; Ctrl-C stops it.");
    stopped.await();
  }

}
