package dev.pave.api.home;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * The folder zonky unpacks PostgreSQL into. Zonky reuses any folder named after the archive's
 * hash without looking inside, and makes the folder itself world-writable: a local user who
 * planted a folder of that name (or could write into one) would have Pave run their "postgres"
 * as Pave's user. So before use, the folder must be ours, what is inside must be ours and
 * writable by us alone, and no parent may let others swap the folder; after zonky, it is made
 * private again.
 */
public final class BinariesFolder {

  private static final Set<PosixFilePermission> WRITABLE_BY_OTHERS =
      Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

  private BinariesFolder() {}

  /**
   * Creates the folder if missing, refuses one that is not safe to run programs from.
   *
   * @throws IllegalStateException naming the path and what is wrong
   */
  public static void checkBeforeUse(Path folder) {
    try {
      Path absolute = folder.toAbsolutePath().normalize();
      checkParents(absolute.getParent(), currentUser(absolute));
      if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
        PrivateFiles.folder(absolute);
        return;
      }
      UserPrincipal me = currentUser(absolute);
      PosixFileAttributes top = attributes(absolute);
      if (!top.isDirectory() || !top.owner().equals(me)) {
        throw refused(absolute, "is not a folder owned by " + me.getName());
      }
      Files.walkFileTree(absolute, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          check(dir);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          check(file);
          return FileVisitResult.CONTINUE;
        }

        private void check(Path path) throws IOException {
          PosixFileAttributes a = attributes(path);
          if (!a.owner().equals(me)) {
            throw refused(path, "is owned by " + a.owner().getName() + ", not by " + me.getName());
          }
          // The folder itself: zonky makes it 0777 at each first use; what matters is that
          // nothing in it came from someone else, which the checks of its entries make sure of.
          if (!path.equals(absolute) && !a.isSymbolicLink()
              && a.permissions().stream().anyMatch(WRITABLE_BY_OTHERS::contains)) {
            throw refused(path, "is writable by group or others");
          }
        }
      });
      Files.setPosixFilePermissions(absolute, PrivateFiles.FOLDER);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check the PostgreSQL binaries folder " + folder, e);
    }
  }

  /** After zonky unpacked (and made the folder 0777): owner only again. */
  public static void tightenAfterUse(Path folder) {
    PrivateFiles.tighten(folder);
  }

  /**
   * A parent that others own or may write lets them rename our folder and put theirs in its
   * place (a sticky folder such as /tmp does not).
   */
  private static void checkParents(Path parent, UserPrincipal me) throws IOException {
    for (Path p = parent; p != null; p = p.getParent()) {
      if (!Files.exists(p)) {
        continue;
      }
      PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class);
      if (!a.owner().equals(me) && !a.owner().getName().equals("root")) {
        throw refused(p, "(a parent of the PostgreSQL binaries folder) is owned by " + a.owner().getName());
      }
      boolean sticky = Files.getAttribute(p, "unix:mode") instanceof Integer mode && (mode & 01000) != 0;
      if (!sticky && a.permissions().stream().anyMatch(WRITABLE_BY_OTHERS::contains)) {
        throw refused(p, "(a parent of the PostgreSQL binaries folder) is writable by group or others");
      }
    }
  }

  private static UserPrincipal currentUser(Path anywhere) throws IOException {
    return anywhere.getFileSystem().getUserPrincipalLookupService()
        .lookupPrincipalByName(System.getProperty("user.name"));
  }

  private static PosixFileAttributes attributes(Path path) throws IOException {
    return Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
  }

  private static IllegalStateException refused(Path path, String why) {
    return new IllegalStateException("refusing the PostgreSQL binaries folder (embedded.binariesDir): " + path + " "
        + why + ". Pave would run the programs in it; remove it (Pave unpacks a fresh copy) or fix its owner and"
        + " mode (chmod go-w), then start again.");
  }
}
