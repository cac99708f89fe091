"""The report's model and documents from Python: agreement with `sitecover report` on the Gers
(the same GeoPackage tables), errors, empty inputs."""

import os
import sqlite3
import subprocess
import warnings

import numpy as np
import pytest

import sitecover
from conftest import CANTONS, COMMUNES, DATA, SITES_CSV, sitecover_cli

POPULATION = DATA / "france" / "population-communes-2024.csv"
ROADS = DATA / "france" / "roads-major-travelmapping-2026-08.geojson"
PARAMETERS = {"sites_file": SITES_CSV.name, "areas_file": CANTONS.name,
              "origins_file": COMMUNES.name, "population_file": POPULATION.name}


@pytest.fixture(scope="module")
def inputs(france_services):
    if not POPULATION.exists():
        pytest.skip(f"real data not found: {POPULATION}")
    points = sitecover.load_points(str(COMMUNES))
    return dict(areas=sitecover.Areas.from_file(str(CANTONS)), sites=france_services,
                origins=points, population=sitecover.population_shares(str(POPULATION), points[0]),
                outlines=sitecover.Areas.from_file(str(COMMUNES)))


def cli_report(tmp_path, *args):
    out = tmp_path / "cli.gpkg"
    done = subprocess.run(
        [sitecover_cli(), "report", "--areas", str(CANTONS), "--from", str(COMMUNES), "--sites",
         str(SITES_CSV), "--population", str(POPULATION), "--place", "Gers (32)", "-o", str(out),
         *args], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return out


def table(gpkg, name):
    with sqlite3.connect(gpkg) as db:
        return db.execute(f"select * from {name} order by rowid").fetchall()


def test_report_data_agrees_with_the_cli(inputs, tmp_path):
    report = sitecover.report_data(**inputs, threads=2)
    s = report.summary
    assert (s["covered"], s["areas"], s["fragile"], s["origins"], s["sites_inside"]) == (
        17, 17, 1, 462, 27)
    assert s["max_m"] == pytest.approx(15515.532, abs=1e-3)
    gpkg = cli_report(tmp_path)
    cli_areas = {row[2]: row for row in table(gpkg, "areas")}
    for _, area in report.areas.iterrows():
        row = cli_areas[area.area_code]
        assert (row[4], row[5], row[6]) == (area.site_count, ";".join(area.site_ids), 1)
        assert row[7] == pytest.approx(area.margin_m, abs=0.05)
        assert row[8] == area.origins
        assert row[10].endswith(f"({area.worst_distance_origin})")
    assert list(report.areas.fragile).count(True) == 1
    cli_origins = {row[2]: row for row in table(gpkg, "origins")}
    for _, origin in report.origins.iterrows():
        row = cli_origins[origin.origin_code]
        assert (row[4], row[7]) == (origin.area_code, origin.site_id)
        assert row[9] == pytest.approx(origin.distance_m, abs=0.05)
        assert row[14] == pytest.approx(origin.population, abs=0.05)
    assert sorted(report.sites.site_id) == sorted(r[2] for r in table(gpkg, "sites"))


def test_written_geopackage_equals_the_cli_one(inputs, tmp_path):
    cli = cli_report(tmp_path)
    mine = tmp_path / "py.gpkg"
    html = tmp_path / "py.html"
    result = sitecover.report_data(**inputs).write(
        str(mine), html=str(html), place="Gers (32)", parameters=PARAMETERS)
    assert "17/17 cantons covered" in result["title"]
    for name in ("sites", "areas", "origins", "links", "run", "layer_styles"):
        assert table(mine, name) == table(cli, name), name
    assert "17/17" in html.read_text(encoding="utf-8")
    # Never replaces a file without overwrite; nothing half-written.
    with pytest.raises(sitecover.OutputError, match="py.gpkg"):
        sitecover.report_data(**inputs).write(str(mine), map=str(tmp_path / "m.png"))
    assert not (tmp_path / "m.png").exists()
    assert sorted(os.listdir(tmp_path)) == ["cli.gpkg", "py.gpkg", "py.html"]


def test_by_road_agrees_with_the_cli(inputs, tmp_path):
    if not ROADS.exists():
        pytest.skip(f"road file not found: {ROADS}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        roads = sitecover.RoadNetwork.from_file(str(ROADS))
    report = sitecover.report_data(**inputs, roads=roads)
    assert report.summary["with_roads"]
    gpkg = cli_report(tmp_path, "--roads", str(ROADS))
    cli_origins = {row[2]: row for row in table(gpkg, "origins")}
    for _, origin in report.origins.iterrows():
        row = cli_origins[origin.origin_code]
        assert row[10] == origin.road_site_id, origin.origin_code
        assert row[13] == pytest.approx(origin.travel_time_s, abs=0.05)
    assert report.origins.travel_time_s.max() / 60 == pytest.approx(18.4, abs=0.05)


def test_errors(inputs, tmp_path):
    with pytest.raises(ValueError, match="ReportRequest::within_m"):
        sitecover.report_data(**inputs, within_m=-1.0)
    with pytest.raises(ValueError, match="gpkg, map, html"):
        sitecover.report_data(**inputs).write()
    with pytest.raises(ValueError, match="lang"):
        sitecover.report_data(**inputs).write(str(tmp_path / "x.gpkg"), lang="de")
    with pytest.raises(ValueError, match="unknown key 'colour'"):
        sitecover.report_data(**inputs).write(str(tmp_path / "x.gpkg"), parameters={"colour": 1})
    with pytest.raises(ValueError, match="outlines"):
        sitecover.report_data(**dict(inputs, outlines=inputs["areas"]))
    assert not (tmp_path / "x.gpkg").exists()
    # An existing document: an OutputError naming the keyword that would replace it.
    (tmp_path / "there.gpkg").write_bytes(b"mine")
    with pytest.raises(sitecover.OutputError, match="use overwrite to replace it") as caught:
        sitecover.report_data(**inputs).write(str(tmp_path / "there.gpkg"))
    assert caught.value.field == "overwrite"
    assert "use {overwrite} to replace it" in caught.value.template
    assert (tmp_path / "there.gpkg").read_bytes() == b"mine"


def test_empty_origins(inputs):
    empty = ([], [], np.array([]), np.array([]))
    report = sitecover.report_data(inputs["areas"], inputs["sites"], empty)
    assert report.summary["origins"] == 0 and report.summary["covered"] == 17
    assert len(report.origins) == 0
