"""Processing algorithm "Planner report": the documents of `sitecover report` (a GeoPackage with
QGIS styles, a map, a one-page HTML summary), through the same library call with the same
request (sitecover.report, i.e. report::run_report). Each parameter is the command's flag in
capitals (MAP_ROADS is --map-roads; ORIGINS is --from); layers backed by a file are read from
that file, as the command reads them."""

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingAlgorithm,
    QgsVectorLayer,
)

from . import looks, messages, study
from .engine import sitecover

LANGS = ["en", "fr"]
ORIGIN_RULES = ["point-on-surface", "centroid"]
PAGES = ["", "A4", "A4-landscape", "A4-portrait", "A3", "A3-landscape", "A3-portrait"]
# The GeoPackage's layers and their kind of look (sitecover.layer_style): stacked by the
# library's rank once loaded (fills under outlines under points).
LAYERS = {"areas": "coverage", "origins": "distance", "links": "links", "sites": "sites"}

# Text parameters passed as they are: QGIS name -> keyword of sitecover.report.
TEXTS = {"SITE_TYPES": "site_types", "AS_OF": "as_of", "SPEEDS": "speeds", "PLACE": "place",
         "NOUN": "noun", "FOOTER": "footer", "CLASS_FIELD": "class_field", "T_SRS": "t_srs"}
FILES = {"POPULATION": "population", "SCENARIO": "scenario", "CONTEXT": "context",
         "MAP_ROADS": "map_roads", "PROFILE": "profile", "LOGO": "logo"}
NUMBERS = {"WITHIN_KM": "within_km", "WITHIN_MIN": "within_min", "FRAGILE_M": "fragile_m",
           "ACCESS_SPEED": "access_speed", "MAX_SNAP_M": "max_snap_m"}
FIELDS = {"AREA_CODE_FIELD": "area_code_field", "AREA_NAME_FIELD": "area_name_field",
          "SITE_ID_FIELD": "site_id_field", "SITE_NAME_FIELD": "site_name_field",
          "SITE_TYPE_FIELD": "site_type_field", "SITE_DEP_FIELD": "site_dep_field",
          "SITE_DATE_FIELD": "site_date_field", "ORIGIN_CODE_FIELD": "origin_code_field",
          "ORIGIN_NAME_FIELD": "origin_name_field"}
LAYER_INPUTS = {"AREAS": "areas", "SITES": "sites", "ORIGINS": "origins", "ROADS": "roads"}


class ReportAlgorithm(QgsProcessingAlgorithm):
    def name(self):
        return "report"

    def displayName(self):  # noqa: N802
        return "Planner report"

    def shortHelpString(self):  # noqa: N802
        return ("The planner's documents of `sitecover report`, written by the same library "
                "call: a GeoPackage (layers sites, areas, origins, links and the table run, "
                "each layer with its QGIS style), a map (PNG, SVG or PDF, optional) and a "
                "self-contained HTML page (optional). Areas: coverage, margin to the boundary "
                "(fragile below 'Fragile margin'), farthest commune; origins: nearest site as "
                "the crow flies and, with a road layer, by road, with population when a "
                "population table is given. Sites may be filtered by type and labelling date; "
                "a scenario (a plan's sites output) applies site changes. The map shows the "
                "neighbouring départements (CONTEXT) and main roads (MAP_ROADS): 'none' for "
                "neither, empty for the data directory's. The GeoPackage's layers are loaded "
                "styled. Cancel takes effect before the documents are written.")

    def createInstance(self):  # noqa: N802
        return ReportAlgorithm()

    def initAlgorithm(self, config=None):  # noqa: N802
        study.declare(self)
        number = QgsProcessingParameterNumber
        add = self.addParameter
        add(QgsProcessingParameterEnum("ORIGIN", "Point of each origin polygon", ORIGIN_RULES,
                                       defaultValue=0))
        add(QgsProcessingParameterString("CLASS_FIELD", "Road class field (default: class)",
                                         optional=True))
        add(QgsProcessingParameterFile("PROFILE", "Speed profile file ('class = km/h' lines)",
                                       optional=True))
        add(number("ACCESS_SPEED", "Access speed to the road (km/h)", number.Double, 30.0,
                   minValue=0.1, maxValue=300.0))
        add(number("MAX_SNAP_M", "Farthest distance to a road (m)", number.Double, 5000.0,
                   minValue=0.0))
        add(number("WITHIN_KM", "Distance threshold (km)", number.Double, 19.0, minValue=0.0))
        add(number("WITHIN_MIN", "Travel-time threshold (min, with roads)", number.Double, 30.0,
                   minValue=0.0))
        add(number("FRAGILE_M", "Fragile margin (m)", number.Double, 500.0, minValue=0.0))
        add(QgsProcessingParameterFile("SCENARIO", "Scenario (a plan's sites output)",
                                       optional=True))
        add(QgsProcessingParameterString(
            "CONTEXT", "Context polygons around the areas (a file, or none)", optional=True))
        add(QgsProcessingParameterString(
            "MAP_ROADS", "Roads drawn on the map (a file, or none)", optional=True))
        add(QgsProcessingParameterString("PLACE", "Place (map title; default from the areas)",
                                         optional=True))
        add(QgsProcessingParameterString("NOUN", "What the areas are called", "cantons"))
        add(QgsProcessingParameterString("FOOTER", "Footer line of the map and the page",
                                         optional=True))
        add(QgsProcessingParameterFile("LOGO", "Logo (PNG or SVG) of the map and the page",
                                       optional=True, fileFilter="Images (*.png *.svg)"))
        add(QgsProcessingParameterEnum("LANG", "Language", LANGS, defaultValue=0))
        add(QgsProcessingParameterEnum("PAGE", "Print the map on a page (PDF or SVG map)",
                                       PAGES, defaultValue=0))
        add(number("MAP_WIDTH", "Map width (px; points for SVG / PDF)", number.Integer, 1600,
                   minValue=200, maxValue=20000))
        add(number("MAP_HEIGHT", "Map height (px; points for SVG / PDF)", number.Integer, 1200,
                   minValue=150, maxValue=20000))
        add(QgsProcessingParameterString("T_SRS", "CRS of the GeoPackage's layers",
                                         optional=True))
        add(QgsProcessingParameterFileDestination("OUTPUT", "Report GeoPackage",
                                                  "GeoPackage (*.gpkg)"))
        add(QgsProcessingParameterFileDestination(
            "MAP", "Map", "PNG (*.png);;SVG (*.svg);;PDF (*.pdf)", optional=True,
            createByDefault=False))
        add(QgsProcessingParameterFileDestination(
            "HTML", "HTML page", "HTML (*.html)", optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("COVERED", "Areas covered"))
        self.addOutput(QgsProcessingOutputNumber("AREA_COUNT", "Areas"))
        self.addOutput(QgsProcessingOutputNumber("FRAGILE", "Fragile areas"))
        self.addOutput(QgsProcessingOutputNumber("MAX_DISTANCE_M", "Farthest origin (m)"))
        self.addOutput(QgsProcessingOutputString("TITLE", "Title"))

    def request(self, parameters, context):
        """The keywords of sitecover.report for these parameters: each QGIS parameter is the
        command's flag, and the library resolves what is left out as the command does."""
        request = {}
        for key, keyword in LAYER_INPUTS.items():
            request.update(study.layer_keywords(self, parameters, key, keyword, context))
        for key, keyword in (TEXTS | FILES | FIELDS).items():
            value = self.parameterAsString(parameters, key, context)
            if value:
                request[keyword] = value
        for key, keyword in NUMBERS.items():
            request[keyword] = self.parameterAsDouble(parameters, key, context)
        request["map_width"] = self.parameterAsInt(parameters, "MAP_WIDTH", context)
        request["map_height"] = self.parameterAsInt(parameters, "MAP_HEIGHT", context)
        request["by"] = study.METRICS[self.parameterAsEnum(parameters, "BY", context)]
        request["origin"] = ORIGIN_RULES[self.parameterAsEnum(parameters, "ORIGIN", context)]
        request["lang"] = LANGS[self.parameterAsEnum(parameters, "LANG", context)]
        page = PAGES[self.parameterAsEnum(parameters, "PAGE", context)]
        if page:
            request["page"] = page
        for key, keyword in (("OUTPUT", "output"), ("MAP", "map"), ("HTML", "html")):
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
        feedback.pushInfo("reading the inputs and writing the report")
        try:
            report = study.with_warnings(feedback, sitecover.report, **request)
        except (OSError, ValueError) as error:
            raise QgsProcessingException(messages.qgis_text(error)) from error
        feedback.setProgress(90)
        self._load(report.written["output"], context)
        summary = report.summary
        feedback.pushInfo(report.title)
        feedback.pushInfo(f"crow-fly distance: max {summary['max_m'] / 1000:.1f} km, mean "
                          f"{summary['mean_m'] / 1000:.1f} km; fragile: {summary['fragile']}")
        feedback.setProgress(100)
        return {"OUTPUT": report.written["output"], "MAP": report.written["map"],
                "HTML": report.written["html"], "TITLE": report.title,
                "COVERED": summary["covered"], "AREA_COUNT": summary["areas"],
                "FRAGILE": summary["fragile"], "MAX_DISTANCE_M": summary["max_m"]}

    def _load(self, gpkg, context):
        """The GeoPackage's layers, each with the default style stored in it (layer_styles),
        stacked by the library's rank: fills under outlines under points."""
        if not gpkg:
            return
        run = looks.new_run()
        for name, kind in LAYERS.items():
            layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
            if not layer.isValid():
                raise QgsProcessingException(f"cannot read back layer {name} of {gpkg}")
            context.temporaryLayerStore().addMapLayer(layer)
            context.addLayerToLoadOnCompletion(
                layer.id(), QgsProcessingContext.LayerDetails(name, context.project(), name))
            looks.load_styled(context, layer.id(), kind, run=run)
