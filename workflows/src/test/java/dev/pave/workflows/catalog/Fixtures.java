package dev.pave.workflows.catalog;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The catalog folders under src/test/resources/catalog. */
final class Fixtures {
  private Fixtures() {}

  static Path path(String name) {
    URL url = Fixtures.class.getResource("/catalog/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no fixture catalog/" + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static ModuleCatalog validCatalog() {
    return ModuleCatalog.load(path("valid"));
  }

  static CatalogModule module(String name) {
    return validCatalog().find(name, null).orElseThrow();
  }
}
