package org.edgeofchaos.explorer.experiment;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.NetworkState;
import org.edgeofchaos.explorer.training.TrainingCheckpoint;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The checkpoint beside a run file ({@code run.json} -> {@code run.checkpoint}), rewritten atomically after every
 * finished epoch: a small binary file (the weights and momentum buffers are 5 MB at N = 784 in float) with a magic
 * number, a version, the run's id (so that a checkpoint is never applied to another run) and a CRC-32 at the end
 * (so that a damaged file is refused instead of training on garbage). Numbers are written in the network's own
 * precision, so reading one back gives the same bits.
 */
public final class CheckpointFiles {
    private static final long MAGIC = 0x454F43434B505431L; // "EOCCKPT1"
    private static final int VERSION = 1;

    private CheckpointFiles() {
    }

    /** The checkpoint file of a run file: same folder, {@code .json} replaced by {@code .checkpoint}. */
    public static Path of(Path runFile) {
        return RunFiles.companion(runFile, ".checkpoint");
    }

    public static void write(Path file, String runId, TrainingCheckpoint c) throws AtomicFiles.WriteException {
        AtomicFiles.write(file, raw -> {
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
            out.writeLong(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(runId);
            out.writeInt(c.epoch());
            out.writeLong(c.samplesSeen());
            out.writeInt(c.pendingBatchSize());
            out.writeLong(c.shuffleSeed());
            out.writeInt(c.highLossEpochs());
            Hyperparameters h = c.hyperparameters();
            out.writeDouble(h.learningRate());
            out.writeDouble(h.momentum());
            out.writeInt(h.batchSize());
            out.writeDouble(h.weightDecay());
            out.writeInt(h.epochs());
            out.writeLong(h.seed());
            out.writeDouble(h.initJ());
            out.writeDouble(h.initJ0());
            NetworkState n = c.network();
            boolean single = n.dataType() == DataType.FLOAT;
            out.writeBoolean(single);
            out.writeInt(n.inputSize());
            for (double[] values : arrays(n)) {
                for (double v : values) {
                    if (single) {
                        out.writeFloat((float) v);
                    } else {
                        out.writeDouble(v);
                    }
                }
            }
            out.flush();
            raw.write(longBytes(crc.getValue()));
        });
    }

    private static double[][] arrays(NetworkState n) {
        return new double[][] {n.hidden(), n.output(), n.bias(), n.hiddenVelocity(), n.outputVelocity(),
            n.biasVelocity()};
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }

    /**
     * @param runId the id of the run the checkpoint must belong to
     * @throws RunFileException one line naming the file: missing, damaged, of another run or version
     */
    public static TrainingCheckpoint read(Path file, String runId) throws RunFileException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CRC32 crc = new CRC32();
            DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
            if (in.readLong() != MAGIC) {
                throw new RunFileException(file, "not a checkpoint file", null);
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new RunFileException(file, "checkpoint version " + version + " (this version reads "
                        + VERSION + ")", null);
            }
            String id = in.readUTF();
            if (!id.equals(runId)) {
                throw new RunFileException(file, "the checkpoint belongs to run " + id + ", not to " + runId, null);
            }
            int epoch = in.readInt();
            long samples = in.readLong();
            int pending = in.readInt();
            long shuffleSeed = in.readLong();
            int highLoss = in.readInt();
            Hyperparameters h = new Hyperparameters(in.readDouble(), in.readDouble(), in.readInt(), in.readDouble(),
                    in.readInt(), in.readLong(), in.readDouble(), in.readDouble());
            boolean single = in.readBoolean();
            int n = in.readInt();
            if (n < 1 || n > 100_000) {
                throw new RunFileException(file, "damaged checkpoint (network size " + n + ")", null);
            }
            int k = org.edgeofchaos.explorer.training.TrainingData.CLASSES;
            double[] hidden = values(in, n * n, single);
            double[] output = values(in, k * n, single);
            double[] bias = values(in, k, single);
            double[] hiddenVelocity = values(in, n * n, single);
            double[] outputVelocity = values(in, k * n, single);
            double[] biasVelocity = values(in, k, single);
            long expected = crc.getValue();
            long stored = new DataInputStream(raw).readLong();
            if (stored != expected || raw.read() != -1) {
                throw new RunFileException(file, "damaged checkpoint (checksum mismatch)", null);
            }
            NetworkState state = new NetworkState(n, single ? DataType.FLOAT : DataType.DOUBLE, hidden, output,
                    bias, hiddenVelocity, outputVelocity, biasVelocity);
            return new TrainingCheckpoint(epoch, samples, h, pending, shuffleSeed, highLoss, state);
        } catch (NoSuchFileException e) {
            throw new RunFileException(file, "no checkpoint to continue from (it is written after every finished "
                    + "epoch)", e);
        } catch (EOFException e) {
            throw new RunFileException(file, "damaged checkpoint (the file is cut short)", e);
        } catch (IllegalArgumentException e) {
            throw new RunFileException(file, "damaged checkpoint (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new RunFileException(file, "cannot read the checkpoint: " + e.getMessage(), e);
        }
    }

    private static double[] values(DataInputStream in, int count, boolean single) throws IOException {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = single ? in.readFloat() : in.readDouble();
        }
        return v;
    }
}
