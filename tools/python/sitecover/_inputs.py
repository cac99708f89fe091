"""The job functions' inputs as Python objects: layers given as GeoDataFrames (or any object
with ``__geo_interface__``, or a DataFrame of points with longitude/latitude columns) are staged
to a temporary file in WGS84 and passed by path, as the library reads every input; dates given
as ``datetime``, ``date``, ``pandas.Timestamp`` or ISO strings become YYYY-MM-DD."""

import contextlib
import datetime
import json
import os
import shutil
import tempfile

#: The keywords of the jobs that name a layer.
LAYER_KEYWORDS = ("areas", "sites", "origins", "candidates")
#: The keywords that are dates.
DATE_KEYWORDS = ("as_of",)


def iso_date(value):
    """`value` (datetime, date, pandas.Timestamp, numpy.datetime64, or a text YYYY-MM-DD with
    an optional time) as the library's YYYY-MM-DD; another text is left for the library to
    refuse, naming the keyword, as the command refuses it."""
    if isinstance(value, str):
        text = value.strip()
        if len(text) < 10 or text[4] != "-" or text[7] != "-":
            return value  # not YYYY-MM-DD...: the library refuses it as the command does
        try:
            return datetime.datetime.fromisoformat(text).date().isoformat()
        except ValueError:
            try:
                return datetime.date.fromisoformat(text).isoformat()
            except ValueError:
                return value
    if type(value).__name__ == "datetime64":
        value = value.astype("datetime64[D]").item()
    if isinstance(value, (datetime.date, datetime.datetime)) or hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    return value


def _is_path(value):
    return isinstance(value, (str, bytes, os.PathLike))


def _is_layer_object(value):
    return (hasattr(value, "__geo_interface__") or hasattr(value, "to_csv") or
            (isinstance(value, dict) and value.get("type") == "FeatureCollection"))


def _stage(value, folder, name):
    """Writes one layer object into `folder`; returns its path."""
    if hasattr(value, "to_crs") and hasattr(value, "to_file"):
        # A GeoDataFrame or GeoSeries: reprojected to WGS84 (none declared: taken as WGS84).
        frame = value.set_crs(4326) if value.crs is None else value.to_crs(4326)
        path = os.path.join(folder, name + ".gpkg")
        frame.to_file(path, layer=name, driver="GPKG")
        return path
    if hasattr(value, "__geo_interface__") or isinstance(value, dict):
        features = value.__geo_interface__ if hasattr(value, "__geo_interface__") else value
        if features.get("type") != "FeatureCollection":
            features = {"type": "FeatureCollection", "features": [
                features if features.get("type") == "Feature" else
                {"type": "Feature", "properties": {}, "geometry": features}]}
        try:
            import geopandas
        except ImportError:
            # GeoJSON is WGS84 by definition: GDAL reads it as the GeoPackage.
            path = os.path.join(folder, name + ".geojson")
            with open(path, "w", encoding="utf-8") as out:
                json.dump(features, out)
            return path
        frame = geopandas.GeoDataFrame.from_features(features, crs=4326)
        return _stage(frame, folder, name)
    # A plain DataFrame: a table of points (longitude, latitude columns), as the CSV files.
    path = os.path.join(folder, name + ".csv")
    value.to_csv(path, index=False)
    return path


@contextlib.contextmanager
def request_inputs(given):
    """The keywords `given` with layer objects staged to temporary files (removed on leaving)
    and dates as YYYY-MM-DD."""
    given = dict(given)
    for key in DATE_KEYWORDS:
        if given.get(key) is not None:
            given[key] = iso_date(given[key])
    folder = None
    try:
        for key in LAYER_KEYWORDS:
            value = given.get(key)
            if value is None or _is_path(value):
                if value is not None:
                    given[key] = os.fsdecode(value)
                continue
            if not _is_layer_object(value):
                continue
            if folder is None:
                folder = tempfile.mkdtemp(prefix="sitecover-")
            given[key] = _stage(value, folder, key)
        yield given
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
