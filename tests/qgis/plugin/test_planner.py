"""The planner algorithms through qgis_process: the report on the Gers (17/17 cantons, the same
GeoPackage tables as `sitecover report`) and the sites suggested (those of `sitecover plan
--suggest`)."""

import csv
import os
import sqlite3
import subprocess

import pytest

from conftest import DATA, SITES, run_algorithm

CANTONS = DATA / "gers" / "cantons-32-geofla2016.geojson"
COMMUNES = DATA / "gers" / "communes-32-adminexpress2018.geojson"
SITES_CSV = DATA / "france" / "france-services-2024-08-01.csv"
POPULATION = DATA / "france" / "population-communes-2024.csv"
CLI = os.environ.get("SITECOVER_CLI", "build/tools/sitecover")  # ctest sets it


def rows(gpkg, sql):
    with sqlite3.connect(gpkg) as db:
        return db.execute(sql).fetchall()


def cli(*args):
    done = subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_report_covers_the_17_cantons_as_the_cli(qgis_env, tmp_path):
    gpkg, html = tmp_path / "report.gpkg", tmp_path / "report.html"
    results, _ = run_algorithm(qgis_env, "report", AREAS=CANTONS, SITES=SITES, ORIGINS=COMMUNES,
                               POPULATION=POPULATION, PLACE="Gers (32)", OUTPUT=gpkg, HTML=html)
    assert (results["COVERED"], results["AREA_COUNT"], results["FRAGILE"]) == (17, 17, 1)
    assert "17/17 cantons covered" in results["TITLE"]
    assert results["MAX_DISTANCE_M"] == pytest.approx(15515.532, abs=1e-3)
    assert "17/17" in html.read_text(encoding="utf-8")
    reference = tmp_path / "cli.gpkg"
    cli("report", "--areas", CANTONS, "--from", COMMUNES, "--sites", SITES_CSV, "--population",
        POPULATION, "--place", "Gers (32)", "-o", reference)
    for layer in ("areas", "origins", "sites", "links"):
        mine = rows(gpkg, f"select * from {layer} order by fid")
        assert mine == rows(reference, f"select * from {layer} order by fid"), layer
    assert len(rows(gpkg, "select * from layer_styles")) == 4


def test_report_with_site_filters(qgis_env, tmp_path):
    # The préfecture's list: Principal sites labelled by 20 April 2022; none in Auch-1.
    results, _ = run_algorithm(qgis_env, "report", AREAS=CANTONS, SITES=SITES, ORIGINS=COMMUNES,
                               SITE_TYPES="Principal", AS_OF="2022-04-20",
                               OUTPUT=tmp_path / "r.gpkg", MAP=tmp_path / "r.png")
    assert (results["COVERED"], results["AREA_COUNT"]) == (16, 17)
    assert (tmp_path / "r.png").stat().st_size > 10_000
    run = dict(rows(tmp_path / "r.gpkg", "select key, value from run"))
    assert (run["as_of"], run["site_types"]) == ("2022-04-20", "Principal")


def test_suggest_gives_the_sites_of_the_cli(qgis_env, tmp_path):
    out = tmp_path / "suggest.gpkg"
    results, _ = run_algorithm(qgis_env, "suggest", AREAS=CANTONS, SITES=SITES,
                               ORIGINS=COMMUNES, POPULATION=POPULATION, REMOVE="1271", K=2,
                               OBJECTIVE=1, OUTPUT=out)  # p-center
    sites_csv = tmp_path / "plan.csv"
    cli("plan", "--areas", CANTONS, "--from", COMMUNES, "--sites", SITES_CSV, "--population",
        POPULATION, "--remove", "1271", "--suggest", "2", "--objective", "p-center",
        "--sites-output", sites_csv)
    with open(sites_csv, newline="") as f:
        expected = list(csv.DictReader(f))
    got = rows(out, "select site_id, site_name, change, origins, population from suggest")
    assert [g[:3] for g in got] == [(e["site_id"], e["site_name"], e["change"]) for e in expected]
    for g, e in zip(got, expected):
        if e["change"] == "suggested":
            assert g[3] == int(e["communes"])
            assert g[4] == pytest.approx(float(e["population"]), abs=0.051)
    assert results["SUGGESTED"] == ";".join(e["site_name"] for e in expected
                                            if e["change"] == "suggested")
    assert results["COST_AFTER"] < results["COST_BEFORE"]


def test_suggest_cover_is_proven_and_gives_the_count_of_the_cli(qgis_env, tmp_path):
    out = tmp_path / "cover.gpkg"
    results, _ = run_algorithm(qgis_env, "suggest", AREAS=CANTONS, SITES=SITES,
                               ORIGINS=COMMUNES, POPULATION=POPULATION, OBJECTIVE=3,
                               WITHIN_KM=10, OUTPUT=out)  # cover
    assert (results["PROVEN"], results["GAP"], results["BOUND"]) == (1, 0.0, 11.0)
    stdout = cli("plan", "--areas", CANTONS, "--from", COMMUNES, "--sites", SITES_CSV,
                 "--population", POPULATION, "--objective", "cover", "--within-km", "10")
    assert "needs 11 new site(s)" in stdout
    assert len(results["SUGGESTED"].split(";")) == 11


def test_suggest_with_a_bad_site_type_names_the_types(qgis_env, tmp_path):
    from conftest import QGIS_PROCESS

    done = subprocess.run(
        [QGIS_PROCESS, "run", "sitecover:suggest", "--", f"AREAS={CANTONS}", f"SITES={SITES}",
         f"ORIGINS={COMMUNES}", "SITE_TYPES=Kiosk", f"OUTPUT={tmp_path / 'x.gpkg'}"],
        env=qgis_env, capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "Kiosk" in done.stdout + done.stderr and "Principal" in done.stdout + done.stderr
    assert not (tmp_path / "x.gpkg").exists()


def test_report_never_writes_over_an_input(qgis_env, tmp_path):
    import shutil

    from conftest import QGIS_PROCESS

    areas = tmp_path / "cantons.geojson"
    shutil.copyfile(CANTONS, areas)
    before = areas.read_bytes()
    done = subprocess.run(
        [QGIS_PROCESS, "run", "sitecover:report", "--", f"AREAS={areas}", f"SITES={SITES}",
         f"ORIGINS={COMMUNES}", f"OUTPUT={tmp_path / 'r.gpkg'}", f"HTML={areas}"],
        env=qgis_env, capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "is an input of the report" in done.stdout + done.stderr
    assert areas.read_bytes() == before and not (tmp_path / "r.gpkg").exists()
