package dev.pave.api.api;

import java.util.regex.Pattern;

/**
 * What a new workspace name must be, stated once: the API's check of a new request, the OpenAPI
 * document's pattern and the portal form's hint all read it here. It is the shipped
 * naming-convention policy's rule (policies/naming-convention.yaml; WorkspaceNameRuleTest runs
 * that policy over names of every length to prove they agree), so no hint promises a name that
 * a shipped policy then denies after a 202. Names already stored may be longer (up to
 * {@code Names.WORKSPACE}, what Terraform's state schema allows): they can still be read.
 */
public final class WorkspaceNameRule {

  /** For the OpenAPI document and the form's {@code pattern} attribute (an annotation needs a constant). */
  public static final String REGEX = "^[a-z][a-z0-9-]{2,40}$";
  public static final Pattern PATTERN = Pattern.compile(REGEX);
  /** The hint and the 422's message. */
  public static final String TEXT = "3 to 41 characters: lower-case letters, digits and '-', starting with a letter";

  private WorkspaceNameRule() {}
}
