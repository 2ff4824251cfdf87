package dev.pave.api.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;

/**
 * DNS for one attempt: the target's host answers the addresses the guard checked, and nothing
 * else resolves. The connection thus goes where the check looked; a name that would resolve
 * elsewhere a moment later (DNS rebinding) is never asked again.
 */
final class PinnedResolver implements DnsResolver {

  private final String host;
  private final InetAddress[] addresses;

  PinnedResolver(String host, List<InetAddress> addresses) {
    this.host = host.toLowerCase(Locale.ROOT);
    this.addresses = addresses.toArray(InetAddress[]::new);
  }

  @Override
  public InetAddress[] resolve(String name) throws UnknownHostException {
    if (!host.equals(name.toLowerCase(Locale.ROOT))) {
      throw new UnknownHostException("only the checked host resolves");
    }
    return addresses.clone();
  }

  @Override
  public String resolveCanonicalHostname(String name) throws UnknownHostException {
    resolve(name);
    return name;
  }
}
