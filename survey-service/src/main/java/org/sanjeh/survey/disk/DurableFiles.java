package org.sanjeh.survey.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * What it takes for a file to survive a power cut, not only a crash of the process: the data
 * flushed, and the folder's entry for it flushed too (a created, renamed or deleted name lives in
 * the folder, and without syncing it the file can vanish or reappear although its bytes were
 * synced).
 */
public final class DurableFiles {

  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");

  private DurableFiles() {}

  /** Flushes the folder's entries (created, renamed and deleted names) to disk. */
  public static void syncDirectory(Path folder) throws IOException {
    if (WINDOWS) {
      return; // folders cannot be opened for sync there; NTFS journals names itself
    }
    try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
      directory.force(true);
    }
  }

  /**
   * Writes {@code bytes} to {@code target} so that after a crash it is either absent or complete: a
   * temporary file, synced, renamed into place, the folder synced.
   */
  public static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
    try (FileChannel channel =
        FileChannel.open(
            temporary,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    syncDirectory(target.toAbsolutePath().getParent());
  }

  /** Deletes {@code file} if it exists and syncs its folder. */
  public static void delete(Path file) throws IOException {
    if (Files.deleteIfExists(file)) {
      syncDirectory(file.toAbsolutePath().getParent());
    }
  }
}
