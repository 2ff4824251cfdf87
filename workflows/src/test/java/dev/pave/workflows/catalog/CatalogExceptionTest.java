package dev.pave.workflows.catalog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every broken catalog under src/test/resources/catalog/broken stops the load, naming the file. */
class CatalogExceptionTest {

  @ParameterizedTest(name = "{0}")
  // Backquote as the quote character, so messages can hold ' and " as they are.
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      bad-yaml               | db/pave.yaml      | is not valid at line 3: while scanning a quoted scalar; found unexpected end of stream
      wrong-kind             | db/pave.yaml      | 'platformInputs' at line 3 has the wrong kind of value (expected a list, like [a, b])
      missing-name           | db/pave.yaml      | 'name' is missing
      missing-version        | db/pave.yaml      | 'version' is missing
      bad-version            | db/pave.yaml      | version '1.0' is not a semantic version
      unknown-key            | db/pave.yaml      | unknown key 'platformInput'
      name-mismatch          | db/pave.yaml      | name 'database' differs from its folder name 'db'
      unknown-hint           | db/pave.yaml      | hints for 'databse_name', which is not a variable of variables.tf (declared: database_name)
      unknown-platform-input | db/pave.yaml      | platform input 'server_host' is not a variable of variables.tf
      reserves-platform-input | db/pave.yaml     | reserves.name 'server_host' must be a requester input
      reserves-requester-scope | db/pave.yaml    | reserves.scope 'database_name' must be a platform input
      duplicate-version      | db/b/pave.yaml    | declares db 1.0.0+rebuilt, which
      both-layouts           | db                | use one layout or the other
      unclosed-brace         | db/variables.tf   | line 1: block 'variable "database_name"' is never closed
      illegal-character      | db/variables.tf   | does not parse: Illegal character
      duplicate-variable     | db/variables.tf   | variable "database_name" is declared twice
      unknown-type           | db/variables.tf   | variable "database_names" has an unknown type 'strng'
      non-literal-default    | db/variables.tf   | has a default that is not a literal value
      default-wrong-type     | db/variables.tf   | the default of variable connection_limit must be a number
      hint-wrong-type        | db/pave.yaml      | need a string variable, but variables.tf declares number
      bad-pattern            | db/pave.yaml      | has a pattern that does not compile
      default-breaks-hint    | db/pave.yaml      | the default (in variables.tf) of input connection_limit must be at most 500
      default-not-whole      | db/pave.yaml      | the default (in variables.tf) of input connection_limit must be a whole number
      integer-on-string      | db/pave.yaml      | has integer: true, which needs a number variable
      stray-variable         | db/main.tf        | line 5: declares a variable; Pave reads a module's inputs from variables.tf only
      """)
  void refusesToLoad(String fixture, String file, String problem) {
    Path root = Fixtures.path("broken/" + fixture);
    assertThatThrownBy(() -> ModuleCatalog.load(root))
        .isInstanceOfSatisfying(CatalogException.class, e -> org.assertj.core.api.Assertions
            .assertThat(e.file()).isEqualTo(root.resolve(file)))
        .hasMessageStartingWith(root.resolve(file) + ": ")
        .hasMessageContaining(problem);
  }

  @org.junit.jupiter.api.Test
  void refusesAMissingRoot() {
    Path missing = Fixtures.path("valid").resolve("does-not-exist");
    assertThatThrownBy(() -> ModuleCatalog.load(missing))
        .isInstanceOf(CatalogException.class)
        .hasMessage(missing + ": is not a folder");
  }
}
