package org.edgeofchaos.explorer.experiment;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so that a reader (or a crash) never sees half of one: the bytes go to a temporary file in the same
 * directory, are forced to disk, and the file is renamed over the target in one step. The folder is then synced
 * too, as SQLite does: until the folder's entry reaches the disk, a power cut can undo the rename.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** A write that failed; the message names the file and the cause, and the old file (if any) is intact. */
    public static final class WriteException extends IOException {
        private static final long serialVersionUID = 1L;

        public WriteException(Path target, IOException cause) {
            super("cannot write " + target.toAbsolutePath() + ": " + describe(cause), cause);
        }

        /**
         * The reason in words: "the disk is full" wherever ENOSPC hides in the chain (image encoders wrap it in
         * their own "I/O error writing PNG file!"), otherwise the innermost I/O error's kind and message.
         */
        static String describe(IOException e) {
            Throwable reason = e;
            for (Throwable t = e; t != null; t = t.getCause()) {
                String m = t.getMessage();
                if (m != null && (m.contains("No space left") || m.contains("Disk quota exceeded")
                        || m.contains("There is not enough space"))) {
                    return "the disk is full";
                }
                if (t instanceof IOException) {
                    reason = t;
                }
            }
            String message = reason.getMessage();
            String kind = reason.getClass().getSimpleName().replace("Exception", "")
                    .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
            if (kind.isBlank() || kind.equals("i o") || kind.equals("iio")) {
                kind = "i/o error";
            }
            return message == null || message.isBlank() ? kind : kind + " (" + message + ")";
        }
    }

    /**
     * Temporary files are created readable by the owner only; a saved run or an exported image should be as
     * readable as any other file the user writes: keep the old file's permissions, or rw-r--r-- for a new one.
     */
    private static void keepOrOpenPermissions(Path temp, Path target) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, permissions);
    }

    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Forces a folder's entries to disk. Not every platform can open a folder as a channel (Windows cannot, and
     * its rename is already durable), so failing to open one is not an error; failing to sync an open one is.
     */
    static void syncDirectory(Path directory) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(directory, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        try (channel) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems (and Windows) refuse fsync on a directory handle; the data itself was forced.
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win")
                    && !"Is a directory".equals(e.getMessage()) && !"Invalid argument".equals(e.getMessage())) {
                throw e;
            }
        }
    }

    /**
     * Checks, before long work, that files can be written into a folder (creating it if needed): a hidden probe
     * file of {@code bytes} bytes is written, forced to disk and deleted. Catches a read-only or missing folder,
     * one without permission, and a disk already too full for that much.
     *
     * @throws WriteException naming the folder and the reason
     */
    public static void checkWritable(Path directory, int bytes) throws WriteException {
        Path absolute = directory.toAbsolutePath();
        Path probe = null;
        try {
            Files.createDirectories(absolute);
            probe = Files.createTempFile(absolute, ".write-check", ".tmp");
            try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new WriteException(absolute, e);
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException ignored) {
                    // hidden and empty of meaning; the check's own result is what matters
                }
            }
        }
    }

    public static void write(Path target, byte[] bytes) throws WriteException {
        write(target, out -> out.write(bytes));
    }

    public static void write(Path target, Writer writer) throws WriteException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
            keepOrOpenPermissions(temp, absolute);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                // Writers (Jackson, ImageIO) may close the stream they are given; the channel must stay open
                // until its bytes are forced to disk.
                OutputStream out = new BufferedOutputStream(new FilterOutputStream(Channels.newOutputStream(channel)) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        this.out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                }, 1 << 16);
                writer.write(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            syncDirectory(directory);
        } catch (IOException e) {
            throw new WriteException(absolute, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The temporary file is hidden and harmless; the original error is what matters.
                }
            }
        }
    }
}
