package dev.pave.workflows.catalog;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads catalog files as UTF-8, turning every failure into a CatalogException that names the file. */
final class TextFiles {
  private TextFiles() {}

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (CharacterCodingException e) {
      throw new CatalogException(file, "is not valid UTF-8", e);
    } catch (IOException e) {
      throw new CatalogException(file, "cannot be read: " + e.getMessage(), e);
    }
  }
}
