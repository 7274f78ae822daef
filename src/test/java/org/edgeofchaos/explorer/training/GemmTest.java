package org.edgeofchaos.explorer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The direct OpenBLAS GEMM against ND4J's mmul, on whole matrices and on row-range views, float and double. */
class GemmTest {
    @Test
    void everyTransposeCombinationMatchesMmulOnRowRangeViews() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            Nd4j.getRandom().setSeed(7);
            INDArray big = Nd4j.rand(type, 50, 6);
            INDArray a = big.get(NDArrayIndex.interval(20, 27), NDArrayIndex.all()); // 7 x 6 view at an offset
            INDArray b = Nd4j.rand(type, 6, 5);
            INDArray bt = Nd4j.rand(type, 5, 6);
            INDArray c = Nd4j.rand(type, 7, 5);
            double tolerance = type == DataType.FLOAT ? 1e-5 : 1e-12;

            INDArray expected = a.mmul(b).muli(0.5).addi(c.mul(2));
            INDArray out = c.dup();
            Gemm.apply(a, false, b, false, 0.5, 2, out);
            assertEquals(0, expected.sub(out).amaxNumber().doubleValue(), tolerance, type + " NN");

            out = Nd4j.create(type, 7, 5);
            Gemm.apply(a, false, bt, true, 1, 0, out);
            assertEquals(0, a.mmul(bt.transpose()).sub(out).amaxNumber().doubleValue(), tolerance, type + " NT");

            INDArray at = big.get(NDArrayIndex.interval(30, 36), NDArrayIndex.all()); // 6 x 6, used transposed
            out = Nd4j.create(type, 6, 5);
            Gemm.apply(at, true, b, false, -1, 0, out);
            assertEquals(0, at.transpose().mmul(b).neg().sub(out).amaxNumber().doubleValue(), tolerance,
                    type + " TN");
        }
    }

    @Test
    void mismatchedShapesAreRefusedBeforeTheBlasSeesThem() {
        INDArray a = Nd4j.create(DataType.FLOAT, 3, 4);
        assertThrows(IllegalArgumentException.class,
                () -> Gemm.apply(a, false, Nd4j.create(DataType.FLOAT, 5, 2), false, 1, 0,
                        Nd4j.create(DataType.FLOAT, 3, 2)));
        assertThrows(IllegalArgumentException.class,
                () -> Gemm.apply(a, false, Nd4j.create(DataType.DOUBLE, 4, 2), false, 1, 0,
                        Nd4j.create(DataType.FLOAT, 3, 2)));
    }
}
