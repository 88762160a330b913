"""Reference phonons from phonopy, for Potentia's tests and benchmarks.

    python3 phonopy_reference.py displace DIR     reads DIR/in.json, writes the displaced supercells
    python3 phonopy_reference.py postprocess DIR  reads DIR/in.json and DIR/forces_K.txt, writes results

in.json: {"lattice": 3x3 rows (A), "positions": Nx3 Cartesian (A), "symbols": [...], "masses": [...],
          "supercell": 3x3, "distance": A, "qpoints": Kx3 Cartesian 1/A (with 2 pi), "mesh": [n, n, n],
          "temperatures": [...], "potentia_fc": true|false}
Outputs (plain text, one row per line):
    supercell.txt          3 lattice rows, then N rows of positions (phonopy's supercell, its atom order)
    displaced_K.txt        N rows of positions of displaced supercell K (K = 0 .. count-1)
    count.txt              number of displaced supercells
    freq_phonopy.txt       frequencies (THz) at the q-points, force constants built by phonopy
    thermal_phonopy.txt    per temperature: T, F (kJ/mol per primitive cell), S (J/K/mol), Cv (J/K/mol)
    freq_potentia_fc.txt, thermal_potentia_fc.txt   the same from Potentia's force constants
                           (DIR/potentia_fc.bin: N*N*3*3 big-endian doubles, phonopy's atom order)
    timing.txt             seconds spent in phonopy: displacements, force constants, q-points, mesh
"""
import json
import sys
import time

import numpy as np
from phonopy import Phonopy
from phonopy.structure.atoms import PhonopyAtoms


def load(directory):
    with open(directory + "/in.json") as f:
        spec = json.load(f)
    unit = PhonopyAtoms(symbols=spec["symbols"], cell=np.array(spec["lattice"]),
                        positions=np.array(spec["positions"]), masses=spec["masses"])
    phonon = Phonopy(unit, supercell_matrix=np.array(spec["supercell"]), primitive_matrix="auto")
    return spec, phonon


def displace(directory):
    spec, phonon = load(directory)
    t0 = time.perf_counter()
    phonon.generate_displacements(distance=spec["distance"])
    elapsed = time.perf_counter() - t0
    sc = phonon.supercell
    np.savetxt(directory + "/supercell.txt", np.vstack([sc.cell, sc.positions]), fmt="%.17g")
    cells = phonon.supercells_with_displacements
    for k, c in enumerate(cells):
        np.savetxt(directory + "/displaced_%d.txt" % k, c.positions, fmt="%.17g")
    with open(directory + "/count.txt", "w") as f:
        f.write("%d\n" % len(cells))
    with open(directory + "/timing_displace.txt", "w") as f:
        f.write("%.6f\n" % elapsed)


def results(phonon, spec, directory, tag):
    prim = phonon.primitive.cell
    q_frac = np.array(spec["qpoints"]).dot(prim.T) / (2 * np.pi)
    t0 = time.perf_counter()
    phonon.run_qpoints(q_frac)
    freqs = phonon.get_qpoints_dict()["frequencies"]
    t1 = time.perf_counter()
    np.savetxt(directory + "/freq_%s.txt" % tag, freqs, fmt="%.12f")
    phonon.run_mesh(spec["mesh"], is_gamma_center=False)
    phonon.run_thermal_properties(temperatures=spec["temperatures"])
    tp = phonon.get_thermal_properties_dict()
    t2 = time.perf_counter()
    table = np.column_stack([tp["temperatures"], tp["free_energy"], tp["entropy"], tp["heat_capacity"]])
    np.savetxt(directory + "/thermal_%s.txt" % tag, table, fmt="%.12f")
    return t1 - t0, t2 - t1


def postprocess(directory):
    spec, phonon = load(directory)
    phonon.generate_displacements(distance=spec["distance"])
    count = len(phonon.supercells_with_displacements)
    forces = np.array([np.loadtxt(directory + "/forces_%d.txt" % k) for k in range(count)])
    phonon.forces = forces
    t0 = time.perf_counter()
    phonon.produce_force_constants()
    t_fc = time.perf_counter() - t0
    t_q, t_mesh = results(phonon, spec, directory, "phonopy")
    if spec.get("potentia_fc"):
        n = len(phonon.supercell)
        fc = np.fromfile(directory + "/potentia_fc.bin", dtype=">f8").reshape(n, n, 3, 3)
        phonon.force_constants = np.ascontiguousarray(fc, dtype="double")
        results(phonon, spec, directory, "potentia_fc")
    with open(directory + "/timing.txt", "w") as f:
        f.write("%.6f %.6f %.6f\n" % (t_fc, t_q, t_mesh))


if __name__ == "__main__":
    {"displace": displace, "postprocess": postprocess}[sys.argv[1]](sys.argv[2])
