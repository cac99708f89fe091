"""Processing algorithm "Accessibility (2SFCA)": supply-aware access to the sites of every
origin (two-step floating catchment area, with distance decay: E2SFCA), crow-fly or by road,
and how evenly it is spread (Gini, Palma, shares within 20 and 30 minutes). The same library
call as `sitecover access` (sitecover.access, i.e. report::run_access) with the same request:
each parameter is the command's flag in capitals (CATCHMENT_KM is --catchment-km; ORIGINS is
--from); the tables are written by the library."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsVectorLayer,
)

from . import messages, study
from .engine import sitecover

LAYER_INPUTS = {"SITES": "sites", "ORIGINS": "origins", "ROADS": "roads"}
TEXTS = {"DECAY": "decay", "CAPACITY_FIELD": "capacity_field", "GROUP_BY": "group_by",
         "SPEEDS": "speeds", "SITE_TYPES": "site_types", "AS_OF": "as_of",
         "SITE_ID_FIELD": "site_id_field", "ORIGIN_CODE_FIELD": "origin_code_field",
         "ORIGIN_NAME_FIELD": "origin_name_field", "POPULATION": "population"}
CATCHMENTS = {"CATCHMENT_KM": "catchment_km", "CATCHMENT_MIN": "catchment_min"}
FIGURES = {"GINI": "gini", "PALMA": "palma", "MEAN_INDEX": "mean_index",
           "SHARE_WITHIN_20_MIN": "share_within_20_min",
           "SHARE_WITHIN_30_MIN": "share_within_30_min"}


class AccessAlgorithm(QgsProcessingAlgorithm):
    def name(self):
        return "access"

    def displayName(self):  # noqa: N802
        return "Accessibility (2SFCA)"

    def shortHelpString(self):  # noqa: N802
        return ("Supply-aware accessibility of every origin (commune) to the sites: for each "
                "site, its capacity over the population within its catchment; for each origin, "
                "access_index = 10,000 x the sum of those ratios over the sites within its "
                "catchment (capacity per 10,000 inhabitants). Give one catchment: CATCHMENT_KM "
                "(crow-fly, or road kilometres with a road layer) or CATCHMENT_MIN (minutes by "
                "road). DECAY: none (2SFCA), step:10=1,20=0.68,30=0.22 (E2SFCA: weight 1 up to "
                "10, 0.68 up to 20, 0.22 up to 30, in the catchment's unit) or gaussian. "
                "CAPACITY_FIELD: the sites' field holding their capacity (default 1 each). "
                "Outputs: the origins' table (origin_code, origin_name, origin_lon, origin_lat, "
                "population, access_index, sites_reached) and optionally the sites' (site_id, "
                "site_name, capacity, demand, ratio); figures: population-weighted Gini and "
                "Palma ratio of the index, and by road the shares of the population within 20 "
                "and 30 minutes of its nearest site.")

    def createInstance(self):  # noqa: N802
        return AccessAlgorithm()

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.addParameter
        number = QgsProcessingParameterNumber
        add(QgsProcessingParameterFeatureSource("SITES", "Sites", [QgsProcessing.TypeVectorPoint]))
        add(QgsProcessingParameterField("SITE_ID_FIELD", "Site id field", "id_fs", "SITES",
                                        optional=True))
        add(QgsProcessingParameterField("CAPACITY_FIELD", "Site capacity field (default: 1 each)",
                                        None, "SITES", optional=True))
        add(QgsProcessingParameterString(
            "SITE_TYPES", "Keep these site types only (e.g. Principal,Antenne)", optional=True))
        add(QgsProcessingParameterString(
            "AS_OF", "Keep sites labelled on or before (YYYY-MM-DD)", optional=True))
        add(QgsProcessingParameterFeatureSource(
            "ORIGINS", "Origins (communes or points)",
            [QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeVectorPoint]))
        add(QgsProcessingParameterField("ORIGIN_CODE_FIELD", "Origin code field", "code",
                                        "ORIGINS", optional=True))
        add(QgsProcessingParameterField("ORIGIN_NAME_FIELD", "Origin name field", "nom",
                                        "ORIGINS", optional=True))
        add(QgsProcessingParameterFile(
            "POPULATION", "Population table (INSEE CSV: code, population, anciens_codes)",
            optional=True, fileFilter="CSV (*.csv);;All files (*)"))
        add(QgsProcessingParameterFeatureSource(
            "ROADS", "Road network (lines with a 'class' field; optional)",
            [QgsProcessing.TypeVectorLine], optional=True))
        add(QgsProcessingParameterString(
            "SPEEDS", "Speeds by class, km/h (e.g. motorway=130,trunk=90)", optional=True))
        add(number("CATCHMENT_KM", "Catchment (km; crow-fly, or road km with roads)",
                   number.Double, None, optional=True, minValue=0.0))
        add(number("CATCHMENT_MIN", "Catchment (minutes by road)", number.Double, None,
                   optional=True, minValue=0.0))
        add(QgsProcessingParameterString(
            "DECAY", "Distance decay: none, step:10=1,20=0.68,30=0.22 or gaussian",
            optional=True))
        add(QgsProcessingParameterString(
            "GROUP_BY", "Figures per group: dep or prefix:N (optional)", optional=True))
        add(QgsProcessingParameterFileDestination(
            "OUTPUT", "Accessibility of the origins", "GeoPackage (*.gpkg);;CSV (*.csv)"))
        add(QgsProcessingParameterFileDestination(
            "SITES_OUTPUT", "Ratio of the sites", "GeoPackage (*.gpkg);;CSV (*.csv)",
            optional=True, createByDefault=False))
        for key, label in (("GINI", "Gini of the index"), ("PALMA", "Palma ratio"),
                           ("MEAN_INDEX", "Population-weighted mean index"),
                           ("SHARE_WITHIN_20_MIN", "Share within 20 min by road"),
                           ("SHARE_WITHIN_30_MIN", "Share within 30 min by road")):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def request(self, parameters, context):
        """The keywords of sitecover.access for these parameters: each QGIS parameter is the
        command's flag; the library resolves what is left out as the command does."""
        request = {}
        for key, keyword in LAYER_INPUTS.items():
            request.update(study.layer_keywords(self, parameters, key, keyword, context))
        for key, keyword in TEXTS.items():
            value = self.parameterAsString(parameters, key, context)
            if value:
                request[keyword] = value
        for key, keyword in CATCHMENTS.items():
            if parameters.get(key) not in (None, ""):
                request[keyword] = self.parameterAsDouble(parameters, key, context)
        for key, keyword in (("OUTPUT", "output"), ("SITES_OUTPUT", "sites_output")):
            path = self.parameterAsFileOutput(parameters, key, context)
            if path:
                request[keyword] = path
        # The file dialog has asked before pointing at an existing file; the library refuses
        # an output that is one of the inputs.
        request["overwrite"] = True
        return request

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        request = self.request(parameters, context)
        feedback.setProgress(20)
        if feedback.isCanceled():
            return {}
        feedback.pushInfo("reading the inputs and computing the access index")
        try:
            _, summary = study.with_warnings(feedback, sitecover.access, as_frame=False,
                                             **request)
        except (OSError, ValueError) as error:
            raise QgsProcessingException(messages.qgis_text(error)) from error
        feedback.setProgress(90)
        results = {"OUTPUT": request["output"], "SITES_OUTPUT": request.get("sites_output")}
        self._load(request["output"], "access", context)
        if request.get("sites_output"):
            self._load(request["sites_output"], "access_sites", context)
        for key, keyword in FIGURES.items():
            results[key] = summary[keyword]
        feedback.pushInfo(f"Gini {summary['gini']}, Palma ratio {summary['palma']}")
        feedback.setProgress(100)
        return results

    def _load(self, path, name, context):
        layer = QgsVectorLayer(path, name, "ogr")
        if not layer.isValid():
            raise QgsProcessingException(f"cannot read back {path}")
        context.temporaryLayerStore().addMapLayer(layer)
        context.addLayerToLoadOnCompletion(
            layer.id(), QgsProcessingContext.LayerDetails(name, context.project(), name))
