package dev.pave.api.core;

import java.util.regex.Pattern;

/**
 * Shapes of the names Pave itself relies on. Workspace names become Terraform state schema names
 * and folder names, so they are checked here whatever the policies say.
 */
public final class Names {

  public static final Pattern WORKSPACE = Pattern.compile("[a-z][a-z0-9-]{1,62}");
  public static final Pattern ENVIRONMENT = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  public static final Pattern TEAM = Pattern.compile("[a-z][a-z0-9-]{0,62}");
  public static final Pattern REQUEST_ID = Pattern.compile("req_[0-9A-Za-z]{16}");
  public static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

  private Names() {}
}
