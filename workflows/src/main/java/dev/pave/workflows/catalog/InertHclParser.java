package dev.pave.workflows.catalog;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.bertramlabs.plugins.hcl4j.HCLParserException;
import java.nio.file.Path;
import java.util.Map;

/**
 * hcl4j's parser with its functions and data lookups taken out. The stock parser sends an HTTP
 * GET while parsing a file that has a {@code data "http"} block, and evaluates {@code uuid()} and
 * friends: reading the catalog must neither reach the network nor give a different answer on
 * each start. Without them, a function call in a default reads as null.
 */
final class InertHclParser extends HCLParser {

  private InertHclParser() {
    functionRegistry.clear();
    dataLookupRegistry.clear();
  }

  static Map<String, Object> parse(Path file, String text) {
    try {
      return new InertHclParser().parse(text);
    } catch (Exception e) {
      // hcl4j wraps its HCLParserException (which has the line and column) in a RuntimeException.
      throw new CatalogException(file, "does not parse: " + parserMessage(e), e);
    }
  }

  private static String parserMessage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HCLParserException) {
        return t.getMessage();
      }
    }
    return String.valueOf(e.getMessage());
  }
}
