"""The jobs' tables through two doors: `sitecover coverage|nearest|plan -o FILE` and
sitecover.coverage|nearest|plan(output=FILE) with the same request make the same library call
(report::run_coverage, run_nearest, run_plan) and write the same bytes (CSV) and the same rows
and styles (GeoPackage)."""

import json
import os
import pathlib
import sqlite3
import subprocess
import sys

import pytest

DATA = pathlib.Path(os.environ.get("SITECOVER_TEST_DATA_DIR", "../shared/geodata"))
CLI = os.environ.get("SITECOVER_CLI", "build/tools/sitecover")
ROADS = DATA / "france" / "roads-major-travelmapping-2026-08.geojson"

# (command, its arguments, the Python call's keywords): one request spelled at both doors.
CASES = {
    "coverage": ("coverage", ["--site-types", "Principal", "--as-of", "2022-04-20"],
                 "coverage", {"site_types": "Principal", "as_of": "2022-04-20"}),
    "nearest": ("nearest", ["--k", "2", "--within-km", "10"],
                "nearest", {"k": 2, "within_km": 10}),
    "nearest_roads": ("nearest", ["--roads", str(ROADS), "--within-min", "20"],
                      "nearest", {"roads": str(ROADS), "within_min": 20}),
    "plan": ("plan", ["--remove", "1271", "--suggest", "1", "--objective", "p-center"],
             "plan", {"remove": "1271", "suggest": 1, "objective": "p-center"}),
}


def run_cli(command, args, out):
    done = subprocess.run([CLI, command, *args, "-o", str(out)], capture_output=True, text=True,
                          timeout=900, env=dict(os.environ, LANG="C"))
    assert done.returncode == 0, done.stderr


def run_python(function, keywords, out):
    code = ("import json, sys, sitecover; getattr(sitecover, sys.argv[1])"
            "(output=sys.argv[2], **json.loads(sys.argv[3]))")
    done = subprocess.run([sys.executable, "-c", code, function, str(out), json.dumps(keywords)],
                          capture_output=True, text=True, timeout=900, env=dict(os.environ, LANG="C"))
    assert done.returncode == 0, done.stderr


def gpkg_tables(path):
    with sqlite3.connect(path) as db:
        names = [r[0] for r in db.execute("select table_name from gpkg_contents")]
        tables = {n: db.execute(f'select * from "{n}" order by 1').fetchall() for n in names}
        tables["layer_styles"] = db.execute(
            "select f_table_name, styleName, styleQML, useAsDefault from layer_styles").fetchall()
    return tables


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("extension", ["csv", "gpkg"])
def test_the_command_and_python_write_the_same_table(tmp_path, case, extension):
    command, args, function, keywords = CASES[case]
    cli_out, py_out = tmp_path / f"cli.{extension}", tmp_path / f"py.{extension}"
    run_cli(command, args, cli_out)
    run_python(function, keywords, py_out)
    if extension == "csv":
        assert cli_out.read_bytes() == py_out.read_bytes()
    else:
        cli_tables = gpkg_tables(cli_out)
        assert cli_tables["layer_styles"], "the GeoPackage carries its layer's style"
        assert gpkg_tables(py_out) == cli_tables
