#!/usr/bin/env python3
"""Checks a consumer of the installed package against the `sitecover` command on the Gers data.

usage: compare_with_cli.py JOB CONSUMER SITECOVER DATA_DIR WORK_DIR

Runs the consumer (tests/consumers/JOB) and the CLI command doing the same job, then compares
the rows of their CSV outputs by key, numbers within the CLI's printed precision. Prints
"JOB: N rows match the CLI" and exits 0, or says what differs and exits 1.
"""
import csv
import io
import os
import subprocess
import sys

ROADS = "france/roads-major-travelmapping-2026-08.geojson"

# job -> (CLI arguments, file the CLI writes, key column, {column: tolerance or None for text})
JOBS = {
    "coverage_audit": (["coverage", "--site-types", "Principal,Antenne", "--as-of", "2022-04-20",
                        "-o", "{w}/cli.csv"], "area_code",
                       {"site_count": 0, "covered": 0, "margin_m": 0.051}),
    "nearest_batch": (["nearest", "-o", "{w}/cli.csv"], "origin_code",
                      {"site_id": None, "distance_m": 0.0011}),
    "nearest_by_road": (["nearest", "--roads", "{d}/" + ROADS, "-o", "{w}/cli.csv"], "origin_code",
                        {"road_site_id": None, "road_distance_m": 0.051, "travel_time_s": 0.051,
                         "snap_m": 0.051}),
    "what_if": (["plan", "--remove", "1271", "-o", "{w}/cli.csv"], "origin_code",
                {"population": 0.051, "site_before": None, "distance_before_m": 0.051,
                 "site_after": None, "distance_after_m": 0.051}),
    "site_suggestion": (["plan", "--suggest", "2", "--sites-output", "{w}/cli.csv"], "site_id",
                        {"site_name": None, "change": None, "lon": 1.1e-6, "lat": 1.1e-6,
                         "communes": 0, "population": 0.051}),
    # The report's canton rows against the coverage audit of the same sites; its summary lines
    # against the report's own (below).
    "report_model": (["coverage", "-o", "{w}/cli.csv"], "area_code",
                     {"site_count": 0, "margin_m": 0.051}),
}


def rows(text):
    return {r[KEY]: r for r in csv.DictReader(io.StringIO(text))}


def same(a, b, tolerance):
    if tolerance is None or a == "" or b == "":
        return a == b
    return abs(float(a) - float(b)) <= tolerance


def run(args):
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)}: exit {done.returncode}\n{done.stderr}")
    return done.stdout


def main():
    global KEY
    job, consumer, sitecover, data, work = sys.argv[1:6]
    os.makedirs(work, exist_ok=True)
    cli_args, KEY, columns = JOBS[job]
    cli_args = [a.format(w=work, d=data) for a in cli_args]
    out = run([consumer, data])
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith(KEY + ","))
    mine = rows("\n".join(lines[header:]))
    cli_out = run([sitecover] + cli_args + ["--data", data, "--overwrite"])
    with open(os.path.join(work, "cli.csv"), encoding="utf-8") as f:
        theirs = rows(f.read())
    problems = []
    if sorted(mine) != sorted(theirs):
        problems.append(f"keys differ: {sorted(set(mine) ^ set(theirs))[:10]}")
    for key in sorted(set(mine) & set(theirs)):
        for column, tolerance in columns.items():
            if not same(mine[key][column], theirs[key][column], tolerance):
                problems.append(f"{key} {column}: consumer {mine[key][column]!r}, "
                                f"CLI {theirs[key][column]!r}")
    if job == "report_model":
        report = run([sitecover, "report", "--data", data, "-o", os.path.join(work, "r.gpkg"),
                      "--overwrite"])
        for line in out.splitlines()[:3]:
            if line not in report:
                problems.append(f"summary line {line!r} not in the report's:\n{report}")
    if problems:
        print(f"{job}: {len(problems)} difference(s) with the CLI:\n" + "\n".join(problems[:20]))
        return 1
    print(f"{job}: {len(mine)} rows match the CLI")
    return 0


if __name__ == "__main__":
    sys.exit(main())
