#!/usr/bin/env bash
# Compares Jauge's Rasch difficulties (marginal ML) with R's eRm (conditional ML) on shared
# simulated data sets. Not part of CI: run it by hand, then copy the table into docs/calibration.md.
#
#   bash scripts/check-erm.sh [output directory]
#
# Installs r-base-core and r-cran-erm from Debian with apt-get if they are missing (run as root),
# builds nothing: needs packages/core/dist (`pnpm --filter @jauge/core build`) for the simulator
# and the workspace's esbuild to bundle the calibration module.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-packages/core/test/fixtures/calibration/erm}"

if ! command -v Rscript >/dev/null 2>&1 || ! Rscript -e 'suppressPackageStartupMessages(library(eRm))' >/dev/null 2>&1; then
  echo "check-erm: installing r-base-core and r-cran-erm (apt-get)…" >&2
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends r-base-core r-cran-erm
fi

node scripts/erm/generate.mjs "$out"
for name in complete booklets; do
  Rscript scripts/erm/rasch-cml.R "$out/rasch-$name.txt" "$out/erm-$name.csv"
done
echo "R $(Rscript -e 'cat(as.character(getRversion()))'), eRm $(Rscript -e 'cat(as.character(packageVersion("eRm")))')" > "$out/versions.txt"
node scripts/erm/compare.mjs "$out" | tee "$out/agreement.md"
