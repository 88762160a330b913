#!/usr/bin/env bash
# Si(001) surface reconstruction with potentia search and Stillinger-Weber.
#
# Builds a bulk-terminated Si(001) slab with a 2x2 surface cell (8 layers, 32 atoms, vacuum
# above and below: periodic in x and y only), frees the top two layers (8 atoms, 24 coordinates;
# everything below, including the bottom two layers, stays at bulk positions), runs several
# CMA-ES searches from it and reports the surface energies of the bulk-terminated and of the
# found surface, and whether the top layer formed dimers (the 2x1 dimer-row reconstruction).
#
#   examples/search-si001.sh [OUT_DIR] [RUNS] [SEARCH OPTIONS...]   (default: si001-search, 8 runs)
#
# Every candidate is relaxed locally (--relax, L-BFGS) before its energy counts: with it all 8 runs
# reach the dimer rows within 600 energy evaluations, without it 6 of 8 within 30,000. Further
# options go to potentia search, e.g. FIRE as the local optimiser:
#   examples/search-si001.sh si001-fire 8 --relax-optimizer fire
#
# Surface energies: the 8-layer founder has two equal bulk-terminated faces, so
#   gamma_bt  = (E_founder - N e_bulk) / (2A);
# the search changes only the top face, so
#   gamma_top = (E_found - N e_bulk) / A - gamma_bt,
# with e_bulk the SW energy per atom of diamond Si at a = 5.431 A and A the cell's area.
# 1 eV/A^2 = 16.021766208 J/m^2 (CODATA 2014 elementary charge, as the rest of Potentia).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
potentia="$root/bin/potentia"
out="${1:-si001-search}"
runs="${2:-8}"
shift $(( $# < 2 ? $# : 2 ))
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
a=5.431

# --- the founder: diamond Si, z along [001], x along [110], y along [-110]; 2x2 surface cell.
# In this frame the 1x1 surface cell is a/sqrt2 square and layer j (z = j a/4) sits at the
# in-plane offsets (0,0), (h,0), (h,h), (0,h) for j mod 4 = 0..3, h = a/(2 sqrt2).
awk -v a="$a" -v layers=8 -v vac=15 'BEGIN {
    s = a / sqrt(2); h = s / 2; L = 2 * s; n = 4 * layers
    ox[0] = 0; oy[0] = 0; ox[1] = h; oy[1] = 0; ox[2] = h; oy[2] = h; ox[3] = 0; oy[3] = h
    printf "%d\nLattice=\"%.10f 0 0 0 %.10f 0 0 0 %.10f\" Properties=species:S:1:pos:R:3 pbc=\"T T F\"\n", n, L, L, (layers - 1) * a / 4 + 2 * vac
    for (j = 0; j < layers; j++)
        for (i = 0; i < 2; i++)
            for (k = 0; k < 2; k++)
                printf "Si %.10f %.10f %.10f\n", ox[j % 4] + i * s, oy[j % 4] + k * s, vac + j * a / 4
}' > "$work/founder.extxyz"

# --- bulk reference: the 8-atom cubic cell
awk -v a="$a" 'BEGIN {
    split("0 0 0  0 .5 .5  .5 0 .5  .5 .5 0  .25 .25 .25  .25 .75 .75  .75 .25 .75  .75 .75 .25", f, " ")
    printf "8\nLattice=\"%s 0 0 0 %s 0 0 0 %s\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"\n", a, a, a
    for (i = 0; i < 8; i++) printf "Si %.10f %.10f %.10f\n", f[3 * i + 1] * a, f[3 * i + 2] * a, f[3 * i + 3] * a
}' > "$work/bulk.extxyz"

energy() { # energy of the single frame in $1, eV
    "$potentia" eval --potential sw "$1" 2>/dev/null | sed -n '2p' | tr ' ' '\n' | sed -n 's/^energy=//p'
}
e_bulk=$(energy "$work/bulk.extxyz")
e_founder=$(energy "$work/founder.extxyz")

# --- the search: top two layers free (z >= z of layer 6 = 15 + 6a/4 = 23.15 A)
ztop=$(awk -v a="$a" 'BEGIN { printf "%.3f", 15 + 6 * a / 4 - 0.1 }')
"$potentia" search --founder "$work/founder.extxyz" --free "z>=$ztop" --potential sw \
    --sigma0 0.3 --runs "$runs" --seed 1 --restarts ipop --relax --max-evals 6000 --out "$out" "$@"

e_found=$(sed -n '2p' "$out/summary.csv" | cut -d, -f4)

# --- surface energies and dimers
awk -v eb="$e_bulk" -v ef="$e_founder" -v eo="$e_found" -v a="$a" 'BEGIN {
    n = 32; area = 2 * a * a; c = 16.021766208
    gbt = (ef - n * eb / 8) / (2 * area)
    gtop = (eo - n * eb / 8) / area - gbt
    printf "SW bulk energy: %.6f eV/atom\n", eb / 8
    printf "bulk-terminated Si(001): E = %.6f eV, surface energy %.4f eV/A^2 = %.3f J/m^2\n", ef, gbt, gbt * c
    printf "best found:              E = %.6f eV, surface energy %.4f eV/A^2 = %.3f J/m^2 (%.1f %% lower)\n", eo, gtop, gtop * c, 100 * (1 - gtop / gbt)
}'
# top-layer pairs closer than 2.8 A (bulk-terminated neighbours in the top layer are a/sqrt2 = 3.84 A apart)
awk -v zmin="$(awk -v a="$a" 'BEGIN { print 15 + 7 * a / 4 - 1.0 }')" -v L="$(awk -v a="$a" 'BEGIN { print a * sqrt(2) }')" '
NR == 1 { n = $1; next }
NR == 2 { next }
NR <= n + 2 && $4 >= zmin { k++; x[k] = $2; y[k] = $3; z[k] = $4 }
END {
    d = 0
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) {
        dx = x[i] - x[j]; dy = y[i] - y[j]; dz = z[i] - z[j]
        dx -= L * int(dx / L + (dx > 0 ? 0.5 : -0.5)); dy -= L * int(dy / L + (dy > 0 ? 0.5 : -0.5))
        r = sqrt(dx * dx + dy * dy + dz * dz)
        if (r < 2.8) { d++; printf "dimer: top-layer atoms %d and %d, %.3f A apart\n", i, j, r }
    }
    printf "%d dimers among the %d top-layer atoms: %s\n", d, k, (2 * d == k ? "the dimer-row reconstruction" : "not fully dimerised")
}' "$out/best.extxyz"
echo "plots: $out/best-energy.png $out/final-energies.png"
