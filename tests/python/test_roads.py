"""Nearest site by road from Python: the golden Gers answers of `sitecover nearest --roads`,
thread-count independence, cut-offs and errors."""

import warnings

import numpy as np
import pytest

import sitecover
from conftest import DATA, read_golden

ROADS = DATA / "france" / "roads-major-travelmapping-2026-08.geojson"


@pytest.fixture(scope="module")
def roads():
    if not ROADS.exists():
        pytest.skip(f"road file not found: {ROADS}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return sitecover.RoadNetwork.from_file(str(ROADS))


def test_golden_gers_communes_by_road(roads, france_services):
    golden = read_golden("gers_roads.txt")
    lon = np.array([float(row[2]) for row in golden])
    lat = np.array([float(row[3]) for row in golden])
    site, distance_m, time_s, snap_m = roads.nearest_sites(france_services, lon, lat)
    assert roads.node_count == 18400
    for i, (code, _, _, _, site_id, g_distance, g_time, g_snap) in enumerate(golden):
        assert france_services.ids[site[i]] == site_id, code
        assert distance_m[i] == pytest.approx(float(g_distance), abs=1.0), code
        assert time_s[i] == pytest.approx(float(g_time), abs=1.0), code
        assert snap_m[i] == pytest.approx(float(g_snap), abs=1.0), code


def test_threads_by_distance_and_points_off_the_network(roads, france_services):
    rng = np.random.default_rng(77)
    lon = np.append(rng.uniform(-0.2, 1.2, 400), 2.5)   # the last one: far from this network
    lat = np.append(rng.uniform(43.3, 44.0, 400), 47.0)
    one = roads.nearest_sites(france_services, lon, lat, by="distance", threads=1)
    two = roads.nearest_sites(france_services, lon, lat, by="distance", threads=2)
    for a, b in zip(one, two):
        np.testing.assert_array_equal(a, b)
    assert one[0][-1] == -1 and np.isnan(one[3][-1])
    assert np.all(one[0][:-1] >= 0)


def test_road_errors(roads, france_services, tmp_path):
    with pytest.raises(ValueError, match="not 'time' or 'distance'"):
        roads.nearest_sites(france_services, [0.5], [43.6], by="speed")
    with pytest.raises(ValueError, match="max_snap_m"):
        roads.nearest_sites(france_services, [0.5], [43.6], max_snap_m=-1.0)
    far = sitecover.SiteIndex(["x"], [120.0], [10.0])
    with pytest.raises(sitecover.InputError, match="no site lies within max_snap_m"):
        roads.nearest_sites(far, [0.5], [43.6])
    with pytest.raises(OSError, match="nothing.geojson"):
        sitecover.RoadNetwork.from_file(str(tmp_path / "nothing.geojson"))
    # A bad value of a request field: ValueError naming it (issue 23, item 15).
    with pytest.raises(ValueError, match="speeds"):
        sitecover.RoadNetwork.from_file(str(ROADS), speeds="motorway=fast")
