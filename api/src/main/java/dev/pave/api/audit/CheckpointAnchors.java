package dev.pave.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.home.PrivateFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every signed checkpoint, also kept where the database's owner cannot reach it: a tail cut
 * together with its checkpoint rows (the owner may disable the triggers) still leaves this record
 * of how far the chain had come. Each checkpoint is one JSON line {seq, headHash, signedAt,
 * publicKey, signature} appended to PAVE_HOME/audit-anchors.jsonl (opened for appending only,
 * 0600, forced to disk before the checkpoint's transaction commits), and one INFO line on the
 * logger {@value #LOGGER}, for a log shipper to keep off this machine.
 */
public final class CheckpointAnchors {

  public static final String FILE = "audit-anchors.jsonl";
  public static final String LOGGER = "pave.audit.anchor";
  /** What verification names as the anchors' place (never the path: answers do not show the server's disk). */
  public static final String SOURCE = "anchor file";

  private static final Logger ANCHOR_LOG = LoggerFactory.getLogger(LOGGER);
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointAnchors.class);

  private final Path file;

  public CheckpointAnchors(Path home) {
    this.file = home.resolve(FILE);
  }

  public Path file() {
    return file;
  }

  /** Appends the checkpoint and forces it to disk; a failure fails the checkpoint, which is then retried. */
  public synchronized void write(Checkpoint checkpoint) {
    ByteBuffer line = ByteBuffer.wrap((checkpoint.json().toString() + "\n").getBytes(StandardCharsets.UTF_8));
    try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.APPEND, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PrivateFiles.FILE))) {
      while (line.hasRemaining()) {
        channel.write(line);
      }
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append the checkpoint to " + file, e);
    }
    ANCHOR_LOG.info("audit checkpoint anchored seq={} headHash={} signedAt={} publicKey={} signature={}",
        checkpoint.seq(), checkpoint.headHash(), AuditRecord.AT.format(checkpoint.signedAt()), checkpoint.publicKey(),
        checkpoint.signature());
  }

  /**
   * The anchored checkpoints that one of {@code trustedKeys} signed, oldest first. A line that does
   * not parse (a write cut short by a crash) or whose signature fails is no anchor: whoever could
   * write it could as well have deleted the file, so it is skipped with a warning, not trusted.
   */
  public List<Anchor> trusted(List<PublicKey> trustedKeys) {
    List<Anchor> anchors = new ArrayList<>();
    int skipped = 0;
    try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        Checkpoint checkpoint = parse(line);
        if (checkpoint != null && checkpoint.signedByAnyOf(trustedKeys)) {
          anchors.add(Anchor.of(checkpoint, SOURCE));
        } else if (!line.isBlank()) {
          skipped++;
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (skipped > 0) {
      LOG.warn("{} line(s) of {} are not checkpoints signed by a trusted key; verification ignores them", skipped, file);
    }
    return anchors;
  }

  private static Checkpoint parse(String line) {
    try {
      JsonNode node = CanonicalJson.mapper().readTree(line);
      return node != null && node.isObject() && node.hasNonNull("signedAt") ? Checkpoint.fromJson(node) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
