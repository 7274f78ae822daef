package org.edgeofchaos.explorer.sweep;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.edgeofchaos.explorer.experiment.AtomicFiles;

/**
 * A sweep's rows as CSV (one line per run, the fields of {@code status --json}), for spreadsheets and pandas.
 * Empty cells where a value does not exist.
 */
public final class SweepCsv {
    private static final List<String> COLUMNS = List.of("index", "replicate", "learningRate", "momentum",
            "batchSize", "weightDecay", "initJ", "seed", "state", "epochsDone", "finalJ", "finalLambdaMax",
            "bestTestAccuracy", "bestTestLossEpoch", "edgeEpoch", "predictedEdgeEpoch");

    private SweepCsv() {
    }

    public static void write(SweepStatus status, Path file) throws AtomicFiles.WriteException {
        Map<String, Object> json = status.toJson(file.toAbsolutePath().getParent());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) json.get("rows");
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            PrintWriter p = new PrintWriter(w);
            p.print(String.join(",", COLUMNS) + "\n");
            for (Map<String, Object> row : rows) {
                List<String> cells = COLUMNS.stream().map(c -> row.get(c) == null ? "" : row.get(c).toString())
                        .toList();
                p.print(String.join(",", cells) + "\n");
            }
            p.flush();
        });
    }
}
