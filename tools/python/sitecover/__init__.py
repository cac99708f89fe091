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

__all__ = [
    "access", "Areas", "Changes", "DataWarning", "InputError", "MissingFileError", "Outcome", "OutputError",
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
    The result's ``attrs["summary"]`` (a DataFrame) or the records' second value then holds
    covered, fragile (area codes), sites_read, sites_kept, sites_inside.
    """
    from ._planning import frame

    columns = ["area_code", "area_name", "site_count", "site_ids", "covered", "margin_m"]
    if isinstance(areas, Areas) and isinstance(sites, SiteIndex) and not request:
        return frame(_coverage_records(areas, sites, boundary), columns, as_frame)
    from ._sitecover import _run_coverage

    given = dict(request, boundary=boundary)
    for key, value in (("areas", areas), ("sites", sites)):
        if value is not None:
            given[key] = str(value)
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

    Returns the table (a DataFrame when pandas is importable, with the figures in
    ``attrs["summary"]``; else ``(records, summary)``): origin_code, origin_name, origin_lon,
    origin_lat, [rank,] site_id, site_name, site_dep, distance_m, and with roads
    road_site_id, road_distance_m, travel_time_s, snap_m, reachable. The summary holds the
    figures the command prints (max_m, mean_m, median_m, within; with roads reached,
    within_time, mean_time_s, population_within_time...).
    """
    from ._planning import frame
    from ._sitecover import _run_nearest

    given = dict(request)
    for key, value in (("origins", origins), ("sites", sites)):
        if value is not None:
            given[key] = str(value)
    columns, rows, summary = _run_nearest(**given)
    records = [dict(zip(columns, row)) for row in rows]
    result = frame(records, columns, as_frame)
    if hasattr(result, "attrs"):
        result.attrs["summary"] = summary
        return result
    return records, summary
