package dev.pave.workflows.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pave.workflows.catalog.HclBlockScanner.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

class HclBlockScannerTest {

  @Test
  void findsTopLevelBlocksWithTheirLabelsAndLines() {
    assertThat(HclBlockScanner.scan("""
        terraform {
          required_version = ">= 1.5"
        }

        variable "a" {
          type = string
        }
        resource "terraform_data" "b" { input = 1 }
        """)).containsExactly(
        new Block("terraform", List.of(), 1),
        new Block("variable", List.of("a"), 5),
        new Block("resource", List.of("terraform_data", "b"), 8));
  }

  @Test
  void bracesInsideStringsTemplatesHeredocsAndCommentsDoNotCount() {
    assertThat(HclBlockScanner.scan("""
        variable "a" {
          description = "a } and a { and \\" and $${x} and %%{y}"
          default     = "${jsonencode({ k = "}" })}"
          # a } in a comment
          // another }
          /* and { one
             more */
          validation {
            condition     = true
            error_message = <<-EOT
              } is fine here
            EOT
          }
        }
        variable "b" {}
        """)).extracting(b -> b.labels().get(0)).containsExactly("a", "b");
  }

  @Test
  void reportsAnUnclosedBlockAtTheLineThatOpensIt() {
    assertThatThrownBy(() -> HclBlockScanner.scan("variable \"a\" {\n\nvariable \"b\" {\n}\n"))
        .hasMessage("line 1: block 'variable \"a\"' is never closed");
  }

  @Test
  void reportsUnclosedStringsHeredocsAndComments() {
    assertThatThrownBy(() -> HclBlockScanner.scan("variable \"a\" {\n  default = \"x\n}\n"))
        .hasMessage("line 2: string is never closed");
    assertThatThrownBy(() -> HclBlockScanner.scan("variable \"a\" {\n  default = <<EOT\nx\n}\n"))
        .hasMessage("line 2: heredoc EOT is never closed");
    assertThatThrownBy(() -> HclBlockScanner.scan("/* never\n closed"))
        .hasMessageContaining("comment is never closed");
  }

  @Test
  void refusesStrayTextAtTheTopLevel() {
    assertThatThrownBy(() -> HclBlockScanner.scan("variable \"a\" {}\n}\n"))
        .hasMessage("line 2: expected a name");
  }
}
