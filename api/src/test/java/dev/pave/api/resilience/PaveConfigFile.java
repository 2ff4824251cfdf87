package dev.pave.api.resilience;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A pave.yml as an operator would write it, built key by key ("temporal.target", ...). */
final class PaveConfigFile {

  private final Map<String, Object> root = new LinkedHashMap<>();

  /** The repository's policies, the given catalog, loopback ports chosen by the environment. */
  static PaveConfigFile with(Path catalog) {
    PaveConfigFile config = new PaveConfigFile();
    config.set("modulesDir", catalog.toString());
    config.set("policiesDir", Path.of("../policies").toAbsolutePath().normalize().toString());
    config.set("embedded.binariesDir", Path.of("target/postgres-binaries").toAbsolutePath().toString());
    config.set("server.applicationConnectors", List.of(Map.of("type", "http", "port", 0)));
    config.set("server.adminConnectors", List.of(Map.of("type", "http", "port", 0)));
    config.set("logging.level", "INFO");
    return config;
  }

  @SuppressWarnings("unchecked")
  PaveConfigFile set(String dottedKey, Object value) {
    String[] keys = dottedKey.split("\\.");
    Map<String, Object> node = root;
    for (int i = 0; i < keys.length - 1; i++) {
      node = (Map<String, Object>) node.computeIfAbsent(keys[i], k -> new LinkedHashMap<String, Object>());
    }
    node.put(keys[keys.length - 1], value);
    return this;
  }

  Path writeTo(Path file) {
    try {
      new YAMLMapper().writeValue(file.toFile(), root);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
