#!/usr/bin/python3
"""A synthetic national road network over mainland France (and Corsica), for benchmarks.

    /usr/bin/python3 bench/make_synthetic_roads.py OUT.fgb [--nodes 22000000] [--seed 20261129]
        [--format FlatGeobuf|GPKG] [--data ../shared/geodata]

A perturbed grid: intersections on a regular lon/lat grid, each moved at random by up to 30 %
of the spacing, kept where mainland France or Corsica is (cells of about 5 km holding a commune,
grown by one cell); between two neighbouring intersections a road with 0-5 shape points
wiggling off the straight line, as OpenStreetMap ways have. Grid lines carry a hierarchy of
road classes in the field `class` that `sitecover nearest --roads` reads with its default
profile: every 192nd line is a motorway, every 48th a trunk, every 16th a primary, every 4th a
secondary road, the rest residential (12 % of residential pieces are missing, which leaves
dead ends, detours and a few cut-off pieces). Lines are split into features of 1-12 grid steps
(1-40 on motorways and trunks), which meet at shared intersections (identical coordinates,
rounded to 1e-7 degree like OSM nodes).

Nothing here reads or writes anything but this output: written through GDAL (python3-gdal),
FlatGeobuf by default (with its spatial index: features in Hilbert order). The sites and
origins of the benchmark are the real files (2,845 France Services, 35,357 communes).
Prints what it wrote as one JSON object. Needs Debian's python3-numpy and python3-gdal.
"""

import argparse
import json
import math
import os
import struct
import sys
import time

try:
    import numpy as np
    from osgeo import gdal, ogr, osr
except ImportError:
    sys.exit("make_synthetic_roads.py needs numpy and GDAL's Python bindings: "
             "apt-get install -y python3-numpy python3-gdal (then run /usr/bin/python3)")

LON0, LON1, LAT0, LAT1 = -5.3, 9.7, 41.2, 51.2
MID_LAT_COS = math.cos(math.radians(46.5))
KM_PER_DEG_LAT = 111.2
MASK_KM = 5.0
MEAN_SHAPE_POINTS = 2.5  # uniform 0..5
KEEP_RESIDENTIAL = 0.88
CLASSES = ["residential", "secondary", "primary", "trunk", "motorway"]


def land_mask(communes_path):
    """Cells of about 5 km holding the centroid of a commune of metropolitan France, grown by
    one cell: a coarse outline of the mainland and Corsica."""
    dlat = MASK_KM / KM_PER_DEG_LAT
    dlon = dlat / MID_LAT_COS
    nx, ny = int((LON1 - LON0) / dlon) + 1, int((LAT1 - LAT0) / dlat) + 1
    mask = np.zeros((ny, nx), dtype=bool)
    ds = ogr.Open(communes_path)
    if ds is None:
        sys.exit(f"cannot read {communes_path}")
    for feature in ds.GetLayer():
        if str(feature.GetField("code")).startswith("97"):
            continue
        c = feature.GetGeometryRef().Centroid()
        i, j = int((c.GetX() - LON0) / dlon), int((c.GetY() - LAT0) / dlat)
        if 0 <= i < nx and 0 <= j < ny:
            mask[j, i] = True
    grown = mask.copy()
    grown[1:, :] |= mask[:-1, :]
    grown[:-1, :] |= mask[1:, :]
    grown[:, 1:] |= mask[:, :-1]
    grown[:, :-1] |= mask[:, 1:]
    grown[1:, 1:] |= mask[:-1, :-1]
    grown[:-1, :-1] |= mask[1:, 1:]
    grown[1:, :-1] |= mask[:-1, 1:]
    grown[:-1, 1:] |= mask[1:, :-1]
    return grown, dlon, dlat


def class_of_line(index):
    """Road class (index into CLASSES) of grid line `index`."""
    c = np.zeros_like(index)
    c[index % 4 == 0] = 1
    c[index % 16 == 0] = 2
    c[index % 48 == 0] = 3
    c[index % 192 == 0] = 4
    return c


def line_features(node_x, node_y, kept, line_class, rng, spacing_deg):
    """The features along the rows of the grid (transpose the inputs for the columns).

    Returns (vertex lon, vertex lat, vertices per feature, class per feature)."""
    ny, nx = kept.shape
    has = kept[:, :-1] & kept[:, 1:]
    cls = np.broadcast_to(line_class[:, None], has.shape)
    has &= (cls > 0) | (rng.random(has.shape) < KEEP_RESIDENTIAL)
    # A feature starts at an edge whose predecessor is missing, or at a random break.
    prev = np.zeros_like(has)
    prev[:, 1:] = has[:, :-1]
    brk = rng.random(has.shape) < np.where(cls >= 3, 1 / 20, 1 / 6)
    start = has & (~prev | brk)
    jj, ii = np.nonzero(has)  # row-major: along each row in order
    start = start[jj, ii]
    ax, ay = node_x[jj, ii], node_y[jj, ii]
    bx, by = node_x[jj, ii + 1], node_y[jj, ii + 1]
    k = rng.integers(0, 6, size=len(jj))
    per_edge = start.astype(np.int64) + k + 1
    edge = np.repeat(np.arange(len(jj)), per_edge)
    first = np.repeat(np.cumsum(per_edge) - per_edge, per_edge)
    u = np.arange(len(edge)) - first + (1 - start[edge])  # 0: a, k + 1: b, else a shape point
    frac = u / (k[edge] + 1)
    inner = (u > 0) & (u < k[edge] + 1)
    wiggle = np.where(inner, rng.uniform(-0.15, 0.15, len(edge)) * spacing_deg, 0.0)
    dx, dy = bx[edge] - ax[edge], by[edge] - ay[edge]
    norm = np.hypot(dx, dy)
    x = ax[edge] + frac * dx - wiggle * dy / norm
    y = ay[edge] + frac * dy + wiggle * dx / norm
    feature_of_edge = np.cumsum(start) - 1
    counts = np.bincount(feature_of_edge[edge], minlength=int(start.sum()))
    feature_class = cls[jj, ii][start]
    return x, y, counts, feature_class


def write(path, fmt, parts, seed):
    driver = gdal.GetDriverByName(fmt)
    if os.path.exists(path):
        driver.Delete(path)
    ds = driver.Create(path, 0, 0, 0, gdal.GDT_Unknown)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = ds.CreateLayer("roads", srs, ogr.wkbLineString)
    layer.CreateField(ogr.FieldDefn("class", ogr.OFTString))
    defn = layer.GetLayerDefn()
    features = 0
    if fmt == "GPKG":
        ds.StartTransaction()
    for x, y, counts, feature_class in parts:
        xy = np.empty((len(x), 2))
        xy[:, 0] = np.round(x * 1e7) / 1e7
        xy[:, 1] = np.round(y * 1e7) / 1e7
        ends = np.cumsum(counts)
        for f, (n, end) in enumerate(zip(counts.tolist(), ends.tolist())):
            feature = ogr.Feature(defn)
            feature.SetField(0, CLASSES[feature_class[f]])
            wkb = struct.pack("<BII", 1, 2, n) + xy[end - n:end].tobytes()
            feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))
            if layer.CreateFeature(feature) != 0:
                sys.exit(f"cannot write feature {features} to {path}")
            features += 1
    if fmt == "GPKG":
        ds.CommitTransaction()
    ds = None  # closes and flushes; GDAL reports a failed close through its error state
    if gdal.GetLastErrorType() >= gdal.CE_Failure:
        sys.exit(f"writing {path} failed: {gdal.GetLastErrorMsg()}")
    return features


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--nodes", type=float, default=22e6, help="target node count")
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--format", default="FlatGeobuf", choices=["FlatGeobuf", "GPKG"])
    parser.add_argument("--data", default=os.environ.get(
        "SITECOVER_DATA", os.path.join(here, "..", "..", "shared", "geodata")))
    args = parser.parse_args()
    gdal.UseExceptions()
    t0 = time.perf_counter()
    print(f"seed {args.seed}", file=sys.stderr)
    rng = np.random.default_rng(args.seed)
    mask, mdlon, mdlat = land_mask(os.path.join(args.data, "france", "communes-adminexpress2018.geojson"))

    # Nodes per intersection: itself plus the shape points of its two roads (east and north).
    area_km2 = mask.sum() * MASK_KM * MASK_KM
    keep = (3 * KEEP_RESIDENTIAL + 1) / 4  # 3 lines in 4 are residential
    spacing_km = math.sqrt(area_km2 * (1 + 2 * keep * MEAN_SHAPE_POINTS) / args.nodes)
    dlat = spacing_km / KM_PER_DEG_LAT
    dlon = dlat / MID_LAT_COS
    nx, ny = int((LON1 - LON0) / dlon) + 1, int((LAT1 - LAT0) / dlat) + 1
    gx = LON0 + np.arange(nx) * dlon
    gy = LAT0 + np.arange(ny) * dlat
    node_x = gx[None, :] + rng.uniform(-0.3, 0.3, (ny, nx)) * dlon
    node_y = gy[:, None] + rng.uniform(-0.3, 0.3, (ny, nx)) * dlat
    mi = np.clip(((gx - LON0) / mdlon).astype(int), 0, mask.shape[1] - 1)
    mj = np.clip(((gy - LAT0) / mdlat).astype(int), 0, mask.shape[0] - 1)
    kept = mask[mj[:, None], mi[None, :]]

    rows = line_features(node_x, node_y, kept, class_of_line(np.arange(ny)), rng, dlat)
    cols = line_features(node_x.T, node_y.T, kept.T, class_of_line(np.arange(nx)), rng, dlat)
    vertices = len(rows[0]) + len(cols[0])
    features = write(args.out, args.format, [rows, cols], args.seed)
    by_class = {}
    for part in (rows, cols):
        for c, n in zip(*np.unique(part[3], return_counts=True)):
            by_class[CLASSES[c]] = by_class.get(CLASSES[c], 0) + int(n)
    print(json.dumps({
        "file": args.out, "format": args.format, "seed": args.seed,
        "spacing_m": round(spacing_km * 1000, 1), "grid": [nx, ny],
        "intersections": int(kept.sum()), "features": features, "vertices": int(vertices),
        "features_by_class": by_class, "bytes": os.path.getsize(args.out),
        "seconds": round(time.perf_counter() - t0, 1)}))


if __name__ == "__main__":
    main()
