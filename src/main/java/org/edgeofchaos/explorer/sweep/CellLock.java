package org.edgeofchaos.explorer.sweep;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock a run holds while it trains, so that two processes (a requeued array task and its predecessor, two
 * shards started with the same index) never write the same run file. An operating-system file lock: it goes away
 * with the process that held it, however that process ended, so a killed run never leaves a stale lock. The file
 * holds the owner's process id and host for people reading the folder.
 *
 * <p>The lock file is deleted after the run is complete; that is safe because anyone who acquires the lock
 * re-reads the run file first and finds nothing to do.
 */
public final class CellLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private CellLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or returns null if another process or thread holds it. */
    public static CellLock tryAcquire(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this JVM
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return null;
        }
        String owner = "pid " + ProcessHandle.current().pid() + " on " + host() + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.UTF_8)), 0);
        return new CellLock(file, channel, lock);
    }

    /** Whether some process holds the lock now (false if there is no lock file). */
    public static boolean isHeld(Path file) {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false; // vanished or unreadable: nobody we can see holds it
        }
    }

    /** Releases the lock and, if {@code delete}, removes the file (see the class comment for why that is safe). */
    public void release(boolean delete) {
        try {
            if (delete) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a leftover lock file is harmless: it is free once we release it
        }
        close();
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock in any case
        }
    }

    private static String host() {
        String name = ManagementFactory.getRuntimeMXBean().getName(); // "pid@host" on HotSpot
        int at = name.indexOf('@');
        return at >= 0 ? name.substring(at + 1) : "this host";
    }
}
