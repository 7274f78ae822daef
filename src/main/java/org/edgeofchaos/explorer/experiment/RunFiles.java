package org.edgeofchaos.explorer.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JacksonException;
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

    public static void write(Path file, RunRecord run) throws AtomicFiles.WriteException {
        AtomicFiles.write(file, out -> MAPPER.writeValue(out, run));
    }

    public static RunRecord read(Path file) throws RunFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new RunFileException(file, "no such file", e);
        } catch (IOException e) {
            throw new RunFileException(file, "cannot read (" + e.getMessage() + ")", e);
        }
        if (bytes.length == 0) {
            throw new RunFileException(file, "the file is empty", null);
        }
        RunRecord run;
        try {
            run = MAPPER.readValue(bytes, RunRecord.class);
        } catch (JacksonException e) {
            String where = e.getLocation() != null
                    ? " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() : "";
            throw new RunFileException(file, "not a valid run file" + where + " (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new RunFileException(file, "cannot read (" + e.getMessage() + ")", e);
        }
        if (run == null) {
            throw new RunFileException(file, "the file holds no run", null);
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
