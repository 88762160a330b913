"""phonopy's harmonic step, timed, for `bin/bench phonons phonopy` (written out and run by PhonopyPeer).

    /usr/bin/python3 phonopy_harmonic.py DIR REPEATS

Reads DIR/in.json:
    {"lattice": 3x3 rows (A), "positions": Nx3 Cartesian (A), "symbols": [...], "masses": [...],
     "supercell": 3x3, "distance": A, "segments": [[Kx3 Cartesian 1/A (with 2 pi)], ...],
     "mesh": [n, n, n], "sigma": THz, "dos_points": int, "temperatures": [K, ...]}
Protocol: after the first displacement step it writes DIR/supercell.txt (3 lattice rows, then
N rows "Z x y z", phonopy's atom order), DIR/displaced_K.txt (N rows of positions) and prints
"displaced COUNT"; the caller writes DIR/forces_K.txt (N rows, eV/A) and sends one line on stdin.
Then it runs the whole step REPEATS times with those forces (the displacements are the same
each time) and writes
    DIR/timing.txt   one row per repeat: setup displace force_constants bands mesh_dos_thermal (s)
    DIR/import.txt   seconds to import numpy and phonopy
    DIR/bands.txt    frequencies (THz) along the segments, one row per q-point
    DIR/thermal.txt  per temperature: T, F (eV/atom)
    DIR/version.txt  phonopy's version
Everything phonopy itself does is timed; reading the forces file is not.
"""
import sys
import time

_t0 = time.perf_counter()
import json  # noqa: E402

import numpy as np  # noqa: E402
import phonopy  # noqa: E402
from phonopy import Phonopy  # noqa: E402
from phonopy.structure.atoms import PhonopyAtoms  # noqa: E402
from phonopy.units import EvTokJmol  # noqa: E402

IMPORT_SECONDS = time.perf_counter() - _t0


def main(directory, repeats):
    with open(directory + "/in.json") as f:
        spec = json.load(f)
    unit = PhonopyAtoms(symbols=spec["symbols"], cell=np.array(spec["lattice"]),
                        positions=np.array(spec["positions"]), masses=spec["masses"])
    forces = None
    rows = []
    for rep in range(repeats):
        t0 = time.perf_counter()
        phonon = Phonopy(unit, supercell_matrix=np.array(spec["supercell"]), primitive_matrix="auto")
        t1 = time.perf_counter()
        phonon.generate_displacements(distance=spec["distance"])
        t2 = time.perf_counter()
        cells = phonon.supercells_with_displacements
        if forces is None:
            sc = phonon.supercell
            np.savetxt(directory + "/supercell.txt", sc.cell, fmt="%.17g")
            with open(directory + "/supercell.txt", "a") as f:
                for z, x in zip(sc.numbers, sc.positions):
                    f.write("%d %.17g %.17g %.17g\n" % (z, x[0], x[1], x[2]))
            for k, c in enumerate(cells):
                np.savetxt(directory + "/displaced_%d.txt" % k, c.positions, fmt="%.17g")
            print("displaced %d" % len(cells), flush=True)
            sys.stdin.readline()
            forces = np.array([np.loadtxt(directory + "/forces_%d.txt" % k) for k in range(len(cells))])
        phonon.forces = forces
        t3 = time.perf_counter()
        phonon.produce_force_constants()
        t4 = time.perf_counter()
        prim = phonon.primitive.cell
        paths = [np.array(s).dot(prim.T) / (2 * np.pi) for s in spec["segments"]]
        phonon.run_band_structure(paths)
        t5 = time.perf_counter()
        phonon.run_mesh(spec["mesh"], is_gamma_center=False)
        freqs = phonon.mesh.frequencies
        sigma = spec["sigma"]
        lo = min(freqs.min(), 0.0) - 4 * sigma
        hi = freqs.max() + 4 * sigma
        phonon.run_total_dos(sigma=sigma, freq_min=lo, freq_max=hi,
                             freq_pitch=(hi - lo) / (spec["dos_points"] - 1), use_tetrahedron_method=False)
        phonon.run_thermal_properties(temperatures=spec["temperatures"])
        t6 = time.perf_counter()
        rows.append([t1 - t0, t2 - t1, t4 - t3, t5 - t4, t6 - t5])
    np.savetxt(directory + "/timing.txt", np.array(rows), fmt="%.6f")
    with open(directory + "/import.txt", "w") as f:
        f.write("%.6f\n" % IMPORT_SECONDS)
    bands = np.vstack(phonon.get_band_structure_dict()["frequencies"])
    np.savetxt(directory + "/bands.txt", bands, fmt="%.12f")
    tp = phonon.get_thermal_properties_dict()
    atoms = len(phonon.primitive)
    table = np.column_stack([tp["temperatures"], np.array(tp["free_energy"]) / EvTokJmol / atoms])
    np.savetxt(directory + "/thermal.txt", table, fmt="%.12f")
    with open(directory + "/version.txt", "w") as f:
        f.write(phonopy.__version__ + "\n")
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
