"""ASE side of the i-PI end-to-end test of `potentia serve`.

ASE's SocketIOCalculator is the i-PI *server*: it listens on a socket and sends geometries;
`potentia serve` (the driver, started by the Java test) connects and answers with energy,
forces and virial. This script drives either

  relax: a rattled copy of the start structure, relaxed with ASE's BFGS, or
  md:    a short NVE run with ASE's VelocityVerlet from Maxwell-Boltzmann velocities,

and writes every frame it saw, with the energy, forces and stress ASE received through the
socket, to an extended XYZ file at full double precision (ASE's own writer rounds positions
and forces to 8 decimals, too coarse for a 1e-8 relative comparison), so the Java test can
evaluate the same frames directly and compare. It prints one line of JSON with a summary.

Usage: ase_peer.py --start START.extxyz --out FRAMES.extxyz (--unix NAME | --port PORT)
                   --mode relax|md [--seed N] [--steps N]
"""
import argparse
import json
import sys

import numpy as np
from ase import units
from ase.calculators.socketio import SocketIOCalculator
from ase.io import read
from ase.md.velocitydistribution import MaxwellBoltzmannDistribution, Stationary
from ase.md.verlet import VelocityVerlet
from ase.optimize import BFGS


def numbers(values):
    return ' '.join(repr(float(v)) for v in np.ravel(values))


def extxyz_frame(atoms, energy, forces, stress):
    """One extended XYZ frame, every float as Python's shortest round-trip repr."""
    pbc = ' '.join('T' if p else 'F' for p in atoms.pbc)
    lines = [str(len(atoms)),
             'Lattice="{}" Properties=species:S:1:pos:R:3:forces:R:3 energy={} stress="{}" pbc="{}"'.format(
                 numbers(atoms.cell[:]), repr(float(energy)), numbers(stress), pbc)]
    for symbol, x, f in zip(atoms.get_chemical_symbols(), atoms.positions, forces):
        lines.append('{} {} {}'.format(symbol, numbers(x), numbers(f)))
    return '\n'.join(lines) + '\n'


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--start', required=True)
    p.add_argument('--out', required=True)
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument('--unix')
    where.add_argument('--port', type=int)
    p.add_argument('--mode', choices=['relax', 'md'], required=True)
    p.add_argument('--seed', type=int, default=1)
    p.add_argument('--steps', type=int, default=20)
    args = p.parse_args()

    atoms = read(args.start)
    frames = []

    def record():
        frames.append(extxyz_frame(atoms, atoms.get_potential_energy(), atoms.get_forces(),
                                   atoms.get_stress(voigt=False)))

    summary = {'mode': args.mode}
    # timeout: a driver that dies must not hang this script (or the test) forever
    with SocketIOCalculator(unixsocket=args.unix, port=args.port, timeout=60) as calc:
        atoms.calc = calc
        if args.mode == 'relax':
            atoms.rattle(stdev=0.05, seed=args.seed)
            opt = BFGS(atoms, logfile=None)
            opt.attach(record)
            summary['converged'] = bool(opt.run(fmax=1e-4, steps=200))
            summary['fmax'] = float(np.abs(atoms.get_forces()).max())
        else:
            rng = np.random.RandomState(args.seed)
            MaxwellBoltzmannDistribution(atoms, temperature_K=1000, rng=rng)
            Stationary(atoms)
            dyn = VelocityVerlet(atoms, timestep=1.0 * units.fs, logfile=None)
            totals = []
            dyn.attach(record)
            dyn.attach(lambda: totals.append(atoms.get_potential_energy() + atoms.get_kinetic_energy()))
            dyn.run(args.steps)
            summary['total_energy_span'] = float(max(totals) - min(totals))
    summary['frames'] = len(frames)
    with open(args.out, 'w') as f:
        f.writelines(frames)
    print(json.dumps(summary))
    return 0


if __name__ == '__main__':
    sys.exit(main())
