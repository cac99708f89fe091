"""Processing algorithm "Nearest site by road": each origin's nearest site by travel time (or
road distance) on a road network layer, as `sitecover nearest --roads` computes it."""

import warnings

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QVariant

from . import layers, messages
from .engine import sitecover
from .nearest_algorithm import NearestAlgorithm, site_columns

METRICS = ["time", "distance"]


class RoadNearestAlgorithm(NearestAlgorithm):
    ROADS, SPEEDS, BY, MAX_SNAP_M = "ROADS", "SPEEDS", "BY", "MAX_SNAP_M"
    RANKED_BY, WORST, MEAN = "travel_time_s", "MAX_TRAVEL_TIME_S", "MEAN_TRAVEL_TIME_S"
    STYLE = "travel-time"

    def name(self):
        return "nearest_by_road"

    def displayName(self):  # noqa: N802
        return "Nearest site by road"

    def shortHelpString(self):  # noqa: N802
        return ("The nearest site by road of every origin (commune, point): ranked by travel "
                "time at the class speeds (motorway 110, trunk 80, other roads 70 km/h unless "
                "'Speeds' overrides them, e.g. motorway=130) or by road distance. Origins and "
                "sites join the network at the nearest road point within 'Farthest snap' "
                "(metres), on a straight access leg at 30 km/h; sites farther away take no "
                "part. Output: one point per origin with road_site_id, road_site_name, "
                "road_distance_m, travel_time_s and snap_m (empty when no road or no site is "
                "reached), graded by time.")

    def createInstance(self):  # noqa: N802
        return RoadNearestAlgorithm()

    def initAlgorithm(self, config=None):  # noqa: N802
        super().initAlgorithm(config)
        self.removeParameter(self.MAX_KM)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ROADS, "Road network (lines with a 'class' field)",
            [QgsProcessing.TypeVectorLine]))
        self.addParameter(QgsProcessingParameterString(
            self.SPEEDS, "Speeds by class, km/h (e.g. motorway=130,trunk=90)", optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.BY, "Nearest by", METRICS, defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_SNAP_M, "Farthest snap to a road (m)", QgsProcessingParameterNumber.Double,
            5000.0, minValue=0.0))

    def describe(self, time_s):
        return f"{time_s / 60:.1f} min"

    def answer(self, index, lon, lat, parameters, context, feedback):
        roads = self.parameterAsSource(parameters, self.ROADS, context)
        if roads is None:
            raise QgsProcessingException("a road network layer is needed")
        feedback.pushInfo("reading the road network")
        staged = layers.as_geopackage(roads, context, "roads")
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", UserWarning)
                network = sitecover.RoadNetwork.from_file(
                    staged, speeds=self.parameterAsString(parameters, self.SPEEDS, context))
            for warning in caught:
                feedback.pushWarning(messages.qgis_text(warning.message))
            feedback.setProgress(40)
            if feedback.isCanceled():
                return None
            site, distance_m, time_s, snap_m = network.nearest_sites(
                index, lon, lat, by=METRICS[self.parameterAsEnum(parameters, self.BY, context)],
                max_snap_m=self.parameterAsDouble(parameters, self.MAX_SNAP_M, context),
                threads=self.parameterAsInt(parameters, self.THREADS, context))
        except (OSError, ValueError) as error:
            raise QgsProcessingException(messages.qgis_text(error)) from error
        unreached = int(np.count_nonzero(site < 0))
        if unreached:
            feedback.pushWarning(f"{unreached} origin(s) reach no site by road")
        return site_columns(index, site, "road_site_id", "road_site_name") | {
            "road_distance_m": (QVariant.Double, distance_m),
            "travel_time_s": (QVariant.Double, time_s),
            "snap_m": (QVariant.Double, snap_m)}
