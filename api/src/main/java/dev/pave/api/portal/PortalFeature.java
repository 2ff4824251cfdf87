package dev.pave.api.portal;

import dev.pave.api.audit.AuditTrail;
import dev.pave.api.core.ApprovalService;
import dev.pave.api.core.RequestHistory;
import dev.pave.api.core.RequestService;
import dev.pave.api.core.WorkspaceService;
import dev.pave.api.feedback.FeedbackResource;
import dev.pave.api.feedback.FeedbackService;
import dev.pave.api.logs.RequestLogs;
import dev.pave.api.resources.ModuleResource;
import dev.pave.api.session.BrowserSignIn;
import dev.pave.api.session.SessionFeature;
import dev.pave.workflows.catalog.ModuleCatalog;
import freemarker.template.Configuration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.views.common.ViewMessageBodyWriter;
import io.dropwizard.views.freemarker.FreemarkerViewRenderer;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The portal at {@code /}: its pages (Freemarker views), its two static files, and the feedback
 * API its request page posts to. It is built on the API's services and the dashboard's sign-in.
 */
public final class PortalFeature {

  private PortalFeature() {}

  /** The services the portal's pages call with the session's caller, exactly as the API does. */
  public record Services(Jdbi jdbi, ModuleCatalog catalog, RequestService requests, ApprovalService approvals,
      WorkspaceService workspaces, AuditTrail audit, RequestHistory history, RequestLogs logs) {}

  public static void register(Environment environment, SessionFeature browser, Services services) {
    var jersey = environment.jersey();
    // Only the writer, not the ViewBundle: the bundle would need a line in initialize() as well.
    jersey.register(new ViewMessageBodyWriter(environment.metrics(),
        List.of(new FreemarkerViewRenderer(Configuration.VERSION_2_3_34))));
    FeedbackService feedback = new FeedbackService(services.jdbi(), services.requests(), Clock.systemUTC());
    jersey.register(new FeedbackResource(feedback));

    PortalPages pages = new PortalPages(new BrowserSignIn(browser));
    jersey.register(new AssetResource());
    jersey.register(new SignInResource(new BrowserSignIn(browser)));
    ModuleResource modules = new ModuleResource(services.catalog());
    jersey.register(new CatalogResource(pages, modules, services.catalog()));
    jersey.register(new RequestFormResource(pages, modules, services.requests(), environment.getObjectMapper(),
        services.workspaces()));
    // The same reader as GET /v1/requests/{id}/logs (its authorization is the request's own).
    jersey.register(new RequestPages(pages, services.requests(), feedback, services.logs(), modules));
    jersey.register(new InboxPages(pages, services.requests(), services.approvals()));
    jersey.register(new WorkspacePages(pages, services.workspaces(), services.requests()));
    jersey.register(new AuditPages(pages, services.audit(), services.requests(), services.history()));
  }
}
