package dev.pave.api.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The schema Pave publishes is the gate it enforces. For every module version of the shipped
 * catalog and of the test catalog (every Terraform type and hint), hundreds of probe inputs are
 * judged twice: by the published schema, fetched from GET /v1/modules and validated by the same
 * library a client would use (networknt, Draft 2020-12, its defaults), and by POST /v1/requests.
 * What the schema accepts, POST accepts; what it refuses, POST refuses, naming the same fields.
 *
 * <p>Every POST also carries a bad environment, so none of them runs anything: the 422 lists the
 * environment and, beside it, exactly the inputs the gate refused.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PublishedSchemaIsTheGateTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry CLIENT_SIDE = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  /** A Pave field path: inputs, then .name, [index] or ["map key"]. */
  private static final Pattern SEGMENT = Pattern.compile("\\.([A-Za-z0-9_-]+)|\\[(\\d+)]|\\[\"((?:[^\"\\\\]|\\\\.)*)\"]");

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded(
      ConfigOverride.config("modulesDir", combinedCatalog().toString()));

  @Test
  void whatThePublishedSchemaAcceptsPostAcceptsAndWhatItRefusesPostRefusesByTheSameField() throws Exception {
    HttpApi api = new HttpApi(APP.getLocalPort());
    String token = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
        Map.of("name", "gate", "team", "payments", "role", "requester")).body().get("token").asText();
    int accepted = 0;
    int refused = 0;
    Set<String> checked = new TreeSet<>();
    for (JsonNode listed : api.get(token, "/v1/modules").body().get("modules")) {
      for (JsonNode version : listed.get("versions")) {
        String name = listed.get("name").asText();
        JsonNode module = api.get(token, "/v1/modules/" + name + "?version=" + version.asText()).body();
        JsonNode published = module.get("inputSchema");
        Schema schema = CLIENT_SIDE.getSchema(published.toString(), InputFormat.JSON);
        for (ObjectNode inputs : candidates(published)) {
          Set<List<String>> expected = refusedBySchema(schema, inputs);
          HttpApi.Reply reply = api.post(token, "/v1/requests", Map.of("module", name, "version", version.asText(),
              "workspace", "gate-probe", "environment", "Not An Environment", "inputs", inputs));
          assertThat(reply.status()).as(reply.raw().body()).isEqualTo(422);
          assertThat(fields(reply.body())).as("the probe was judged as a whole").contains("environment");
          Set<List<String>> actual = refusedByPost(reply.body());
          assertThat(actual).as("%s %s inputs %s: %s", name, version.asText(), inputs, reply.body())
              .isEqualTo(expected);
          if (expected.isEmpty()) {
            accepted++;
          } else {
            refused++;
          }
        }
        checked.add(name + "@" + version.asText());
      }
    }
    assertThat(checked).contains("postgres-database@1.0.0", "typed-inputs@0.1.0", "object-store@1.2.0",
        "object-store@1.10.0");
    assertThat(accepted).as("probes the schema accepts").isGreaterThan(30);
    assertThat(refused).as("probes the schema refuses").isGreaterThan(100);
    assertThat(api.get(PaveTestApp.ADMIN_TOKEN, "/v1/requests").body().get("requests")).isEmpty();
  }

  /** Where the schema refuses the inputs, as paths under "inputs" (a missing or unknown key: its own path). */
  private static Set<List<String>> refusedBySchema(Schema schema, JsonNode inputs) {
    Set<List<String>> fields = new TreeSet<>(PublishedSchemaIsTheGateTest::compare);
    for (com.networknt.schema.Error error : schema.validate(inputs.toString(), InputFormat.JSON)) {
      List<String> path = new ArrayList<>();
      for (int i = 0; i < error.getInstanceLocation().getNameCount(); i++) {
        path.add(String.valueOf(error.getInstanceLocation().getElement(i)));
      }
      if (error.getProperty() != null) {
        path.add(error.getProperty());
      }
      fields.add(path);
    }
    return fields;
  }

  private static Set<List<String>> refusedByPost(JsonNode error) {
    Set<List<String>> fields = new TreeSet<>(PublishedSchemaIsTheGateTest::compare);
    for (String field : fields(error)) {
      if (!field.startsWith("inputs")) {
        continue;
      }
      List<String> path = new ArrayList<>();
      Matcher m = SEGMENT.matcher(field).region("inputs".length(), field.length());
      int end = "inputs".length();
      while (m.lookingAt()) {
        path.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2)
            : m.group(3).replace("\\\"", "\"").replace("\\\\", "\\"));
        end = m.end();
        m.region(end, field.length());
      }
      assertThat(end).as("a field path Pave's clients can read: " + field).isEqualTo(field.length());
      fields.add(path);
    }
    return fields;
  }

  private static int compare(List<String> a, List<String> b) {
    return String.join("\u0000", a).compareTo(String.join("\u0000", b));
  }

  private static List<String> fields(JsonNode error) {
    List<String> fields = new ArrayList<>();
    error.path("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  /** A best-effort valid base, then that base with each property set to each of its probes, and some wholes. */
  private static List<ObjectNode> candidates(JsonNode schema) {
    ObjectNode base = JSON.createObjectNode();
    schema.path("required").forEach(name -> base.set(name.asText(), likelyValid(schema.at("/properties/" + name.asText()))));
    List<ObjectNode> candidates = new ArrayList<>();
    candidates.add(base);
    candidates.add(JSON.createObjectNode());
    candidates.add(base.deepCopy().put("not_an_input", 1));
    schema.path("properties").fields().forEachRemaining(property -> {
      for (JsonNode probe : probes(property.getValue(), 2)) {
        ObjectNode candidate = base.deepCopy();
        candidate.set(property.getKey(), probe);
        candidates.add(candidate);
      }
    });
    return candidates;
  }

  private static JsonNode likelyValid(JsonNode property) {
    if (property.has("examples")) {
      return property.get("examples").get(0);
    }
    if (property.has("default")) {
      return property.get("default");
    }
    if (property.has("enum")) {
      return property.get("enum").get(0);
    }
    return JSON.getNodeFactory().textNode("abcd");
  }

  /** Values around everything the property's schema says: its own values, its bounds, every other type, nesting. */
  private static List<JsonNode> probes(JsonNode property, int depth) {
    List<JsonNode> probes = new ArrayList<>();
    Stream.of("examples", "enum").forEach(k -> property.path(k).forEach(probes::add));
    if (property.has("default")) {
      probes.add(property.get("default"));
    }
    for (String text : List.of("\"\"", "\"abc\"", "\"Abc\"", "\"orders\\n\"", "\"a\\nb\"", "0", "1", "-1", "1.5",
        "20.0", "1e3", "true", "null", "[]", "[\"a\"]", "[\"a\", \"a\"]", "[1, 1.0]", "[\"a\", 1]", "[\"a\", 1, 2]",
        "{}", "{\"k\": \"v\"}", "{\"k\": 1}", "{\"k\": null}", "[{\"port\": \"443\"}, {\"port\": 443}]")) {
      probes.add(read(text));
    }
    for (String bound : List.of("minimum", "maximum")) {
      if (property.has(bound)) {
        double at = property.get(bound).asDouble();
        Stream.of(at - 1, at - 0.5, at, at + 0.5, at + 1).forEach(n -> probes.add(JSON.getNodeFactory().numberNode(n)));
      }
    }
    for (String bound : List.of("minLength", "maxLength")) {
      if (property.has(bound)) {
        int at = property.get(bound).asInt();
        Stream.of(at - 1, at, at + 1).filter(n -> n >= 0)
            .forEach(n -> probes.add(JSON.getNodeFactory().textNode("a".repeat(n))));
      }
    }
    if (depth > 0 && property.has("properties")) {
      ObjectNode whole = JSON.createObjectNode();
      property.get("properties").fields().forEachRemaining(a -> whole.set(a.getKey(), likelyValid(a.getValue())));
      probes.add(whole);
      probes.add(whole.deepCopy().put("not_an_attribute", "x"));
      property.get("properties").fields().forEachRemaining(a -> {
        for (JsonNode inner : probes(a.getValue(), depth - 1)) {
          probes.add(whole.deepCopy().set(a.getKey(), inner));
        }
      });
    }
    if (depth > 0 && property.path("items").isObject()) {
      for (JsonNode inner : probes(property.get("items"), depth - 1)) {
        probes.add(JSON.createArrayNode().add(likelyValid(property.get("items"))).add(inner));
      }
    }
    if (depth > 0 && property.path("additionalProperties").isObject()) {
      for (JsonNode inner : probes(property.get("additionalProperties"), depth - 1)) {
        probes.add(JSON.createObjectNode().set("x\"y", inner));
      }
    }
    return probes;
  }

  private static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shipped catalog beside the workflows module's test catalog (its postgres-database is the shipped one's twin). */
  private static Path combinedCatalog() {
    try {
      Path root = Files.createTempDirectory("pave-gate-catalog");
      copy(Path.of("../terraform-modules"), root);
      for (String module : List.of("typed-inputs", "object-store")) {
        copy(Path.of("../workflows/src/test/resources/catalog/valid", module), root.resolve(module));
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
