#!/usr/bin/env bash
# Nested sampling of Stillinger-Weber silicon at 0 GPa: 16 atoms in a variable periodic cell,
# from the vapour down through the melting of diamond.
#
# Settings: K = 1024 walkers, walk length L = 48 steps per walker life (a step is a sweep of 16
# single-atom moves with local SW energy updates, or one volume / shear / stretch cell move;
# mix 8:1:1:1), 8 walks per iteration, 200 000 iterations, volume prior up to 2 r_c^3 =
# 107 A^3/atom, minimum cell aspect ratio 0.8, seed 1. The results do not depend on the thread count.
#
# Measured (2026-12-07, a shared 2-core machine, one thread, another job on the second core):
# 8 min 23 s (397 iterations/s); the run ends at T ~ 111 K. ns-analyse finds one C_p peak,
# 1900 +- 12 K (16.3 k_B/atom), with hexagonal diamond below it (relaxed -4.337 eV/atom, the
# energy of cubic diamond: SW's cutoff stops short of the second neighbours, so the stackings
# are degenerate). SW's melting point is 1691 K (Broughton and Li, Phys. Rev. B 35 (1987) 9120):
# seed 2 with the same settings (2 threads, 3 min 28 s) also finds hexagonal diamond but puts the
# peak at 1655 +- 10 K: the seeds disagree by 20 error bars (which cover phase-volume noise only),
# so K = 1024 and L = 48 do not converge the melting temperature, even for 16 atoms.
# 64 atoms did NOT crystallise with K = 1024 (they froze into a glass; see docs/ns.md).
#
#   examples/ns-si-sw.sh [OUT_DIR] [THREADS]          (default: ns-si16, 2 threads)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
potentia="$root/bin/potentia"
out="${1:-ns-si16}"
threads="${2:-2}"

if [ -f "$out/checkpoint.bin" ]; then
    "$potentia" ns --resume "$out" --threads "$threads"      # a killed run continues where it stopped
else
    "$potentia" ns --potential sw --species Si --atoms 16 --pressure 0 --walkers 1024 --walk-length 48 \
        --iterations 200000 --seed 1 --threads "$threads" --checkpoint-every 5000 --out "$out"
fi
"$potentia" ns-analyse "$out" --temperatures 300:4000:371 --repeats 30
echo "C_p(T): $out/analysis/heat-capacity.png, <V>(T): $out/analysis/volume.png"
