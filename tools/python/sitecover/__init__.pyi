# Type stubs of the sitecover package.
from typing import Any, Literal, Sequence, overload

import numpy as np
import numpy.typing as npt

__version__: str

class InputError(OSError):
    field: str | None
    template: str

class MissingFileError(InputError, FileNotFoundError):
    path: str

class InvalidPointError(InputError, ValueError): ...

class OutputError(OSError):
    field: str | None
    template: str

class DataWarning(UserWarning):
    field: str | None
    template: str

_Coords = npt.ArrayLike
# A layer: a path, or a GeoDataFrame (any CRS) / an object with __geo_interface__, staged to a
# temporary GeoPackage in WGS84 for the call.
_Layer = str | Any
# A date: YYYY-MM-DD, or a datetime.date, datetime.datetime, pandas.Timestamp.
_Date = str | Any

class SiteIndex:
    def __init__(
        self,
        ids: Sequence[Any] | npt.ArrayLike,
        lon: _Coords,
        lat: _Coords,
        names: Sequence[str] | None = ...,
        types: Sequence[str] | None = ...,
        labelled_on: Sequence[str] | None = ...,
        departments: Sequence[str] | None = ...,
    ) -> None: ...
    @staticmethod
    def from_file(
        path: str,
        layer: str = ...,
        where: str = ...,
        crs: str = ...,
        id_field: str = ...,
        name_field: str = ...,
        lon_field: str = ...,
        lat_field: str = ...,
        site_types: str | Sequence[str] | None = ...,
        as_of: str | None = ...,
        type_field: str = ...,
        labelled_field: str = ...,
    ) -> SiteIndex: ...
    def filter(
        self, site_types: str | Sequence[str] | None = ..., as_of: str | None = ...
    ) -> SiteIndex: ...
    def __len__(self) -> int: ...
    @property
    def ids(self) -> list[str]: ...
    @property
    def names(self) -> list[str]: ...
    @property
    def types(self) -> list[str]: ...
    @property
    def departments(self) -> list[str]: ...
    @property
    def labelled_on(self) -> list[str]: ...
    @property
    def lon(self) -> npt.NDArray[np.float64]: ...
    @property
    def lat(self) -> npt.NDArray[np.float64]: ...
    def nearest(
        self, lon: _Coords, lat: _Coords, max_distance_m: float = ..., threads: int = ...
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]: ...
    def k_nearest(
        self, lon: _Coords, lat: _Coords, k: int, threads: int = ...
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]: ...
    def within(
        self, lon: _Coords, lat: _Coords, radius_m: float, threads: int = ...
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]: ...

class Areas:
    @staticmethod
    def from_file(
        path: str,
        layer: str = ...,
        where: str = ...,
        crs: str = ...,
        code_field: str = ...,
        name_field: str = ...,
    ) -> Areas: ...
    def __len__(self) -> int: ...
    @property
    def codes(self) -> list[str]: ...
    @property
    def names(self) -> list[str]: ...

@overload
def coverage(
    areas: Areas, sites: SiteIndex, boundary: Literal["included", "excluded"] = ...,
    as_frame: Literal[False] = ...,
) -> list[dict[str, Any]]: ...
@overload
def coverage(
    areas: Areas, sites: SiteIndex, boundary: Literal["included", "excluded"] = ...,
    as_frame: bool | None = ...,
) -> Any: ...
@overload
def coverage(
    areas: _Layer | None = ...,
    sites: _Layer | None = ...,
    boundary: Literal["included", "excluded"] = ...,
    as_frame: bool | None = ...,
    **request: Any,
) -> Any: ...

def load_points(
    path: str,
    layer: str = ...,
    where: str = ...,
    crs: str = ...,
    code_field: str = ...,
    name_field: str = ...,
    lon_field: str = ...,
    lat_field: str = ...,
    rule: Literal["point-on-surface", "centroid"] = ...,
) -> tuple[list[str], list[str], npt.NDArray[np.float64], npt.NDArray[np.float64]]: ...

def layer_style(
    kind: Literal["coverage", "distance", "travel-time", "plan-sites", "sites", "links"],
    geometry: Literal["point", "line", "polygon", "none"] = ...,
    lang: Literal["en", "fr"] = ...,
    value_field: str = ...,
    label_field: str = ...,
) -> dict[str, Any]: ...

def write_layer_style(
    path: str,
    kind: Literal["coverage", "distance", "travel-time", "plan-sites", "sites", "links"],
    layer: str = ...,
    lang: Literal["en", "fr"] = ...,
    value_field: str = ...,
    label_field: str = ...,
) -> str: ...

class RoadNetwork:
    @staticmethod
    def from_file(
        path: str,
        layer: str = ...,
        where: str = ...,
        crs: str = ...,
        class_field: str = ...,
        speed_field: str = ...,
        speeds: str = ...,
        profile: str = ...,
    ) -> RoadNetwork: ...
    @property
    def node_count(self) -> int: ...
    @property
    def edge_count(self) -> int: ...
    def nearest_sites(
        self,
        sites: SiteIndex,
        lon: _Coords,
        lat: _Coords,
        by: Literal["time", "distance"] = ...,
        access_speed_kmh: float = ...,
        max_snap_m: float = ...,
        threads: int = ...,
    ) -> tuple[
        npt.NDArray[np.int64], npt.NDArray[np.float64], npt.NDArray[np.float64],
        npt.NDArray[np.float64]
    ]: ...

_Points = tuple[Sequence[str], Sequence[str] | None, _Coords, _Coords]
_Records = list[dict[str, Any]]

class Outcome:
    @property
    def sites(self) -> SiteIndex: ...
    @property
    def site(self) -> npt.NDArray[np.int64]: ...
    @property
    def distance_m(self) -> npt.NDArray[np.float64]: ...
    @property
    def road_site(self) -> npt.NDArray[np.int64]: ...
    @property
    def road_distance_m(self) -> npt.NDArray[np.float64]: ...
    @property
    def time_s(self) -> npt.NDArray[np.float64]: ...

class Changes:
    def __init__(self) -> None: ...
    def __len__(self) -> int: ...
    def records(self) -> _Records: ...
    def extend(self, other: Changes) -> None: ...

def apply_changes(sites: SiteIndex, changes: Changes) -> SiteIndex: ...
def load_site_changes(path: str) -> Changes: ...

class World:
    def __init__(
        self,
        areas: Areas,
        lon: _Coords,
        lat: _Coords,
        weights: npt.ArrayLike | None = ...,
        codes: Sequence[str] | None = ...,
        names: Sequence[str] | None = ...,
        roads: RoadNetwork | None = ...,
        by: Literal["time", "distance"] = ...,
        access_speed_kmh: float = ...,
        max_snap_m: float = ...,
        threads: int = ...,
    ) -> None: ...
    def __len__(self) -> int: ...
    @property
    def codes(self) -> list[str]: ...
    @property
    def names(self) -> list[str]: ...
    @property
    def by_road(self) -> bool: ...
    @property
    def metric(self) -> Literal["time", "distance"] | None: ...
    def evaluate(self, sites: SiteIndex) -> Outcome: ...
    def coverage(self, outcome: Outcome) -> _Records: ...
    def figures(
        self, outcome: Outcome, within_m: float = ..., within_s: float = ...
    ) -> dict[str, Any]: ...
    def what_if(
        self,
        sites: SiteIndex,
        remove: Sequence[str] = ...,
        add: Sequence[tuple[str, float, float]] | None = ...,
    ) -> tuple[SiteIndex, Changes]: ...
    def count_served(self, outcome: Outcome, changes: Changes) -> None: ...
    def suggest(
        self,
        sites: SiteIndex,
        k: int,
        candidates: _Points | None = ...,
        objective: Literal["p-median", "p-center", "max-coverage", "cover"] = ...,
        within: float | None = ...,
        exhaustive_limit: int = ...,
        cover_areas: bool = ...,
        time_limit_s: float = ...,
        certify: bool = ...,
    ) -> dict[str, Any]: ...

class Plan:
    sites: SiteIndex
    changes: Any
    before: dict[str, Any]
    after: dict[str, Any]
    origins: Any
    suggestion: dict[str, Any] | None
    outcome_before: Outcome
    outcome_after: Outcome

def plan(
    world: World | None = ...,
    sites: SiteIndex | _Layer | None = ...,
    remove: Sequence[str] | str = ...,
    add: Sequence[tuple[str, float, float] | str] | str | None = ...,
    suggest: int = ...,
    candidates: _Points | str | None = ...,
    objective: Literal["p-median", "p-center", "max-coverage", "cover"] = ...,
    within_m: float = ...,
    within_s: float = ...,
    exhaustive_limit: int = ...,
    cover_areas: bool = ...,
    as_frame: bool | None = ...,
    time_limit_s: float = ...,
    **request: Any,
) -> Plan: ...
def suggest(
    world: World,
    sites: SiteIndex,
    k: int,
    candidates: _Points | None = ...,
    objective: Literal["p-median", "p-center", "max-coverage", "cover"] = ...,
    within: float | None = ...,
    exhaustive_limit: int = ...,
    cover_areas: bool = ...,
    as_frame: bool | None = ...,
    time_limit_s: float = ...,
) -> tuple[Any, dict[str, Any]]: ...
def population_shares(path: str, codes: Sequence[str]) -> npt.NDArray[np.float64]: ...
def population_weights(shares: npt.ArrayLike) -> tuple[npt.NDArray[np.float64], bool]: ...

class ReportData:
    def area_records(self) -> _Records: ...
    def origin_records(self) -> _Records: ...
    def site_records(self) -> _Records: ...
    def summary(self) -> dict[str, Any]: ...
    def write(
        self,
        gpkg: str = ...,
        map: str = ...,
        html: str = ...,
        place: str = ...,
        lang: Literal["en", "fr"] = ...,
        noun: str = ...,
        parameters: dict[str, str] = ...,
        overwrite: bool = ...,
        t_srs: str = ...,
        map_width_px: int = ...,
        map_height_px: int = ...,
        page: str = ...,
    ) -> dict[str, Any]: ...

class Report:
    data: ReportData
    summary: dict[str, Any]
    areas: Any
    origins: Any
    sites: Any
    def write(
        self, gpkg: str = ..., map: str = ..., html: str = ..., **options: Any
    ) -> dict[str, Any]: ...

def report_data(
    areas: Areas,
    sites: SiteIndex,
    origins: _Points,
    population: npt.ArrayLike | None = ...,
    outlines: Areas | None = ...,
    roads: RoadNetwork | None = ...,
    by: Literal["time", "distance"] = ...,
    access_speed_kmh: float = ...,
    max_snap_m: float = ...,
    within_m: float = ...,
    within_s: float = ...,
    fragile_m: float = ...,
    threads: int = ...,
    as_frame: bool | None = ...,
) -> Report: ...

def report(
    as_frame: bool | None = ...,
    *,
    data_dir: str = ...,
    areas: _Layer = ...,
    areas_layer: str = ...,
    areas_where: str = ...,
    areas_crs: str = ...,
    area_code_field: str = ...,
    area_name_field: str = ...,
    sites: _Layer = ...,
    sites_layer: str = ...,
    sites_where: str = ...,
    sites_crs: str = ...,
    site_id_field: str = ...,
    site_name_field: str = ...,
    site_lon_field: str = ...,
    site_lat_field: str = ...,
    site_type_field: str = ...,
    site_dep_field: str = ...,
    site_date_field: str = ...,
    site_types: str | Sequence[str] = ...,
    as_of: _Date = ...,
    origins: _Layer = ...,
    origins_layer: str = ...,
    origins_where: str = ...,
    origins_crs: str = ...,
    origin_code_field: str = ...,
    origin_name_field: str = ...,
    origin: Literal["point-on-surface", "centroid"] = ...,
    population: str = ...,
    scenario: str = ...,
    roads: str = ...,
    roads_layer: str = ...,
    roads_where: str = ...,
    roads_crs: str = ...,
    class_field: str = ...,
    speed_field: str = ...,
    speeds: str = ...,
    profile: str = ...,
    by: Literal["time", "distance"] = ...,
    access_speed: float = ...,
    max_snap_m: float = ...,
    within_km: float = ...,
    within_min: float = ...,
    fragile_m: float = ...,
    threads: int = ...,
    context: str = ...,
    map_roads: str = ...,
    output: str = ...,
    map: str = ...,
    html: str = ...,
    overwrite: bool = ...,
    t_srs: str = ...,
    map_width: int = ...,
    map_height: int = ...,
    page: str = ...,
    lang: Literal["en", "fr"] = ...,
    place: str = ...,
    noun: str = ...,
) -> Report: ...

def nearest(
    origins: _Layer | None = ...,
    sites: _Layer | None = ...,
    as_frame: bool | None = ...,
    **request: Any,
) -> Any: ...

def access(
    origins: str | None = ...,
    sites: str | None = ...,
    as_frame: bool | None = ...,
    **request: Any,
) -> Any: ...
