package org.edgeofchaos.explorer.data;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Contents of an IDX file of unsigned bytes: its dimensions and its row-major payload.
 *
 * <p>Immutable: the public accessors copy. The package reads the payload in place through {@link #rawData()}
 * because copying 47 MB of training images only to read them once would double the load cost.
 */
public final class IdxArray {
    private final int[] dims;
    private final byte[] data;

    /**
     * @param dims positive sizes, 1 to 4 of them
     * @param data row-major payload whose length is the product of {@code dims}; taken over without copying
     */
    IdxArray(int[] dims, byte[] data) {
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
        if (product != data.length) {
            throw new IllegalArgumentException(
                    "payload of " + data.length + " bytes does not match dimensions " + Arrays.toString(dims));
        }
        this.dims = dims.clone();
        this.data = data;
    }

    /** Builds an array from a copy of {@code data}. */
    public static IdxArray of(int[] dims, byte[] data) {
        return new IdxArray(dims.clone(), data.clone());
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
        return data.length;
    }

    /** Element {@code i} of the flattened row-major payload as an unsigned value 0..255. */
    public int unsigned(int i) {
        return data[i] & 0xff;
    }

    /** A copy of the payload; bytes are unsigned, so mask with {@code 0xff} when reading. */
    public byte[] copyData() {
        return data.clone();
    }

    /** The payload itself, not copied: callers in this package must not modify it. */
    byte[] rawData() {
        return data;
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
