"""What-if, suggestion and the report's model: compositions of the library calls, as `sitecover
plan` and `sitecover report` make them (no computation here: each step is one library call)."""

from ._sitecover import _report_data, apply_changes


def frame(records, columns, as_frame=None):
    """Records as a pandas DataFrame when pandas is importable (or as_frame=True), else as they
    are (or with as_frame=False)."""
    if as_frame is False:
        return records
    try:
        import pandas
    except ImportError:
        if as_frame:
            raise
        return records
    return pandas.DataFrame.from_records(records, columns=columns)


def population_weights(shares):
    """Weights for World from population_shares(): an unknown population weighs 0, and when no
    origin has a known non-zero population every origin weighs 1 (what `sitecover plan` does
    with its --population file). Returns (weights, weighted)."""
    import numpy as np

    shares = np.asarray(shares, dtype=float)
    weights = np.nan_to_num(shares, nan=0.0)
    if shares.size == 0 or not np.any(weights > 0):
        return np.ones(shares.size), False
    return weights, True


CHANGE_COLUMNS = ["site_id", "site_name", "change", "lon", "lat", "origins", "population"]


class Plan:
    """The outcome of plan(): the sites after the change, the changes, the figures before and
    after (World.figures), one row per origin, and the suggestion (World.suggest) if asked.

    Attributes: sites (SiteIndex after), changes (DataFrame or records: site_id, site_name,
    change, lon, lat, origins, population), before / after (figures dicts), origins (DataFrame
    or records: the columns of `sitecover plan -o`), suggestion (dict or None), outcome_before /
    outcome_after (Outcome).
    """

    def __init__(self, **fields):
        self.__dict__.update(fields)

    def __repr__(self):
        b, a = self.before, self.after
        kinds = {}
        for change in _column(self.changes, "change"):
            kinds[change] = kinds.get(change, 0) + 1
        changes = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())) or "no change"
        text = (f"<sitecover.Plan: {changes}; covered {b['covered']}/{b['areas']} -> "
                f"{a['covered']}/{a['areas']}; mean {_km(b.get('mean_m'))} -> "
                f"{_km(a.get('mean_m'))}, max {_km(b.get('max_m'))} -> {_km(a.get('max_m'))}")
        if self.suggestion:
            text += f"; suggestion {self.suggestion.get('objective', '')}".rstrip()
        return text + ">"


def _column(table, name):
    """One column of a DataFrame or of records."""
    if hasattr(table, "columns"):
        return list(table[name]) if name in table.columns else []
    return [row[name] for row in table]


def _km(metres):
    return "-" if metres is None or metres != metres else f"{metres / 1000:.1f} km"


def _site_ids(index, positions):
    ids = index.ids
    return [ids[p] if p >= 0 else None for p in positions]


def _origin_records(world, sites, final, before, after):
    """The per-origin rows of `sitecover plan -o` (without the geometry)."""
    site_before = _site_ids(sites, before.site)
    site_after = _site_ids(final, after.site)
    rows = []
    for i in range(len(world)):
        row = {
            "origin_code": world.codes[i], "origin_name": world.names[i],
            "site_before": site_before[i], "distance_before_m": before.distance_m[i],
            "site_after": site_after[i], "distance_after_m": after.distance_m[i],
            "changed": site_before[i] != site_after[i],
        }
        rows.append(row)
    if world.by_road:
        road_before = _site_ids(sites, before.road_site)
        road_after = _site_ids(final, after.road_site)
        for i, row in enumerate(rows):
            row.update(road_site_before=road_before[i], travel_time_before_s=before.time_s[i],
                       road_site_after=road_after[i], travel_time_after_s=after.time_s[i],
                       road_changed=road_before[i] != road_after[i])
    return rows


def plan(world=None, sites=None, remove=(), add=None, suggest=0, candidates=None,
         objective="p-median", within_m=19000.0, within_s=1800.0, exhaustive_limit=2_000_000,
         cover_areas=False, as_frame=None, time_limit_s=60.0, **request):
    """What `sitecover plan` computes: close the sites of ids `remove`, open `add` ((name, lon,
    lat) tuples), then with ``suggest=K`` choose K new sites among `candidates` ((codes, names,
    lon, lat), default the world's origins) for `objective` ('p-median', 'p-center',
    'max-coverage' within `within_s` seconds by road time, else `within_m` metres), or with
    ``objective="cover"`` (no `suggest`) the fewest new sites bringing every origin within that
    threshold; the answer is certified within `time_limit_s` seconds (its quality in
    ``suggestion["quality"]``); measure the sites before and after on `world`. Returns a Plan.
    ValueError carrying the library's message (naming remove[i], k..., its `field`) when the
    request cannot be met.

    Without a World: `sitecover plan`'s call (the library's run_plan) with the same request as
    keywords, the command's flags in snake case (areas, sites, origins, population, roads...,
    remove, add ("NAME@LON,LAT" or (name, lon, lat)), add_commune, suggest, objective,
    candidates, cover_areas, within_km, within_min, time_limit, output, sites_output...); left
    out, the data directory's Gers defaults. The Plan then has changes, before, after, origins
    (the rows of the command's -o table) and suggestion.
    """
    from ._sitecover import World

    if not isinstance(world, World):
        # The command's request: one library call (report::run_plan).
        given = dict(request, sites=sites, candidates=candidates)
        if world is not None:
            raise TypeError("plan(): world must be a World, or leave it out and give the "
                            "request as keywords (areas=, sites=, remove=...)")
        given.update(remove=list(remove) if not isinstance(remove, str) else remove,
                     suggest=suggest, objective=objective, exhaustive_limit=exhaustive_limit,
                     cover_areas=cover_areas)
        if add is not None:
            given["add"] = add
        if within_m != 19000.0:
            given.setdefault("within_km", within_m / 1000.0)
        if within_s != 1800.0:
            given.setdefault("within_min", within_s / 60.0)
        if time_limit_s != 60.0:
            given.setdefault("time_limit", time_limit_s)
        return _plan_job(given, as_frame)
    after_sites, changes = world.what_if(sites, list(remove), add)
    suggestion = None
    final = after_sites
    if suggest or objective == "cover":
        within = within_s if world.metric == "time" else within_m
        suggestion = world.suggest(after_sites, suggest, candidates, objective, within,
                                   exhaustive_limit, cover_areas, time_limit_s)
        final = apply_changes(after_sites, suggestion["changes"])
        changes.extend(suggestion["changes"])
    before = world.evaluate(sites)
    after = world.evaluate(final)
    world.count_served(after, changes)
    origin_columns = ["origin_code", "origin_name", "site_before", "distance_before_m",
                      "site_after", "distance_after_m", "changed"]
    if world.by_road:
        origin_columns += ["road_site_before", "travel_time_before_s", "road_site_after",
                           "travel_time_after_s", "road_changed"]
    return Plan(
        sites=final,
        changes=frame(changes.records(), CHANGE_COLUMNS, as_frame),
        before=world.figures(before, within_m, within_s),
        after=world.figures(after, within_m, within_s),
        origins=frame(_origin_records(world, sites, final, before, after), origin_columns,
                      as_frame),
        suggestion=suggestion, outcome_before=before, outcome_after=after,
    )


def _plan_job(given, as_frame):
    """sitecover.plan with the command's request as keywords: the library's run_plan."""
    from ._inputs import request_inputs
    from ._sitecover import _run_plan

    with request_inputs(given) as given:
        done = _run_plan(**given)
    columns, rows = done["origins"]
    return Plan(
        sites=None,
        changes=frame(done["changes"], CHANGE_COLUMNS, as_frame),
        before=done["before"], after=done["after"],
        origins=frame([dict(zip(columns, row)) for row in rows], columns, as_frame),
        suggestion=done["suggestion"], outcome_before=None, outcome_after=None,
    )


def suggest(world, sites, k, candidates=None, objective="p-median", within=None,
            exhaustive_limit=2_000_000, cover_areas=False, as_frame=None, time_limit_s=60.0):
    """The k new sites World.suggest chooses on top of `sites`: (table, found). The table
    (DataFrame or records) has site_id 'suggested-1'..., site_name 'Name (code)', change, lon,
    lat, origins, population; `found` is World.suggest's dict (the search's figures, the
    exhaustive optimum for k <= 2, the certified answer's quality)."""
    found = world.suggest(sites, k, candidates, objective, within, exhaustive_limit, cover_areas,
                          time_limit_s)
    table = frame(found["changes"].records(), CHANGE_COLUMNS, as_frame)
    return table, found


AREA_COLUMNS = ["area_code", "area_name", "site_count", "site_ids", "covered", "fragile",
                "margin_m", "origins", "label_lon", "label_lat", "worst_distance_origin",
                "worst_time_origin"]
ORIGIN_COLUMNS = ["origin_code", "origin_name", "lon", "lat", "area_code", "site_id",
                  "distance_m", "population"]
ROAD_COLUMNS = ["road_site_id", "road_distance_m", "travel_time_s", "snap_m"]
SITE_COLUMNS = ["site_id", "site_name", "type", "labelled_on", "lon", "lat", "area_code"]


class Report:
    """The report's model as tables: areas, origins, sites (inside the areas), summary (dict),
    and data (the ReportData behind them, for sitecover.write_report when present)."""

    def __init__(self, data, as_frame):
        self.data = data
        self.summary = data.summary()
        origin_columns = ORIGIN_COLUMNS + (ROAD_COLUMNS if self.summary["with_roads"] else [])
        self.areas = frame(data.area_records(), AREA_COLUMNS, as_frame)
        self.origins = frame(data.origin_records(), origin_columns, as_frame)
        self.sites = frame(data.site_records(), SITE_COLUMNS, as_frame)

    def write(self, gpkg="", map="", html="", **options):  # noqa: A002 (the CLI's word)
        """Writes the planner report's GeoPackage, map and HTML page with the renderer of
        `sitecover report` (see ReportData.write for the options: place, lang, noun,
        parameters, overwrite, t_srs, map_width_px, map_height_px, page)."""
        return self.data.write(gpkg, map, html, **options)

    def __repr__(self):
        s = self.summary
        text = (f"<sitecover.Report: {s['covered']}/{s['areas']} areas covered, "
                f"{s['fragile']} fragile, {s['origins']} origins, {s['sites_inside']} sites "
                f"inside, mean {_km(s.get('mean_m'))}, max {_km(s.get('max_m'))}, "
                f"{'with roads' if s['with_roads'] else 'crow-fly'}")
        written = [p for p in (getattr(self, "written", None) or {}).values() if p] \
            if isinstance(getattr(self, "written", None), dict) else \
            [p for p in (getattr(self, "written", None) or []) if p]
        if written:
            text += "; written " + ", ".join(str(p) for p in written)
        return text + ">"


def report_data(areas, sites, origins, population=None, outlines=None, roads=None, by="time",
                access_speed_kmh=30.0, max_snap_m=5000.0, within_m=19000.0, within_s=1800.0,
                fragile_m=500.0, threads=0, as_frame=None):
    """The figures of `sitecover report` (the library's build_report_data): per area its
    coverage, margin, fragility and worst origin, per origin its nearest site crow-fly and, with
    `roads` (a RoadNetwork), by road; the sites inside the areas. `origins` is (codes, names,
    lon, lat) as load_points gives; `population` an array of inhabitants per origin (NaN:
    unknown; see population_shares); `outlines` the origins' polygons (Areas, one per origin,
    same order) for the report's rendering. Returns a Report (DataFrames when pandas is
    present). ValueError naming ReportRequest's field for a negative or NaN threshold."""
    codes, names, lon, lat = origins
    data = _report_data(areas, sites, codes, names, lon, lat, population, outlines, roads, by,
                        access_speed_kmh, max_snap_m, within_m, within_s, fragile_m, threads)
    return Report(data, as_frame)


def report(as_frame=None, **request):
    """The planner report of `sitecover report`, through the same library call
    (report::run_report) with the same request: the keywords are the command's flags in
    snake case (``map_roads`` for ``--map-roads``), except ``origins`` for ``--from`` (and
    ``origins_layer``, ``origins_where``, ``origins_crs``, ``origin_code_field``,
    ``origin_name_field``).

    Inputs (paths; left out: the data directory's Gers defaults): data_dir, areas (areas_layer,
    areas_where, areas_crs, area_code_field, area_name_field), sites (sites_layer,
    sites_where, sites_crs, site_*_field, site_types "A,B" or a list, as_of "YYYY-MM-DD"),
    origins (origin "point-on-surface" or "centroid"), population, scenario (a plan's
    sites output), roads (roads_layer, roads_where, roads_crs, class_field, speed_field,
    speeds, profile, by "time" or "distance", access_speed, max_snap_m). Figures: within_km,
    within_min, fragile_m, threads. Documents: output (GeoPackage), map (.png/.svg/.pdf),
    html (with none named: sitecover-report.gpkg, .png, .html here), overwrite, t_srs,
    map_width, map_height, page, lang ("fr" or "en"; default from the environment as the
    command does), place, noun, footer (a line at the foot of the map and the page), logo (a
    PNG or SVG file), context and map_roads (a file, or "none").

    areas, sites and origins may be GeoDataFrames in any CRS (or objects with
    ``__geo_interface__``), staged to a temporary GeoPackage in WGS84 and removed after the
    call; as_of a date, datetime, pandas.Timestamp or an ISO text.

    Returns a Report (areas, origins, sites tables and summary) with ``written`` (the paths of
    the documents: output, map, html) and ``title``. Warnings met while reading come as
    sitecover.DataWarning (a UserWarning). InputError, OutputError (OSError) or ValueError as
    the command exits 3, 5, 2, each with ``field`` (the keyword concerned). An unknown keyword
    is a TypeError.
    """
    from ._inputs import request_inputs
    from ._sitecover import _run_report

    with request_inputs(request) as given:
        data, written, title = _run_report(**given)
    result = Report(data, as_frame)
    result.written = written
    result.title = title
    return result
