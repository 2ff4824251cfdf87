package dev.pave.workflows.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The golden-path modules under {@code terraform-modules/}, read once at start. Loading is all or
 * nothing: any broken module throws a CatalogException, and Pave does not start without its
 * catalog. Immutable and safe to share between threads.
 */
public final class ModuleCatalog {
  private static final Logger LOG = LoggerFactory.getLogger(ModuleCatalog.class);
  private static final Comparator<CatalogModule> BY_NAME_THEN_VERSION = Comparator
      .comparing(CatalogModule::name)
      .thenComparing(m -> SemVer.parse(m.version()))
      .thenComparing(m -> m.directory().toString());

  private final List<CatalogModule> modules;

  private ModuleCatalog(List<CatalogModule> modules) {
    this.modules = List.copyOf(modules);
  }

  public static ModuleCatalog load(Path modulesRoot) {
    List<CatalogModule> modules = new ArrayList<>();
    for (ModuleFolders.ModuleFolder folder : ModuleFolders.find(modulesRoot)) {
      modules.add(ModuleLoader.load(folder));
    }
    modules.sort(BY_NAME_THEN_VERSION);
    refuseDuplicates(modules);
    LOG.info("Loaded {} module versions from {}", modules.size(), modulesRoot);
    return new ModuleCatalog(modules);
  }

  /** Every module version, sorted by name, then by semantic version. */
  public List<CatalogModule> modules() {
    return modules;
  }

  /**
   * One version of a module; {@code version == null} means the latest release (a pre-release is
   * the latest only when a module has nothing else). An unknown or malformed version is empty.
   */
  public Optional<CatalogModule> find(String name, String version) {
    if (version == null) {
      List<CatalogModule> all = ofName(name);
      return all.stream().filter(m -> !SemVer.parse(m.version()).isPreRelease()).reduce((a, b) -> b)
          .or(() -> all.stream().reduce((a, b) -> b));
    }
    SemVer wanted;
    try {
      wanted = SemVer.parse(version);
    } catch (IllegalArgumentException notAVersion) {
      return Optional.empty();
    }
    return ofName(name).stream().filter(m -> SemVer.parse(m.version()).compareTo(wanted) == 0).findFirst();
  }

  /** The versions of a module, oldest first; empty for an unknown module. */
  public List<String> versions(String name) {
    return ofName(name).stream().map(CatalogModule::version).toList();
  }

  private List<CatalogModule> ofName(String name) {
    return modules.stream().filter(m -> m.name().equals(name)).toList();
  }

  /** Two folders declaring one version (1.0.0 and 1.0.0+build count as one) would make find() a guess. */
  private static void refuseDuplicates(List<CatalogModule> sorted) {
    for (int i = 1; i < sorted.size(); i++) {
      CatalogModule a = sorted.get(i - 1);
      CatalogModule b = sorted.get(i);
      if (a.name().equals(b.name()) && SemVer.parse(a.version()).compareTo(SemVer.parse(b.version())) == 0) {
        throw new CatalogException(b.directory().resolve(PaveYaml.FILE_NAME), "declares " + b.name() + " "
            + b.version() + ", which " + a.directory().resolve(PaveYaml.FILE_NAME) + " declares already");
      }
    }
  }
}
