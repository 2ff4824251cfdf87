package dev.pave.api.resilience;

import dev.pave.api.support.HttpApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Pave as an operator runs it: {@code java -jar pave.jar server|worker config.yml} in a process
 * of its own, which a test can kill with SIGKILL like the OOM killer or a pulled plug would.
 */
final class PaveProcess implements AutoCloseable {

  static final String ADMIN_TOKEN = "pave_resilience-admin-token-0123456789";
  private static final Path JAR = Path.of(System.getProperty("pave.jar", "target/pave.jar")).toAbsolutePath();
  /** Small and quick to start for the tests; bench/load.sh gives the JVM's defaults their say. */
  private static final String JVM_ARGS = System.getProperty("pave.jvmArgs",
      "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");

  private final String name;
  private final String command;
  private final Path config;
  private final Path log;
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final int httpPort;
  private Process process;
  /** Everything this process started (Terraform, PostgreSQL), seen while it ran: cleaned up at close. */
  private final Set<ProcessHandle> children = new LinkedHashSet<>();

  private PaveProcess(String name, String command, Path home, Path config, int httpPort, int adminPort) {
    this.name = name;
    this.command = command;
    this.config = config;
    this.log = home.resolve(name + ".log");
    this.httpPort = httpPort;
    environment.put("PAVE_HOME", home.toString());
    environment.put("PAVE_HTTP_PORT", String.valueOf(httpPort));
    environment.put("PAVE_ADMIN_PORT", String.valueOf(adminPort));
    environment.put("PAVE_ADMIN_TOKEN", ADMIN_TOKEN);
    environment.put("TF_CLI_CONFIG_FILE", "/dev/null");
  }

  /** `pave server`: the API (and, on the embedded default, a worker). */
  static PaveProcess server(String name, Path home, Path config) {
    return new PaveProcess(name, "server", home, config, FreePorts.pick(), FreePorts.pick());
  }

  /** `pave worker`: Terraform runs, and an admin port for health and Prometheus; no API port. */
  static PaveProcess worker(String name, Path home, Path config) {
    return new PaveProcess(name, "worker", home, config, FreePorts.pick(), FreePorts.pick());
  }

  /** The same process again (same home, config and ports), e.g. after it was killed. */
  PaveProcess again() {
    PaveProcess next = new PaveProcess(name, command, Path.of(environment.get("PAVE_HOME")), config, httpPort,
        Integer.parseInt(environment.get("PAVE_ADMIN_PORT")));
    next.environment.putAll(environment);
    return next;
  }

  PaveProcess start() {
    List<String> argv = new ArrayList<>();
    argv.add(javaBinary());
    argv.addAll(List.of(JVM_ARGS.trim().split("\\s+")));
    argv.addAll(List.of("-jar", JAR.toString(), command, config.toString()));
    ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, "=== " + Instant.now() + " starting " + name + "\n",
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Until the API answers 200 on /v1/health (server) or the worker says it runs. */
  PaveProcess awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + "; log:\n" + logTail());
      }
      if (command.equals("server") ? healthy() : logContains("Pave worker is running")) {
        return this;
      }
      sleep(200);
    }
    throw new AssertionError(name + " not ready after " + timeout + "; log:\n" + logTail());
  }

  HttpApi api() {
    return new HttpApi(httpPort);
  }

  int httpPort() {
    return httpPort;
  }

  int adminPort() {
    return Integer.parseInt(environment.get("PAVE_ADMIN_PORT"));
  }

  /** The admin port's /prometheus page (loopback, no scrape token set in these tests). */
  String prometheus() {
    try {
      return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
              URI.create("http://localhost:" + environment.get("PAVE_ADMIN_PORT") + "/prometheus")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL, as the kernel's OOM killer or a lost machine would: no shutdown hook runs. */
  void kill() {
    rememberChildren();
    process.destroyForcibly();
    waitForExit(Duration.ofSeconds(30));
  }

  /** SIGTERM: a normal shutdown (Dropwizard stops the worker and the embedded services). */
  void stop() {
    rememberChildren();
    process.destroy();
    if (!waitForExit(Duration.ofSeconds(60))) {
      process.destroyForcibly();
      waitForExit(Duration.ofSeconds(30));
    }
  }

  /** Processes this one started that are still running (orphans after a kill). */
  List<ProcessHandle> survivors() {
    rememberChildren();
    return children.stream().filter(ProcessHandle::isAlive).toList();
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  boolean logContains(String text) {
    try {
      return Files.exists(log) && Files.readString(log).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  /** What a failed test shows: the log tails of the Paves it started (null: never started). */
  static void printLogTails(PaveProcess... paves) {
    for (PaveProcess pave : paves) {
      if (pave != null) {
        System.out.println(pave.logTail());
      }
    }
  }

  /** Closes the Paves a test started, the last started first (null: never started). */
  static void closeNewestFirst(PaveProcess... paves) {
    for (int i = paves.length - 1; i >= 0; i--) {
      if (paves[i] != null) {
        paves[i].close();
      }
    }
  }

  @Override
  public void close() {
    if (alive()) {
      stop();
    }
    // Our own leftovers only (by pid, as recorded): a killed Pave's Terraform runs and PostgreSQL.
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
    children.stream().filter(ProcessHandle::isAlive).forEach(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS)
        .exceptionally(t -> {
          p.destroyForcibly();
          return p;
        }).join());
  }

  private void rememberChildren() {
    if (process != null) {
      process.descendants().forEach(children::add);
    }
  }

  private boolean waitForExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private boolean healthy() {
    try {
      HttpResponse<Void> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/v1/health"))
              .timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
