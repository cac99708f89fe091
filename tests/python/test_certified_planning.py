"""The certified siting from Python (issue 24): World.suggest returns the quality of its answer
(value, proven bound, gap, proven flag) and sitecover.plan(objective="cover") the fewest new
sites, the same as `sitecover plan` on the Gers."""

import pytest

import sitecover
from test_planning import gers, make_world, run_plan  # noqa: F401 (fixture)


def test_p_center_is_proven_and_beats_the_heuristic(gers, france_services):  # noqa: F811
    world = make_world(gers)
    found = world.suggest(france_services, 6, objective="p-center")
    quality = found["quality"]
    assert quality["proven_optimal"] and quality["gap"] == 0.0
    assert quality["value"] == pytest.approx(11475.0, abs=10.0)
    assert quality["bound"] == quality["value"] == found["value"]["max_cost"]
    assert found["heuristic"]["value"]["max_cost"] > 11700.0
    assert "set covering" in quality["method"]


def test_certify_false_keeps_the_heuristic_alone(gers, france_services):  # noqa: F811
    found = make_world(gers).suggest(france_services, 2, certify=False)
    assert found["quality"] is None
    assert found["chosen"] == found["heuristic"]["chosen"]


def test_cover_agrees_with_the_cli(gers, france_services, tmp_path):  # noqa: F811
    plan = sitecover.plan(make_world(gers), france_services, objective="cover", within_m=10000.0)
    quality = plan.suggestion["quality"]
    assert quality["proven_optimal"] and quality["value"] == 11
    assert len(plan.changes) == 11
    assert plan.after["max_m"] <= 10000.0
    _, cli_sites, stdout = run_plan(tmp_path, "--objective", "cover", "--within-km", "10")
    assert "needs 11 new site(s)" in stdout
    assert sorted(r["site_name"] for r in cli_sites) == sorted(plan.changes.site_name)


def test_bad_time_limit_and_objective(gers, france_services):  # noqa: F811
    world = make_world(gers)
    with pytest.raises(ValueError, match="time_limit_s"):
        world.suggest(france_services, 2, time_limit_s=0.0)
    with pytest.raises(ValueError, match="cover"):
        world.suggest(france_services, 2, objective="best")
