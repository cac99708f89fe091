#!/bin/sh
# Runs `sitecover report` on the Gers data, then opens the GeoPackage in real QGIS (Debian's
# PyQGIS, headless) with check_report_gpkg.py. Exit 77 (ctest: skipped) when PyQGIS is absent.
# usage: run_report_in_qgis.sh SITECOVER DATA_DIR CASE PNG_OUT
#   CASE: default | as-of-2022 | scenario | roads | lambert93
set -eu
cli=$1 data=$2 case=$3 png=$4
here=$(dirname "$0")
# Debian's interpreter, where python3-qgis lives (not a pyenv or venv one earlier on PATH).
python=/usr/bin/python3
if ! [ -x "$python" ] || ! QT_QPA_PLATFORM=offscreen "$python" -c 'import qgis.core' 2>/dev/null; then
  echo "SKIP: PyQGIS not found ($python -c 'import qgis.core'); install Debian's qgis and python3-qgis (SITECOVER_QGIS=1 tools/scripts/install-deps.sh)"
  exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sitecover-qgis-XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
uncovered=""
case "$case" in
  default)
    "$cli" report --data "$data" -o "$tmp/report.gpkg" ;;
  as-of-2022)  # the préfecture's 24 structures of 20 April 2022: Auch-1 (32004) has no site
    "$cli" report --data "$data" --as-of 2022-04-20 --site-types Principal -o "$tmp/report.gpkg"
    uncovered=32004 ;;
  scenario)  # a plan's new site (type "suggested") drawn; without Auch-Garros (1271) the
    # best p-median site is not in Auch-3 (32006), which is left without a site
    "$cli" plan --data "$data" --remove 1271 --suggest 1 --sites-output "$tmp/plan.gpkg" --quiet
    "$cli" report --data "$data" --scenario "$tmp/plan.gpkg" -o "$tmp/report.gpkg"
    uncovered=32006 ;;
  roads)
    "$cli" report --data "$data" --roads "$data/france/roads-major-travelmapping-2026-08.geojson" \
      -o "$tmp/report.gpkg" ;;
  lambert93)  # the GeoPackage written in Lambert-93 (--t-srs): same styles, same checks
    "$cli" report --data "$data" --t-srs EPSG:2154 -o "$tmp/report.gpkg" ;;
  *) echo "unknown case $case" >&2; exit 2 ;;
esac
# QGIS writes its settings and caches under HOME: keep them in the temporary directory.
HOME="$tmp" QT_QPA_PLATFORM=offscreen "$python" "$here/check_report_gpkg.py" \
  "$tmp/report.gpkg" "$png" --uncovered "$uncovered"
