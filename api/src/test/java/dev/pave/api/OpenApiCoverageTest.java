package dev.pave.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /openapi.json is served without a token and describes every JSON call the running app serves. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiCoverageTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();

  @Test
  void everyResourceMethodIsDescribed() {
    HttpApi.Reply reply = new HttpApi(APP.getLocalPort()).get(null, "/openapi.json");
    assertThat(reply.status()).isEqualTo(200);
    JsonNode paths = reply.body().get("paths");
    assertThat(reply.body().get("openapi").asText()).startsWith("3.");

    Set<String> served = new TreeSet<>();
    var config = APP.getEnvironment().jersey().getResourceConfig();
    Set<Class<?>> resources = new java.util.HashSet<>(config.getClasses());
    config.getInstances().forEach(instance -> resources.add(instance.getClass()));
    for (Class<?> resource : resources) {
      Path root = resource.getAnnotation(Path.class);
      if (root == null || root.value().equals("/openapi.json") || !root.value().startsWith("/v1")) {
        continue;
      }
      for (Method method : resource.getMethods()) {
        String verb = httpMethod(method);
        if (verb != null) {
          Path sub = method.getAnnotation(Path.class);
          served.add(verb + " " + root.value() + (sub == null ? "" : sub.value()));
        }
      }
    }
    assertThat(served).isNotEmpty();
    Set<String> described = new TreeSet<>();
    paths.fields().forEachRemaining(path -> path.getValue().fieldNames()
        .forEachRemaining(verb -> described.add(verb.toUpperCase(Locale.ROOT) + " " + path.getKey())));
    assertThat(described).containsAll(served);
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }
}
