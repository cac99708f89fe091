#!/usr/bin/python3
"""Certified siting on the Gers (issue 24): for each objective, greenfield and with the France
Services kept, K = 1..20 (or --k), the greedy + swap answer against the certified one (value,
proven bound, gap, proven flag) and their wall times, through the library (World.suggest, the
call behind `sitecover plan --suggest K`). Crow-fly, population weights, candidates = the 462
communes' points, time limit 60 s per answer.

    PYTHONPATH=build/python bench/certified_plan.py [--k 1,5,10,20] [--objectives p-center]
Data: $SITECOVER_DATA or ../shared/geodata. Figures: bench/README.md."""

import argparse
import os
import pathlib
import time

import sitecover

DATA = pathlib.Path(os.environ.get("SITECOVER_DATA",
                                   pathlib.Path(__file__).resolve().parents[2] / "shared/geodata"))


def gers_world():
    cantons = sitecover.Areas.from_file(str(DATA / "gers" / "cantons-32-geofla2016.geojson"))
    codes, names, lon, lat = sitecover.load_points(
        str(DATA / "gers" / "communes-32-adminexpress2018.geojson"))
    weights, _ = sitecover.population_weights(sitecover.population_shares(
        str(DATA / "france" / "population-communes-2024.csv"), codes))
    return sitecover.World(cantons, lon, lat, weights=weights, codes=codes, names=names)


def figure(objective, value):
    if objective == "max-coverage":
        return value["covered_weight"]
    return value["max_cost"] if objective == "p-center" else value["mean_cost"]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--k", default=",".join(str(k) for k in range(1, 21)))
    parser.add_argument("--objectives", default="p-center,p-median,max-coverage")
    parser.add_argument("--time-limit", type=float, default=60.0)
    args = parser.parse_args()
    world = gers_world()
    services = sitecover.SiteIndex.from_file(str(DATA / "france" /
                                                 "france-services-2024-08-01.csv"))
    empty = sitecover.SiteIndex([], [], [])
    print("objective     sites  K  heuristic   certified   bound       gap %   proven  "
          "heur_s  cert_s")
    for objective in args.objectives.split(","):
        for label, sites in (("none", empty), ("kept", services)):
            for k in (int(x) for x in args.k.split(",")):
                start = time.perf_counter()
                found = world.suggest(sites, k, objective=objective, exhaustive_limit=0,
                                      time_limit_s=args.time_limit)
                wall = time.perf_counter() - start
                q = found["quality"]
                print(f"{objective:13} {label:5} {k:2}  {figure(objective, found['heuristic']['value']):10.1f}"
                      f"  {q['value']:10.1f}  {q['bound']:10.1f}  {100 * q['gap']:6.3f}  "
                      f"{'yes' if q['proven_optimal'] else 'no':6}  {found['search_s']:6.2f}  "
                      f"{q['solve_s']:6.2f}  (wall {wall:.2f} s)", flush=True)


if __name__ == "__main__":
    main()
