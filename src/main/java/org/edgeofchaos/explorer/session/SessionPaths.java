package org.edgeofchaos.explorer.session;

import java.nio.file.Path;

/**
 * How paths are stored in a session file: relative to the session's folder when they lie under it (written with
 * '/' so that the file reads the same on every system), absolute otherwise. A folder holding a session and its
 * runs can then be copied to another computer.
 */
public final class SessionPaths {
    private final Path folder;

    /** @param sessionFile the session file (its folder is the base); need not exist yet */
    public SessionPaths(Path sessionFile) {
        Path parent = sessionFile.toAbsolutePath().normalize().getParent();
        this.folder = parent;
    }

    public Path folder() {
        return folder;
    }

    /** The text stored for {@code path}. */
    public String store(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (folder != null && absolute.startsWith(folder) && !absolute.equals(folder)) {
            Path relative = folder.relativize(absolute);
            StringBuilder b = new StringBuilder();
            for (Path part : relative) {
                if (b.length() > 0) {
                    b.append('/');
                }
                b.append(part);
            }
            return b.toString();
        }
        return absolute.toString();
    }

    /** The path a stored text names: relative ones are resolved against the session's folder. */
    public Path resolve(String stored) {
        Path p = Path.of(stored.replace('/', java.io.File.separatorChar));
        if (p.isAbsolute()) {
            return p.normalize();
        }
        return (folder == null ? p : folder.resolve(p)).toAbsolutePath().normalize();
    }
}
