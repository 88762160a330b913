#!/usr/bin/env bash
# Melting of Stillinger-Weber silicon at 0 GPa by nested sampling: 64 atoms in a variable
# periodic cell, from the gas down through the liquid to the solid.
#
# Settings: K = 192 walkers, walk length L = 48 steps per walker life (a step is a sweep of 64
# single-atom moves with local SW energy updates, or one volume / shear / stretch cell move;
# mix 8:1:1:1), 8 walks per iteration on 2 threads, 90 000 iterations (ln X from 0 to -470),
# volume prior up to 2 r_c^3 = 107 A^3/atom, minimum cell aspect ratio 0.8. About 20-25 minutes
# on 2 cores (see the notes for the measured time). Results depend on the seed, not on threads.
#
# The literature melting point of SW Si is 1691 K (Broughton and Li, Phys. Rev. B 35 (1987)
# 9120). With 64 atoms and so few walkers expect a shift: the periodic 64-atom cell and the
# short walks make crystallisation hard (the liquid supercools into an amorphous solid, or the
# crystal found is superheated), so the peak is a finite-size, finite-K estimate; more walkers
# (pymatnest uses K ~ 1000s for this) and longer walks move it toward the bulk value.
#
#   examples/ns-si-sw.sh [OUT_DIR] [THREADS]          (default: ns-si64, 2 threads)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
potentia="$root/bin/potentia"
out="${1:-ns-si64}"
threads="${2:-2}"

if [ -f "$out/checkpoint.bin" ]; then
    "$potentia" ns --resume "$out" --threads "$threads"      # a killed run continues where it stopped
else
    "$potentia" ns --potential sw --species Si --atoms 64 --pressure 0 --walkers 192 --walk-length 48 \
        --iterations 90000 --seed 1 --threads "$threads" --checkpoint-every 1000 --out "$out"
fi
"$potentia" ns-analyse "$out" --temperatures 800:4000:321 --repeats 30
echo "C_p(T): $out/analysis/heat-capacity.png, <V>(T): $out/analysis/volume.png"
