package org.edgeofchaos.explorer.data;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Contents of an IDX file of unsigned bytes: its dimensions and its row-major payload.
 *
 * <p>The payload is held in blocks of about {@link #BLOCK_BYTES}, each holding whole records (a record is one
 * entry of the first dimension: one image of an images file). Why not one array: the JVM allocates and zeroes a new
 * array in one step that no safepoint can interrupt, and every other thread, the window's included, stops at the
 * next safepoint until it ends. For the 47 MB Fashion-MNIST training images on fresh memory that measured
 * 140-190 ms of a frozen window here.
 *
 * <p>Why just under 4 MiB: G1, the default collector, places an array of half a region or more in regions of its
 * own ("humongous") that it never copies and frees at the next young collection once the array is dead; with the
 * default heap, regions are 1 to 4 MB on machines of up to about 32 GB, so these blocks fill 4, 2 or 1 of them
 * whole. With 1 MiB blocks, ordinary young objects, every collection while the data set loaded copied the blocks
 * read so far (up to 60 MB into fresh memory: 35-65 ms pauses, 50-90 ms frame gaps in the first seconds of
 * training, and a heap grown to 900 MB); with these the pauses during loading stay under 25 ms and no thread waited
 * more than 7 ms for a safepoint (measured here, docs/performance.md).
 *
 * <p>Immutable: the public accessors copy. The package reads the payload in place through
 * {@link #recordBlock(int)} because copying 47 MB of training images only to read them once would double the load
 * cost.
 */
public final class IdxArray {
    /** Target size of one block; a block holds at least one record, so records larger than this get one each. */
    static final int BLOCK_BYTES = (4 << 20) - 4096; // room for the array header within 4 MiB

    private final int[] dims;
    private final int size;
    private final int recordSize;
    private final int blockBytes;
    private final byte[][] blocks;

    /**
     * @param dims   positive sizes, 1 to 4 of them
     * @param blocks the row-major payload cut into {@link #blockBytes(int[])}-sized blocks (the last may be shorter);
     *               taken over without copying
     */
    IdxArray(int[] dims, byte[][] blocks) {
        if (dims.length < 1 || dims.length > 4) {
            throw new IllegalArgumentException("IDX arrays have 1..4 dimensions, got " + dims.length);
        }
        long product = 1;
        for (int d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException("dimension sizes must be positive: " + Arrays.toString(dims));
            }
            product *= d;
        }
        int perBlock = blockBytes(dims);
        long total = 0;
        for (int b = 0; b < blocks.length; b++) {
            int expected = (int) Math.min(perBlock, product - (long) b * perBlock);
            if (expected <= 0 || blocks[b].length != expected) {
                throw new IllegalArgumentException("block " + b + " of " + blocks.length + " holds " + blocks[b].length
                        + " bytes, expected " + Math.max(0, expected) + " for dimensions " + Arrays.toString(dims));
            }
            total += blocks[b].length;
        }
        if (total != product) {
            throw new IllegalArgumentException(
                    "payload of " + total + " bytes does not match dimensions " + Arrays.toString(dims));
        }
        this.dims = dims.clone();
        this.size = (int) product;
        this.recordSize = size / dims[0];
        this.blockBytes = perBlock;
        this.blocks = blocks;
    }

    /** Builds an array from a copy of {@code data}. */
    public static IdxArray of(int[] dims, byte[] data) {
        if (dims.length < 1) {
            throw new IllegalArgumentException("IDX arrays have 1..4 dimensions, got 0");
        }
        long product = 1;
        for (int d : dims) {
            product *= d;
        }
        if (product != data.length) {
            throw new IllegalArgumentException(
                    "payload of " + data.length + " bytes does not match dimensions " + Arrays.toString(dims));
        }
        int perBlock = blockBytes(dims);
        byte[][] blocks = new byte[(data.length + perBlock - 1) / perBlock][];
        for (int b = 0; b < blocks.length; b++) {
            blocks[b] = Arrays.copyOfRange(data, b * perBlock, (int) Math.min(data.length, (long) (b + 1) * perBlock));
        }
        return new IdxArray(dims, blocks);
    }

    /**
     * Bytes per block for an array of these (positive) dimensions: as many whole records as fit in
     * {@link #BLOCK_BYTES}, at least one.
     */
    static int blockBytes(int[] dims) {
        long record = 1;
        for (int i = 1; i < dims.length; i++) {
            record *= Math.max(1, dims[i]);
        }
        if (record >= BLOCK_BYTES) {
            return (int) Math.min(record, Integer.MAX_VALUE);
        }
        return (int) (record * (BLOCK_BYTES / record));
    }

    /** Number of dimensions (1..4). */
    public int rank() {
        return dims.length;
    }

    /** Size of dimension {@code i}, 0-based. */
    public int dim(int i) {
        return dims[i];
    }

    public int[] dims() {
        return dims.clone();
    }

    /** Total number of elements, the product of the dimensions. */
    public int size() {
        return size;
    }

    /** Element {@code i} of the flattened row-major payload as an unsigned value 0..255. */
    public int unsigned(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("element " + i + " outside 0.." + (size - 1));
        }
        return blocks[i / blockBytes][i % blockBytes] & 0xff;
    }

    /** A copy of the payload; bytes are unsigned, so mask with {@code 0xff} when reading. */
    public byte[] copyData() {
        byte[] out = new byte[size];
        for (int b = 0; b < blocks.length; b++) {
            System.arraycopy(blocks[b], 0, out, b * blockBytes, blocks[b].length);
        }
        return out;
    }

    /**
     * The block holding record {@code record} (entry of the first dimension) whole, not copied: callers in this
     * package must not modify it. The record starts at {@link #recordOffset(int)} in it.
     */
    byte[] recordBlock(int record) {
        return blocks[(int) ((long) record * recordSize / blockBytes)];
    }

    /** Where record {@code record} starts in {@link #recordBlock(int)}. */
    int recordOffset(int record) {
        return (int) ((long) record * recordSize % blockBytes);
    }

    /** Dimensions as {@code 60000x28x28}, the form used in messages. */
    public String shape() {
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining("x"));
    }

    @Override
    public String toString() {
        return "IdxArray[" + shape() + "]";
    }
}
