package org.edgeofchaos.explorer.phase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhaseMapFileTest {
    @TempDir
    Path dir;

    private static PhaseMap partialMap() {
        PhaseMapSpec spec = new PhaseMapSpec(123, 5, 4, 77, 9, -0.5, 1.5, 0.1, 1.9);
        PhaseMap map = new PhaseMap(spec);
        map.set(0, -0.123456789, 0.0);
        map.set(7, 0.25, 3.5e-7);
        map.set(19, 1.0 / 3, 12.345678);
        return map;
    }

    @Test
    void aPartialMapRoundTripsWithItsParametersAndNaNCells() throws Exception {
        PhaseMap map = partialMap();
        Path file = dir.resolve("map.json");
        PhaseMapFile.write(file, map);
        PhaseMap back = PhaseMapFile.read(file);
        assertEquals(map.spec(), back.spec());
        assertEquals(3, back.computedCount());
        assertTrue(map.sameValues(back));
        assertFalse(back.isComputed(1));
        assertTrue(Double.isNaN(back.lambdaMax(1)));
        assertEquals(-0.12346, back.lambdaMax(0));
        assertEquals(12.346, back.distance(19));
        String json = Files.readString(file);
        assertTrue(json.contains("\"format\":\"edge-of-chaos-explorer/phase-map\""), json);
        assertTrue(json.contains("\"transientSteps\":15"), json);
        assertTrue(json.contains("\"NaN\""), json);
    }

    @Test
    void aGzFileIsWrittenCompressedAndReadLikeTheJson() throws Exception {
        PhaseMap map = partialMap();
        Path json = dir.resolve("map.json");
        Path gz = dir.resolve("map.json.gz");
        PhaseMapFile.write(json, map);
        PhaseMapFile.write(gz, map);
        byte[] compressed = Files.readAllBytes(gz);
        assertEquals(0x1f, compressed[0] & 0xff);
        assertEquals(0x8b, compressed[1] & 0xff);
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
            assertEquals(Files.readString(json), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        PhaseMap back = PhaseMapFile.read(gz);
        assertEquals(map.spec(), back.spec());
        assertTrue(map.sameValues(back));
        try (var in = Files.newInputStream(gz)) {
            assertTrue(map.sameValues(PhaseMapFile.read(in, gz)));
        }

        Files.write(gz, java.util.Arrays.copyOf(compressed, compressed.length / 2));
        assertOneLineNaming(gz, "damaged gzip data");
    }

    @Test
    void corruptFilesGiveAOneLineMessageNamingTheFile() throws Exception {
        Path file = dir.resolve("broken.json");
        PhaseMapFile.write(file, partialMap());
        String json = Files.readString(file);

        Files.writeString(file, json.substring(0, json.length() / 2));
        assertOneLineNaming(file, "not a valid phase-map file");

        Files.writeString(file, "");
        assertOneLineNaming(file, "empty");

        Files.writeString(file, "{\"format\":\"something else\"}");
        assertOneLineNaming(file, "not a phase-map file");

        Files.writeString(file, json.replace("\"schemaVersion\":1", "\"schemaVersion\":99"));
        assertOneLineNaming(file, "newer version");

        Files.writeString(file, json.replace("\"columns\":5", "\"columns\":6"));
        assertOneLineNaming(file, "expected 24 cells");

        Files.writeString(file, json.replace("\"n\":123", "\"n\":1"));
        assertOneLineNaming(file, "invalid parameters: --n");

        assertOneLineNaming(dir.resolve("missing.json"), "no such file");
    }

    /**
     * The streaming path that reads maps at start-up gives exactly what the object mapper gives, for a partial map
     * (NaN cells) and for both shipped maps, and leaves anything unusual to the mapper.
     */
    @Test
    void theStreamingPathReadsWhatTheMapperReadsAndLeavesTheUnusualToIt() throws Exception {
        Path file = dir.resolve("map.json");
        PhaseMapFile.write(file, partialMap());
        List<byte[]> texts = new java.util.ArrayList<>();
        texts.add(Files.readAllBytes(file));
        for (String shipped : List.of("phase-map-n400-100x100.json.gz", "phase-map-n1000-100x100.json.gz")) {
            texts.add(org.edgeofchaos.explorer.experiment.JsonFiles.text(Path.of("assets", shipped)));
        }
        for (byte[] text : texts) {
            PhaseMapFile.Content fast = PhaseMapFile.fast(text);
            PhaseMapFile.Content mapped = org.edgeofchaos.explorer.experiment.JsonFiles.parse(text,
                    PhaseMapFile.Content.class, "phase-map");
            assertNotNull(fast, "the file as written takes the streaming path");
            assertEquals(mapped.format(), fast.format());
            assertEquals(mapped.schemaVersion(), fast.schemaVersion());
            assertEquals(mapped.generator(), fast.generator());
            assertEquals(mapped.parameters(), fast.parameters());
            assertEquals(mapped.computed(), fast.computed());
            assertArrayEquals(mapped.lambdaMax(), fast.lambdaMax());
            assertArrayEquals(mapped.distance(), fast.distance());
        }
        String json = Files.readString(file);
        for (String unusual : List.of(json.replace("\"computed\":", "\"comment\":\"x\",\"computed\":"),
                json.replace("\"n\":123", "\"n\":123.0"), json.replace("\"NaN\"", "null"),
                json.substring(0, json.length() - 20))) {
            assertNull(PhaseMapFile.fast(unusual.getBytes(java.nio.charset.StandardCharsets.UTF_8)), unusual);
        }
        // an unknown field is still read (by the mapper), as before
        Path extra = dir.resolve("extra.json");
        Files.writeString(extra, json.replace("\"computed\":", "\"comment\":\"x\",\"computed\":"));
        assertTrue(partialMap().sameValues(PhaseMapFile.read(extra)));
    }

    private static void assertOneLineNaming(Path file, String problem) {
        PhaseMapFileException e = assertThrows(PhaseMapFileException.class, () -> PhaseMapFile.read(file));
        assertTrue(e.getMessage().startsWith(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
