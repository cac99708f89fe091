"""sitecover: exact nearest-site and coverage queries over networks of public-service sites.

    >>> import numpy as np, sitecover
    >>> index = sitecover.SiteIndex.from_file("../shared/geodata/france/france-services-2024-08-01.csv")
    >>> site, distance_m = index.nearest(np.array([0.5857]), np.array([43.6465]))

Distances are WGS84 geodesics in metres, exactly those of the C++ library and the `sitecover`
command. Queries release the GIL and take a ``threads`` argument (0: all cores).
"""

from ._sitecover import (  # noqa: F401  (re-exported)
    Areas,
    Changes,
    DataWarning,
    InputError,
    InvalidPointError,
    MissingFileError,
    Outcome,
    OutputError,
    ReportData,
    RoadNetwork,
    SiteIndex,
    World,
    __version__,
    apply_changes,
    layer_style,
    load_points,
    load_site_changes,
    population_shares,
    write_layer_style,
)
from ._sitecover import _coverage_records
from ._planning import Plan, Report, plan, population_weights, report, report_data, suggest  # noqa: F401
from ._access import access  # noqa: F401
from ._inputs import request_inputs as _request_inputs

__all__ = [
    "access", "Areas", "Changes", "DataWarning", "InputError", "InvalidPointError", "MissingFileError", "Outcome", "OutputError",
    "Plan", "ReportData", "nearest",
    "RoadNetwork", "SiteIndex", "World", "apply_changes", "coverage", "load_points",
    "layer_style", "load_site_changes", "plan", "population_shares", "population_weights",
    "Report", "report", "report_data", "suggest", "write_layer_style", "__version__",
]


def coverage(areas=None, sites=None, boundary="included", as_frame=None, **request):
    """Which sites lie in each area: one record per area, in area order.

    Columns: area_code, area_name, site_count, site_ids (list of ids, by id), covered (bool),
    margin_m (metres from the best-placed site to the area's boundary; None when uncovered).
    ``boundary``: "included" (a site on a boundary covers every area it touches) or "excluded".
    Returns a pandas DataFrame when pandas is importable (or ``as_frame=True``), else a list of
    dicts (or with ``as_frame=False``).

    ``areas`` and ``sites`` are an Areas and a SiteIndex (the lower level), or paths: then the
    call is `sitecover coverage`'s (the library's run_coverage) with the same request, spelled
    as the command's flags in snake case (areas_layer, areas_where, area_code_field,
    sites_where, site_types, as_of, fragile_m, data_dir; output, format, t_srs, overwrite to
    write the table); left out, the data directory's Gers cantons and France services list.
    ``areas`` and ``sites`` may also be GeoDataFrames in any CRS (or objects with
    ``__geo_interface__``): staged to a temporary GeoPackage in WGS84, removed after the call.
    ``as_of`` may be a date, datetime, pandas.Timestamp or an ISO text.
    The result's ``attrs["summary"]`` (a DataFrame) or the records' second value then holds
    covered, fragile (area codes), sites_read, sites_kept, sites_inside.
    """
    from ._planning import frame

    columns = ["area_code", "area_name", "site_count", "site_ids", "covered", "margin_m"]
    if isinstance(areas, Areas) and isinstance(sites, SiteIndex) and not request:
        return frame(_coverage_records(areas, sites, boundary), columns, as_frame)
    from ._sitecover import _run_coverage

    given = dict(request, boundary=boundary, areas=areas, sites=sites)
    with _request_inputs(given) as given:
        records, summary = _run_coverage(**given)
    result = frame(records, columns, as_frame)
    if hasattr(result, "attrs"):
        result.attrs["summary"] = summary
        return result
    return records, summary


def nearest(origins=None, sites=None, as_frame=None, **request):
    """The nearest site(s) of every origin: `sitecover nearest`'s call (the library's
    run_nearest) with the same request, spelled as the command's flags in snake case
    (``origins`` for ``--from``): origins (a polygon or point layer, or a plain CSV id,lon,lat;
    origins_layer, origins_where, origins_crs, origin_code_field, origin_name_field,
    lon_field, lat_field, origin, origin_points, origin_points_code_field, skip_bad), sites
    (sites_where, site_types, as_of...), k, max_km, within_km, group_by, threads, karney,
    roads (by, speeds, access_speed, max_snap_m, within_min...), population, data_dir; output,
    format, t_srs, overwrite to write the table too. Left out: the data directory's Gers
    communes and France services list.

    ``origins`` and ``sites`` may be GeoDataFrames in any CRS (or objects with
    ``__geo_interface__``): they are staged to a temporary GeoPackage in WGS84, removed after
    the call; ``as_of`` may be a date, datetime, pandas.Timestamp or an ISO text. With
    ``skip_bad=True`` (a plain CSV id,lon,lat) an unreadable row is kept with NaN position and
    distance and its reason in the ``error`` column, and a sitecover.DataWarning names it;
    without, sitecover.InvalidPointError (a ValueError and an InputError) names its line.

    Returns the table (a DataFrame when pandas is importable, with the figures in
    ``attrs["summary"]``; else ``(records, summary)``): origin_code, origin_name, origin_lon,
    origin_lat, [rank,] site_id, site_name, site_dep, distance_m, and with roads
    road_site_id, road_distance_m, travel_time_s, snap_m, reachable. The summary holds the
    figures the command prints (max_m, mean_m, median_m, within; with roads reached,
    within_time, mean_time_s, population_within_time...).
    """
    from ._planning import frame
    from ._sitecover import _run_nearest

    given = dict(request, origins=origins, sites=sites)
    with _request_inputs(given) as given:
        columns, rows, summary = _run_nearest(**given)
    records = [dict(zip(columns, row)) for row in rows]
    if summary.get("skipped"):
        _warn_skipped(records, summary["origins_path"])
    result = frame(records, columns, as_frame)
    if hasattr(result, "attrs"):
        result.attrs["summary"] = summary
        return result
    return records, summary


_ROW_NUMBERS = ("origin_lon", "origin_lat", "distance_m", "road_distance_m", "travel_time_s",
                "snap_m")


def _warn_skipped(records, path):
    """nearest(skip_bad=True): NaN for the numbers of the rows that could not be read, and one
    DataWarning naming them."""
    import warnings

    bad = [r for r in records if r.get("error")]
    for record in bad:
        for key in _ROW_NUMBERS:
            if key in record and record[key] is None:
                record[key] = float("nan")
    if not bad:
        return
    shown = "; ".join(r["error"] for r in bad[:5]) + ("; ..." if len(bad) > 5 else "")
    warning = DataWarning(f"{path}: {len(bad)} origin row(s) could not be read and are kept "
                          f"without a site (skip_bad): {shown}")
    warning.field = "skip_bad"
    warning.template = str(warning)
    warnings.warn(warning, stacklevel=3)
