package dev.pave.api.webhooks;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A webhook URL as shown after its registration: scheme, host and port, then "/***". A URL's path
 * and query can be the credential itself (a Slack incoming webhook's path is), so only the answer
 * to the registration, which the registering caller wrote anyway, shows the URL whole.
 */
final class MaskedUrl {

  static final String MASK = "/***";

  private MaskedUrl() {}

  static String of(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getScheme() != null && uri.getRawAuthority() != null && uri.getRawUserInfo() == null) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + MASK;
      }
    } catch (URISyntaxException e) {
      // cannot happen for a registered URL (the guard parsed it); hide it all rather than guess
    }
    return "***";
  }
}
