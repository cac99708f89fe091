"""What-if, suggestion and site filters from Python: agreement with `sitecover plan` and
`sitecover coverage` on the Gers (same inputs, run side by side), errors, threads, empty inputs."""

import csv
import subprocess
import warnings

import numpy as np
import pytest

import sitecover
from conftest import CANTONS, COMMUNES, DATA, SITES_CSV, sitecover_cli

POPULATION = DATA / "france" / "population-communes-2024.csv"
ROADS = DATA / "france" / "roads-major-travelmapping-2026-08.geojson"


@pytest.fixture(scope="module")
def gers():
    """(cantons, (codes, names, lon, lat), weights) as `sitecover plan` loads them."""
    if not POPULATION.exists():
        pytest.skip(f"real data not found: {POPULATION}")
    cantons = sitecover.Areas.from_file(str(CANTONS))
    points = sitecover.load_points(str(COMMUNES))
    weights, weighted = sitecover.population_weights(
        sitecover.population_shares(str(POPULATION), points[0]))
    assert weighted
    return cantons, points, weights


def make_world(gers, **kwargs):
    cantons, (codes, names, lon, lat), weights = gers
    return sitecover.World(cantons, lon, lat, weights=weights, codes=codes, names=names, **kwargs)


def run_plan(tmp_path, *args):
    """Runs `sitecover plan` on the same files; returns (origin rows, site rows, stdout)."""
    origins, sites = tmp_path / "origins.csv", tmp_path / "sites.csv"
    done = subprocess.run(
        [sitecover_cli(), "plan", "--areas", str(CANTONS), "--from", str(COMMUNES),
         "--sites", str(SITES_CSV), "--population", str(POPULATION), "-o", str(origins),
         "--sites-output", str(sites), *args],
        capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    with open(origins, newline="") as f:
        origin_rows = list(csv.DictReader(f))
    with open(sites, newline="") as f:
        site_rows = list(csv.DictReader(f))
    return origin_rows, site_rows, done.stdout


def assert_same_origins(plan, cli_rows, road=False):
    table = plan.origins.set_index("origin_code")
    assert len(table) == len(cli_rows) == 462
    for row in cli_rows:
        mine = table.loc[row["origin_code"]]
        assert mine.site_before == row["site_before"], row["origin_code"]
        assert mine.site_after == row["site_after"], row["origin_code"]
        assert mine.distance_before_m == pytest.approx(float(row["distance_before_m"]), abs=0.051)
        assert mine.distance_after_m == pytest.approx(float(row["distance_after_m"]), abs=0.051)
        assert int(mine.changed) == int(row["changed"])
        if road:
            assert mine.road_site_after == row["road_site_after"], row["origin_code"]
            assert mine.travel_time_after_s == pytest.approx(
                float(row["travel_time_after_s"]), abs=0.051)


def assert_same_sites(plan, cli_sites):
    mine = plan.changes
    assert list(mine.site_id) == [r["site_id"] for r in cli_sites]
    assert list(mine.change) == [r["change"] for r in cli_sites]
    assert list(mine.site_name) == [r["site_name"] for r in cli_sites]
    for (_, m), r in zip(mine.iterrows(), cli_sites):
        assert m.lon == pytest.approx(float(r["lon"]), abs=1e-6)
        assert m.lat == pytest.approx(float(r["lat"]), abs=1e-6)
        if r["change"] != "removed":
            assert m.origins == int(r["communes"])
            assert m.population == pytest.approx(float(r["population"]), abs=0.051)


def test_remove_agrees_with_the_cli(gers, france_services, tmp_path):
    plan = sitecover.plan(make_world(gers, threads=2), france_services, remove=["1271"])
    cli_origins, cli_sites, stdout = run_plan(tmp_path, "--remove", "1271")
    assert_same_origins(plan, cli_origins)
    assert_same_sites(plan, cli_sites)
    # README: 17/17 -> 16/17, Auch-3 left uncovered, 14 communes change site.
    assert (plan.before["covered"], plan.after["covered"], plan.after["areas"]) == (17, 16, 17)
    assert plan.after["uncovered_codes"] == ["32006"]
    assert int(plan.origins.changed.sum()) == 14
    assert "origins whose nearest site changes: 14/462" in stdout
    assert plan.before["weighted_mean_m"] / 1000 == pytest.approx(4.8, abs=0.05)
    assert plan.after["weighted_mean_m"] / 1000 == pytest.approx(6.3, abs=0.05)


def test_add_and_suggest_agree_with_the_cli(gers, france_services, tmp_path):
    plan = sitecover.plan(make_world(gers), france_services, remove=["1271"],
                          add=[("Lupiac", 0.18, 43.68)], suggest=2, objective="p-center")
    cli_origins, cli_sites, _ = run_plan(tmp_path, "--remove", "1271", "--add", "Lupiac@0.18,43.68",
                                         "--suggest", "2", "--objective", "p-center")
    assert_same_origins(plan, cli_origins)
    assert_same_sites(plan, cli_sites)
    assert list(plan.changes.change) == ["removed", "added", "suggested", "suggested"]
    s = plan.suggestion
    assert s["exact"] is not None and s["exact"]["value"] == s["value"]  # README: gap 0
    assert s["candidate_count"] == 462


def test_suggest_alone_matches_the_readme_table(gers, france_services):
    world = make_world(gers)
    for objective, within, name in (("p-center", None, "Monlezun-d'Armagnac (32274)"),
                                    ("p-median", None, "Auch (32013)"),
                                    ("max-coverage", 10_000.0, "Lauraët (32203)")):
        table, found = sitecover.suggest(world, france_services, 1, objective=objective,
                                         within=within)
        assert list(table.site_name) == [name], objective
        assert list(table.site_id) == ["suggested-1"]
        assert found["exact"]["chosen"] == found["chosen"]


def test_suggest_from_candidate_arrays_and_threads(gers, france_services):
    _, (codes, names, lon, lat), _ = gers
    picked = slice(0, 462, 3)
    candidates = (codes[picked], names[picked], lon[picked], lat[picked])
    runs = [make_world(gers, threads=t).suggest(france_services, 2, candidates,
                                                "max-coverage", 10_000.0)
            for t in (1, 2, 0)]
    records = [r["changes"].records() for r in runs]
    assert records[0] == records[1] == records[2]
    assert runs[0]["candidate_count"] == len(codes[picked])
    assert all(r["site_name"].endswith(")") for r in records[0])


def test_cover_areas_puts_a_site_in_auch_3(gers, france_services, tmp_path):
    plan = sitecover.plan(make_world(gers), france_services, remove=["1271"], suggest=1,
                          objective="p-center", cover_areas=True)
    assert list(plan.changes.site_name) == [
        "France services La Poste d'Auch - Garros", "Pessan (32312)"]
    assert plan.after["covered"] == 17
    _, cli_sites, _ = run_plan(tmp_path, "--remove", "1271", "--suggest", "1", "--objective",
                               "p-center", "--cover-areas")
    assert_same_sites(plan, cli_sites)


def test_by_road_agrees_with_the_cli(gers, france_services, tmp_path):
    if not ROADS.exists():
        pytest.skip(f"road file not found: {ROADS}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        roads = sitecover.RoadNetwork.from_file(str(ROADS))
    world = make_world(gers, roads=roads)
    assert world.by_road and world.metric == "time"
    plan = sitecover.plan(world, france_services, suggest=1, objective="max-coverage",
                          within_s=900.0)
    cli_origins, cli_sites, _ = run_plan(tmp_path, "--suggest", "1", "--objective",
                                         "max-coverage", "--within-min", "15", "--roads",
                                         str(ROADS))
    assert_same_origins(plan, cli_origins, road=True)
    assert_same_sites(plan, cli_sites)
    assert list(plan.changes.site_name) == ["Mormès (32291)"]  # README table
    assert plan.before["max_s"] / 60 == pytest.approx(18.4, abs=0.05)


def test_evaluate_and_figures(gers, france_services):
    world = make_world(gers)
    outcome = world.evaluate(france_services)
    assert outcome.site.dtype == np.int64 and outcome.site.shape == (462,)
    assert np.all(outcome.road_site == -1) and np.all(np.isnan(outcome.time_s))
    assert outcome.distance_m.max() == pytest.approx(15515.532, abs=1e-3)
    cover = world.coverage(outcome)
    assert sum(r["covered"] for r in cover) == 17
    figures = world.figures(outcome, within_m=10_000.0)
    assert figures["max_m"] == pytest.approx(15515.532, abs=1e-3)
    assert figures["weight_within_m"] / figures["total_weight"] == pytest.approx(0.925, abs=5e-4)


def test_site_filters_agree_with_the_cli_coverage(tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UserWarning)
        sites = sitecover.SiteIndex.from_file(str(SITES_CSV), where="insee_dep = '32'",
                                              site_types="principal", as_of="2022-04-20")
    assert len(sites) == 24  # README: the préfecture's date, 24 France Services
    assert set(sites.types) == {"Principal"}
    assert max(sites.labelled_on) <= "2022-04-20"
    table = sitecover.coverage(sitecover.Areas.from_file(str(CANTONS)), sites)
    out = tmp_path / "coverage.csv"
    done = subprocess.run(
        [sitecover_cli(), "coverage", "--areas", str(CANTONS), "--sites", str(SITES_CSV),
         "--sites-where", "insee_dep = '32'", "--site-types", "principal", "--as-of",
         "2022-04-20", "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with open(out, newline="") as f:
        rows = {r["area_code"]: r for r in csv.DictReader(f)}
    assert int(table.covered.sum()) == 16
    for _, mine in table.iterrows():
        assert int(rows[mine.area_code]["site_count"]) == mine.site_count
    # The same filter on an index built from arrays.
    full = sitecover.SiteIndex.from_file(str(SITES_CSV))
    again = full.filter(["Principal"], "2022-04-20")
    assert set(sites.ids) <= set(again.ids)
    assert len(full.filter()) == len(full)
    print("warnings:", [str(w.message) for w in caught])


def test_filter_errors_carry_the_library_message(france_services):
    with pytest.raises(ValueError, match="site_types: .*Foo.*Antenne, Principal") as caught:
        france_services.filter(site_types="Foo")
    assert caught.value.field == "site_types"
    with pytest.raises(ValueError, match="as_of: '2022-02-30'") as caught:
        france_services.filter(as_of="2022-02-30")
    assert caught.value.field == "as_of"
    arrays = sitecover.SiteIndex(["a", "b"], [0.5, 0.6], [43.6, 43.7], types=["X", "Y"],
                                 labelled_on=["Espace labellisé 01/09/2020", ""])
    assert arrays.labelled_on == ["2020-09-01", ""]
    with pytest.warns(UserWarning, match="1 site"):
        dated = arrays.filter(as_of="2021-01-01")
    assert dated.ids == ["a"]


def test_plan_errors_carry_the_library_message(gers, france_services):
    world = make_world(gers)
    with pytest.raises(ValueError, match=r"^remove\[0\]: .*9999") as caught:
        world.what_if(france_services, ["9999"])
    assert caught.value.field == "remove"
    with pytest.raises(ValueError, match=r"^add\[0\]: ") as caught:
        world.what_if(france_services, [], [("Paris", 2.35, 48.85)])
    assert caught.value.field == "add"
    with pytest.raises(ValueError, match="^k: ") as caught:
        world.suggest(france_services, 0)
    assert caught.value.field == "k"
    with pytest.raises(ValueError, match="objective"):
        world.suggest(france_services, 1, objective="best")
    with pytest.raises(ValueError, match="weights"):
        sitecover.World(gers[0], [0.5], [43.6], weights=[1.0, 2.0])
    with pytest.raises(ValueError, match=r"add\[0\] is not a \(name, lon, lat\)"):
        world.what_if(france_services, [], [("only a name",)])


def test_empty_inputs(gers):
    cantons = gers[0]
    empty_world = sitecover.World(cantons, np.array([]), np.array([]))
    assert len(empty_world) == 0
    nobody = sitecover.SiteIndex([], np.array([]), np.array([]))
    outcome = empty_world.evaluate(nobody)
    assert outcome.site.shape == (0,)
    assert sum(r["covered"] for r in empty_world.coverage(outcome)) == 0
    weights, weighted = sitecover.population_weights(np.array([]))
    assert weights.shape == (0,) and not weighted


def test_changes_read_back_from_a_plan(gers, france_services, tmp_path):
    _, _, _ = run_plan(tmp_path, "--remove", "1271", "--suggest", "1")
    changes = sitecover.load_site_changes(str(tmp_path / "sites.csv"))
    assert [r["change"] for r in changes.records()] == ["removed", "suggested"]
    after = sitecover.apply_changes(france_services, changes)
    assert len(after) == len(france_services)
    assert "1271" not in after.ids and "suggested-1" in after.ids
    with pytest.raises(ValueError, match="changes"):
        sitecover.apply_changes(after, changes)  # 1271 is gone already
    with pytest.raises(OSError, match="no-such"):
        sitecover.load_site_changes(str(tmp_path / "no-such.csv"))
