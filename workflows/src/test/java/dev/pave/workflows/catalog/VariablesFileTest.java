package dev.pave.workflows.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the catalog copes with what hcl4j does to a variables.tf. */
class VariablesFileTest {
  @TempDir Path module;

  private List<DeclaredVariable> read(String variablesTf) throws IOException {
    Files.writeString(module.resolve("variables.tf"), variablesTf);
    return VariablesFile.read(module);
  }

  @Test
  void parsingNeverReachesTheNetwork() throws IOException {
    // Stock hcl4j sends a GET for a data "http" block while parsing; the catalog's parser must not.
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      listener.setSoTimeout(300);
      String url = "http://127.0.0.1:" + listener.getLocalPort() + "/leak";
      assertThatThrownBy(() -> read("""
          data "http" "leak" {
            url = "%s"
          }
          variable "x" {
            type    = string
            default = data.http.leak.body
          }
          """.formatted(url)))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("variable \"x\" has a default that is not a literal value");
      assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void functionsAreNotEvaluated() throws IOException {
    // Stock hcl4j would put a fresh uuid() here on every start.
    DeclaredVariable id = read("""
        variable "id" {
          type    = string
          default = uuid()
        }
        """).get(0);
    assertThat(id.defaultValue().isNull()).isTrue();
  }

  @Test
  void wholeNumbersComeBackAsIntegersAndHugeOnesAreRefused() throws IOException {
    List<DeclaredVariable> vars = read("""
        variable "port" {
          type    = number
          default = 5432
        }
        variable "ratio" {
          type    = number
          default = 0.25
        }
        variable "list" {
          type    = list(number)
          default = [1, -2]
        }
        """);
    assertThat(vars.get(0).defaultValue().toString()).isEqualTo("5432");
    assertThat(vars.get(1).defaultValue().toString()).isEqualTo("0.25");
    assertThat(vars.get(2).defaultValue().toString()).isEqualTo("[1,-2]");

    assertThatThrownBy(() -> read("""
        variable "big" {
          type    = number
          default = 9007199254740993
        }
        """)).hasMessageContaining("too large to read exactly");
  }

  @Test
  void validationBlocksDoNotGetInTheWay() throws IOException {
    List<DeclaredVariable> vars = read("""
        variable "name" {
          type = string
          validation {
            condition     = length(var.name) > 2
            error_message = "Too short."
          }
          validation {
            condition     = can(regex("^[a-z]+$", var.name))
            error_message = "Lower case only."
          }
        }
        """);
    assertThat(vars).extracting(DeclaredVariable::name).containsExactly("name");
    assertThat(vars.get(0).hasDefault()).isFalse();
  }

  @Test
  void aFileWithoutVariablesOrNoFileAtAllMeansNoInputs() throws IOException {
    assertThat(VariablesFile.read(module)).isEmpty();
    assertThat(read("# nothing here yet\n")).isEmpty();
  }

  @Test
  void defaultNullMakesAVariableOptional() throws IOException {
    DeclaredVariable v = read("""
        variable "owner" {
          type    = string
          default = null
        }
        """).get(0);
    assertThat(v.hasDefault()).isTrue();
    assertThat(v.defaultValue().isNull()).isTrue();
  }

  @Test
  void aBareCollectionTypeIsRefused() throws IOException {
    assertThatThrownBy(() -> read("""
        variable "zones" {
          type = list
        }
        """)).hasMessageContaining("has a list type without an element type");
  }

  @Test
  void outputsDeclaredInVariablesTfAreRefused() throws IOException {
    Files.writeString(module.resolve("variables.tf"), "output \"x\" {\n  value = 1\n}\n");
    assertThatThrownBy(() -> StrayDeclarations.check(module))
        .hasMessageContaining("declares an output; Pave reads a module's outputs from outputs.tf only");
  }

  @Test
  void variablesInTfJsonFilesAreRefused() throws IOException {
    Files.writeString(module.resolve("extra.tf.json"), "{\"variable\": {\"x\": {\"type\": \"string\"}}}");
    assertThatThrownBy(() -> StrayDeclarations.check(module)).hasMessageContaining("declares a variable");
  }
}
