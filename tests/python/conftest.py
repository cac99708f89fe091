"""Shared fixtures: the real data directory and the golden files the C++ tests use."""

import os
import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "golden"))
from golden_rows import read_golden  # noqa: E402,F401  (shared with the other Python tests)

DATA = pathlib.Path(os.environ.get("SITECOVER_TEST_DATA_DIR", "../shared/geodata"))
SITES_CSV = DATA / "france" / "france-services-2024-08-01.csv"
CANTONS = DATA / "gers" / "cantons-32-geofla2016.geojson"
COMMUNES = DATA / "gers" / "communes-32-adminexpress2018.geojson"


@pytest.fixture(scope="session")
def france_services():
    import sitecover

    if not SITES_CSV.exists():
        pytest.skip(f"real data not found: {SITES_CSV} (set SITECOVER_TEST_DATA_DIR)")
    return sitecover.SiteIndex.from_file(str(SITES_CSV))


def sitecover_cli():
    """The `sitecover` command of the same build (ctest sets SITECOVER_CLI), to compare with."""
    path = os.environ.get("SITECOVER_CLI", "build/tools/sitecover")
    if not pathlib.Path(path).exists():
        pytest.fail(f"the sitecover command is not built: {path} (set SITECOVER_CLI)")
    return path
