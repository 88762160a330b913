package potentia.neighbour;

import java.util.Arrays;

/** A neighbour list as a sorted set of (centre, neighbour, shift) keys, for comparing lists. */
final class PairKeys {
    private PairKeys() {
    }

    /** One long per pair: centre (below 4096), neighbour (21 bits), packed shift (low 30 bits). */
    static long key(int i, int j, int packedShift) {
        return ((long) i << 51) | ((long) j << 30) | packedShift;
    }

    static long key(int i, int j, int sa, int sb, int sc) {
        return key(i, j, NeighbourList.pack(sa, sb, sc));
    }

    /** The sorted keys of every pair of {@code l}. */
    static long[] of(NeighbourList l) {
        long[] k = new long[l.pairCount()];
        for (int i = 0; i < l.atoms(); i++) {
            for (int p = l.start(i); p < l.end(i); p++) {
                k[p] = key(i, l.neighbour(p), l.shiftCode(p));
            }
        }
        Arrays.sort(k);
        return k;
    }

    /** The sorted keys of the reversed pairs (j, i, −S) of {@code l}. */
    static long[] reversed(NeighbourList l) {
        long[] k = new long[l.pairCount()];
        for (int i = 0; i < l.atoms(); i++) {
            for (int p = l.start(i); p < l.end(i); p++) {
                k[p] = key(l.neighbour(p), i, -l.shiftA(p), -l.shiftB(p), -l.shiftC(p));
            }
        }
        Arrays.sort(k);
        return k;
    }

    /** A readable form of a key, for failure messages. */
    static String describe(long key) {
        int i = (int) (key >>> 51);
        int j = (int) ((key >>> 30) & ((1 << 21) - 1));
        int s = (int) (key & ((1 << 30) - 1));
        return "(" + i + ", " + j + ", [" + (((s >>> 20) & 1023) - 512) + ", " + (((s >>> 10) & 1023) - 512)
                + ", " + ((s & 1023) - 512) + "])";
    }

    /** The first key of {@code a} missing from {@code b} (both sorted), or null. */
    static String firstMissing(long[] a, long[] b) {
        for (long k : a) {
            if (Arrays.binarySearch(b, k) < 0) {
                return describe(k);
            }
        }
        return null;
    }
}
