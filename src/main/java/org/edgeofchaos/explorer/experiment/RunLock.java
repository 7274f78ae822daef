package org.edgeofchaos.explorer.experiment;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The claim of one process on one run file ({@code run.json} -> {@code run.lock}): an operating-system lock on the
 * lock file, which the system drops when the process dies however it dies, and inside it the owner's process id,
 * host and start time for messages. A second writer is refused while the owner lives; a run file left RUNNING whose
 * lock nobody holds was interrupted.
 */
public final class RunLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Another process (or another run in this one) is writing the run file. */
    public static final class LockedException extends IOException {
        private static final long serialVersionUID = 1L;

        LockedException(Path runFile, String owner) {
            super(runFile.toAbsolutePath() + " is being written by " + owner + "; wait for it to finish or stop it");
        }
    }

    public static Path of(Path runFile) {
        return RunFiles.companion(runFile, ".lock");
    }

    /**
     * Takes the lock of a run file.
     *
     * @throws LockedException if a live process holds it
     * @throws IOException     if the lock file cannot be created (e.g. a read-only folder)
     */
    public static RunLock acquire(Path runFile) throws IOException {
        Path lockFile = of(runFile.toAbsolutePath());
        Files.createDirectories(lockFile.getParent());
        for (int attempt = 0; attempt < 3; attempt++) {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            Object opened = fileKey(lockFile);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                channel.close();
                throw new LockedException(runFile, "another run in this window");
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                String owner = describeOwner(lockFile);
                channel.close();
                throw new LockedException(runFile, owner);
            }
            // The previous owner deletes the file when it lets go: if it did so between our open and our lock,
            // we hold a lock on a file nobody else will see. Start again on the new file.
            Object locked = fileKey(lockFile);
            if (locked == null || !Objects.equals(opened, locked)) {
                lock.release();
                channel.close();
                continue;
            }
            String owner = ProcessHandle.current().pid() + " " + host() + " " + Instant.now() + "\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new RunLock(lockFile, channel, lock);
        }
        throw new LockedException(runFile, "another process (the lock file keeps changing)");
    }

    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Whether a live process holds the lock of this run file (this one included). No lock file, or a lock file
     * that nobody holds, means no live writer. Where the file system cannot lock, falls back to whether the
     * recorded process still runs on this host.
     */
    public static boolean isHeld(Path runFile) {
        Path lockFile = of(runFile.toAbsolutePath());
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ)) {
            FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return ownerPid(lockFile).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    private static Optional<Long> ownerPid(Path lockFile) {
        try {
            String[] parts = Files.readString(lockFile, StandardCharsets.UTF_8).trim().split("\\s+");
            if (parts.length >= 2 && parts[1].equals(host())) {
                return Optional.of(Long.parseLong(parts[0]));
            }
        } catch (IOException | NumberFormatException e) {
            // unreadable owner: unknown
        }
        return Optional.empty();
    }

    private static String describeOwner(Path lockFile) {
        try {
            String[] parts = Files.readString(lockFile, StandardCharsets.UTF_8).trim().split("\\s+");
            if (parts.length >= 3) {
                return "process " + parts[0] + " on " + parts[1] + " (since " + parts[2] + ")";
            }
        } catch (IOException e) {
            // fall through
        }
        return "another process";
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    public Path file() {
        return file;
    }

    /** Lets go of the run file: releases the lock and removes the lock file. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A stale lock file without a lock is harmless: isHeld() reports it as not held.
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The channel is going away anyway; the system drops the lock with it.
        }
    }
}
