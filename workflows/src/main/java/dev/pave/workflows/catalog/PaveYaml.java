package dev.pave.workflows.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A module's pave.yaml: what Pave knows about a module that Terraform does not. Unknown keys and
 * repeated keys are errors, so a misspelt {@code platformInput:} cannot quietly drop a rule.
 */
record PaveYaml(
    String name,
    String version,
    String displayName,
    String description,
    String owner,
    List<String> platformInputs,
    Map<String, InputHints> inputs,
    String costFormula,
    NameReservation reserves) {

  static final String FILE_NAME = "pave.yaml";

  private static final YAMLMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  PaveYaml {
    platformInputs = platformInputs == null ? List.of() : List.copyOf(platformInputs);
    inputs = inputs == null ? Map.of() : inputs;
  }

  static PaveYaml read(Path file) {
    String text = TextFiles.read(file);
    PaveYaml yaml;
    try {
      yaml = YAML.readValue(text, PaveYaml.class);
    } catch (UnrecognizedPropertyException e) {
      throw new CatalogException(file, "unknown key '" + e.getPropertyName() + "'" + line(e)
          + " (known: " + String.join(", ", new TreeSet<>(e.getKnownPropertyIds().stream().map(String::valueOf).toList())) + ")", e);
    } catch (MismatchedInputException e) {
      String key = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      throw new CatalogException(file, "'" + key + "'" + line(e) + " has the wrong kind of value (expected "
          + kindOf(e.getTargetType()) + ")", e);
    } catch (JsonProcessingException e) {
      throw new CatalogException(file, "is not valid" + line(e) + ": " + oneLine(e.getOriginalMessage()), e);
    }
    if (yaml == null) {
      throw new CatalogException(file, "is empty");
    }
    return yaml;
  }

  private static String kindOf(Class<?> type) {
    if (type == null) {
      return "something else";
    } else if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list, like [a, b]";
    } else if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a mapping of keys to values";
    } else if (Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    return "a single value";
  }

  /** SnakeYAML's messages quote the offending line with a caret below it; keep only its sentences. */
  private static String oneLine(String message) {
    return message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
        .collect(Collectors.joining("; "));
  }

  private static String line(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
  }
}
