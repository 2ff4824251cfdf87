package dev.pave.workflows.catalog;

import java.nio.file.Path;

/**
 * The catalog cannot be loaded, and why, naming the file at fault. Pave refuses to start on it:
 * serving a partial catalog would let requests through checks that were never loaded.
 */
public final class CatalogException extends RuntimeException {
  private final transient Path file;

  public CatalogException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  public CatalogException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /** The file (or folder) the problem is in. */
  public Path file() {
    return file;
  }
}
