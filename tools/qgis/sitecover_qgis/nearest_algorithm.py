"""Processing algorithm "Nearest site": each origin's nearest site as the crow flies."""

import math

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from . import layers, looks, messages
from .engine import sitecover

CHUNK = 20_000  # origins per query call: progress and cancellation between chunks


class NearestAlgorithm(QgsProcessingAlgorithm):
    ORIGINS, ORIGIN_CODE, ORIGIN_NAME = "ORIGINS", "ORIGIN_CODE_FIELD", "ORIGIN_NAME_FIELD"
    SITES, SITE_ID, SITE_NAME = "SITES", "SITE_ID_FIELD", "SITE_NAME_FIELD"
    MAX_KM, THREADS, OUTPUT = "MAX_DISTANCE_KM", "THREADS", "OUTPUT"

    def name(self):
        return "nearest"

    def displayName(self):  # noqa: N802
        return "Nearest site (crow-fly)"

    def shortHelpString(self):  # noqa: N802
        return ("The nearest site of every origin (commune, point), with the exact WGS84 "
                "ellipsoidal distance in metres. A polygon origin counts from a point inside "
                "it (its point on surface), as the sitecover command does. Ties go to the "
                "smaller site id. Output: one point per origin with origin_code, origin_name, "
                "site_id, site_name and distance_m (empty beyond the optional cap), graded by "
                "distance.")

    def createInstance(self):  # noqa: N802
        return NearestAlgorithm()

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ORIGINS, "Origins (communes or points)",
            [QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(
            self.ORIGIN_CODE, "Origin code field", "code", self.ORIGINS, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ORIGIN_NAME, "Origin name field", "nom", self.ORIGINS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SITES, "Sites", [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(
            self.SITE_ID, "Site id field", "id_fs", self.SITES, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.SITE_NAME, "Site name field", "lib_fs", self.SITES, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_KM, "Farthest distance considered (km, 0: no limit)",
            QgsProcessingParameterNumber.Double, 0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.THREADS, "Threads (0: all cores)", QgsProcessingParameterNumber.Integer, 0,
            minValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, "Nearest site", QgsProcessing.TypeVectorPoint))
        self.addOutput(QgsProcessingOutputNumber("ORIGIN_COUNT", "Origins"))
        self.addOutput(QgsProcessingOutputNumber(self.WORST, "Farthest origin"))
        self.addOutput(QgsProcessingOutputNumber(self.MEAN, "Mean over the origins"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        origins_source = self.parameterAsSource(parameters, self.ORIGINS, context)
        sites_source = self.parameterAsSource(parameters, self.SITES, context)
        if origins_source is None or sites_source is None:
            raise QgsProcessingException("both an origin layer and a site layer are needed")
        # Field parameters left unset (qgis_process, models) take their documented defaults.
        code_field = self.parameterAsString(parameters, self.ORIGIN_CODE, context) or "code"
        name_field = self.parameterAsString(parameters, self.ORIGIN_NAME, context) or "nom"
        site_id_field = self.parameterAsString(parameters, self.SITE_ID, context) or "id_fs"
        site_name_field = self.parameterAsString(parameters, self.SITE_NAME, context) or "lib_fs"

        feedback.pushInfo("reading the origins")
        staged = layers.as_geopackage(origins_source, context, "origins")
        ids, names, lon, lat = layers.point_arrays(sites_source, site_id_field, site_name_field,
                                                   feedback)
        try:
            codes, origin_names, origin_lon, origin_lat = sitecover.load_points(
                staged, code_field=code_field, name_field=name_field)
            index = sitecover.SiteIndex(ids, lon, lat, names)
        except (OSError, ValueError) as error:
            raise QgsProcessingException(messages.qgis_text(error)) from error
        feedback.setProgress(10)

        columns = self.answer(index, origin_lon, origin_lat, parameters, context, feedback)
        if columns is None:  # cancelled
            return {}
        dest_id = self._write(parameters, context, codes, origin_names, origin_lon, origin_lat,
                              columns)
        # The file is closed: the library stores the layer's style in it.
        looks.store(dest_id, self.STYLE, feedback)
        distance_m = columns[self.RANKED_BY][1]
        found = distance_m[~np.isnan(distance_m)]
        worst = float(found.max()) if found.size else None
        mean = float(found.mean()) if found.size else None
        if worst is not None:
            feedback.pushInfo(f"{len(codes)} origins: farthest {self.describe(worst)}, "
                              f"mean {self.describe(mean)}")
        looks.load_styled(context, dest_id, self.STYLE)
        feedback.setProgress(100)
        return {self.OUTPUT: dest_id, "ORIGIN_COUNT": len(codes), self.WORST: worst,
                self.MEAN: mean}

    # What a subclass changes: the answer columns, the one the summary ranks by, its look (a
    # kind of sitecover.layer_style).
    RANKED_BY, WORST, MEAN = "distance_m", "MAX_DISTANCE_M", "MEAN_DISTANCE_M"
    STYLE = "distance"

    def describe(self, distance_m):
        return f"{distance_m / 1000:.1f} km"

    def answer(self, index, lon, lat, parameters, context, feedback):
        """{column: (QVariant type, values)}: the nearest site as the crow flies, in chunks so
        that progress shows and Cancel stops between them; None when cancelled."""
        max_km = self.parameterAsDouble(parameters, self.MAX_KM, context)
        threads = self.parameterAsInt(parameters, self.THREADS, context)
        cap_m = max_km * 1000.0 if max_km > 0 else float("inf")
        site = np.full(len(lon), -1, dtype=np.int64)
        distance_m = np.full(len(lon), np.nan)
        for begin in range(0, len(lon), CHUNK):
            if feedback.isCanceled():
                return None
            end = min(begin + CHUNK, len(lon))
            site[begin:end], distance_m[begin:end] = index.nearest(
                lon[begin:end], lat[begin:end], max_distance_m=cap_m, threads=threads)
            feedback.setProgress(10 + 80 * end / max(1, len(lon)))
        return site_columns(index, site, "site_id", "site_name") | {
            "distance_m": (QVariant.Double, distance_m)}

    def _write(self, parameters, context, codes, names, lon, lat, columns):
        fields = QgsFields()
        fields.append(QgsField("origin_code", QVariant.String))
        fields.append(QgsField("origin_name", QVariant.String))
        for name, (kind, _) in columns.items():
            fields.append(QgsField(name, kind))
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.Point, layers.WGS84)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        values = [column for _, column in columns.values()]
        for i, code in enumerate(codes):
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon[i], lat[i])))
            feature.setAttributes([code, names[i]] + [attribute(column[i]) for column in values])
            if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))
        del sink  # closes the file
        return dest_id


def attribute(value):
    """A QGIS attribute from a column value: NaN and None become NULL, numpy numbers floats."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, np.floating):
        return None if np.isnan(value) else float(value)
    return value


def site_columns(index, site, id_column, name_column):
    """The id and name columns of the sites answered (None where no site: -1)."""
    ids, names = index.ids, index.names
    return {id_column: (QVariant.String, [ids[s] if s >= 0 else None for s in site]),
            name_column: (QVariant.String, [names[s] if s >= 0 else None for s in site])}
