package potentia.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;

class AtomSelectionTest {
    private static final Structure S = Structure.of(List.of(Element.Sr, Element.Ti, Element.O, Element.O, Element.Ti),
            new double[] {0, 0, 0, 1, 1, 2.5, 2, 2, 5, 3, 3, 7.5, 4, 4, 10}, Cell.NONE);

    @Test
    void parsesEveryForm() {
        assertEquals(new AtomSelection.All(), AtomSelection.parse(" ALL "));
        assertEquals(new AtomSelection.Indices(new int[] {0, 1, 2, 3, 7}), AtomSelection.parse("0-3,7"));
        assertEquals(new AtomSelection.Elements(Set.of(Element.O, Element.Ti)), AtomSelection.parse("O,Ti"));
        assertEquals(new AtomSelection.ZRange(7.5, Double.POSITIVE_INFINITY), AtomSelection.parse("z>=7.5"));
        assertEquals(new AtomSelection.ZRange(Double.NEGATIVE_INFINITY, 3), AtomSelection.parse("z<3"));
        assertEquals(new AtomSelection.ZRange(2, 6), AtomSelection.parse("z=2:6"));
        assertEquals(new AtomSelection.ZRange(2, Double.POSITIVE_INFINITY), AtomSelection.parse("z=2:"));
    }

    @Test
    void selectsAscendingWithoutRepeats() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, AtomSelection.parse("all").select(S));
        assertArrayEquals(new int[] {1, 3, 4}, AtomSelection.parse("4,1,3,3").select(S));
        assertArrayEquals(new int[] {1, 4}, AtomSelection.parse("Ti").select(S));
        assertArrayEquals(new int[] {2, 3, 4}, AtomSelection.parse("z>=5").select(S));
        assertArrayEquals(new int[] {1, 2}, AtomSelection.parse("z=2.5:5").select(S));
        assertArrayEquals(new int[0], AtomSelection.parse("Si").select(S));
    }

    @Test
    void badSpecsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AtomSelection.parse("Xx")).getMessage()
                .contains("'Xx'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AtomSelection.parse("3-1")).getMessage()
                .contains("backwards"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AtomSelection.parse("z~4")).getMessage()
                .contains("z range"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AtomSelection.parse("z=5:2")).getMessage()
                .contains("empty z range"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AtomSelection.parse("7").select(S)).getMessage()
                .contains("out of range"));
        assertThrows(IllegalArgumentException.class, () -> AtomSelection.parse(""));
    }
}
