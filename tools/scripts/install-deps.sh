#!/usr/bin/env bash
# Installs what sitecover needs to build, test and benchmark on Debian 12 (run as root, or
# with sudo). Idempotent: packages already present are left as they are.
# SITECOVER_FUZZ=1 also installs clang-14 and its libFuzzer / sanitizer runtimes for the fuzz
# harnesses (tests/fuzz/README.md); CI does not need them.
# SITECOVER_QGIS=1 also installs Debian's QGIS and PyQGIS for the tests that open the report's
# GeoPackage in real QGIS (ctest -L qgis; skipped without them). CI sets it.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config ccache
  libgdal-dev gdal-bin libproj-dev libboost-dev libnanoflann-dev
  coinor-libcbc-dev coinor-libclp-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libcairo2-dev fonts-dejavu-core
  doxygen
  pybind11-dev python3-dev python3-numpy python3-pytest python3-pandas
  python3-setuptools python3-wheel python3-pip python3-venv python3-geopandas python3-distributed
  chromium poppler-utils
  clang-format clang-tidy
)
if [ "${SITECOVER_QGIS:-0}" = "1" ]; then
  packages+=(qgis python3-qgis)
fi
if [ "${SITECOVER_FUZZ:-0}" = "1" ]; then
  packages+=(clang-14 libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
