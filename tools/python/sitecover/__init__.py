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
    load_points,
    load_site_changes,
    population_shares,
)
from ._sitecover import _coverage_records
from ._planning import Plan, Report, plan, population_weights, report_data, suggest  # noqa: F401

__all__ = [
    "Areas", "Changes", "DataWarning", "InputError", "MissingFileError", "Outcome", "OutputError", "Plan", "ReportData",
    "RoadNetwork", "SiteIndex", "World", "apply_changes", "coverage", "load_points",
    "load_site_changes", "plan", "population_shares", "population_weights", "Report", "report_data", "suggest", "__version__",
]


def coverage(areas, sites, boundary="included", as_frame=None):
    """Which sites lie in each area: one record per area, in area order.

    Columns: area_code, area_name, site_count, site_ids (list of ids, by id), covered (bool),
    margin_m (metres from the best-placed site to the area's boundary; None when uncovered).
    ``boundary``: "included" (a site on a boundary covers every area it touches) or "excluded".
    Returns a pandas DataFrame when pandas is importable (or ``as_frame=True``), else a list of
    dicts (or with ``as_frame=False``).
    """
    from ._planning import frame

    columns = ["area_code", "area_name", "site_count", "site_ids", "covered", "margin_m"]
    return frame(_coverage_records(areas, sites, boundary), columns, as_frame)
