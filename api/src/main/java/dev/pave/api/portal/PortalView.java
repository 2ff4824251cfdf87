package dev.pave.api.portal;

import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.auth.Role;
import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;

/**
 * A portal page: a template of this package (.ftlh, so Freemarker escapes every value) plus what
 * the layout needs to draw the navigation for the caller (null on the sign-in page).
 */
public class PortalView extends View {

  private final String title;
  private final PavePrincipal caller;
  private final Object model;

  PortalView(String template, String title, PavePrincipal caller, Object model) {
    super(template, StandardCharsets.UTF_8);
    this.title = title;
    this.caller = caller;
    this.model = model;
  }

  public String getTitle() {
    return title;
  }

  /** The page's own data, a record the template reads as {@code m}. */
  public Object getM() {
    return model;
  }

  public boolean isSignedIn() {
    return caller != null;
  }

  public String getWho() {
    return caller == null ? "" : caller.name() + " (" + caller.team() + ", " + caller.role().wireName() + ")";
  }

  /** The inbox is for those who decide approvals. */
  public boolean isApprover() {
    return caller != null && (caller.role() == Role.APPROVER || caller.role() == Role.ADMIN);
  }

  /** The audit trail is for auditors and admins. */
  public boolean isAuditor() {
    return caller != null && (caller.role() == Role.AUDITOR || caller.role() == Role.ADMIN);
  }
}
