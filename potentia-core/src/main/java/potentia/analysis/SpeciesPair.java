package potentia.analysis;

import potentia.structure.Element;

/**
 * An ordered pair of elements: a centre species and a neighbour species, written "Si-O".
 * Radial distribution functions are symmetric in the pair; coordination numbers are not (O
 * neighbours around Si differ from Si neighbours around O).
 */
public record SpeciesPair(Element centre, Element neighbour) {
    public SpeciesPair {
        if (centre == null || neighbour == null) {
            throw new IllegalArgumentException("a species pair needs two elements");
        }
    }

    /**
     * Parses "Si-O" (case as in the periodic table).
     *
     * @throws IllegalArgumentException naming the text when it is not two known elements joined by '-'
     */
    public static SpeciesPair parse(String text) {
        String[] parts = text.trim().split("-", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("bad species pair '" + text + "': use two elements joined by '-', e.g. Si-O");
        }
        return new SpeciesPair(Element.of(parts[0].trim()), Element.of(parts[1].trim()));
    }

    /** The same pair with the lower atomic number first. */
    public SpeciesPair canonical() {
        return centre.number() <= neighbour.number() ? this : reversed();
    }

    public SpeciesPair reversed() {
        return new SpeciesPair(neighbour, centre);
    }

    @Override
    public String toString() {
        return centre.symbol() + "-" + neighbour.symbol();
    }
}
