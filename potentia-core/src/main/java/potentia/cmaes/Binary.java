package potentia.cmaes;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Array helpers for the binary checkpoint formats (big-endian, doubles bit-exact). */
public final class Binary {
    private Binary() {
    }

    /** Writes {@code values} (not modified) without a length. */
    public static void writeDoubles(DataOutput out, double[] values) throws IOException {
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    /** Reads {@code count} doubles. */
    public static double[] readDoubles(DataInput in, int count) throws IOException {
        double[] v = new double[count];
        for (int k = 0; k < count; k++) {
            v[k] = in.readDouble();
        }
        return v;
    }

    /** Reads a count and checks it lies in [0, max], naming {@code what} otherwise. */
    public static int readCount(DataInput in, int max, String what) throws IOException {
        int c = in.readInt();
        if (c < 0 || c > max) {
            throw new IOException("implausible " + what + " " + c);
        }
        return c;
    }
}
