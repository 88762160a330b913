#!/usr/bin/python3
"""Prints what ASE reads from an extended XYZ or POSCAR file, for potentia.io's live cross-check.

    /usr/bin/python3 ase_dump.py FILE FORMAT      # FORMAT: extxyz or vasp

Output, per frame: 'frame N', 'numbers', 'cell' (rows), 'pbc', 'positions', then
'info KEY TYPE VALUES' and 'array NAME TYPE NCOLS VALUES', then 'end'. Reals are repr(), texts
json.dumps(); a 3x3 info matrix is listed in the file's (Fortran) order; move_mask, which ASE
turns into FixCartesian/FixAtoms constraints, is listed again as an array.
"""
import json
import sys

import numpy as np
import ase.io
from ase.constraints import FixAtoms, FixCartesian, FixScaled


def info_item(value):
    if isinstance(value, dict):
        return 'json', json.dumps(value)
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
    kind = value.dtype.kind
    if kind == 'i':
        return 'ints', ' '.join(str(int(v)) for v in value)
    if kind == 'f':
        return 'reals', ' '.join(repr(float(v)) for v in value)
    if kind == 'b':
        return 'bools', ' '.join('T' if v else 'F' for v in value)
    return 'json', json.dumps(value.tolist())


def array_item(arr):
    cols = 1 if arr.ndim == 1 else arr.shape[1]
    flat = arr.reshape(-1)
    kind = arr.dtype.kind
    if kind == 'f':
        return 'R', cols, [repr(float(v)) for v in flat]
    if kind == 'i':
        return 'I', cols, [str(int(v)) for v in flat]
    if kind == 'b':
        return 'L', cols, ['T' if v else 'F' for v in flat]
    return 'S', cols, [str(v) for v in flat]


def move_mask(atoms):
    mask = np.ones((len(atoms), 3), dtype=bool)
    for c in atoms.constraints:
        if isinstance(c, FixAtoms):
            mask[c.index] = False
        elif isinstance(c, FixScaled):
            mask[c.a] = ~np.asarray(c.mask)
        elif isinstance(c, FixCartesian):
            mask[c.a] = c.mask
    return mask


def main(path, fmt):
    frames = ase.io.read(path, index=':', format=fmt)
    out = sys.stdout
    for atoms in frames:
        out.write('frame %d\n' % len(atoms))
        out.write('numbers %s\n' % ' '.join(str(z) for z in atoms.numbers))
        out.write('cell %s\n' % ' '.join(repr(float(x)) for x in atoms.cell.array.reshape(-1)))
        out.write('pbc %s\n' % ' '.join('T' if p else 'F' for p in atoms.pbc))
        out.write('positions %s\n' % ' '.join(repr(float(x)) for x in atoms.positions.reshape(-1)))
        for key, value in atoms.info.items():
            t, text = info_item(value)
            out.write('info %s %s %s\n' % (key, t, text))
        for name, arr in atoms.arrays.items():
            if name in ('numbers', 'positions'):
                continue
            t, cols, vals = array_item(arr)
            out.write('array %s %s %d %s\n' % (name, t, cols, ' '.join(vals)))
        if atoms.constraints:
            out.write('array move_mask L 3 %s\n' % ' '.join('T' if v else 'F' for v in move_mask(atoms).reshape(-1)))
        out.write('end\n')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
