#!/usr/bin/env bash
# Phonons and effective harmonic potentials of Stillinger-Weber silicon.
#
#   examples/si-phonons-ehp.sh [OUT_DIR]        (default: si-phonons-ehp)
#
# 1. potentia phonons: harmonic bands, DOS and thermodynamics from finite displacements in a
#    3x3x3 conventional supercell (216 atoms, 12 force evaluations, about a second).
# 2. potentia ehp: classical effective harmonic potentials of the same supercell at 300, 600,
#    900 and 1200 K with the cell relaxed at 0 GPa: F(T) with error bars, the lattice parameter
#    (thermal expansion; NPT MD on the same potential agrees within its errors) and the
#    renormalised phonons (a few minutes on two cores).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
potentia="$root/bin/potentia"
out="${1:-si-phonons-ehp}"
mkdir -p "$out"

# diamond Si, conventional cubic cell at SW's static lattice parameter
cat > "$out/si.extxyz" <<'XYZ'
8
Lattice="5.431 0.0 0.0 0.0 5.431 0.0 0.0 0.0 5.431" Properties=species:S:1:pos:R:3 pbc="T T T"
Si       0.00000000       0.00000000       0.00000000
Si       1.35775000       1.35775000       1.35775000
Si       0.00000000       2.71550000       2.71550000
Si       1.35775000       4.07325000       4.07325000
Si       2.71550000       0.00000000       2.71550000
Si       4.07325000       1.35775000       4.07325000
Si       2.71550000       2.71550000       0.00000000
Si       4.07325000       4.07325000       1.35775000
XYZ

"$potentia" phonons -p sw --structure "$out/si.extxyz" --supercell 3 3 3 --out "$out/phonons"
"$potentia" ehp -p sw --structure "$out/si.extxyz" --supercell 3 3 3 --temperatures 300:1200:300 \
    --samples 200 --tolerance 0.5 --seed 1 --out "$out/ehp"
echo "plots: $out/phonons/{bands,dos,thermo}.png, $out/ehp/{free_energy,lattice,bands_si}.png"
