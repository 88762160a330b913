package potentia.structure;

import java.util.HashMap;
import java.util.Map;

/**
 * The chemical elements, with standard atomic masses (amu) from IUPAC 2016, the table ASE
 * uses by default ({@code ase.data.atomic_masses_iupac2016}), so that masses agree with ASE.
 * {@link #X} (Z = 0) is ASE's dummy atom. Radioactive elements carry the mass number of their
 * most stable isotope, as in ASE's table.
 */
public enum Element {
    X(0, "X", 1.0),
    H(1, "H", 1.008),
    He(2, "He", 4.002602),
    Li(3, "Li", 6.94),
    Be(4, "Be", 9.0121831),
    B(5, "B", 10.81),
    C(6, "C", 12.011),
    N(7, "N", 14.007),
    O(8, "O", 15.999),
    F(9, "F", 18.998403163),
    Ne(10, "Ne", 20.1797),
    Na(11, "Na", 22.98976928),
    Mg(12, "Mg", 24.305),
    Al(13, "Al", 26.9815385),
    Si(14, "Si", 28.085),
    P(15, "P", 30.973761998),
    S(16, "S", 32.06),
    Cl(17, "Cl", 35.45),
    Ar(18, "Ar", 39.948),
    K(19, "K", 39.0983),
    Ca(20, "Ca", 40.078),
    Sc(21, "Sc", 44.955908),
    Ti(22, "Ti", 47.867),
    V(23, "V", 50.9415),
    Cr(24, "Cr", 51.9961),
    Mn(25, "Mn", 54.938044),
    Fe(26, "Fe", 55.845),
    Co(27, "Co", 58.933194),
    Ni(28, "Ni", 58.6934),
    Cu(29, "Cu", 63.546),
    Zn(30, "Zn", 65.38),
    Ga(31, "Ga", 69.723),
    Ge(32, "Ge", 72.63),
    As(33, "As", 74.921595),
    Se(34, "Se", 78.971),
    Br(35, "Br", 79.904),
    Kr(36, "Kr", 83.798),
    Rb(37, "Rb", 85.4678),
    Sr(38, "Sr", 87.62),
    Y(39, "Y", 88.90584),
    Zr(40, "Zr", 91.224),
    Nb(41, "Nb", 92.90637),
    Mo(42, "Mo", 95.95),
    Tc(43, "Tc", 97.90721),
    Ru(44, "Ru", 101.07),
    Rh(45, "Rh", 102.9055),
    Pd(46, "Pd", 106.42),
    Ag(47, "Ag", 107.8682),
    Cd(48, "Cd", 112.414),
    In(49, "In", 114.818),
    Sn(50, "Sn", 118.71),
    Sb(51, "Sb", 121.76),
    Te(52, "Te", 127.6),
    I(53, "I", 126.90447),
    Xe(54, "Xe", 131.293),
    Cs(55, "Cs", 132.90545196),
    Ba(56, "Ba", 137.327),
    La(57, "La", 138.90547),
    Ce(58, "Ce", 140.116),
    Pr(59, "Pr", 140.90766),
    Nd(60, "Nd", 144.242),
    Pm(61, "Pm", 144.91276),
    Sm(62, "Sm", 150.36),
    Eu(63, "Eu", 151.964),
    Gd(64, "Gd", 157.25),
    Tb(65, "Tb", 158.92535),
    Dy(66, "Dy", 162.5),
    Ho(67, "Ho", 164.93033),
    Er(68, "Er", 167.259),
    Tm(69, "Tm", 168.93422),
    Yb(70, "Yb", 173.054),
    Lu(71, "Lu", 174.9668),
    Hf(72, "Hf", 178.49),
    Ta(73, "Ta", 180.94788),
    W(74, "W", 183.84),
    Re(75, "Re", 186.207),
    Os(76, "Os", 190.23),
    Ir(77, "Ir", 192.217),
    Pt(78, "Pt", 195.084),
    Au(79, "Au", 196.966569),
    Hg(80, "Hg", 200.592),
    Tl(81, "Tl", 204.38),
    Pb(82, "Pb", 207.2),
    Bi(83, "Bi", 208.9804),
    Po(84, "Po", 208.98243),
    At(85, "At", 209.98715),
    Rn(86, "Rn", 222.01758),
    Fr(87, "Fr", 223.01974),
    Ra(88, "Ra", 226.02541),
    Ac(89, "Ac", 227.02775),
    Th(90, "Th", 232.0377),
    Pa(91, "Pa", 231.03588),
    U(92, "U", 238.02891),
    Np(93, "Np", 237.04817),
    Pu(94, "Pu", 244.06421),
    Am(95, "Am", 243.06138),
    Cm(96, "Cm", 247.07035),
    Bk(97, "Bk", 247.07031),
    Cf(98, "Cf", 251.07959),
    Es(99, "Es", 252.083),
    Fm(100, "Fm", 257.09511),
    Md(101, "Md", 258.09843),
    No(102, "No", 259.101),
    Lr(103, "Lr", 262.11),
    Rf(104, "Rf", 267.122),
    Db(105, "Db", 268.126),
    Sg(106, "Sg", 271.134),
    Bh(107, "Bh", 270.133),
    Hs(108, "Hs", 269.1338),
    Mt(109, "Mt", 278.156),
    Ds(110, "Ds", 281.165),
    Rg(111, "Rg", 281.166),
    Cn(112, "Cn", 285.177),
    Nh(113, "Nh", 286.182),
    Fl(114, "Fl", 289.19),
    Mc(115, "Mc", 289.194),
    Lv(116, "Lv", 293.204),
    Ts(117, "Ts", 293.208),
    Og(118, "Og", 294.214);

    private static final Map<String, Element> BY_SYMBOL = new HashMap<>();
    private static final Element[] BY_NUMBER = values();

    static {
        for (Element e : values()) {
            BY_SYMBOL.put(e.symbol, e);
        }
    }

    private final int number;
    private final String symbol;
    private final double mass;

    Element(int number, String symbol, double mass) {
        this.number = number;
        this.symbol = symbol;
        this.mass = mass;
    }

    /** Atomic number Z (0 for the dummy {@link #X}). */
    public int number() {
        return number;
    }

    /** Chemical symbol, capitalised as usual ("Si", "O"). */
    public String symbol() {
        return symbol;
    }

    /** Standard atomic mass in amu. */
    public double mass() {
        return mass;
    }

    /**
     * The element with this chemical symbol (case-sensitive, as ASE).
     *
     * @throws IllegalArgumentException naming the symbol when it is not an element
     */
    public static Element of(String symbol) {
        Element e = BY_SYMBOL.get(symbol);
        if (e == null) {
            throw new IllegalArgumentException("unknown element '" + symbol + "'");
        }
        return e;
    }

    /** Whether {@code symbol} names an element (or the dummy X). */
    public static boolean isSymbol(String symbol) {
        return BY_SYMBOL.containsKey(symbol);
    }

    /**
     * The element with atomic number {@code z}.
     *
     * @throws IllegalArgumentException when z is outside 0..118
     */
    public static Element ofNumber(int z) {
        if (z < 0 || z >= BY_NUMBER.length) {
            throw new IllegalArgumentException("no element with atomic number " + z);
        }
        return BY_NUMBER[z];
    }

    @Override
    public String toString() {
        return symbol;
    }
}
