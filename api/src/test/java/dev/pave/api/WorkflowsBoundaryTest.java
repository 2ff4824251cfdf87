package dev.pave.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The boundary between `api` and `workflows`, checked on the compiled classes: a class file
 * names every class it uses in its constant pool ("io/temporal/client/WorkflowClient"), inline
 * fully qualified names and signatures included, so a search of its bytes misses nothing that
 * an import list would, and nothing in a comment counts.
 */
class WorkflowsBoundaryTest {

  private static final Path CLASSES = Path.of("target/classes/dev/pave/api");

  /** The composition root (wiring) and the embedded Temporal server may know Temporal; nothing else may. */
  @Test
  void temporalStaysBehindTheProvisioningFacade() throws IOException {
    assertThat(classesUsing("io/temporal/", "io/grpc/"))
        .as("api classes outside wiring/ and embedded/ that use Temporal or gRPC types")
        .allMatch(c -> c.startsWith("wiring/") || c.startsWith("embedded/"));
    assertThat(classesUsing("io/temporal/", "io/grpc/")).as("the scan sees the classes it is about")
        .anyMatch(c -> c.startsWith("wiring/"));
  }

  @Test
  void servicesAndPersistenceNeverSeeTemporal() throws IOException {
    assertThat(classesUsing("io/temporal/", "io/grpc/"))
        .noneMatch(c -> c.startsWith("core/") || c.startsWith("db/"));
  }

  /** The workflow, its worker and the Temporal client are wired in one place and used nowhere else. */
  @Test
  void theWorkflowSideIsWiredOnlyByTheCompositionRoot() throws IOException {
    assertThat(classesUsing("dev/pave/workflows/provision/", "dev/pave/workflows/worker/",
        "dev/pave/workflows/client/"))
        .allMatch(c -> c.startsWith("wiring/"));
  }

  private static List<String> classesUsing(String... packages) throws IOException {
    assertThat(CLASSES).as("compiled api classes (run from the api module)").isDirectory();
    try (Stream<Path> files = Files.walk(CLASSES)) {
      return files.filter(f -> f.toString().endsWith(".class"))
          .filter(f -> mentionsAny(f, packages))
          .map(f -> CLASSES.relativize(f).toString())
          .toList();
    }
  }

  private static boolean mentionsAny(Path classFile, String... packages) {
    try {
      // ISO-8859-1 maps every byte to one char: the constant pool's ASCII names survive as they are.
      String bytes = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
      return Stream.of(packages).anyMatch(bytes::contains);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
