package potentia.neighbour;

/**
 * Numbers a kernel derives from one neighbour entry (a centre, a neighbour and their separation)
 * and wants kept with it in {@link LocalNeighbourhoods}, so that a single-atom trial reads them
 * for the atoms that do not move instead of re-deriving them: a Stillinger-Weber trial otherwise
 * spends most of its time on the sqrt and exp of legs of the moved atom's neighbours, which the
 * move leaves alone. Values are computed when an entry is made and move with it.
 */
public interface EntryData {
    /** Numbers per entry, ≥ 1. */
    int width();

    /**
     * Writes the numbers of the entry (centre, neighbour, d) into out[at … at + width).
     *
     * @param centre the atom whose list holds the entry
     * @param neighbour the atom it points at (the centre itself for its own periodic images)
     * @param dx separation x_neighbour − x_centre (with its image shift), Å
     */
    void compute(int centre, int neighbour, double dx, double dy, double dz, double[] out, int at);
}
