package dev.pave.api.cli;

import dev.pave.api.PaveConfiguration;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.ServerCommand;

/**
 * `pave worker [config.yml]`: a Temporal worker (Terraform runs) and an admin port for health and
 * Prometheus, nothing of the API. Run as many as the Terraform load needs; they share the work
 * through Temporal and the plans through PostgreSQL. A server's lifecycle (Jetty's admin port,
 * managed components started in order and stopped in reverse on SIGTERM), wired by
 * {@code worker}: an application that wires only the worker.
 */
public final class WorkerCommand extends ServerCommand<PaveConfiguration> {

  public WorkerCommand(Application<PaveConfiguration> worker) {
    super(worker, "worker", "Runs a Pave worker (Terraform runs) with an admin port, without the HTTP API");
  }
}
