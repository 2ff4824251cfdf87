package dev.pave.api.home;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * PAVE_HOME holds plans, the sealing key and the embedded servers' passwords: nothing in it is
 * for other local users. Folders are 0700, files 0600 (0700 when the owner may execute them, as
 * PostgreSQL's binaries).
 */
public final class PrivateFiles {

  public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
  public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> PROGRAM = FOLDER;

  private PrivateFiles() {}

  /** Creates the folder (and missing parents) and makes the folder itself 0700. */
  public static Path folder(Path folder) {
    try {
      Files.createDirectories(folder);
      Files.setPosixFilePermissions(folder, FOLDER);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the private folder " + folder, e);
    }
  }

  /** Writes {@code text} to a new 0600 file (created so, never readable by others in between). */
  public static void writeNew(Path file, String text) throws IOException {
    Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
    Files.writeString(file, text);
  }

  /**
   * Takes group and other permissions off everything under {@code root} (and root itself): an
   * older Pave left PAVE_HOME 0755. Symbolic links are not followed (they point into the module
   * catalog or the initialized modules, which are not PAVE_HOME's).
   */
  public static void tighten(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          Files.setPosixFilePermissions(dir, FOLDER);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          if (attrs.isRegularFile()) {
            boolean program = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)
                .contains(PosixFilePermission.OWNER_EXECUTE);
            Files.setPosixFilePermissions(file, program ? PROGRAM : FILE);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          // A file removed while we walk (a run finishing) is not an error.
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make " + root + " private (0700/0600)", e);
    }
  }
}
