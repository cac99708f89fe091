#!/usr/bin/python3
"""Multi-source Dijkstra: sitecover's RoadQuery against scipy.sparse.csgraph.dijkstra
(min_only=True, one call from all sources) on the same CSR graph, in the same run.

    /usr/bin/python3 bench/compare_roads.py [--build build] [--data ../shared/geodata]
    /usr/bin/python3 bench/compare_roads.py --synthetic /tmp/france-roads.fgb [--nodes 22e6]

Default: the France main-road file and the Andorra OSM extract, median of 21 runs each.
--synthetic FILE: the national network of bench/make_synthetic_roads.py (made when FILE does not
exist), in three processes, each under /usr/bin/time -v for its wall clock and peak memory:
  1. the CLI end to end: sitecover nearest --roads FILE --from communes (35,357) -o OUT.csv;
  2. build/bench/export_road_graph: each phase (load, graph, R-tree, snapping the 2,845 sites,
     Dijkstra, the commune queries) with its time and peak memory, then sitecover's Dijkstra
     on the scipy problem (sources on nodes) and the export of that problem;
  3. scipy: csr_matrix of the exported arrays, then dijkstra(indices=sources, min_only=True),
     and a check that both give the same travel time at every node.

Needs the Debian packages python3-scipy (and python3-gdal for --synthetic); with pyenv or a
virtualenv, run Debian's /usr/bin/python3. Big runs belong under `nice -n 19` on a shared machine.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

try:
    import numpy as np
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra
except ImportError:
    sys.exit("compare_roads.py needs scipy: apt-get install -y python3-scipy (then run /usr/bin/python3)")


def load_problem(prefix):
    indptr = np.fromfile(prefix + ".indptr", dtype=np.int32)
    indices = np.fromfile(prefix + ".indices", dtype=np.int32)
    data = np.fromfile(prefix + ".data", dtype=np.float64)
    sources = np.fromfile(prefix + ".sources", dtype=np.int32)
    return indptr, indices, data, sources


def scipy_runs(prefix, runs):
    """scipy on the exported reverse graph (sitecover labels a node with its time TO a site).
    Returns (csr build s, median dijkstra s, cpu s of that run, labels)."""
    indptr, indices, data, sources = load_problem(prefix)
    n = len(indptr) - 1
    t0 = time.perf_counter()
    graph = csr_matrix((data, indices, indptr), shape=(n, n))
    build_s = time.perf_counter() - t0
    times, cpus = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        labels = dijkstra(graph, directed=True, indices=sources, min_only=True)
        times.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    order = sorted(range(runs), key=lambda i: times[i])
    return build_s, times[order[runs // 2]], cpus[order[runs // 2]], labels


def agreement(prefix, theirs):
    ours = np.fromfile(prefix + ".labels", dtype=np.float64)
    both = np.isfinite(ours) & np.isfinite(theirs)
    same_reach = bool(np.array_equal(np.isfinite(ours), np.isfinite(theirs)))
    max_diff = float(np.max(np.abs(ours[both] - theirs[both]))) if both.any() else 0.0
    return same_reach, max_diff


def compare_small(exporter, road_file, name, tmp):
    prefix = os.path.join(tmp, name)
    out = subprocess.run([exporter, road_file, prefix], check=True, capture_output=True, text=True).stdout
    info = dict(line.split(" ", 1) for line in out.splitlines() if not line.startswith("phase"))
    _, median_s, _, theirs = scipy_runs(prefix, 21)
    same_reach, max_diff = agreement(prefix, theirs)
    print(f"{name}: {info['nodes']} nodes, {info['edges']} edges, {info['sources']} sources; "
          f"sitecover {float(info['sitecover_query_ms_median']):.2f} ms, scipy {median_s * 1000:.2f} ms "
          f"(median of 21); same reachable set: {same_reach}; max |difference| {max_diff:.3g} s")
    return same_reach and max_diff < 1e-6


def timed(cmd, label):
    """Runs cmd under /usr/bin/time -v; prints and returns (stdout, wall s, cpu s, peak MB)."""
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"{label} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")

    def field(pattern):
        return re.search(pattern, proc.stderr).group(1)

    wall = field(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)").split(":")
    wall_s = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
    cpu_s = float(field(r"User time \(seconds\): (\S+)")) + float(field(r"System time \(seconds\): (\S+)"))
    peak_mb = float(field(r"Maximum resident set size \(kbytes\): (\d+)")) / 1024.0
    print(f"{label:<44} wall {wall_s:8.1f} s  cpu {cpu_s:8.1f} s  peak {peak_mb:7.0f} MB", flush=True)
    return proc.stdout, wall_s, cpu_s, peak_mb


def compare_synthetic(args, here, tmp):
    if not os.path.exists(args.synthetic):
        subprocess.run([sys.executable, os.path.join(here, "make_synthetic_roads.py"), args.synthetic,
                        "--nodes", str(args.nodes), "--data", args.data], check=True)
    communes = os.path.join(args.data, "france", "communes-adminexpress2018.geojson")
    cli = os.path.join(args.build, "tools", "sitecover")
    timed([cli, "nearest", "--roads", args.synthetic, "--from", communes, "--data", args.data,
           "-o", args.output or os.path.join(tmp, "out.csv"), "--overwrite", "--quiet"],
          "sitecover nearest --roads (CLI, end to end)")
    prefix = os.path.join(tmp, "synthetic")
    out, _, _, _ = timed([os.path.join(args.build, "bench", "export_road_graph"), args.synthetic, prefix,
                          "--runs", str(args.runs), "--origins", communes],
                         "export_road_graph (phases, then export)")
    for line in out.splitlines():
        if line.startswith("phase"):
            print("  " + line)
    info = dict(line.split(" ", 1) for line in out.splitlines() if not line.startswith("phase"))
    out, _, _, _ = timed([sys.executable, os.path.abspath(__file__), "--scipy-worker", prefix,
                          "--runs", str(args.runs)], "scipy (read arrays, csr_matrix, dijkstra)")
    print("  " + out.strip())
    scipy_s = float(re.search(r"dijkstra (\S+) s", out).group(1))
    ours_s = float(info["sitecover_query_ms_median"]) / 1000.0
    print(f"Dijkstra from {info['sources']} sources on {info['nodes']} nodes, {info['edges']} edges: "
          f"sitecover {ours_s:.2f} s, scipy {scipy_s:.2f} s: {scipy_s / ours_s:.1f}x")
    return "same reachable set: True" in out and "max |difference| 0 s" in out


def scipy_worker(prefix, runs):
    build_s, median_s, cpu_s, theirs = scipy_runs(prefix, runs)
    same_reach, max_diff = agreement(prefix, theirs)
    print(f"csr_matrix {build_s:.2f} s; dijkstra {median_s:.2f} s wall (cpu {cpu_s:.2f} s, median of "
          f"{runs}); same reachable set: {same_reach}; max |difference| {max_diff:.3g} s")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=os.path.join(here, "..", "build"))
    parser.add_argument("--data", default=os.environ.get("SITECOVER_DATA", os.path.join(here, "..", "..", "shared", "geodata")))
    parser.add_argument("--synthetic", help="national synthetic network (FlatGeobuf), made when missing")
    parser.add_argument("--nodes", type=float, default=22e6, help="nodes of a synthetic network to make")
    parser.add_argument("--runs", type=int, default=1, help="Dijkstra runs on the synthetic network (median)")
    parser.add_argument("--output", help="where the CLI writes its CSV (default: a temporary file)")
    parser.add_argument("--scipy-worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scipy_worker:
        scipy_worker(args.scipy_worker, args.runs)
        return
    exporter = os.path.join(args.build, "bench", "export_road_graph")
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        if args.synthetic:
            ok &= compare_synthetic(args, here, tmp)
        else:
            ok &= compare_small(exporter, os.path.join(args.data, "france", "roads-major-travelmapping-2026-08.geojson"), "france-main-roads", tmp)
            ok &= compare_small(exporter, os.path.join(args.data, "osm", "andorra.osm.pbf"), "andorra-osm", tmp)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
