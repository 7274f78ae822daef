package org.edgeofchaos.explorer.data;

import static org.edgeofchaos.explorer.data.IdxFiles.concat;
import static org.edgeofchaos.explorer.data.IdxFiles.gzip;
import static org.edgeofchaos.explorer.data.IdxFiles.header;
import static org.edgeofchaos.explorer.data.IdxFiles.idx;
import static org.edgeofchaos.explorer.data.IdxFiles.write;
import static org.edgeofchaos.explorer.data.IdxFiles.writeIdx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {
    @TempDir
    Path dir;

    /** Asserts that reading fails with a one-line message "full path: ..." containing every fragment. */
    static DatasetException assertFails(Path file, String... fragments) {
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(file));
        assertMessage(e, file, fragments);
        return e;
    }

    static void assertMessage(DatasetException e, Path file, String... fragments) {
        String message = e.getMessage();
        String path = file.toAbsolutePath().normalize().toString();
        assertTrue(message.startsWith(path + ": "), () -> "message should start with the full path: " + message);
        assertFalse(message.contains("\n") || message.contains("\r"), () -> "message spans lines: " + message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "message lacks '" + fragment + "': " + message);
        }
    }

    private static byte[] sample(int size) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i * 37 + 5); // covers values above 127, which must read back unsigned
        }
        return data;
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void roundTripKeepsDimensionsAndUnsignedValues(boolean gzip) {
        byte[] data = sample(3 * 2 * 4);
        Path file = writeIdx(dir.resolve("cube.idx"), new int[] {3, 2, 4}, data, gzip);

        IdxArray array = IdxReader.read(file);

        assertArrayEquals(new int[] {3, 2, 4}, array.dims());
        assertEquals(3, array.rank());
        assertEquals(24, array.size());
        assertEquals("3x2x4", array.shape());
        assertArrayEquals(data, array.copyData());
        for (int i = 0; i < data.length; i++) {
            assertEquals((i * 37 + 5) & 0xff, array.unsigned(i), "element " + i);
        }
        assertEquals(255, IdxReader.read(writeIdx(dir.resolve("max.idx"), new int[] {1},
                IdxFiles.unsignedBytes(255), gzip)).unsigned(0));
    }

    @Test
    void readsOneAndFourDimensions() {
        IdxArray vector = IdxReader.read(writeIdx(dir.resolve("v"), new int[] {5}, sample(5), false));
        assertArrayEquals(new int[] {5}, vector.dims());
        IdxArray four = IdxReader.read(writeIdx(dir.resolve("t"), new int[] {2, 1, 3, 2}, sample(12), true));
        assertArrayEquals(new int[] {2, 1, 3, 2}, four.dims());
        assertArrayEquals(sample(12), four.copyData());
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void largePayloadsAreHeldInBlocksOfWholeRecords(boolean gzip) {
        // Two full blocks of 28x28 images and a short third one.
        int record = 28 * 28;
        int inBlock = IdxArray.BLOCK_BYTES / record;
        int count = 2 * inBlock + inBlock / 3;
        byte[] data = new byte[count * record];
        new Random(7).nextBytes(data);
        IdxArray array = IdxReader.read(writeIdx(dir.resolve("images"), new int[] {count, 28, 28}, data, gzip));

        assertArrayEquals(data, array.copyData());
        int perBlock = IdxArray.blockBytes(new int[] {count, 28, 28});
        assertEquals(IdxArray.BLOCK_BYTES / record * record, perBlock);
        for (int image : new int[] {0, inBlock - 1, inBlock, 2 * inBlock - 1, 2 * inBlock, count - 1}) {
            byte[] block = array.recordBlock(image);
            int offset = array.recordOffset(image);
            assertTrue(offset + record <= block.length, "image " + image + " lies whole in its block");
            assertArrayEquals(Arrays.copyOfRange(data, image * record, (image + 1) * record),
                    Arrays.copyOfRange(block, offset, offset + record), "image " + image);
            assertEquals(data[image * record + 5] & 0xff, array.unsigned(image * record + 5));
        }
    }

    @Test
    void aTruncatedPayloadInALaterBlockCountsWhatWasFound() {
        int count = IdxArray.BLOCK_BYTES / 784 + 656; // into the second block
        byte[] data = new byte[count * 784];
        byte[] file = idx(new int[] {count, 28, 28}, data);
        Path truncated = write(dir.resolve("cut.idx"), Arrays.copyOf(file, file.length - 1000));
        assertFails(truncated, "truncated: expected " + data.length + " bytes of data, found " + (data.length - 1000));
    }

    @Test
    void detectsCompressionByContentNotName() {
        byte[] data = sample(6);
        Path gzipNamedRaw = write(dir.resolve("raw-but-named.gz"), idx(new int[] {2, 3}, data));
        Path rawNamedGzip = write(dir.resolve("gzip-but-named.idx"), gzip(idx(new int[] {2, 3}, data)));
        assertArrayEquals(data, IdxReader.read(gzipNamedRaw).copyData());
        assertArrayEquals(data, IdxReader.read(rawNamedGzip).copyData());
    }

    @Test
    void accessorsDoNotExposeInternalArrays() {
        IdxArray array = IdxReader.read(writeIdx(dir.resolve("a"), new int[] {2, 2}, sample(4), false));
        array.dims()[0] = 99;
        array.copyData()[0] = 99;
        assertEquals(2, array.dim(0));
        assertEquals(5, array.unsigned(0));
    }

    @Test
    void rejectsWrongMagic() {
        Path file = write(dir.resolve("wrong-magic"), concat(IdxFiles.unsignedBytes(0x12, 0x34, 0x08, 0x01),
                new byte[] {0, 0, 0, 1, 7}));
        assertFails(file, "not an IDX file (magic 0x12340801, expected 0x000008nn)");
    }

    @Test
    void aLabelsFileWithAnotherRankInItsMagicIsNotAnIdxLabelsFile() {
        // Magic 0x00000803 on a labels file: read by its header it would claim sizes from the label bytes and
        // end in a size or trailing-data error; the magic itself already says it is not a labels file.
        Path labels = write(dir.resolve("labels"), concat(header(0x08, 3, 2, 1, 1), new byte[] {1, 2}));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(labels, 1));
        assertMessage(e, labels, "not an IDX labels file (magic 0x00000803, expected 0x00000801)");
        Path images = write(dir.resolve("images"), concat(header(0x08, 1, 4), new byte[4]));
        e = assertThrows(DatasetException.class, () -> ImageSet.load(images, labels));
        assertMessage(e, images, "not an IDX images file (magic 0x00000801, expected 0x00000803)");
        assertTrue(assertThrows(DatasetException.class, () -> IdxReader.read(
                write(dir.resolve("float"), concat(header(0x0D, 1, 1), new byte[4])), 1)).getMessage()
                .contains("not an IDX file of bytes (magic 0x00000d01)"));
    }

    @Test
    void rejectsDoublyCompressedFileWithGzipMagicInside() {
        // Decompressing once leaves the inner gzip stream, whose first bytes are 1f 8b 08 00.
        Path file = write(dir.resolve("twice.gz"), gzip(gzip(idx(new int[] {2}, sample(2)))));
        assertFails(file, "not an IDX file (magic 0x1f8b0800");
    }

    @ParameterizedTest(name = "type 0x{0}")
    @ValueSource(ints = {0x09, 0x0B, 0x0C, 0x0D, 0x0E, 0x07})
    void rejectsOtherElementTypes(int type) {
        Path file = write(dir.resolve("type"), concat(header(type, 1, 4), new byte[16]));
        assertFails(file, String.format("unsupported IDX element type 0x%02x", type), "only 0x08 (unsigned byte)");
    }

    @Test
    void namesTheFloatType() {
        Path file = write(dir.resolve("float"), concat(header(0x0D, 1, 1), new byte[4]));
        assertFails(file, "0x0d (32-bit float)");
    }

    @ParameterizedTest(name = "rank {0}")
    @ValueSource(ints = {0, 5, 255})
    void rejectsBadDimensionCount(int rank) {
        Path file = write(dir.resolve("rank"), concat(header(0x08, rank), new byte[64]));
        assertFails(file, "invalid number of dimensions " + rank, "expected 1..4");
    }

    @Test
    void rejectsZeroDimension() {
        Path file = write(dir.resolve("zero"), header(0x08, 2, 3, 0));
        assertFails(file, "dimension 1 has invalid size 0");
    }

    @Test
    void rejectsNegativeLookingDimension() {
        Path file = write(dir.resolve("huge-dim"), header(0x08, 1, -1));
        assertFails(file, "dimension 0 has invalid size 4294967295");
    }

    @Test
    void rejectsDimensionsWhoseProductOverflows() {
        Path file = write(dir.resolve("overflow"), header(0x08, 3, 65536, 65536, 2));
        assertFails(file, "[65536, 65536, 2] describe more than");
    }

    @Test
    void rejectsTruncatedHeader() {
        Path file = write(dir.resolve("short-header"), Arrays.copyOf(header(0x08, 3, 2, 2, 2), 10));
        assertFails(file, "truncated header: expected 3 dimension sizes (12 bytes), found 6 bytes");
    }

    @Test
    void rejectsEmptyFile() {
        assertFails(write(dir.resolve("empty"), new byte[0]), "not an IDX file (only 0 bytes");
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void rejectsTruncatedPayload(boolean gzip) {
        byte[] bytes = concat(header(0x08, 2, 4, 5), sample(13));
        Path file = write(dir.resolve("short.idx"), gzip ? gzip(bytes) : bytes);
        assertFails(file, "truncated: expected 20 bytes of data, found 13");
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void rejectsTrailingBytes(boolean gzip) {
        byte[] bytes = concat(header(0x08, 1, 6), sample(9));
        Path file = write(dir.resolve("long.idx"), gzip ? gzip(bytes) : bytes);
        assertFails(file, "unexpected trailing data: expected 6 bytes of data, found 9 (3 extra)");
    }

    @Test
    void rejectsGzipStreamCutInHalf() {
        byte[] noisy = new byte[20_000];
        new Random(7).nextBytes(noisy); // incompressible, so half the file is half the payload
        byte[] full = gzip(idx(new int[] {20, 1000}, noisy));
        Path file = write(dir.resolve("half.gz"), Arrays.copyOf(full, full.length / 2));
        assertFails(file, "corrupt or truncated gzip data");
    }

    @Test
    void rejectsGzipWithBadChecksum() {
        byte[] full = gzip(idx(new int[] {50}, sample(50)));
        full[full.length - 8] ^= 0x55; // first byte of the CRC-32 in the trailer
        assertFails(write(dir.resolve("crc.gz"), full), "corrupt or truncated gzip data");
    }

    @Test
    void rejectsGzipMagicFollowedByGarbage() {
        byte[] garbage = new byte[200];
        new Random(3).nextBytes(garbage);
        garbage[0] = 0x1f;
        garbage[1] = (byte) 0x8b;
        garbage[2] = 0x05; // not the deflate method
        assertFails(write(dir.resolve("fake.gz"), garbage), "corrupt or truncated gzip data");
    }

    @Test
    void rejectsGarbageThatIsNotGzip() {
        Path file = write(dir.resolve("notes.gz"), "hello, this is not an IDX file\n".getBytes(StandardCharsets.US_ASCII));
        assertFails(file, "not an IDX file (magic 0x68656c6c, expected 0x000008nn)");
    }

    @Test
    void rejectsMissingFile() {
        assertFails(dir.resolve("nowhere").resolve("train-images-idx3-ubyte.gz"), "file not found");
    }

    @Test
    void rejectsDirectory() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertFails(sub, "is a directory");
    }

    @Test
    void relativePathsAreReportedInFull() {
        Path relative = Path.of("no-such-dir-for-idx-test", "labels.gz");
        DatasetException e = assertFails(relative, "file not found");
        assertTrue(Path.of(e.getMessage().substring(0, e.getMessage().indexOf(": "))).isAbsolute());
    }
}
