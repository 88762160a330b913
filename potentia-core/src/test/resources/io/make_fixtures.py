#!/usr/bin/python3
"""Writes the ASE-made fixtures of potentia.io's tests (run once; outputs are committed).

    /usr/bin/python3 make_fixtures.py        # from this directory; needs ASE (3.22) and numpy

Outputs, all beside this script:
  ase_mixed.extxyz      frames written by ase.io.write(format='extxyz'): triclinic, mixed-pbc
                        and cell-less frames, one and zero atoms; energy, free_energy, stress
                        (calculator results), virial; forces, energies, int/bool/string per-atom
                        arrays; int/float/bool/string/vector/JSON info values
  ase_mixed.expected    the same frames as ASE reads them back (ase.io.read), one item per line
                        (see dump() below), for the reader test to compare with
  ase_big.extxyz        more frames of a larger cell (many elements), for the byte-identity test
  python_floats.txt     doubles as 16 hex digits, repr(x) and '%16.8f' % x (with | around it)
  ase_poscar_*.vasp     POSCARs written by ase.io.write(format='vasp') (Cartesian, the default,
                        or direct; sorted or not; selective dynamics; VASP 4) and poscar_*.expected as ASE reads them back
"""
import json
import os
import struct

import numpy as np
from ase import Atoms
from ase.calculators.singlepoint import SinglePointCalculator
from ase.constraints import FixAtoms, FixScaled
import ase.io

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240611)


def triclinic_cell():
    return np.array([[5.2, 0.0, 0.0],
                     [1.3, 4.9, 0.0],
                     [-0.7, 0.4, 6.1]]) + rng.normal(scale=0.05, size=(3, 3))


def labelled(symbols, cell, pbc, extra_info=None, arrays=True):
    n = len(symbols)
    a = Atoms(symbols, positions=rng.uniform(-1, 8, size=(n, 3)), cell=cell, pbc=pbc)
    if arrays and n > 0:
        a.new_array('tags3', rng.integers(-50, 10**6, size=(n, 3)))
        a.new_array('flag', rng.random(n) < 0.5)
        a.new_array('mask3', rng.random((n, 3)) < 0.5)
        # object dtype, as ASE holds string columns it has read; numpy's own unicode arrays
        # make ASE pad 1-character strings to width 2 ('%-2s')
        a.new_array('label', np.array(['site%d' % i if i % 3 else 'x' for i in range(n)], dtype=object))
        a.new_array('charge_like', rng.normal(size=n))
    info = {
        'config_type': 'triclinic bulk',
        'step': int(rng.integers(0, 10**9)),
        'temperature': 300.0,
        'tiny': 1e-05,
        'huge': 1.5e16,
        'neg_zero': -0.0,
        'not_a_number': float('nan'),
        'infinite': float('inf'),
        'converged': True,
        'failed': False,
        'kpts': np.array([3, 3, 4]),
        'weights': rng.normal(size=4),
        'flags': np.array([True, False, True]),
        'quoted': 'say "hi" now',
        'brackets': 'a[1]{2}',
        'lst': [1, 2, 3],
        'nested': {'a': [1, 'x y'], 'b': None, 'c': 2.5},
        'virial': rng.normal(size=(3, 3)),
        'uid': '00123',
    }
    if extra_info:
        info.update(extra_info)
    a.info.update(info)
    if n > 0:
        s = rng.normal(scale=0.01, size=6)
        a.calc = SinglePointCalculator(a, energy=float(rng.normal(-5 * n, 1)),
                                       free_energy=float(rng.normal(-5 * n, 1)),
                                       forces=rng.normal(size=(n, 3)),
                                       energies=rng.normal(-5, 0.1, size=n),
                                       stress=s)
    return a


def mixed_frames():
    frames = []
    frames.append(labelled(['Si', 'O', 'O', 'Sr', 'Ti', 'H', 'C', 'N'], triclinic_cell(), True))
    frames.append(labelled(['H', 'H', 'O', 'Cu', 'Au'], np.diag([7.0, 8.0, 9.5]), [True, False, True]))
    frames.append(labelled(['C', 'H', 'H', 'H', 'H'], None, False, {'config_type': 'molecule'}))
    frames.append(labelled(['Fe'], triclinic_cell(), [False, False, True], arrays=False))
    frames.append(Atoms('', positions=np.zeros((0, 3))))
    plain = Atoms('SiO2', positions=rng.uniform(0, 3, size=(3, 3)), cell=triclinic_cell(), pbc=True)
    frames.append(plain)
    return frames


def big_frames():
    frames = []
    symbols = ['Sr', 'Ti', 'O', 'O', 'O', 'Si', 'H', 'Pb', 'Zr', 'W']
    for k in range(6):
        n = 40 + 7 * k
        syms = [symbols[i % len(symbols)] for i in range(n)]
        cell = triclinic_cell() * 2
        a = Atoms(syms, positions=rng.uniform(-3, 15, size=(n, 3)) * 10 ** rng.uniform(-2, 2), cell=cell,
                  pbc=[True, k % 2 == 0, True])
        a.info['index'] = k
        a.info['comment'] = 'frame number %d' % k
        a.calc = SinglePointCalculator(a, energy=float(rng.normal(-4 * n, 10)),
                                       forces=rng.normal(scale=10 ** (k - 3), size=(n, 3)),
                                       stress=rng.normal(scale=0.01, size=6))
        frames.append(a)
    return frames


def kind(key, value, source):
    """Type tag and text of one info value as ASE read it."""
    if isinstance(source, (list, dict)):
        return 'json', json.dumps(source)
    if isinstance(value, (bool, np.bool_)):
        return 'bool', 'T' if value else 'F'
    if isinstance(value, (int, np.integer)):
        return 'int', str(int(value))
    if isinstance(value, (float, np.floating)):
        return 'real', repr(float(value))
    if isinstance(value, str):
        return 'text', json.dumps(value)
    if isinstance(value, list) and all(isinstance(v, bool) for v in value):
        return 'bools', ' '.join('T' if v else 'F' for v in value)
    value = np.asarray(value)
    if value.ndim == 2:
        value = value.reshape(-1, order='F')
    if value.dtype.kind == 'i':
        return 'ints', ' '.join(str(int(v)) for v in value)
    if value.dtype.kind == 'f':
        return 'reals', ' '.join(repr(float(v)) for v in value)
    if value.dtype.kind == 'b':
        return 'bools', ' '.join('T' if v else 'F' for v in value)
    raise ValueError((key, value))


def dump(read_back, written, out):
    """One frame as ASE read it: lines 'frame', 'numbers', 'cell', 'pbc', 'positions', 'info', 'array', 'end'."""
    for atoms, src in zip(read_back, written):
        out.write('frame %d\n' % len(atoms))
        out.write('numbers %s\n' % ' '.join(str(z) for z in atoms.numbers))
        out.write('cell %s\n' % ' '.join(repr(float(x)) for x in atoms.cell.array.reshape(-1)))
        out.write('pbc %s\n' % ' '.join('T' if p else 'F' for p in atoms.pbc))
        out.write('positions %s\n' % ' '.join(repr(float(x)) for x in atoms.positions.reshape(-1)))
        for key, value in atoms.info.items():
            t, text = kind(key, value, src.info.get(key))
            out.write('info %s %s %s\n' % (key, t, text))
        for name, arr in atoms.arrays.items():
            if name in ('numbers', 'positions'):
                continue
            cols = 1 if arr.ndim == 1 else arr.shape[1]
            flat = arr.reshape(-1)
            if arr.dtype.kind == 'f':
                t, vals = 'R', [repr(float(v)) for v in flat]
            elif arr.dtype.kind == 'i':
                t, vals = 'I', [str(int(v)) for v in flat]
            elif arr.dtype.kind == 'b':
                t, vals = 'L', ['T' if v else 'F' for v in flat]
            else:
                t, vals = 'S', [str(v) for v in flat]
            out.write('array %s %s %d %s\n' % (name, t, cols, ' '.join(vals)))
        out.write('end\n')


def write_extxyz(name, frames, expected=None):
    path = os.path.join(HERE, name)
    ase.io.write(path, frames, format='extxyz')
    if expected:
        back = ase.io.read(path, index=':', format='extxyz')
        with open(os.path.join(HERE, expected), 'w') as out:
            dump(back, frames, out)


def floats():
    values = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1e-05, 0.0001, 0.00012345, 1e16, 9999999999999998.0,
              1.5e16, 1e22, 1e23, 2e23, 5e-324, 1e-323, 2.2250738585072014e-308, 1.7976931348623157e308,
              float('nan'), float('inf'), float('-inf'), 0.125, 0.375, 2.675, 1.005, -1e-10, -4e-9,
              5e-9, 1.5e-8, 2.5e-8, 123456.789, 999999.999999995, 1e6, 12345678.123456785, 3e-5,
              0.30000000000000004, 100.0, 1e15, 123456789012345678.0, 7.0e-5, 9.5e-5]
    for e in range(-30, 30):
        values.append(10.0 ** e)
        values.append(3.0 * 10.0 ** e)
    # values that sit on a half of the 8th decimal, and random bit patterns of all magnitudes
    values += [(2 * k + 1) / 2 ** 9 for k in range(40)]
    values += list(rng.normal(size=500) * 10 ** rng.uniform(-12, 12, size=500))
    values += [k * 1e-8 + 0.5e-8 for k in range(-20, 20)]
    values += list(np.round(rng.uniform(-1000, 1000, size=300), 8))
    bits = rng.integers(0, 2 ** 63, size=600, dtype=np.int64)
    values += [struct.unpack('<d', struct.pack('<q', int(b)))[0] for b in bits]
    # two-significant-digit decimals where a one-digit one also round-trips (Java and Python disagree)
    values += [float('%de%d' % (d, e)) for d in range(1, 10) for e in (-324, -323, -320, -310, -300, 22, 23, 100, 300, 308)]
    with open(os.path.join(HERE, 'python_floats.txt'), 'w') as out:
        for v in values:
            v = float(v)
            out.write('%s %s |%s|\n' % (struct.pack('>d', v).hex(), repr(v), '%16.8f' % v))


def poscars():
    sto = Atoms('SrTiO3', scaled_positions=[[0, 0, 0], [.5, .5, .5], [.5, .5, 0], [.5, 0, .5], [0, .5, .5]],
                cell=triclinic_cell(), pbc=True)
    sto.rattle(0.01, seed=1)
    mixed = Atoms('OSiOSiHH', positions=rng.uniform(0, 4, size=(6, 3)), cell=triclinic_cell(), pbc=True)
    fixed = mixed.copy()
    fixed.set_constraint([FixAtoms(indices=[0, 3]), FixScaled(fixed.cell, 1, [True, False, True])])
    cases = {
        'ase_poscar_sto.vasp': (sto, {}),
        'ase_poscar_mixed.vasp': (mixed, {}),
        'ase_poscar_direct.vasp': (mixed, {'direct': True}),
        'ase_poscar_sorted.vasp': (mixed, {'sort': True}),
        'ase_poscar_selective.vasp': (fixed, {'direct': True}),
        'ase_poscar_vasp4.vasp': (sto, {'vasp5': False}),
    }
    for name, (atoms, kw) in cases.items():
        path = os.path.join(HERE, name)
        ase.io.write(path, atoms, format='vasp', **kw)
        back = ase.io.read(path, format='vasp')
        with open(path.replace('.vasp', '.expected'), 'w') as out:
            out.write('numbers %s\n' % ' '.join(str(z) for z in back.numbers))
            out.write('cell %s\n' % ' '.join(repr(float(x)) for x in back.cell.array.reshape(-1)))
            out.write('positions %s\n' % ' '.join(repr(float(x)) for x in back.positions.reshape(-1)))
            flags = np.ones((len(back), 3), dtype=bool)
            for c in back.constraints:
                if isinstance(c, FixAtoms):
                    flags[c.index] = False
                elif isinstance(c, FixScaled):
                    flags[c.a] = ~np.asarray(c.mask)
            out.write('movable %s\n' % ' '.join('T' if f else 'F' for f in flags.reshape(-1)))


if __name__ == '__main__':
    write_extxyz('ase_mixed.extxyz', mixed_frames(), 'ase_mixed.expected')
    write_extxyz('ase_big.extxyz', big_frames())
    floats()
    poscars()
