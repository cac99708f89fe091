"""sitecover.access(): supply-aware accessibility (2SFCA, E2SFCA) and its equity figures."""

from ._planning import frame


def access(origins=None, sites=None, as_frame=None, **request):
    """Supply-aware accessibility of every origin: `sitecover access`'s call (the library's
    run_access) with the same request, spelled as the command's flags in snake case
    (``origins`` for ``--from``): catchment_km (crow-fly, or road kilometres with roads) or
    catchment_min (minutes by road), decay ("none", "step:10=1,20=0.68,30=0.22" or
    "gaussian"), capacity_field, group_by, population, roads (speeds, access_speed,
    max_snap_m...), origins (origins_layer, origins_where, origin_code_field...), sites
    (sites_where, site_types, as_of...), threads, data_dir; output, sites_output, format,
    t_srs, overwrite to write the tables too.

    Returns one row per origin (a DataFrame when pandas is importable; else ``(records,
    summary)``): origin_code, origin_name, origin_lon, origin_lat, population, access_index
    (capacity per 10,000 inhabitants), sites_reached. ``attrs["summary"]`` holds the figures
    the command prints (gini, palma, mean_index, share_within_20_min, share_within_30_min,
    groups...) and ``attrs["sites"]`` the sites' table (site_id, site_name, capacity, demand,
    ratio).
    """
    from ._sitecover import _run_access

    given = dict(request)
    for key, value in (("origins", origins), ("sites", sites)):
        if value is not None:
            given[key] = str(value)
    columns, rows, site_columns, site_rows, summary = _run_access(**given)
    records = [dict(zip(columns, row)) for row in rows]
    site_records = [dict(zip(site_columns, row)) for row in site_rows]
    result = frame(records, columns, as_frame)
    if hasattr(result, "attrs"):
        result.attrs["summary"] = summary
        result.attrs["sites"] = frame(site_records, site_columns, as_frame)
        return result
    summary = dict(summary, sites=site_records)
    return records, summary
