package org.edgeofchaos.explorer.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files of unsigned bytes (the MNIST family format, http://yann.lecun.com/exdb/mnist/), gzip-compressed
 * or raw. Compression is detected from the content (gzip magic 0x1f8b), not the name, because renamed or
 * already-decompressed copies are common.
 *
 * <p>Layout: magic {@code 00 00 tt nd} (tt = element type, nd = number of dimensions), nd big-endian 32-bit sizes,
 * then the row-major payload. Only type 0x08 (unsigned byte) is supported: it is what image and label files use.
 * Every problem is reported as a {@link DatasetException} naming the file.
 */
public final class IdxReader {
    /** The only element type supported: unsigned byte. */
    public static final int TYPE_UNSIGNED_BYTE = 0x08;
    /** The format allows up to 255 dimensions; image and label files use 1 to 3, so more means a corrupt header. */
    public static final int MAX_DIMENSIONS = 4;
    /** Largest payload a Java byte array can hold on common JVMs. */
    static final int MAX_PAYLOAD = Integer.MAX_VALUE - 8;

    private static final int BUFFER_SIZE = 1 << 16;
    // A corrupt header may claim gigabytes; grow towards the claimed size instead of trusting it up front. Only
    // records over IdxArray.BLOCK_BYTES (a single image larger than 4 MiB) ever need to grow.
    private static final int FIRST_CHUNK = 1 << 26;

    private IdxReader() {
    }

    /**
     * Reads a whole IDX file.
     *
     * @throws DatasetException if the file is missing, unreadable, corrupt, not IDX, of another element type, or
     *                          its payload is shorter or longer than its dimensions say
     */
    public static IdxArray read(Path file) {
        return read(file, 0);
    }

    /**
     * Reads an IDX file that must have {@code expectedRank} dimensions (3 for images, 1 for labels; 0 for any).
     * The rank is part of the magic number, so a file with another one is refused from its header as "not an IDX
     * images/labels file (magic ...)", before its sizes are trusted: read as the wrong kind, they would only give a
     * puzzling size or trailing-data error.
     */
    public static IdxArray read(Path file, int expectedRank) {
        if (!Files.exists(file)) {
            throw new DatasetException(file, "file not found");
        }
        if (Files.isDirectory(file)) {
            throw new DatasetException(file, "is a directory, expected an IDX file");
        }
        if (!Files.isReadable(file)) {
            throw new DatasetException(file, "file is not readable (permission denied)");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_SIZE)) {
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            if (!gzip) {
                return parse(file, in, expectedRank);
            }
            try (InputStream unzipped = new GZIPInputStream(in, BUFFER_SIZE)) {
                return parse(file, unzipped, expectedRank);
            }
        } catch (ZipException | EOFException e) {
            // Only GZIPInputStream throws these here: parse() detects short raw data itself.
            throw new DatasetException(file, "corrupt or truncated gzip data (" + e.getMessage() + ")", e);
        } catch (AccessDeniedException e) {
            throw new DatasetException(file, "file is not readable (permission denied)", e);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read file (" + e + ")", e);
        }
    }

    private static IdxArray parse(Path file, InputStream in, int expectedRank) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            throw new DatasetException(file, "not an IDX file (only " + magic.length + " bytes, the header alone needs 4)");
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new DatasetException(file, String.format(
                    "not an IDX file (magic 0x%08x, expected 0x%06xnn)", readInt(magic, 0), TYPE_UNSIGNED_BYTE));
        }
        int type = magic[2] & 0xff;
        if (type != TYPE_UNSIGNED_BYTE) {
            throw new DatasetException(file, String.format(
                    "not an IDX file of bytes (magic 0x%08x): unsupported IDX element type 0x%02x (%s), only 0x08 "
                    + "(unsigned byte) is supported", readInt(magic, 0), type, typeName(type)));
        }
        int rank = magic[3] & 0xff;
        if (expectedRank > 0 && rank != expectedRank) {
            throw new DatasetException(file, String.format("not an IDX %s file (magic 0x%08x, expected 0x%08x)",
                    expectedRank == 1 ? "labels" : expectedRank == 3 ? "images" : expectedRank + "-dimensional",
                    readInt(magic, 0), (TYPE_UNSIGNED_BYTE << 8) | expectedRank));
        }
        if (rank < 1 || rank > MAX_DIMENSIONS) {
            throw new DatasetException(file,
                    "invalid number of dimensions " + rank + " in the IDX header (expected 1.." + MAX_DIMENSIONS + ")");
        }
        byte[] sizes = in.readNBytes(4 * rank);
        if (sizes.length < 4 * rank) {
            throw new DatasetException(file, "truncated header: expected " + rank + " dimension sizes ("
                    + 4 * rank + " bytes), found " + sizes.length + " bytes");
        }
        int[] dims = new int[rank];
        long product = 1;
        for (int i = 0; i < rank; i++) {
            long d = Integer.toUnsignedLong(readInt(sizes, 4 * i));
            if (d == 0 || d > MAX_PAYLOAD) {
                throw new DatasetException(file, "dimension " + i + " has invalid size " + d
                        + " (must be 1.." + MAX_PAYLOAD + ")");
            }
            // Both factors are <= 2^31, so the long product cannot overflow before this check.
            product *= d;
            if (product > MAX_PAYLOAD) {
                throw new DatasetException(file, "dimensions " + Arrays.toString(sizesUpTo(sizes, rank))
                        + " describe more than " + MAX_PAYLOAD + " bytes of data");
            }
            dims[i] = (int) d;
        }
        int expected = (int) product;
        // Block by block (see IdxArray for why), each grown as its data arrives (see readUpTo), so a header that
        // claims more than the file holds costs no more memory than the file.
        int perBlock = IdxArray.blockBytes(dims);
        byte[][] blocks = new byte[(int) ((product + perBlock - 1) / perBlock)][];
        long filled = 0;
        for (int b = 0; b < blocks.length; b++) {
            int want = (int) Math.min(perBlock, expected - filled);
            blocks[b] = readUpTo(in, want);
            filled += blocks[b].length;
            if (blocks[b].length < want) {
                throw new DatasetException(file,
                        "truncated: expected " + expected + " bytes of data, found " + filled);
            }
        }
        // Draining to the end also makes GZIPInputStream verify the CRC in the gzip trailer.
        long extra = in.transferTo(OutputStream.nullOutputStream());
        if (extra > 0) {
            throw new DatasetException(file, "unexpected trailing data: expected " + expected
                    + " bytes of data, found " + (expected + extra) + " (" + extra + " extra)");
        }
        return new IdxArray(dims, blocks);
    }

    /** Reads {@code expected} bytes, or fewer if the stream ends first (the result is then shorter). */
    private static byte[] readUpTo(InputStream in, int expected) throws IOException {
        byte[] buf = new byte[Math.min(expected, FIRST_CHUNK)];
        int filled = 0;
        while (true) {
            filled += in.readNBytes(buf, filled, buf.length - filled);
            if (filled < buf.length || filled == expected) {
                break;
            }
            buf = Arrays.copyOf(buf, (int) Math.min(expected, 2L * buf.length));
        }
        return filled == buf.length ? buf : Arrays.copyOf(buf, filled);
    }

    private static int readInt(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }

    private static long[] sizesUpTo(byte[] sizes, int rank) {
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            out[i] = Integer.toUnsignedLong(readInt(sizes, 4 * i));
        }
        return out;
    }

    private static String typeName(int type) {
        switch (type) {
            case 0x09: return "signed byte";
            case 0x0B: return "16-bit integer";
            case 0x0C: return "32-bit integer";
            case 0x0D: return "32-bit float";
            case 0x0E: return "64-bit float";
            default: return "not a valid IDX type";
        }
    }
}
