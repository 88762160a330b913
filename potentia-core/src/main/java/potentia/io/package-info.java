/**
 * Structure files: extended XYZ (streaming reader, ASE-exact writer) and VASP POSCAR/CONTCAR,
 * behind one facade, {@link potentia.io.StructureFiles}.
 *
 * <p>Conventions shared by the formats:
 * <ul>
 * <li>Errors of every kind are {@link potentia.io.StructureFileException}s (unchecked) naming
 *     file, 0-based frame, 1-based line and the field, e.g.
 *     {@code data.extxyz:14 (frame 2): column 'forces' atom 3: 'abc' is not a real number}.
 * <li>Writers to a path are atomic: a temporary file beside the target is renamed over it on
 *     {@code close()}; a failed write or {@code abort()} leaves the target untouched.
 * <li>Labels keep the names files give them: {@code energy}, {@code free_energy}, {@code stress}
 *     (9 numbers, the file's 3×3 order, or 6 Voigt numbers xx yy zz yz xz xy when a file gives 6),
 *     {@code virial} stay in {@link potentia.structure.Structure#info()}; {@code forces},
 *     {@code energies} in {@link potentia.structure.Structure#arrays()}.
 * <li>Selective dynamics / fixed coordinates are the per-atom logical array {@code move_mask}
 *     (3 columns, true = may move), the name ASE's extended XYZ uses; POSCAR reads and writes it.
 * </ul>
 *
 * <p>Fidelity to ASE 3.22: reading an ASE-written extended XYZ file and writing it back gives
 * the same bytes; info values survive exactly (Python's shortest {@code repr} of doubles), per-atom
 * reals to ASE's 8 decimals (or exactly with {@link potentia.io.ExtxyzWriter.Precision#FULL}).
 * Known limits, where ASE's own files are ambiguous: a vector of one element reads back as a
 * scalar; ASE pads one-character strings of numpy unicode arrays to two characters, which this
 * writer does not (it writes strings as ASE writes those it has read); JSON values are kept as
 * verbatim text.
 */
package potentia.io;
