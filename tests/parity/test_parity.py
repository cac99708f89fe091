"""One product through every door (issue 22): the same report request through `sitecover
report`, sitecover.report(...) and qgis_process's sitecover:report writes the same documents:
identical GeoPackage layers and layer_styles, identical PNG map, identical HTML page. The
request is spelled once here (CLI flag = keyword with dashes = QGIS parameter in capitals;
`origins` is --from) and translated to each door."""

import json
import os
import pathlib
import sqlite3
import subprocess
import sys

import pytest

from conftest import plugin_conftest

DATA = pathlib.Path(os.environ.get("SITECOVER_TEST_DATA_DIR", "../shared/geodata"))
CLI = os.environ.get("SITECOVER_CLI", "build/tools/sitecover")
# One run date for every door, so that the documents can be byte-identical.
EPOCH = "1765000000"

GERS = {
    "areas": DATA / "gers" / "cantons-32-geofla2016.geojson",
    "sites": DATA / "france" / "france-services-2024-08-01.csv",
    "origins": DATA / "gers" / "communes-32-adminexpress2018.geojson",
    "population": DATA / "france" / "population-communes-2024.csv",
    "context": DATA / "france" / "cantons-geofla2016.geojson",
    "map_roads": DATA / "france" / "roads-major-travelmapping-2026-08.geojson",
    "place": "Gers (32)",
    "lang": "fr",
}
ROADS = DATA / "france" / "roads-major-travelmapping-2026-08.geojson"
TABLES = ("sites", "areas", "origins", "links", "run", "layer_styles")


def cli_args(request):
    args = []
    for key, value in request.items():
        flag = "--from" if key == "origins" else "--" + key.replace("_", "-")
        args += [flag, str(value)]
    return args


def run_cli(request, out):
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    done = subprocess.run([CLI, "report", *cli_args(request), "-o", out / "r.gpkg", "--map",
                           out / "r.png", "--html", out / "r.html"],
                          capture_output=True, text=True, env=env, timeout=900)
    assert done.returncode == 0, done.stderr


def run_python(request, out):
    # A fresh interpreter: the same environment as the command (run date, locale).
    code = ("import sitecover, sys, json; r = json.loads(sys.argv[1]); "
            "sitecover.report(output=sys.argv[2] + '/r.gpkg', map=sys.argv[2] + '/r.png', "
            "html=sys.argv[2] + '/r.html', **r)")

    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    done = subprocess.run([sys.executable, "-c", code,
                           json.dumps({k: str(v) if isinstance(v, pathlib.Path) else v
                                       for k, v in request.items()}), str(out)],
                          capture_output=True, text=True, env=env, timeout=900)
    assert done.returncode == 0, done.stderr


def run_qgis(env, request, out):
    parameters = {key.upper(): value for key, value in request.items()}
    if "LANG" in parameters:
        parameters["LANG"] = ["en", "fr"].index(parameters["LANG"])
    plugin_conftest.run_algorithm(dict(env, SOURCE_DATE_EPOCH=EPOCH), "report", **parameters,
                                  OUTPUT=out / "r.gpkg", MAP=out / "r.png", HTML=out / "r.html")


def tables(gpkg):
    with sqlite3.connect(gpkg) as db:
        return {t: db.execute(f"select * from {t} order by 1").fetchall() for t in TABLES}


def documents(out):
    return tables(out / "r.gpkg"), (out / "r.png").read_bytes(), (out / "r.html").read_bytes()


def assert_same_documents(reference, other, door):
    ref_tables, ref_png, ref_html = reference
    tables_, png, html = other
    for t in TABLES:
        assert tables_[t] == ref_tables[t], f"{door}: table {t} differs from the command's"
    assert png == ref_png, f"{door}: the PNG map differs from the command's"
    assert html == ref_html, f"{door}: the HTML page differs from the command's"


CASES = {
    "defaults": {},
    "filters": {"as_of": "2022-04-20", "site_types": "Principal"},
    "roads": {"roads": ROADS, "within_min": 20},
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_three_doors_write_the_same_report(qgis_env, tmp_path, case):
    request = GERS | CASES[case]
    outs = {door: tmp_path / door for door in ("cli", "python", "qgis")}
    for out in outs.values():
        out.mkdir()
    run_cli(request, outs["cli"])
    run_python(request, outs["python"])
    run_qgis(qgis_env, request, outs["qgis"])
    reference = documents(outs["cli"])
    assert len(reference[0]["layer_styles"]) == 4 and len(reference[0]["origins"]) == 462
    for door in ("python", "qgis"):
        assert_same_documents(reference, documents(outs[door]), door)


def test_three_doors_apply_the_same_scenario(qgis_env, tmp_path):
    plan = tmp_path / "plan.gpkg"
    done = subprocess.run([CLI, "plan", "--remove", "1271", "--suggest", "1",
                           "--sites-output", plan], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    request = GERS | {"scenario": plan}
    outs = {door: tmp_path / door for door in ("cli", "python", "qgis")}
    for out in outs.values():
        out.mkdir()
    run_cli(request, outs["cli"])
    run_python(request, outs["python"])
    run_qgis(qgis_env, request, outs["qgis"])
    reference = documents(outs["cli"])
    assert any("suggested-1" in str(row) for row in reference[0]["sites"])
    for door in ("python", "qgis"):
        assert_same_documents(reference, documents(outs[door]), door)
