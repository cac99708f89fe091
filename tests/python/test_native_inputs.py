"""The Python door's native inputs: GeoDataFrames (any CRS) for areas, sites and origins, dates
as Python objects, bad rows with skip_bad, negative numbers refused, informative reprs."""

import datetime
import os
import warnings

import numpy as np
import pytest

import sitecover
from conftest import CANTONS, COMMUNES, DATA, SITES_CSV


def _real_data():
    if not SITES_CSV.exists():
        pytest.skip(f"real data not found: {SITES_CSV} (set SITECOVER_TEST_DATA_DIR)")


@pytest.fixture(scope="module")
def gpd():
    return pytest.importorskip("geopandas", reason="Debian's python3-geopandas is not installed")


@pytest.fixture(scope="module")
def sites_frame(gpd):
    _real_data()
    import pandas as pd

    table = pd.read_csv(SITES_CSV, dtype=str, keep_default_na=False)
    points = gpd.points_from_xy(table["longitude"].astype(float), table["latitude"].astype(float))
    return gpd.GeoDataFrame(table, geometry=points, crs="EPSG:4326")


@pytest.fixture
def staging_dir(tmp_path, monkeypatch):
    """Where the staged files go, to check that nothing is left behind."""
    import tempfile

    folder = tmp_path / "staging"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_coverage_from_geodataframes_of_the_gers(gpd, sites_frame, staging_dir):
    # The cantons in Lambert-93: reprojected to WGS84 on the way in.
    cantons = gpd.read_file(CANTONS).to_crs("EPSG:2154")
    frame = sitecover.coverage(areas=cantons, sites=sites_frame, as_frame=True)
    summary = frame.attrs["summary"]
    assert (summary["covered"], summary["areas"]) == (17, 17)
    assert frame["covered"].all()
    by_path = sitecover.coverage(areas=str(CANTONS), sites=str(SITES_CSV), as_frame=True)
    assert list(frame["site_ids"]) == list(by_path["site_ids"])
    assert frame["margin_m"].round(3).tolist() == by_path["margin_m"].round(3).tolist()
    assert list(staging_dir.iterdir()) == []


def test_nearest_and_report_from_geodataframes(gpd, sites_frame, staging_dir, tmp_path):
    communes = gpd.read_file(COMMUNES)
    frame = sitecover.nearest(origins=communes, sites=sites_frame, as_frame=True)
    by_path = sitecover.nearest(origins=str(COMMUNES), sites=str(SITES_CSV), as_frame=True)
    assert len(frame) == len(by_path) > 400
    assert list(frame["site_id"]) == list(by_path["site_id"])
    assert list(frame["distance_m"]) == list(by_path["distance_m"])
    # Reprojected (Web Mercator and back): the centroids agree within a millimetre (a point on
    # the surface may pick another scanline when a vertex moves by 1e-9 degree).
    mercator = sitecover.nearest(origins=communes.to_crs("EPSG:3857"), sites=sites_frame,
                                 origin="centroid", as_frame=True)
    centroids = sitecover.nearest(origins=str(COMMUNES), sites=str(SITES_CSV),
                                  origin="centroid", as_frame=True)
    assert list(mercator["site_id"]) == list(centroids["site_id"])
    assert (mercator["distance_m"] - centroids["distance_m"]).abs().max() < 1e-3
    cantons = gpd.read_file(CANTONS)
    report = sitecover.report(areas=cantons, sites=sites_frame, origins=communes,
                              output=str(tmp_path / "r.gpkg"), map=str(tmp_path / "r.png"),
                              html=str(tmp_path / "r.html"), map_roads="none", context="none",
                              lang="en")
    assert report.summary["covered"] == 17
    assert "17/17 areas covered" in repr(report)
    assert list(staging_dir.iterdir()) == []


@pytest.mark.parametrize("with_geopandas", [True, False])
def test_geo_interface_objects_without_a_frame(staging_dir, monkeypatch, with_geopandas):
    _real_data()
    if not with_geopandas:
        monkeypatch.setitem(__import__("sys").modules, "geopandas", None)  # staged as GeoJSON

    class Points:
        __geo_interface__ = {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"code": "a", "nom": "Auch"},
             "geometry": {"type": "Point", "coordinates": [0.5857, 43.6465]}}]}

    frame = sitecover.nearest(origins=Points(), sites=str(SITES_CSV), as_frame=True)
    assert frame["site_id"].tolist() == ["1271"]
    assert list(staging_dir.iterdir()) == []


def _bad_csv(tmp_path):
    path = tmp_path / "origins.csv"
    path.write_text("id,lon,lat\na,0.58,43.64\nb,abc,43.6\nc,0.6,43.7\n", encoding="utf-8")
    return path


def test_skip_bad_keeps_the_row_with_nan_and_warns(tmp_path):
    _real_data()
    with pytest.warns(sitecover.DataWarning, match="line 3") as caught:
        frame = sitecover.nearest(origins=str(_bad_csv(tmp_path)), data_dir=str(DATA),
                                  skip_bad=True, as_frame=True)
    assert caught[0].message.field == "skip_bad"
    assert frame["origin_code"].tolist() == ["a", "b", "c"]
    bad = frame.iloc[1]
    assert bad["distance_m"] != bad["distance_m"]  # NaN
    assert "line 3" in bad["error"]
    assert frame["distance_m"].notna().sum() == 2
    assert frame.attrs["summary"]["skipped"] == 1
    with pytest.warns(sitecover.DataWarning):
        records, _ = sitecover.nearest(origins=str(_bad_csv(tmp_path)), data_dir=str(DATA),
                                       skip_bad=True, as_frame=False)
    assert records[1]["distance_m"] != records[1]["distance_m"]


def test_a_bad_row_without_skip_bad_is_a_value_error_naming_it(tmp_path):
    _real_data()
    with pytest.raises(ValueError, match="line 3, field 'lon'") as caught:
        sitecover.nearest(origins=str(_bad_csv(tmp_path)), data_dir=str(DATA))
    assert isinstance(caught.value, sitecover.InvalidPointError)
    assert isinstance(caught.value, sitecover.InputError)  # as before: an OSError too


@pytest.mark.parametrize("keyword", [
    {"k": -1}, {"threads": -1}, {"within_km": -1.0}, {"max_km": -2.0}, {"fragile_m": -1.0},
    {"within_min": -5.0}, {"max_snap_m": -1.0}, {"within_km": float("nan")},
])
def test_negative_numbers_are_value_errors(tmp_path, keyword):
    _real_data()
    (name,) = keyword
    with pytest.raises(ValueError, match=name) as caught:
        sitecover.nearest(origins=str(_bad_csv(tmp_path)), data_dir=str(DATA), skip_bad=True,
                          **keyword)
    if name != "max_km":
        assert caught.value.field == name
    with pytest.raises(ValueError, match=name):
        sitecover.coverage(data_dir=str(DATA), **keyword) if name not in (
            "k", "max_km") else sitecover.nearest(data_dir=str(DATA), **keyword)


def test_as_of_takes_dates_timestamps_and_texts():
    _real_data()
    import pandas as pd

    def kept(as_of):
        return sitecover.coverage(data_dir=str(DATA), as_of=as_of,
                                  as_frame=True).attrs["summary"]["sites_kept"]

    expected = kept("2023-01-01")
    assert expected < kept(None)
    for value in (datetime.date(2023, 1, 1), datetime.datetime(2023, 1, 1, 12, 30),
                  pd.Timestamp("2023-01-01"), pd.Timestamp("2023-01-01 08:00", tz="UTC"),
                  np.datetime64("2023-01-01T06:00"), "2023-01-01T10:00:00", " 2023-01-01 "):
        assert kept(value) == expected, value
    for bad in ("soon", "20230101", "2023-02-30"):
        with pytest.raises(ValueError, match="as_of") as caught:
            kept(bad)
        assert caught.value.field == "as_of"


def test_reprs_are_informative(france_services):
    _real_data()
    areas = sitecover.Areas.from_file(str(CANTONS))
    codes, names, lon, lat = sitecover.load_points(str(COMMUNES))
    world = sitecover.World(areas, lon, lat, codes=codes, names=names)
    assert repr(world) == f"<sitecover.World: {len(lon)} origins, 17 areas, total weight " \
                          f"{len(lon)}, crow-fly>"
    outcome = world.evaluate(france_services)
    assert repr(outcome).startswith(f"<sitecover.Outcome: {len(lon)} origins ({len(lon)} with "
                                    "a site), 17/17 areas covered, ")
    after, changes = world.what_if(france_services, ["1271"], [("Vic", 0.25, 43.76)])
    assert repr(changes) == "<sitecover.Changes: 1 added, 1 removed, 0 suggested, first 1271>"
    assert repr(sitecover.Changes()) == "<sitecover.Changes: 0 added, 0 removed, 0 suggested>"
    report = sitecover.report_data(areas, france_services, (codes, names, lon, lat))
    assert repr(report.data).startswith("<sitecover.ReportData: 17/17 areas covered, ")
    assert repr(report).startswith("<sitecover.Report: 17/17 areas covered, ")
    plan = sitecover.plan(world, france_services, remove=["1271"], as_frame=False)
    assert repr(plan).startswith("<sitecover.Plan: 1 removed; covered 17/17 -> ")


def test_road_network_repr(tmp_path):
    path = tmp_path / "roads.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", '
                    '"properties": {"highway": "primary"}, "geometry": {"type": "LineString", '
                    '"coordinates": [[0.0, 43.0], [0.01, 43.0], [0.02, 43.0]]}}]}',
                    encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        network = sitecover.RoadNetwork.from_file(str(path), class_field="highway")
    assert repr(network) == (f"<sitecover.RoadNetwork: {network.node_count} nodes, "
                             f"{network.edge_count} edges>")
    assert network.node_count >= 2


def test_plan_and_report_jobs_have_reprs(tmp_path):
    _real_data()
    plan = sitecover.plan(data_dir=str(DATA), remove="1271", as_frame=False)
    assert repr(plan).startswith("<sitecover.Plan: 1 removed; covered 17/17 -> 16/17; mean ")
    report = sitecover.report(data_dir=str(DATA), output=str(tmp_path / "r.gpkg"),
                              html=str(tmp_path / "r.html"), map=str(tmp_path / "r.png"),
                              lang="en")
    assert repr(report).startswith("<sitecover.Report: 17/17 areas covered, ")
    assert str(tmp_path / "r.gpkg") in repr(report)
