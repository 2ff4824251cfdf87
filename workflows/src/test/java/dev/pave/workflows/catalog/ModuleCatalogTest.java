package dev.pave.workflows.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleCatalogTest {
  private final ModuleCatalog catalog = Fixtures.validCatalog();

  @Test
  void listsModulesByNameThenSemanticVersion() {
    assertThat(catalog.modules()).extracting(m -> m.name() + "@" + m.version()).containsExactly(
        "object-store@1.2.0", "object-store@1.10.0", "postgres-database@1.0.0", "typed-inputs@0.1.0");
    assertThat(catalog.versions("object-store")).containsExactly("1.2.0", "1.10.0");
    assertThat(catalog.versions("no-such-module")).isEmpty();
  }

  @Test
  void findsTheLatestVersionBySemverNotByText() {
    assertThat(catalog.find("object-store", null)).get().extracting(CatalogModule::version).isEqualTo("1.10.0");
    assertThat(catalog.find("object-store", "1.2.0")).get().extracting(CatalogModule::version).isEqualTo("1.2.0");
    assertThat(catalog.find("object-store", "1.3.0")).isEmpty();
    assertThat(catalog.find("object-store", "../1.2.0")).isEmpty();
    assertThat(catalog.find("nothing", null)).isEmpty();
  }

  @Test
  void readsPaveYamlAndTerraformFilesIntoOneModule() {
    CatalogModule pg = catalog.find("postgres-database", "1.0.0").orElseThrow();
    assertThat(pg.displayName()).isEqualTo("PostgreSQL database");
    assertThat(pg.owner()).isEqualTo("platform-team");
    assertThat(pg.costFormula()).isEqualTo("5.0 + double(inputs.connection_limit) * 0.5");
    assertThat(pg.directory()).isEqualTo(Fixtures.path("valid").resolve("postgres-database"));
    assertThat(pg.platformInputs()).containsExactly("server_host", "server_port", "admin_user");
    assertThat(pg.outputs()).containsExactly(
        new ModuleOutput("host", "Host to connect to.", false),
        new ModuleOutput("port", "Port to connect to.", false),
        new ModuleOutput("database", "Name of the database.", false),
        new ModuleOutput("username", "Owner role of the database.", false),
        new ModuleOutput("password", "Password of the owner role.", true));
  }

  @Test
  void inputsAreTheRequesterSettableVariablesInFileOrder() {
    CatalogModule pg = Fixtures.module("postgres-database");
    assertThat(pg.inputs()).extracting(ModuleInput::name).containsExactly("database_name", "connection_limit");

    ModuleInput name = pg.inputs().get(0);
    assertThat(name.required()).isTrue();
    assertThat(name.defaultValue()).isNull();
    assertThat(name.terraformType()).isEqualTo("string");
    assertThat(name.hints().pattern()).isEqualTo("^[a-z][a-z0-9_]{2,62}$");
    assertThat(name.hints().example().textValue()).isEqualTo("orders");

    ModuleInput limit = pg.inputs().get(1);
    assertThat(limit.required()).isFalse();
    // hcl4j reads 20 as 20.0; the catalog gives it back as the integer it was.
    assertThat(limit.defaultValue().isIntegralNumber()).isTrue();
    assertThat(limit.defaultValue().longValue()).isEqualTo(20);
    // A heredoc description, with hcl4j's kept indentation stripped.
    assertThat(limit.description()).isEqualTo("Most connections the owner role may hold at once.");
  }

  @Test
  void readsEveryKindOfTerraformType() {
    assertThat(Fixtures.module("typed-inputs").inputs())
        .extracting(i -> i.name() + ": " + i.terraformType())
        .containsExactly(
            "name: string", "size: number", "tier: string", "replicas: number", "enabled: bool",
            "zones: list(string)", "ports: set(number)", "labels: map(string)", "rules: list(map(string))",
            "owner: object({email = string, team = optional(string)})", "pair: tuple([string, number])",
            "extra: any", "untyped: any", "api_key: string");
  }

  @Test
  void aHintDescriptionOverridesTheVariables() {
    ModuleInput name = Fixtures.module("typed-inputs").inputs().get(0);
    assertThat(name.description()).isEqualTo("Lower-case name.");
  }

  @Test
  void contentHashIsSha256OverTheFolderAndStableAcrossCopies(@TempDir Path tmp) throws IOException {
    CatalogModule pg = Fixtures.module("postgres-database");
    assertThat(pg.contentHash()).matches("sha256:[0-9a-f]{64}");
    assertThat(Fixtures.module("postgres-database").contentHash()).isEqualTo(pg.contentHash());

    Path copy = tmp.resolve("postgres-database");
    copyTree(pg.directory(), copy);
    assertThat(ContentHash.of(copy)).isEqualTo(pg.contentHash());

    Files.writeString(copy.resolve("main.tf"), "\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(ContentHash.of(copy)).isNotEqualTo(pg.contentHash());
  }

  @Test
  void versionsOfOneModuleHaveTheirOwnHashes() {
    assertThat(catalog.find("object-store", "1.2.0").orElseThrow().contentHash())
        .isNotEqualTo(catalog.find("object-store", "1.10.0").orElseThrow().contentHash());
  }

  @Test
  void theShippedGoldenPathReservesItsDatabaseNamePerServer() {
    CatalogModule shipped = ModuleCatalog.load(Path.of("../terraform-modules")).find("postgres-database", null).orElseThrow();
    assertThat(shipped.reservation()).contains(new NameReservation("database_name", List.of("server_host", "server_port")));
    assertThat(Fixtures.module("postgres-database").reservation()).as("optional").isEmpty();
  }

  @Test
  void anEmptyRootIsAnEmptyCatalog(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("shared-submodule"));
    assertThat(ModuleCatalog.load(tmp).modules()).isEmpty();
  }

  @Test
  void preReleasesAreLatestOnlyWhenNothingElseExists(@TempDir Path tmp) throws IOException {
    writeModule(tmp.resolve("queue/1.0.0"), "queue", "1.0.0");
    writeModule(tmp.resolve("queue/2.0.0-rc.1"), "queue", "2.0.0-rc.1");
    writeModule(tmp.resolve("cache/0.1.0-beta"), "cache", "0.1.0-beta");
    ModuleCatalog loaded = ModuleCatalog.load(tmp);
    assertThat(loaded.versions("queue")).containsExactly("1.0.0", "2.0.0-rc.1");
    assertThat(loaded.find("queue", null)).get().extracting(CatalogModule::version).isEqualTo("1.0.0");
    assertThat(loaded.find("cache", null)).get().extracting(CatalogModule::version).isEqualTo("0.1.0-beta");
  }

  @Test
  void aMisnamedPaveYmlIsAnErrorNotAMissingModule(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("queue/1.0.0"));
    Files.writeString(tmp.resolve("queue/1.0.0/pave.yml"), "name: queue\nversion: 1.0.0\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModuleCatalog.load(tmp))
        .hasMessage(tmp.resolve("queue/1.0.0/pave.yml") + ": Pave reads pave.yaml; rename this file");
  }

  static void writeModule(Path dir, String name, String version) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("pave.yaml"), "name: " + name + "\nversion: " + version + "\n");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
