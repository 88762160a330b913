package potentia.ns;

/** The local crystal structure around an atom ({@link CommonNeighbourAnalysis}). */
public enum StructureType {
    FCC("fcc"),
    HCP("hcp"),
    BCC("bcc"),
    ICOSAHEDRAL("icosahedral"),
    CUBIC_DIAMOND("cubic diamond"),
    HEXAGONAL_DIAMOND("hexagonal diamond"),
    OTHER("other");

    private final String label;

    StructureType(String label) {
        this.label = label;
    }

    /** A readable name. */
    public String label() {
        return label;
    }
}
