package dev.pave.workflows.terraform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Small built-in-only Terraform configurations written into a test's work dir. */
final class TestConfigs {

  /** One validated variable, one resource, a plain and a sensitive output. */
  static final String GREETING = """
      variable "name" {
        type = string
        validation {
          condition     = can(regex("^[a-z]+$", var.name))
          error_message = "name must be lowercase letters."
        }
      }
      resource "terraform_data" "greeting" {
        input = "hello ${var.name}"
      }
      output "greeting" {
        value = terraform_data.greeting.output
      }
      output "token" {
        value     = "t0ken"
        sensitive = true
      }
      """;

  /** The state backend the way Pave configures it: an empty block, the rest from -backend-config and env. */
  static final String PG_BACKEND = """
      terraform {
        backend "pg" {}
      }
      """;

  private TestConfigs() {}

  static Path write(Path dir, String fileName, String content) {
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve(fileName), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A module whose apply runs {@code command} in a local-exec provisioner. */
  static Path slowModule(Path dir, String command) {
    write(dir, "main.tf", """
        resource "terraform_data" "slow" {
          provisioner "local-exec" {
            command = "%s"
          }
        }
        """.formatted(command));
    return dir;
  }

  /** Inputs as Pave passes them: a .tfvars.json file, never -var or TF_VAR_*. */
  static Path varFile(Path dir, Map<String, ?> inputs) {
    try {
      return write(dir, "inputs.tfvars.json", new ObjectMapper().writeValueAsString(inputs));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
