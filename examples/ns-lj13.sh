#!/usr/bin/env bash
# Melting of the 13-atom Lennard-Jones cluster by nested sampling (a couple of minutes on 2 cores).
#
# Argon parameters (epsilon = 0.0104 eV, sigma = 3.40 A, so epsilon/k_B = 120.7 K), cut off at
# 4 sigma (every pair of a compact cluster is inside: the shift is a constant that changes no heat
# capacity), 13 atoms in a hard sphere of radius 3 sigma. Two independent seeds; each run is
# analysed for C_V(T) and the phase below each peak (relaxed and classified by common-neighbour
# analysis: the centre of the Mackay icosahedron shows as 'icosahedral').
#
# The lower peak is melting; literature puts the LJ13 heat-capacity maximum at
# k_B T / epsilon ~ 0.29 (Frantz, J. Chem. Phys. 102 (1995) 3747, J-walking Monte Carlo; confined
# clusters). The upper, broad feature is evaporation inside the sphere: its temperature depends
# on the sphere's radius.
#
#   examples/ns-lj13.sh [OUT_DIR]            (default: ns-lj13)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
potentia="$root/bin/potentia"
out="${1:-ns-lj13}"
mkdir -p "$out"

for seed in 1 2; do
    "$potentia" ns --potential lj:epsilon=0.0104,sigma=3.4,cutoff=13.6 --species Ar --atoms 13 --sphere 10.2 \
        --walkers 300 --walk-length 200 --iterations 40000 --seed "$seed" --out "$out/seed$seed"
    "$potentia" ns-analyse "$out/seed$seed" --temperatures 15:120:211 --repeats 30
done
echo "epsilon/k_B = 120.7 K: a peak at 35 K is k_B T/epsilon = 0.29"
