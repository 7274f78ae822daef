package org.edgeofchaos.explorer.experiment;

import java.nio.file.Path;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads and writes {@link RunRecord} JSON files; writes are atomic. */
public final class RunFiles {
    /**
     * NaN and infinities (a diverged epoch) are written as the strings "NaN" / "Infinity" and read back; unknown
     * fields from newer writers are ignored, a newer schema version is refused with a clear message.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private RunFiles() {
    }

    /** A file kept beside a run file: {@code run.json} -> {@code run<suffix>}; other names get the suffix added. */
    public static Path companion(Path runFile, String suffix) {
        String name = runFile.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return runFile.resolveSibling(stem + suffix);
    }

    public static void write(Path file, RunRecord run) throws AtomicFiles.WriteException {
        AtomicFiles.write(file, out -> MAPPER.writeValue(out, run));
    }

    public static RunRecord read(Path file) throws RunFileException {
        RunRecord run;
        try {
            run = JsonFiles.read(file, RunRecord.class, "run");
        } catch (JsonFiles.Problem e) {
            throw new RunFileException(file, e.getMessage(), e.getCause());
        }
        if (run.schemaVersion() > RunRecord.SCHEMA_VERSION) {
            throw new RunFileException(file, "written by a newer version (schema " + run.schemaVersion()
                    + ", this version reads up to " + RunRecord.SCHEMA_VERSION + ")", null);
        }
        if (run.hyperparameters() == null || run.id() == null) {
            throw new RunFileException(file, "not a run file (no id or hyperparameters)", null);
        }
        return run;
    }
}
