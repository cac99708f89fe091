"""QGIS layers to what the sitecover module takes: arrays in WGS84 lon/lat, or a temporary
GeoPackage for polygon layers (read back by sitecover through GDAL, so that areas and their
points are exactly those of the `sitecover` command)."""

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingUtils,
    QgsProject,
    QgsVectorFileWriter,
)

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def point_arrays(source, id_field, name_field, feedback):
    """(ids, names, lon, lat) of a point source, reprojected to WGS84. A feature without a
    point geometry is an error naming it."""
    # A layer without a CRS (a CSV read with X/Y columns) is taken as WGS84 lon/lat, the CSV
    # convention the sitecover command follows too.
    crs = source.sourceCrs() if source.sourceCrs().isValid() else WGS84
    transform = QgsCoordinateTransform(crs, WGS84, QgsProject.instance())
    ids, names, lon, lat = [], [], [], []
    for feature in source.getFeatures():
        if feedback.isCanceled():
            break
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            raise QgsProcessingException(f"feature {feature.id()}: no geometry")
        geometry.transform(transform)
        point = geometry.asPoint() if not geometry.isMultipart() else geometry.asMultiPoint()[0]
        ids.append(str(feature[id_field]) if id_field else str(feature.id()))
        names.append(str(feature[name_field]) if name_field and feature[name_field] is not None else "")
        lon.append(point.x())
        lat.append(point.y())
    return ids, names, np.array(lon, dtype=float), np.array(lat, dtype=float)


def as_geopackage(source, context, stem):
    """Writes a feature source to a GeoPackage in WGS84 under Processing's temporary folder
    (removed when QGIS exits) and returns its path; field names are kept."""
    path = QgsProcessingUtils.generateTempFilename(stem + ".gpkg")
    layer = source.materialize(QgsFeatureRequest())
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.forceMulti = True  # a layer mixing Polygon and MultiPolygon stays one valid type
    options.ct = QgsCoordinateTransform(layer.crs(), WGS84, context.transformContext())
    error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, path, context.transformContext(), options)
    if error != QgsVectorFileWriter.NoError:
        raise QgsProcessingException(f"cannot stage the input layer for sitecover: {message}")
    return path
