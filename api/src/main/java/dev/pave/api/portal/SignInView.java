package dev.pave.api.portal;

/** The sign-in form of the portal; {@code problem} is shown above it (null: none). */
public final class SignInView {

  private SignInView() {}

  public record Model(String problem) {}

  static PortalView of(String problem) {
    return new PortalView("sign-in.ftlh", "Sign in to Pave", null, new Model(problem));
  }
}
