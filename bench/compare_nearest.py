#!/usr/bin/python3
"""Nearest-site throughput: sitecover against the Python tools a user would otherwise use.

Generates seeded query points (numpy default_rng(20261126), uniform in the bounding box of
mainland France: lon -4.8..8.2, lat 42.3..51.1; the box also holds sea and neighbouring
countries, which only makes some distances longer), writes them as CSV `id,lon,lat`, and runs
on the same points in the same run:

  in-library (points already in memory, exact WGS84 distances, index build not counted)
    sitecover      build/bench/nearest_points_bench: SiteIndex::nearest, 1 thread;
                   k_nearest_batch(k=1) on --threads threads
    ckdtree-k1     scipy cKDTree on ECEF + pyproj Geod.inv for the winners (the fastest Python
                   path; the chord winner is not always the geodesic winner: counted)
    ckdtree-exact  same, exact: k=2 query, re-rank every site whose chord is <= the winner's
                   geodesic distance (chord <= geodesic, so no nearer site can be missed)
    ckdtree-k1 w2  cKDTree query with workers=2 (pyproj stays single-threaded)
    geopandas      sjoin_nearest in Lambert-93 (EPSG:2154), planar distances, where it runs
  end to end (CSV in, CSV out, wall clock)
    sitecover CLI  sitecover nearest --from POINTS.csv -o OUT.csv --overwrite [--quiet] [--threads N]
    python e2e     pandas.read_csv, cKDTree + pyproj (k1), DataFrame.to_csv (same columns)

and checks every tool against a brute-force reference on a sample (pyproj geodesic distance to
every site): same site except exact ties, distance within 1 mm.

Needs Debian's python3-numpy python3-pandas python3-scipy python3-pyproj python3-geopandas:
    apt-get install -y python3-scipy python3-pyproj python3-geopandas python3-pandas
Run with the system interpreter (/usr/bin/python3), after building (cmake --build --preset default):
    bench/compare_nearest.py                       # 100k and 1M points, a few minutes
    bench/compare_nearest.py --sizes 10M --only-e2e
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from pyproj import Geod
from scipy.spatial import cKDTree

SEED = 20261126
LON_RANGE = (-4.8, 8.2)
LAT_RANGE = (42.3, 51.1)
ROOT = Path(__file__).resolve().parent.parent
GEOD = Geod(ellps="WGS84")
WGS84_A = 6378137.0
WGS84_F = 1 / 298.257223563
WGS84_E2 = WGS84_F * (2 - WGS84_F)


def parse_size(text):
    text = text.strip().lower()
    mult = {"k": 1_000, "m": 1_000_000}.get(text[-1], 1)
    return int(float(text[:-1] if text[-1] in "km" else text) * mult)


def label(n):
    return f"{n // 1_000_000}M" if n % 1_000_000 == 0 else f"{n // 1000}k" if n % 1000 == 0 else str(n)


def ecef(lon_deg, lat_deg):
    """ECEF (metres) of points on the WGS84 ellipsoid (height 0), vectorised."""
    lon = np.radians(lon_deg)
    lat = np.radians(lat_deg)
    sin_lat = np.sin(lat)
    cos_lat = np.cos(lat)
    n = WGS84_A / np.sqrt(1.0 - WGS84_E2 * sin_lat * sin_lat)
    return np.column_stack((n * cos_lat * np.cos(lon), n * cos_lat * np.sin(lon), n * (1.0 - WGS84_E2) * sin_lat))


def id_rank(ids):
    """Tie-break key of sitecover (numeric ids as numbers, before any other id), as ranks."""
    keys = [(0, int(s), "") if s.isdigit() else (1, 0, s) for s in ids]
    order = sorted(range(len(ids)), key=lambda i: keys[i])
    rank = np.empty(len(ids), dtype=np.int64)
    rank[order] = np.arange(len(ids))
    return rank


class Sites:
    def __init__(self, path):
        df = pd.read_csv(path, dtype={"id_fs": str, "insee_dep": str})
        self.df = df
        self.ids = df["id_fs"].to_numpy(dtype=object)
        self.lon = df["longitude"].to_numpy(dtype=float)
        self.lat = df["latitude"].to_numpy(dtype=float)
        self.rank = id_rank(list(self.ids))


# ---------------------------------------------------------------- Python peers (in-library)


def ckdtree_k1(sites, tree, lon, lat, workers=1):
    """cKDTree on ECEF, chord-nearest site, exact geodesic distance to it."""
    _, idx = tree.query(ecef(lon, lat), k=1, workers=workers)
    _, _, dist = GEOD.inv(lon, lat, sites.lon[idx], sites.lat[idx])
    return idx, dist


def ckdtree_exact(sites, tree, lon, lat):
    """Exact geodesic-nearest with cKDTree: the chord never exceeds the geodesic, so every site
    nearer (geodesically) than the chord winner has a chord <= the winner's geodesic distance.
    Query k=2; where the second chord is within that bound, re-rank all candidates exactly."""
    xyz = ecef(lon, lat)
    chord, idx = tree.query(xyz, k=2)
    best = idx[:, 0].copy()
    _, _, dist = GEOD.inv(lon, lat, sites.lon[best], sites.lat[best])
    bound = dist * (1 + 1e-12) + 1e-6
    ambiguous = np.nonzero(chord[:, 1] <= bound)[0]
    for i in ambiguous:  # few points: duplicated site positions and near-ties
        cand = np.asarray(tree.query_ball_point(xyz[i], bound[i]), dtype=np.int64)
        _, _, d = GEOD.inv(np.full(cand.size, lon[i]), np.full(cand.size, lat[i]), sites.lon[cand], sites.lat[cand])
        order = np.lexsort((sites.rank[cand], d))
        best[i] = cand[order[0]]
        dist[i] = d[order[0]]
    return best, dist, ambiguous.size


def ckdtree_k5_exact(sites, tree, lon, lat, k=5):
    """The k nearest by geodesic distance with cKDTree + pyproj: query k+1 by chord, geodesic
    distances of the first k; where the (k+1)-th chord is within the k-th geodesic distance,
    every site in that ball is re-ranked exactly (ties by site id)."""
    xyz = ecef(lon, lat)
    chord, idx = tree.query(xyz, k=k + 1)
    n = lon.size
    _, _, d = GEOD.inv(np.repeat(lon, k), np.repeat(lat, k), sites.lon[idx[:, :k]].ravel(),
                       sites.lat[idx[:, :k]].ravel())
    d = d.reshape(n, k)
    order = np.lexsort((sites.rank[idx[:, :k]], d), axis=1)
    best = np.take_along_axis(idx[:, :k], order, axis=1)
    dist = np.take_along_axis(d, order, axis=1)
    bound = dist[:, -1] * (1 + 1e-12) + 1e-6
    ambiguous = np.nonzero(chord[:, k] <= bound)[0]
    for i in ambiguous:
        cand = np.asarray(tree.query_ball_point(xyz[i], bound[i]), dtype=np.int64)
        _, _, dc = GEOD.inv(np.full(cand.size, lon[i]), np.full(cand.size, lat[i]), sites.lon[cand], sites.lat[cand])
        o = np.lexsort((sites.rank[cand], dc))[:k]
        best[i] = cand[o]
        dist[i] = dc[o]
    return best, dist, ambiguous.size


def ckdtree_within(sites, tree, lon, lat, radius_m=19_000.0, max_hits=64):
    """Every site within radius_m (geodesic) with cKDTree + pyproj: chord <= geodesic, so the
    chord ball of radius_m holds them all; vectorised with query(k=max_hits,
    distance_upper_bound), the few fuller balls with query_ball_point, then pyproj on the
    candidate pairs, filtered and sorted per point."""
    xyz = ecef(lon, lat)
    r = radius_m * (1 + 1e-12) + 1e-6
    chord, idx = tree.query(xyz, k=max_hits, distance_upper_bound=r)
    full = np.isfinite(chord[:, -1])
    point, slot = np.nonzero(np.isfinite(chord) & ~full[:, None])
    site = idx[point, slot]
    extra = [(i, j) for i in np.nonzero(full)[0] for j in tree.query_ball_point(xyz[i], r)]
    if extra:
        point = np.concatenate((point, np.array([i for i, _ in extra], dtype=np.int64)))
        site = np.concatenate((site, np.array([j for _, j in extra], dtype=np.int64)))
    _, _, d = GEOD.inv(lon[point], lat[point], sites.lon[site], sites.lat[site])
    keep = d <= radius_m
    point, site, d = point[keep], site[keep], d[keep]
    order = np.lexsort((sites.rank[site], d, point))
    return point[order], site[order], d[order]


def geopandas_nearest(sites, lon, lat):
    import geopandas as gpd

    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326").to_crs("EPSG:2154")
    st = gpd.GeoDataFrame(
        {"site": np.arange(len(sites.ids))}, geometry=gpd.points_from_xy(sites.lon, sites.lat), crs="EPSG:4326"
    ).to_crs("EPSG:2154")
    joined = gpd.sjoin_nearest(pts, st, distance_col="distance_m")
    joined = joined[~joined.index.duplicated(keep="first")].sort_index()  # ties give several rows
    return joined["site"].to_numpy(), joined["distance_m"].to_numpy()


# ---------------------------------------------------------------- reference and checks


def brute_force(sites, lon, lat):
    """Exact nearest by computing every geodesic (pyproj, Karney). Returns (best, dist, tied)."""
    best = np.empty(lon.size, dtype=np.int64)
    dist = np.empty(lon.size)
    tied = []
    m = sites.lon.size
    for i in range(lon.size):
        _, _, d = GEOD.inv(np.full(m, lon[i]), np.full(m, lat[i]), sites.lon, sites.lat)
        dmin = d.min()
        ties = np.nonzero(d == dmin)[0]
        best[i] = ties[np.argmin(sites.rank[ties])]
        dist[i] = dmin
        tied.append(set(sites.ids[ties]))
    return best, dist, tied


def check(sites, ref, got_ids, got_dist, tolerance_m=1e-3):
    """Disagreements with the reference: (site not among the tied nearest, distance off > tol)."""
    _, ref_dist, tied = ref
    wrong_site = sum(1 for g, t in zip(got_ids, tied) if str(g) not in t)
    wrong_dist = int(np.count_nonzero(np.abs(np.asarray(got_dist, dtype=float) - ref_dist) > tolerance_m))
    return wrong_site, wrong_dist


# ---------------------------------------------------------------- runs


def write_points(path, n):
    rng = np.random.default_rng(SEED)
    lon = rng.uniform(*LON_RANGE, n)
    lat = rng.uniform(*LAT_RANGE, n)
    pd.DataFrame({"id": np.arange(n), "lon": lon, "lat": lat}).to_csv(path, index=False, float_format="%.7f")


def run_bench_program(exe, sites_csv, points_csv, threads, out_csv):
    cmd = [str(exe), str(sites_csv), str(points_csv), "--threads", str(threads), "--out", str(out_csv)]
    proc = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return {(r["phase"], r["threads"]): r for r in map(json.loads, proc.stdout.splitlines())}


def cli_flags(cli):
    text = subprocess.run([str(cli), "nearest", "--help"], capture_output=True, text=True).stdout
    return {"--quiet": "--quiet" in text, "--threads": "--threads" in text}


def run_cli(cli, sites_csv, points_csv, out_csv, threads, flags):
    cmd = [str(cli), "nearest", "--from", str(points_csv), "--sites", str(sites_csv), "-o", str(out_csv), "--overwrite"]
    if flags["--quiet"]:
        cmd.append("--quiet")
    if flags["--threads"]:
        cmd += ["--threads", str(threads)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip()}")
    return seconds, " ".join(cmd)


def python_e2e(sites_csv, points_csv, out_csv):
    """The same job in Python: read both CSVs, index, query (cKDTree + pyproj), write CSV."""
    t0 = time.perf_counter()
    sites = pd.read_csv(sites_csv, dtype={"id_fs": str, "insee_dep": str})
    pts = pd.read_csv(points_csv, dtype={"id": str})
    tree = cKDTree(ecef(sites["longitude"].to_numpy(), sites["latitude"].to_numpy()))
    lon = pts["lon"].to_numpy()
    lat = pts["lat"].to_numpy()
    _, idx = tree.query(ecef(lon, lat), k=1)
    _, _, dist = GEOD.inv(lon, lat, sites["longitude"].to_numpy()[idx], sites["latitude"].to_numpy()[idx])
    out = pd.DataFrame(
        {
            "origin_code": pts["id"],
            "origin_lon": lon,
            "origin_lat": lat,
            "site_id": sites["id_fs"].to_numpy()[idx],
            "site_name": sites["lib_fs"].to_numpy()[idx],
            "site_dep": sites["insee_dep"].to_numpy()[idx],
            "distance_m": np.round(dist, 3),
        }
    )
    out.to_csv(out_csv, index=False)
    return time.perf_counter() - t0


def import_sitecover(build):
    """The sitecover Python module of this build (build/python), or None when not built."""
    sys.path.insert(0, str(build / "python"))
    try:
        import sitecover  # noqa: PLC0415 - only where the build made it
    except ImportError as e:
        print(f"note: no sitecover Python module in {build / 'python'} ({e}): its row is left out")
        return None
    return sitecover


def timed(fn, *args, **kwargs):
    t0 = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - t0, result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100k,1M", help="comma-separated point counts (default 100k,1M)")
    ap.add_argument("--sites", default=str(ROOT.parent / "shared/geodata/france/france-services-2024-08-01.csv"))
    ap.add_argument("--build-dir", default=str(ROOT / "build"))
    ap.add_argument("--threads", type=int, default=2, help="threads for the multi-threaded runs (default 2)")
    ap.add_argument("--sample", type=int, default=1000, help="points checked against brute force (default 1000)")
    ap.add_argument("--geopandas-max", default="1M", help="largest size given to GeoPandas (default 1M)")
    ap.add_argument("--communes", default=str(ROOT.parent / "shared/geodata/france/communes-adminexpress2018.geojson"),
                    help="national commune layer for the end-to-end commune run ('' to skip)")
    ap.add_argument("--only-e2e", action="store_true", help="only the end-to-end CLI vs pandas job")
    ap.add_argument("--tmpdir", default=None, help="where the point files go (default: a temporary directory)")
    ap.add_argument("--keep", action="store_true", help="keep the point and result files")
    args = ap.parse_args()

    sizes = [parse_size(s) for s in args.sizes.split(",") if s]
    geopandas_max = parse_size(args.geopandas_max)
    build = Path(args.build_dir)
    bench_exe = build / "bench/nearest_points_bench"
    cli = build / "tools/sitecover"
    for exe in (bench_exe, cli):
        if not exe.exists():
            sys.exit(f"compare_nearest: {exe} not found: build first (cmake --build --preset default)")
    sites_csv = Path(args.sites)
    sites = Sites(sites_csv)
    tree = cKDTree(ecef(sites.lon, sites.lat))
    flags = cli_flags(cli)
    sitecover_py = import_sitecover(build)
    work = Path(args.tmpdir or tempfile.mkdtemp(prefix="sitecover-bench-"))
    work.mkdir(parents=True, exist_ok=True)

    print(f"sites: {len(sites.ids)} from {sites_csv}; cores: {os.cpu_count()}; seed {SEED}; "
          f"points uniform in lon {LON_RANGE}, lat {LAT_RANGE}")
    missing = [f for f, ok in flags.items() if not ok]
    if missing:
        print(f"note: this sitecover CLI has no {', '.join(missing)}: run without (one thread, summary printed)")

    rows = []  # (size, group, tool, seconds, note)
    checks = []  # (size, tool, sample, wrong_site, wrong_dist)
    notes = []
    try:
        for n in sizes:
            points_csv = work / f"points-{label(n)}.csv"
            t_gen, _ = timed(write_points, points_csv, n)
            print(f"\n== {label(n)} points ({points_csv}, {points_csv.stat().st_size / 1e6:.0f} MB, "
                  f"generated in {t_gen:.1f} s)", flush=True)
            pts = pd.read_csv(points_csv)  # what both sides query: the parsed file, untimed
            lon = pts["lon"].to_numpy()
            lat = pts["lat"].to_numpy()
            del pts
            sample = np.random.default_rng(SEED + 1).choice(n, size=min(args.sample, n), replace=False)
            sample.sort()
            ref = brute_force(sites, lon[sample], lat[sample])

            if not args.only_e2e:
                # (a) sitecover in library
                bench_out = work / f"bench-out-{label(n)}.csv"
                r = run_bench_program(bench_exe, sites_csv, points_csv, args.threads, bench_out)
                single = r[("nearest", 1)]
                batch = next(v for (p, _), v in r.items() if p == "k_nearest_batch")
                rows.append((n, "in-library", "sitecover nearest, 1 thread", single["seconds"], ""))
                rows.append((n, "in-library", f"sitecover k_nearest_batch, {batch['threads']} threads",
                             batch["seconds"], ""))
                rows.append((n, "in-library", "sitecover nearest, every distance by Karney, 1 thread",
                             r[("nearest_karney", 1)]["seconds"], "DistanceMethod::Karney"))
                rows.append((n, "k=5", "sitecover k_nearest(5), 1 thread", r[("k_nearest5", 1)]["seconds"], ""))
                rows.append((n, "within", "sitecover within(19 km), 1 thread", r[("within19km", 1)]["seconds"], ""))
                got = pd.read_csv(bench_out, dtype={"site_id": str}).iloc[sample]
                checks.append((n, "sitecover (bench --out)", *check(sites, ref, got["site_id"], got["distance_m"])))
                bench_out.unlink()

                # (a') the same library from Python (build/python), numpy arrays in and out
                if sitecover_py is not None:
                    index = sitecover_py.SiteIndex(list(sites.ids), sites.lon, sites.lat)
                    t, (sp, dp) = timed(index.nearest, lon, lat, threads=1)
                    rows.append((n, "in-library", "sitecover (Python), 1 thread", t, "SiteIndex.nearest"))
                    checks.append((n, "sitecover (Python)", *check(sites, ref, sites.ids[sp[sample]], dp[sample])))
                    del index, sp, dp

                # (b) scipy cKDTree + pyproj
                t, (idx1, d1) = timed(ckdtree_k1, sites, tree, lon, lat)
                rows.append((n, "in-library", "cKDTree(ECEF) k=1 + pyproj, 1 thread", t, ""))
                t, (idx2, _) = timed(ckdtree_k1, sites, tree, lon, lat, workers=args.threads)
                rows.append((n, "in-library", f"cKDTree(ECEF) k=1 workers={args.threads} + pyproj", t, ""))
                t, (idxe, de, n_amb) = timed(ckdtree_exact, sites, tree, lon, lat)
                rows.append((n, "in-library", "cKDTree(ECEF) exact (k=2 + re-rank) + pyproj", t,
                             f"{n_amb} points re-ranked"))
                # chord winner vs exact winner, over all points (not only the sample)
                differ = np.nonzero(idx1 != idxe)[0]
                real = int(np.count_nonzero(np.abs(d1[differ] - de[differ]) > 0))
                notes.append(f"{label(n)}: cKDTree k=1 picks another site than the exact nearest for "
                             f"{differ.size} points; {real} of them farther (by up to "
                             f"{(d1[differ] - de[differ]).max() if differ.size else 0:.3f} m), the rest exact ties")
                checks.append((n, "cKDTree k=1 + pyproj", *check(sites, ref, sites.ids[idx1[sample]], d1[sample])))
                checks.append((n, "cKDTree exact + pyproj", *check(sites, ref, sites.ids[idxe[sample]], de[sample])))
                del idx2

                # k = 5 and within 19 km, exact, with cKDTree + pyproj
                t, (_, _, n_amb5) = timed(ckdtree_k5_exact, sites, tree, lon, lat)
                rows.append((n, "k=5", "cKDTree(ECEF) exact k=5 (k=6 + re-rank) + pyproj", t,
                             f"{n_amb5} points re-ranked"))
                t, (wp, _, _) = timed(ckdtree_within, sites, tree, lon, lat)
                rows.append((n, "within", "cKDTree(ECEF) ball 19 km + pyproj, sorted", t, f"{wp.size} hits"))
                del wp

                # (c) GeoPandas
                if n <= geopandas_max:
                    try:
                        t, (idxg, dg) = timed(geopandas_nearest, sites, lon, lat)
                        rows.append((n, "in-library", "GeoPandas sjoin_nearest (EPSG:2154)", t,
                                     "planar Lambert-93 distance"))
                        checks.append((n, "GeoPandas sjoin_nearest", *check(
                            sites, ref, sites.ids[idxg[sample]], dg[sample])))
                    except Exception as e:  # noqa: BLE001 - report why the peer did not run
                        rows.append((n, "in-library", "GeoPandas sjoin_nearest (EPSG:2154)", None,
                                     f"did not run: {type(e).__name__}: {str(e).splitlines()[0][:90]}"))
                else:
                    rows.append((n, "in-library", "GeoPandas sjoin_nearest (EPSG:2154)", None,
                                 f"skipped above --geopandas-max {args.geopandas_max}"))

            # (d) end to end, CSV in -> CSV out
            cli_out = work / f"cli-out-{label(n)}.csv"
            t, cmd = run_cli(cli, sites_csv, points_csv, cli_out, args.threads, flags)
            threads_note = f"{args.threads} threads" if flags["--threads"] else "no --threads flag"
            rows.append((n, "end-to-end", f"sitecover CLI ({threads_note})", t, ""))
            got = pd.read_csv(cli_out, dtype={"origin_code": str, "site_id": str},
                              usecols=["origin_code", "site_id", "distance_m"])
            got = got.set_index(got["origin_code"].astype(np.int64)).loc[sample]
            checks.append((n, "sitecover CLI output", *check(sites, ref, got["site_id"], got["distance_m"])))
            del got
            cli_out.unlink()
            py_out = work / f"py-out-{label(n)}.csv"
            t = python_e2e(sites_csv, points_csv, py_out)
            rows.append((n, "end-to-end", "pandas read + cKDTree + pyproj + pandas write", t, ""))
            py_out.unlink()
            print(f"   command: {cmd}", flush=True)
            if not args.keep:
                points_csv.unlink()
            print_table([r for r in rows if r[0] == n])
        if args.communes:
            # The national commune run: load the polygons, pick a point in each, index, query, write.
            out = work / "communes-nearest.csv"
            cmd = [str(cli), "nearest", "--from", args.communes, "--sites", str(sites_csv), "-o", str(out), "--overwrite"]
            t0 = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, text=True)
            t = time.perf_counter() - t0
            if proc.returncode != 0:
                notes.append(f"commune run failed ({proc.returncode}): {proc.stderr.strip()[:200]}")
            else:
                n_communes = sum(1 for _ in open(out, encoding="utf-8")) - 1
                print(f"\n== national communes: {' '.join(cmd)}\n   {n_communes} communes in {t:.2f} s wall clock")
                rows.append((n_communes, "communes", "sitecover CLI, national communes (load..write)", t, ""))
                out.unlink()
    finally:
        if not args.keep and args.tmpdir is None:
            shutil.rmtree(work, ignore_errors=True)

    print("\n== all sizes")
    print_table(rows)
    print("\n== agreement with brute force (pyproj geodesic to all sites) on a sample")
    print(f"{'size':>5}  {'tool':<28} {'sample':>6} {'wrong site':>10} {'dist > 1 mm':>11}")
    for n, tool, ws, wd in checks:
        print(f"{label(n):>5}  {tool:<28} {min(args.sample, n):>6} {ws:>10} {wd:>11}")
    for note in notes:
        print("note:", note)


def print_table(rows):
    print(f"{'size':>5}  {'group':<10} {'tool':<50} {'seconds':>8} {'points/s':>11} {'x sitecover':>11}  note")
    base = {}
    for n, group, tool, seconds, _ in rows:
        if tool.startswith("sitecover") and (n, group) not in base and seconds:
            base[(n, group)] = seconds  # the first sitecover row of the group (1 thread in library)
    for n, group, tool, seconds, note in rows:
        if seconds is None:
            print(f"{label(n):>5}  {group:<10} {tool:<50} {'-':>8} {'-':>11} {'-':>11}  {note}")
            continue
        ratio = seconds / base[(n, group)] if (n, group) in base else float("nan")
        print(f"{label(n):>5}  {group:<10} {tool:<50} {seconds:>8.3f} {n / seconds:>11,.0f} {ratio:>10.2f}x  {note}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
