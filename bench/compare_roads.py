#!/usr/bin/python3
"""Multi-source Dijkstra: sitecover's RoadQuery against scipy.sparse.csgraph.dijkstra
(min_only=True, one call from all sources) on the same CSR graph, in the same run.

    /usr/bin/python3 bench/compare_roads.py [--build build] [--data ../shared/geodata]

Needs the Debian package python3-scipy (apt-get install -y python3-scipy; with pyenv or a
virtualenv, run Debian's /usr/bin/python3). The graph comes from build/bench/export_road_graph,
which also times sitecover's query (median of 21 runs) and writes its labels; this script times
scipy the same way and checks that both give the same travel times.
"""

import argparse
import os
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


def compare(exporter, road_file, name, tmp):
    prefix = os.path.join(tmp, name)
    out = subprocess.run([exporter, road_file, prefix], check=True, capture_output=True, text=True).stdout.split()
    info = dict(zip(out[0::2], out[1::2]))
    with open(prefix + ".edges.txt") as f:
        n, m = map(int, f.readline().split())
    edges = np.loadtxt(prefix + ".edges.txt", skiprows=1, ndmin=2)
    sources = np.loadtxt(prefix + ".sources.txt", dtype=np.int64, ndmin=1)
    ours = np.loadtxt(prefix + ".labels.txt")
    tail, head, time_s = edges[:, 0].astype(np.int64), edges[:, 1].astype(np.int64), edges[:, 2]
    # sitecover labels a node with its time TO the nearest site: scipy runs on the reverse graph.
    reverse = csr_matrix((time_s, (head, tail)), shape=(n, n))
    runs = []
    for _ in range(21):
        t0 = time.perf_counter()
        theirs = dijkstra(reverse, directed=True, indices=sources, min_only=True)
        runs.append((time.perf_counter() - t0) * 1000.0)
    runs.sort()
    both = np.isfinite(ours) & np.isfinite(theirs)
    same_reach = bool(np.array_equal(np.isfinite(ours), np.isfinite(theirs)))
    max_diff = float(np.max(np.abs(ours[both] - theirs[both]))) if both.any() else 0.0
    print(f"{name}: {n} nodes, {m} edges, {len(sources)} sources; "
          f"sitecover {float(info['sitecover_query_ms_median']):.2f} ms, scipy {runs[len(runs) // 2]:.2f} ms "
          f"(median of 21); same reachable set: {same_reach}; max |difference| {max_diff:.3g} s")
    return same_reach and max_diff < 1e-6


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=os.path.join(here, "..", "build"))
    parser.add_argument("--data", default=os.environ.get("SITECOVER_DATA", os.path.join(here, "..", "..", "shared", "geodata")))
    args = parser.parse_args()
    exporter = os.path.join(args.build, "bench", "export_road_graph")
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        ok &= compare(exporter, os.path.join(args.data, "france", "roads-major-travelmapping-2026-08.geojson"), "france-main-roads", tmp)
        ok &= compare(exporter, os.path.join(args.data, "osm", "andorra.osm.pbf"), "andorra-osm", tmp)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
