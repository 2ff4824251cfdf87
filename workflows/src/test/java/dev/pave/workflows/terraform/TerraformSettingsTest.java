package dev.pave.workflows.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformSettingsTest {

  @Test
  void findsTheFirstExecutableOnPathAndSkipsEmptyEntries(@TempDir Path dir) throws Exception {
    Path notExecutable = Files.createDirectories(dir.resolve("a")).resolve("terraform");
    Files.writeString(notExecutable, "");
    Path bin = Files.createDirectories(dir.resolve("b")).resolve("terraform");
    Files.writeString(bin, "#!/bin/sh\n");
    Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));

    String path = String.join(File.pathSeparator, "", dir.resolve("a").toString(), dir.resolve("b").toString());
    assertThat(TerraformSettings.findOnPath("terraform", path)).isEqualTo(bin);
  }

  @Test
  void missingBinaryFailsEarly() {
    assertThatThrownBy(() -> TerraformSettings.findOnPath("terraform", "/nonexistent"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not found on PATH");
  }

  @Test
  void onPathUsesDevNullAndFifteenMinutes() {
    TerraformSettings settings = TerraformSettings.onPath();
    assertThat(settings.binary()).isAbsolute();
    assertThat(settings.cliConfigFile()).isNull();
    assertThat(settings.commandTimeout()).isEqualTo(Duration.ofMinutes(15));
  }
}
