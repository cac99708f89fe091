# Type stubs of the sitecover package.
from typing import Any, Literal, Sequence, overload

import numpy as np
import numpy.typing as npt

__version__: str

class InputError(OSError): ...
class OutputError(OSError): ...

_Coords = npt.ArrayLike

class SiteIndex:
    def __init__(
        self,
        ids: Sequence[Any] | npt.ArrayLike,
        lon: _Coords,
        lat: _Coords,
        names: Sequence[str] | None = ...,
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
    ) -> SiteIndex: ...
    def __len__(self) -> int: ...
    @property
    def ids(self) -> list[str]: ...
    @property
    def names(self) -> list[str]: ...
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
