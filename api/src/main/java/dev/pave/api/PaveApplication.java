package dev.pave.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.api.audit.AuditPublicKeyResource;
import dev.pave.api.audit.AuditResource;
import dev.pave.api.audit.AuditTrail;
import dev.pave.api.audit.CheckpointAnchors;
import dev.pave.api.audit.Checkpointer;
import dev.pave.api.auth.AdminTokenSeed;
import dev.pave.api.auth.FailedSignIns;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.auth.RoleAuthorizer;
import dev.pave.api.auth.SecretLength;
import dev.pave.api.auth.TokenAuthenticator;
import dev.pave.api.oidc.OidcFeature;
import dev.pave.api.cli.PolicyCommand;
import dev.pave.api.cli.WorkerCommand;
import dev.pave.api.core.ApprovalService;
import dev.pave.api.core.NameReservations;
import dev.pave.api.core.PolicyService;
import dev.pave.api.core.RequestStageGate;
import dev.pave.api.core.PolicySimulator;
import dev.pave.api.core.Readiness;
import dev.pave.api.core.RequestHistory;
import dev.pave.api.core.RequestService;
import dev.pave.api.core.RequestViews;
import dev.pave.api.core.RunAdmission;
import dev.pave.api.core.RunStarter;
import dev.pave.api.core.SimulationRunner;
import dev.pave.api.core.TeamRunLimit;
import dev.pave.api.core.TokenService;
import dev.pave.api.core.WorkspaceService;
import dev.pave.api.db.JdbiRequestLedger;
import dev.pave.api.db.WorkflowHistoryStore;
import dev.pave.api.edge.FailedAuthLimit;
import dev.pave.api.edge.HttpEdge;
import dev.pave.api.edge.NulFreeJson;
import dev.pave.api.errors.ApiError;
import dev.pave.api.errors.ApiExceptionMapper;
import dev.pave.api.errors.BodySizeLimit;
import dev.pave.api.errors.JsonInputExceptionMapper;
import dev.pave.api.errors.UnexpectedExceptionMapper;
import dev.pave.api.errors.WebExceptionMapper;
import dev.pave.api.logs.RequestLogs;
import dev.pave.api.logs.RequestLogsFeature;
import dev.pave.api.metrics.MetricsFeature;
import dev.pave.api.portal.PortalFeature;
import dev.pave.api.resources.HealthResource;
import dev.pave.api.resources.ModuleResource;
import dev.pave.api.openapi.OpenApiResource;
import dev.pave.api.resources.PolicyResource;
import dev.pave.api.resources.RequestResource;
import dev.pave.api.resources.TokenResource;
import dev.pave.api.resources.WorkspaceResource;
import dev.pave.api.session.SessionFeature;
import dev.pave.api.webhooks.WebhooksFeature;
import dev.pave.api.wiring.PaveServices;
import dev.pave.api.wiring.ServerPorts;
import dev.pave.api.wiring.StartSequence;
import dev.pave.api.wiring.WorkerComponents;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.UnauthorizedHandler;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.concurrent.SynchronousQueue;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/** Wires Pave by hand, constructor by constructor: no container, nothing discovered at runtime. */
public class PaveApplication extends Application<PaveConfiguration> {

  public static void main(String[] args) throws Exception {
    new PaveApplication().run(args);
  }

  @Override
  public String getName() {
    return "pave";
  }

  @Override
  public void initialize(Bootstrap<PaveConfiguration> bootstrap) {
    bootstrap.addCommand(new WorkerCommand(new PaveWorker()));
    bootstrap.addCommand(new PolicyCommand());
    bootstrap.addCommand(new dev.pave.api.cli.AuditCommand());
    // A misspelt field (in a request body or in pave.yml) is an error, never silently dropped.
    bootstrap.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    // A key given twice is ambiguous (which one did the caller mean?): refuse it.
    bootstrap.getObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    // Times as ISO-8601 UTC with milliseconds, as PRODUCT.md shows them.
    bootstrap.getObjectMapper().registerModule(InstantFormat.module());
    // A NUL character in any JSON string is a 422 naming the field, never a 500 from PostgreSQL.
    bootstrap.getObjectMapper().registerModule(NulFreeJson.module());
  }

  @Override
  public void run(PaveConfiguration config, Environment environment) {
    checkBeforeStart(config, environment);
    FailedSignIns failedSignIns = new FailedSignIns(config.failedAuthPerMinute);
    StartSequence components = new StartSequence(environment.lifecycle());
    try {
      PaveServices services = PaveServices.start(config, environment, components);
      AdminTokenSeed.seed(services.jdbi(), config.adminToken);
      if (services.temporal().embedded() || config.runWorker) {
        WorkerComponents.register(config, environment, services);
      }
      HttpEdge.install(config, environment, failedSignIns);
      registerErrorMappers(environment, config);
      registerAuth(environment, services,
          OidcFeature.register(environment, services.jdbi(), config.oidc, failedSignIns, Clock.systemUTC()),
          failedSignIns);
      registerApi(config, environment, services, failedSignIns);
    } catch (RuntimeException e) {
      // Nothing this process started may outlive a start that failed.
      throw components.abort(e);
    }
    environment.lifecycle().addServerLifecycleListener(server -> StartupBanner.print(config, server));
  }

  /** Settings refused before anything starts: a refusal here leaves nothing running. */
  private static void checkBeforeStart(PaveConfiguration config, Environment environment) {
    // Here, not in initialize: the configuration is read with a copy of this mapper, and
    // `-Ddw.x=5` overrides reach it as text, which strict scalars would refuse.
    StrictJson.apply(environment.getObjectMapper());
    // A guessable first admin token would be the whole installation's key: refused before anything starts.
    SecretLength.require("adminToken (PAVE_ADMIN_TOKEN)", config.adminToken);
    ServerPorts.applyEnvironment(config);
    HttpEdge.configure(config);
    SessionFeature.check(config);
    OidcFeature.check(config.oidc);
    config.configuredEnvironments();
  }

  private static void registerErrorMappers(Environment environment, PaveConfiguration config) {
    var jersey = environment.jersey();
    jersey.register(new ApiExceptionMapper());
    jersey.register(new JsonInputExceptionMapper());
    jersey.register(new WebExceptionMapper());
    jersey.register(new UnexpectedExceptionMapper());
    jersey.register(new BodySizeLimit(config.maxRequestBytes));
  }

  /** The resources of the API port, and the features with pages of their own. */
  private static void registerApi(PaveConfiguration config, Environment environment, PaveServices services,
      FailedSignIns failedSignIns) {
    Clock clock = Clock.systemUTC();
    ObjectMapper json = environment.getObjectMapper();
    WorkflowHistoryStore historyArchive = new WorkflowHistoryStore(services.jdbi());
    RequestViews views = new RequestViews(services.jdbi(), json, services.secrets());
    RunStarter runs = new RunStarter(services.provisioning(), services.jdbi());
    var jersey = environment.jersey();
    jersey.register(new OpenApiResource(jersey.getResourceConfig()));
    jersey.register(new HealthResource(new Readiness(services.jdbi(), services.provisioning())));
    jersey.register(new ModuleResource(services.catalog()));
    RequestService requests = new RequestService(services.jdbi(), services.catalog(), services.costs(), runs, views,
        json, clock, new TeamRunLimit(services.jdbi(), new RunAdmission(services.jdbi(), runs, config.limits.runsPerTeam,
        clock), config.limits.waitingPerTeam, clock), new NameReservations(services.platformInputs(), json),
        config.configuredEnvironments(),
        new RequestStageGate(services.jdbi(), services.policies(), new JdbiRequestLedger(services.jdbi(), json)));
    ApprovalService approvals = new ApprovalService(services.jdbi(), requests, runs, clock);
    RequestHistory history = new RequestHistory(services.provisioning(), historyArchive, json);
    jersey.register(new RequestResource(requests, approvals, history));
    RequestLogs logs = RequestLogsFeature.register(environment, services.jdbi(), requests);
    WorkspaceService workspaces = new WorkspaceService(services.jdbi(), views, services.secrets(), json);
    jersey.register(new WorkspaceResource(workspaces));
    CheckpointAnchors anchors = new CheckpointAnchors(services.home());
    AuditTrail auditTrail = new AuditTrail(services.jdbi(), services.auditKey(), anchors, clock);
    jersey.register(new AuditResource(auditTrail));
    jersey.register(new AuditPublicKeyResource(services.auditKey()));
    environment.lifecycle().manage(new Checkpointer(services.jdbi(), services.auditKey(), anchors,
        config.audit.checkpointEvery, config.audit.checkpointInterval));
    jersey.register(new TokenResource(new TokenService(services.jdbi(), clock)));
    jersey.register(new PolicyResource(new PolicyService(services.policies(), new PolicySimulator(services.jdbi(),
        new JdbiRequestLedger(services.jdbi(), json), services.catalog(), services.secrets(), json),
        simulationRunner(environment, config), config.policySimulation, clock)));
    // Browser sessions and the same-origin check of every browser POST, for every page Pave serves.
    SessionFeature browser = SessionFeature.register(environment, services.jdbi(), config, clock, failedSignIns);
    MetricsFeature.register(environment, services, browser, config.configuredEnvironments());
    WebhooksFeature.register(environment, services.jdbi(), services.secrets(), config,
        services.webhookDeliveryRuns(config.webhooks));
    PortalFeature.register(environment, browser, new PortalFeature.Services(services.jdbi(), services.catalog(),
        requests, approvals, workspaces, auditTrail, history, logs));
  }

  /** One simulation at a time, none queued: each holds a core for up to its deadline. */
  private static SimulationRunner simulationRunner(Environment environment, PaveConfiguration config) {
    return new SimulationRunner(environment.lifecycle().executorService("policy-simulation")
        .minThreads(1).maxThreads(1).workQueue(new SynchronousQueue<>()).build(),
        config.policySimulation.deadline);
  }

  private static void registerAuth(Environment environment, PaveServices services, OidcFeature oidc,
      FailedSignIns failedSignIns) {
    environment.jersey().register(new AuthDynamicFeature(new FailedAuthLimit(
        new OAuthCredentialAuthFilter.Builder<PavePrincipal>()
            .setAuthenticator(oidc.bearerAuthenticator(new TokenAuthenticator(services.jdbi())))
            .setAuthorizer(new RoleAuthorizer())
            .setPrefix("Bearer")
            .setRealm("pave")
            .setUnauthorizedHandler(new UnauthorizedHandler() {
              @Override
              public Response buildResponse(String prefix, String realm) {
                return Response.status(401)
                    .header("WWW-Authenticate", "Bearer realm=\"pave\"")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of(401, "a valid bearer token is required (Authorization: Bearer <token>)"))
                    .build();
              }
            })
            .buildAuthFilter(), failedSignIns)));
    environment.jersey().register(RolesAllowedDynamicFeature.class);
    environment.jersey().register(new AuthValueFactoryProvider.Binder<>(PavePrincipal.class));
  }
}
