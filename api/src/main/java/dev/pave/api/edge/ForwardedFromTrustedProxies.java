package dev.pave.api.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwarded headers count only when a trusted proxy sent them. Jetty's own
 * {@link ForwardedRequestCustomizer} (what {@code useForwardedHeaders: true} installs) believes
 * any client, and takes the client address from the left-most {@code X-Forwarded-For} value,
 * which the client writes. This customizer takes its place on every connector: for a request
 * whose socket peer is in {@code trustedProxies} it applies Jetty's handling (scheme, host, port:
 * what {@code ServerOrigin} reads) when {@code useForwardedHeaders} is on, and sets the client
 * address to the one {@link TrustedProxies#client} derives from the real peer; any other
 * request is left exactly as it arrived. So {@code getRemoteAddr()} (the failed-authentication
 * limit, the request log) is the derived client everywhere.
 */
final class ForwardedFromTrustedProxies implements HttpConfiguration.Customizer {

  private static final Logger LOG = LoggerFactory.getLogger(ForwardedFromTrustedProxies.class);

  private final TrustedProxies proxies;
  /** Jetty's handling of scheme, host and port, or null when {@code useForwardedHeaders} is off. */
  private final ForwardedRequestCustomizer jetty;

  ForwardedFromTrustedProxies(TrustedProxies proxies, ForwardedRequestCustomizer jetty) {
    this.proxies = proxies;
    this.jetty = jetty;
  }

  /** Takes the place of Jetty's forwarded handling on each of the server's connectors (before they start). */
  static void install(Server server, TrustedProxies proxies) {
    Set<HttpConfiguration> done = Collections.newSetFromMap(new IdentityHashMap<>());
    // Searched through the whole tree: Dropwizard wraps each connection factory in one that times it.
    for (HttpConfiguration.ConnectionFactory http : server.getContainedBeans(HttpConfiguration.ConnectionFactory.class)) {
      if (done.add(http.getHttpConfiguration())) {
        replaceJettys(http.getHttpConfiguration(), proxies);
      }
    }
  }

  private static void replaceJettys(HttpConfiguration http, TrustedProxies proxies) {
    List<HttpConfiguration.Customizer> customizers = new ArrayList<>(http.getCustomizers());
    ForwardedRequestCustomizer jetty = http.getCustomizer(ForwardedRequestCustomizer.class);
    if (jetty != null && proxies.isEmpty()) {
      LOG.warn("useForwardedHeaders is on but trustedProxies is empty: forwarded headers are ignored; list the"
          + " addresses of your proxies in trustedProxies");
    }
    int at = jetty == null ? customizers.size() : customizers.indexOf(jetty);
    customizers.remove(jetty);
    customizers.add(at, new ForwardedFromTrustedProxies(proxies, jetty));
    http.setCustomizers(customizers);
  }

  @Override
  public Request customize(Request request, HttpFields.Mutable responseHeaders) {
    InetAddress peer = address(request.getConnectionMetaData().getRemoteSocketAddress());
    if (!proxies.trusts(peer)) {
      return request;
    }
    InetAddress client = proxies.client(peer, request.getHeaders().getValuesList(HttpHeader.X_FORWARDED_FOR));
    Request forwarded = jetty == null ? null : jetty.customize(request, responseHeaders);
    return new FromClient(forwarded == null ? request : forwarded, new InetSocketAddress(client, 0));
  }

  private static InetAddress address(SocketAddress socket) {
    return socket instanceof InetSocketAddress inet ? inet.getAddress() : null;
  }

  /** The request with its remote address replaced by the client behind the proxies. */
  private static final class FromClient extends Request.Wrapper {

    private final ConnectionMetaData metaData;

    FromClient(Request request, SocketAddress client) {
      super(request);
      this.metaData = new ConnectionMetaData.Wrapper(request.getConnectionMetaData()) {
        @Override
        public SocketAddress getRemoteSocketAddress() {
          return client;
        }
      };
    }

    @Override
    public ConnectionMetaData getConnectionMetaData() {
      return metaData;
    }
  }
}
