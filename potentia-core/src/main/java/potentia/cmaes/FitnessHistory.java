package potentia.cmaes;

/**
 * The most recent values of a per-generation series (best or median fitness), oldest first, up to
 * a capacity: what TolFun, EqualFunValues and Stagnation look back on.
 */
final class FitnessHistory {
    private final double[] ring;
    private int start;
    private int size;

    FitnessHistory(int capacity) {
        ring = new double[capacity];
    }

    /** A history holding {@code values} (oldest first; not modified), trimmed to the capacity. */
    static FitnessHistory of(int capacity, double[] values) {
        FitnessHistory h = new FitnessHistory(capacity);
        for (double v : values) {
            h.add(v);
        }
        return h;
    }

    void add(double v) {
        if (size < ring.length) {
            ring[(start + size) % ring.length] = v;
            size++;
        } else {
            ring[start] = v;
            start = (start + 1) % ring.length;
        }
    }

    int size() {
        return size;
    }

    /** The {@code i}-th value, 0 = oldest kept. */
    double get(int i) {
        return ring[(start + i) % ring.length];
    }

    /** The values, oldest first, a fresh array. */
    double[] toArray() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = get(i);
        }
        return out;
    }
}
