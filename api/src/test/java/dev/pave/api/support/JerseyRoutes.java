package dev.pave.api.support;

import dev.pave.api.openapi.RoutePaths;
import io.dropwizard.core.setup.Environment;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.servlet.ServletContainer;

/** Every route ("GET /v1/requests/{id}") of Jersey's resource model in a running app, as Jersey will serve it. */
public final class JerseyRoutes {

  private JerseyRoutes() {}

  public static Set<String> under(Environment environment, String prefix) {
    ServletContainer jersey = (ServletContainer) environment.getJerseyServletContainer();
    Set<String> routes = new TreeSet<>();
    for (Resource resource : jersey.getApplicationHandler().getInjectionManager()
        .getInstance(ExtendedResourceContext.class).getResourceModel().getResources()) {
      collect(resource, resource.getPath(), routes);
    }
    routes.removeIf(route -> !route.substring(route.indexOf(' ') + 1).startsWith(prefix));
    return routes;
  }

  private static void collect(Resource resource, String path, Set<String> routes) {
    for (ResourceMethod method : resource.getResourceMethods()) {
      if (!method.isExtended()) { // OPTIONS and the like that Jersey adds by itself
        routes.add(method.getHttpMethod() + " " + RoutePaths.normalize(path));
      }
    }
    for (Resource child : resource.getChildResources()) {
      collect(child, RoutePaths.join(path, child.getPath()), routes);
    }
  }
}
