package dev.pave.workflows.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output read from a file as the process writes it: whole lines, in order, to the very end. */
class OutputFileTest {

  @TempDir Path dir;

  @Test
  void linesSplitAcrossWritesArriveWholeAndTheLastUnterminatedLineToo() throws Exception {
    OutputFile file = OutputFile.create(dir, "test", "stdout");
    Process process = new ProcessBuilder("/bin/sh", "-c", "printf 'first\\nsec'; sleep 0.2; printf 'ond\\nlast'")
        .redirectOutput(file.path().toFile()).start();
    List<String> lines = new CopyOnWriteArrayList<>();

    Thread reader = file.follow(process, "test", lines::add);
    reader.join(10_000);

    assertThat(reader.isAlive()).isFalse();
    assertThat(lines).containsExactly("first", "second", "last");
    file.delete();
    assertThat(file.path()).doesNotExist();
  }

  @Test
  void theProcessDoesNotDependOnItsReader() throws Exception {
    // No pipe to break: nobody reading the file does not stop the process from writing and finishing.
    OutputFile file = OutputFile.create(dir, "test", "stdout");
    Process process = new ProcessBuilder("/bin/sh", "-c", "for i in 1 2 3; do echo line $i; done")
        .redirectOutput(file.path().toFile()).start();
    assertThat(process.waitFor()).isZero();
    assertThat(java.nio.file.Files.readAllLines(file.path())).containsExactly("line 1", "line 2", "line 3");
  }
}
