"""Shared fixtures: the real data directory and the golden files the C++ tests use."""

import os
import pathlib

import pytest

DATA = pathlib.Path(os.environ.get("SITECOVER_TEST_DATA_DIR", "../shared/geodata"))
GOLDEN = pathlib.Path(__file__).resolve().parent.parent / "golden"
SITES_CSV = DATA / "france" / "france-services-2024-08-01.csv"
CANTONS = DATA / "gers" / "cantons-32-geofla2016.geojson"
COMMUNES = DATA / "gers" / "communes-32-adminexpress2018.geojson"


def read_golden(name):
    """Rows of a golden file: lists of fields split on ' | ', comments skipped."""
    rows = []
    for line in (GOLDEN / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.append([field.strip() for field in line.split(" | ")])
    return rows


@pytest.fixture(scope="session")
def france_services():
    import sitecover

    if not SITES_CSV.exists():
        pytest.skip(f"real data not found: {SITES_CSV} (set SITECOVER_TEST_DATA_DIR)")
    return sitecover.SiteIndex.from_file(str(SITES_CSV))
