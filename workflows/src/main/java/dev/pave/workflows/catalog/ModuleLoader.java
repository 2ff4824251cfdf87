package dev.pave.workflows.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one module folder into a {@link CatalogModule}: pave.yaml for what Terraform does not
 * know, variables.tf for the inputs, outputs.tf for the outputs. Any inconsistency between them is
 * a CatalogException; nothing is skipped or guessed.
 */
final class ModuleLoader {
  // Module names end up in paths, workspace records and URLs: keep them plain.
  private static final Pattern MODULE_NAME = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");

  private ModuleLoader() {}

  static CatalogModule load(ModuleFolders.ModuleFolder folder) {
    Path dir = folder.directory();
    Path yamlFile = dir.resolve(PaveYaml.FILE_NAME);
    PaveYaml yaml = PaveYaml.read(yamlFile);
    String name = required(yamlFile, "name", yaml.name());
    String version = required(yamlFile, "version", yaml.version());
    if (!MODULE_NAME.matcher(name).matches()) {
      throw new CatalogException(yamlFile, "name '" + name + "' must be lower-case letters, digits and single dashes");
    }
    if (!name.equals(folder.name())) {
      throw new CatalogException(yamlFile, "name '" + name + "' differs from its folder name '" + folder.name() + "'");
    }
    try {
      SemVer.parse(version);
    } catch (IllegalArgumentException e) {
      throw new CatalogException(yamlFile, "version '" + version + "' " + e.getMessage());
    }

    List<DeclaredVariable> variables = VariablesFile.read(dir);
    List<ModuleOutput> outputs = OutputsFile.read(dir);
    StrayDeclarations.check(dir);
    Map<String, DeclaredVariable> byName = new LinkedHashMap<>();
    variables.forEach(v -> byName.put(v.name(), v));
    Set<String> platformInputs = platformInputs(yamlFile, yaml, byName);
    checkHintTargets(yamlFile, yaml, byName, platformInputs);
    checkReservation(yamlFile, yaml.reserves(), byName, platformInputs);

    List<ModuleInput> inputs = new ArrayList<>();
    for (DeclaredVariable variable : variables) {
      if (variable.defaultValue() != null && !variable.defaultValue().isNull()) {
        HintConsistency.passes(dir.resolve(VariablesFile.NAME), "the default of variable " + variable.name(),
            variable.type(), InputHints.NONE, variable.defaultValue());
      }
      if (!platformInputs.contains(variable.name())) {
        inputs.add(input(yamlFile, variable, yaml.inputs().get(variable.name())));
      }
    }
    return new CatalogModule(name, version, yaml.displayName() == null ? name : yaml.displayName(),
        yaml.description(), yaml.owner(), dir, inputs, yaml.platformInputs(), outputs,
        yaml.costFormula(), ContentHash.of(dir), yaml.reserves());
  }

  /** The reserved name is the requester's to choose; where it lives is the platform's. */
  private static void checkReservation(Path yamlFile, NameReservation reserves, Map<String, DeclaredVariable> variables,
      Set<String> platformInputs) {
    if (reserves == null) {
      return;
    }
    if (reserves.name() == null || !variables.containsKey(reserves.name()) || platformInputs.contains(reserves.name())) {
      throw new CatalogException(yamlFile, "reserves.name '" + reserves.name()
          + "' must be a requester input (a variable of " + VariablesFile.NAME + " that is not a platform input)");
    }
    Set<String> seen = new HashSet<>();
    for (String name : reserves.scope()) {
      if (!platformInputs.contains(name) || !seen.add(name)) {
        throw new CatalogException(yamlFile, "reserves.scope '" + name
            + "' must be a platform input, listed once (declared: " + String.join(", ", platformInputs) + ")");
      }
    }
  }

  private static ModuleInput input(Path yamlFile, DeclaredVariable variable, InputHints hintsOrNull) {
    InputHints hints = hintsOrNull == null ? InputHints.NONE : hintsOrNull;
    HintConsistency.check(yamlFile, variable, hints);
    String description = hints.description() != null ? hints.description() : variable.description();
    return new ModuleInput(variable.name(), variable.type().toString(), !variable.hasDefault(),
        variable.defaultValue(), description, variable.sensitive(), hints);
  }

  private static Set<String> platformInputs(Path yamlFile, PaveYaml yaml, Map<String, DeclaredVariable> variables) {
    Set<String> names = new HashSet<>();
    for (String name : yaml.platformInputs()) {
      if (!variables.containsKey(name)) {
        throw new CatalogException(yamlFile, "platform input '" + name + "' is not a variable of "
            + VariablesFile.NAME + " (declared: " + String.join(", ", variables.keySet()) + ")");
      }
      if (!names.add(name)) {
        throw new CatalogException(yamlFile, "platform input '" + name + "' is listed twice");
      }
    }
    return names;
  }

  private static void checkHintTargets(Path yamlFile, PaveYaml yaml, Map<String, DeclaredVariable> variables,
      Set<String> platformInputs) {
    for (String name : yaml.inputs().keySet()) {
      if (!variables.containsKey(name)) {
        throw new CatalogException(yamlFile, "inputs has hints for '" + name + "', which is not a variable of "
            + VariablesFile.NAME + " (declared: " + String.join(", ", variables.keySet()) + ")");
      }
      if (platformInputs.contains(name)) {
        throw new CatalogException(yamlFile, "inputs has hints for '" + name
            + "', which is a platform input that requesters never see");
      }
    }
  }

  private static String required(Path yamlFile, String key, String value) {
    if (value == null || value.isBlank()) {
      throw new CatalogException(yamlFile, "'" + key + "' is missing");
    }
    return value;
  }
}
