#!/usr/bin/env bash
# Screen the real judgments and guiding cases in ../shared/corpus/cases into a CSV review sheet.
# The corpus exists only beside the development checkout: without it this prints why and exits 0.
#
#   scripts/review_real_text.sh [OUT.csv] [more `review sheet` options, e.g. --sample 20 --seed 1]
#
# Environment: PINGCHA_SHARED (default ../shared from the repo), SAMPLE (rows per code, default 30; 0 = all),
# PYTHON (default .venv/bin/python if present, else python3). Write the sheet outside the repository: it quotes real text.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${PINGCHA_SHARED:-$repo/../shared}"
corpus="$shared/corpus/cases"
if [ ! -d "$corpus" ]; then
    echo "skipped: no real-text corpus at $corpus (it exists only beside the development checkout)"
    exit 0
fi
if [ -n "${PYTHON:-}" ]; then py="$PYTHON"
elif [ -x "$repo/.venv/bin/python" ]; then py="$repo/.venv/bin/python"
else py="python3"; fi
out="${1:-${TMPDIR:-/tmp}/pingcha-review-sheet.csv}"
shift $(( $# > 0 ? 1 : 0 ))
cd "$repo"
# Called through the `review` group itself, so this works whether or not the main CLI has wired it in.
exec "$py" -c 'import sys; from pipeline.evaluate.command import review; review(sys.argv[1:], prog_name="pingcha review")' \
    sheet --corpus "$corpus" --out "$out" --sample "${SAMPLE:-30}" "$@"
