"""The sitecover Processing provider through qgis_process: the Gers coverage (17/17) and the
nearest site of the 462 communes, checked against the C++ golden files."""

import sqlite3

import pytest

from conftest import DATA, SITES, read_golden, run_algorithm


def rows(gpkg, sql):
    with sqlite3.connect(gpkg) as db:
        return db.execute(sql).fetchall()


def test_gers_cantons_are_all_covered(qgis_env, tmp_path):
    out = tmp_path / "coverage.gpkg"
    results, _ = run_algorithm(qgis_env, "coverage",
                               AREAS=DATA / "gers" / "cantons-32-geofla2016.geojson",
                               SITES=SITES, OUTPUT=out)
    assert results["COVERED"] == 17 and results["AREA_COUNT"] == 17
    assert results["UNCOVERED"] == ""
    golden = {code: (ids, float(margin)) for code, _, ids, margin in read_golden("gers_coverage.txt")}
    got = rows(out, "select area_code, site_ids, covered, margin_m from coverage")
    assert len(got) == 17
    for code, ids, covered, margin_m in got:
        assert ids == golden[code][0] and covered == 1
        assert margin_m == pytest.approx(golden[code][1], abs=0.5)
    # The library's style, stored in the file as its layer's default.
    assert rows(out, "select f_table_name, styleName, useAsDefault from layer_styles") == [
        ("coverage", "coverage", 1)]


def test_a_canton_without_a_site_is_named(qgis_env, tmp_path):
    # With the Auch-Garros site alone (a QGIS subset filter), Auch-3 is covered, Auch-1 not.
    sites = SITES + "|subset=\"id_fs\" = '1271'"
    results, _ = run_algorithm(qgis_env, "coverage",
                               AREAS=DATA / "gers" / "cantons-32-geofla2016.geojson",
                               SITES=sites, OUTPUT=tmp_path / "one.gpkg")
    assert results["COVERED"] == 1
    assert "Auch-1" in results["UNCOVERED"].split(";")


def test_nearest_site_of_the_462_communes(qgis_env, tmp_path):
    out = tmp_path / "nearest.gpkg"
    results, _ = run_algorithm(qgis_env, "nearest",
                               ORIGINS=DATA / "gers" / "communes-32-adminexpress2018.geojson",
                               SITES=SITES, OUTPUT=out)
    assert results["ORIGIN_COUNT"] == 462
    assert results["MAX_DISTANCE_M"] == pytest.approx(15515.532, abs=1e-3)
    golden = {code: (site, float(d)) for code, _, _, site, d in read_golden("gers_nearest.txt")}
    got = rows(out, "select origin_code, site_id, distance_m from nearest")
    assert len(got) == 462
    for code, site_id, distance_m in got:
        assert site_id == golden[code][0], code
        assert distance_m == pytest.approx(golden[code][1], abs=1e-3), code
    assert rows(out, "select f_table_name, styleName, useAsDefault from layer_styles") == [
        ("nearest", "distance", 1)]


def test_bad_field_is_a_clear_error(qgis_env, tmp_path):
    import subprocess

    from conftest import QGIS_PROCESS

    done = subprocess.run(
        [QGIS_PROCESS, "run", "sitecover:coverage", "--",
         f"AREAS={DATA / 'gers' / 'cantons-32-geofla2016.geojson'}", f"SITES={SITES}",
         "AREA_CODE_FIELD=no_such_field", f"OUTPUT={tmp_path / 'x.gpkg'}"],
        env=qgis_env, capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "no_such_field" in done.stdout + done.stderr
    assert not (tmp_path / "x.gpkg").exists()


def test_nearest_by_road_matches_the_golden_road_answers(qgis_env, tmp_path):
    out = tmp_path / "road.gpkg"
    roads = DATA / "france" / "roads-major-travelmapping-2026-08.geojson"
    results, _ = run_algorithm(qgis_env, "nearest_by_road",
                               ORIGINS=DATA / "gers" / "communes-32-adminexpress2018.geojson",
                               SITES=SITES, ROADS=roads, OUTPUT=out)
    assert results["ORIGIN_COUNT"] == 462
    # The README's figure: at most 18.4 min (Gavarret-sur-Aulouste to Jegun).
    assert results["MAX_TRAVEL_TIME_S"] / 60 == pytest.approx(18.4, abs=0.05)
    got = {code: (site, d, t) for code, site, d, t in rows(
        out, "select origin_code, road_site_id, road_distance_m, travel_time_s from road")}
    assert len(got) == 462
    for code, _, _, _, site_id, g_distance, g_time, _ in read_golden("gers_roads.txt"):
        assert got[code][0] == site_id, code
        assert got[code][1] == pytest.approx(float(g_distance), abs=1.0), code
        assert got[code][2] == pytest.approx(float(g_time), abs=1.0), code
    assert rows(out, "select f_table_name, styleName from layer_styles") == [("road", "travel time")]
