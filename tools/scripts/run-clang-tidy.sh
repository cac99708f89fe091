#!/usr/bin/env bash
# Runs clang-tidy with the checked-in .clang-tidy on the project's own sources (engine/src,
# geodata/src, tools/cli and tools/report/src; not the tests, benchmarks, Python module or QGIS plugin), from the
# build directory's compile_commands.json, on 2 jobs. Fails (exit 1) on any warning, listing
# them. Usage: tools/scripts/run-clang-tidy.sh [build-dir]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
[[ -f $build/compile_commands.json ]] || {
    echo "run-clang-tidy: $build/compile_commands.json missing (configure with cmake first)" >&2
    exit 2
}
runner=$(command -v run-clang-tidy || command -v run-clang-tidy-14 || true)
[[ -n $runner ]] || { echo "run-clang-tidy: run-clang-tidy not found (apt: clang-tidy)" >&2; exit 2; }

log=$(mktemp)
trap 'rm -f "$log"' EXIT
start=$(date +%s)
# The file regex is matched against the absolute paths of compile_commands.json.
status=0
"$runner" -quiet -j "${SITECOVER_TIDY_JOBS:-2}" -p "$build" \
    "$PWD/(engine/src|geodata/src|tools/cli|tools/report/src)/[^/]*\.cpp$" 2>&1 | sed -r 's/\x1b\[[0-9;]*m//g' >"$log" ||
    status=$?
warnings=$(grep -cE ': (warning|error): ' "$log" || true)
echo "run-clang-tidy: $(( $(date +%s) - start )) s, $warnings warning(s)"
if ((status != 0 || warnings > 0)); then
    grep -E ': (warning|error): ' "$log" | sort -u
    # A clang-tidy run that failed without a diagnostic line (a crash, a compile command it
    # cannot use): its own words.
    ((warnings > 0)) || grep -vE 'warnings? generated|^clang-tidy|^$' "$log" | head -40
    echo "--- full output: rerun tools/scripts/run-clang-tidy.sh $build" >&2
    exit 1
fi
