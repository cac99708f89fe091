"""Processing algorithm "Planner report": the documents of `sitecover report` (a GeoPackage with
QGIS styles, a map, a one-page HTML summary), written by the library's renderer, and the
GeoPackage's layers loaded into the project with their styles."""

import os

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingAlgorithm,
    QgsVectorLayer,
)

from . import messages, study
from .engine import sitecover

LANGS = ["en", "fr"]
LAYERS = ["areas", "origins", "links", "sites"]  # bottom to top


class ReportAlgorithm(QgsProcessingAlgorithm):
    def name(self):
        return "report"

    def displayName(self):  # noqa: N802
        return "Planner report"

    def shortHelpString(self):  # noqa: N802
        return ("The planner's documents of `sitecover report`: a GeoPackage (layers sites, "
                "areas, origins, links and the table run, each layer with its QGIS style), "
                "a map (PNG, SVG or PDF, optional) and a self-contained HTML page (optional). "
                "Areas: coverage, margin to the boundary (fragile below 'Fragile margin'), "
                "farthest commune; origins: nearest site as the crow flies and, with a road "
                "layer, by road, with population when a population table is given. Sites may "
                "be filtered by type and labelling date. The GeoPackage's layers are loaded "
                "styled. Cancel takes effect between steps.")

    def createInstance(self):  # noqa: N802
        return ReportAlgorithm()

    def initAlgorithm(self, config=None):  # noqa: N802
        study.declare(self)
        number = QgsProcessingParameterNumber
        self.addParameter(number("WITHIN_KM", "Distance threshold (km)", number.Double, 19.0,
                                 minValue=0.0))
        self.addParameter(number("WITHIN_MIN", "Travel-time threshold (min, with roads)",
                                 number.Double, 30.0, minValue=0.0))
        self.addParameter(number("FRAGILE_M", "Fragile margin (m)", number.Double, 500.0,
                                 minValue=0.0))
        self.addParameter(QgsProcessingParameterString("PLACE", "Place (map title)",
                                                       "Study area"))
        self.addParameter(QgsProcessingParameterEnum("LANG", "Language", LANGS, defaultValue=0))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", "Report GeoPackage", "GeoPackage (*.gpkg)"))
        self.addParameter(QgsProcessingParameterFileDestination(
            "MAP", "Map", "PNG (*.png);;SVG (*.svg);;PDF (*.pdf)", optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            "HTML", "HTML page", "HTML (*.html)", optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("COVERED", "Areas covered"))
        self.addOutput(QgsProcessingOutputNumber("AREA_COUNT", "Areas"))
        self.addOutput(QgsProcessingOutputNumber("FRAGILE", "Fragile areas"))
        self.addOutput(QgsProcessingOutputNumber("MAX_DISTANCE_M", "Farthest origin (m)"))
        self.addOutput(QgsProcessingOutputString("TITLE", "Title"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        try:
            data = self._build(parameters, context, feedback)
            if data is None:
                return {}
            outputs = self._write(data, parameters, context, feedback)
        except (OSError, ValueError) as error:
            raise QgsProcessingException(messages.qgis_text(error)) from error
        summary = data.summary
        feedback.pushInfo(outputs["TITLE"])
        feedback.pushInfo(f"crow-fly distance: max {summary['max_m'] / 1000:.1f} km, mean "
                          f"{summary['mean_m'] / 1000:.1f} km; fragile: {summary['fragile']}")
        feedback.setProgress(100)
        return outputs | {"COVERED": summary["covered"], "AREA_COUNT": summary["areas"],
                          "FRAGILE": summary["fragile"], "MAX_DISTANCE_M": summary["max_m"]}

    def _build(self, parameters, context, feedback):
        """The report's model, or None when cancelled."""
        feedback.pushInfo("reading the areas and sites")
        areas = study.read_areas(self, parameters, context)
        sites = study.read_sites(self, parameters, context, feedback)
        feedback.setProgress(20)
        if feedback.isCanceled():
            return None
        origins, outlines, shares, _ = study.read_origins(self, parameters, context)
        feedback.setProgress(40)
        roads, by = study.read_roads(self, parameters, context, feedback)
        feedback.setProgress(60)
        if feedback.isCanceled():
            return None
        return sitecover.report_data(
            areas, sites, origins, population=shares, outlines=outlines, roads=roads, by=by,
            within_m=self.parameterAsDouble(parameters, "WITHIN_KM", context) * 1000.0,
            within_s=self.parameterAsDouble(parameters, "WITHIN_MIN", context) * 60.0,
            fragile_m=self.parameterAsDouble(parameters, "FRAGILE_M", context), as_frame=False)

    def _parameters(self, parameters, context):
        named = {"sites_file": "SITES", "areas_file": "AREAS", "origins_file": "ORIGINS",
                 "population_file": "POPULATION", "roads_file": "ROADS"}
        stated = {key: study.file_name(self, parameters, name, context)
                  for key, name in named.items()}
        for key, name in (("site_types", "SITE_TYPES"), ("as_of", "AS_OF"),
                          ("road_profile", "SPEEDS")):
            stated[key] = self.parameterAsString(parameters, name, context) or ""
        if stated["roads_file"]:
            stated["road_by"] = study.METRICS[self.parameterAsEnum(parameters, "BY", context)]
        return {key: value for key, value in stated.items() if value}

    def _check_not_an_input(self, parameters, context, outputs):
        """Overwriting is allowed (the dialog asked), but never over an input file."""
        inputs = set()
        for key in ("AREAS", "SITES", "ORIGINS", "ROADS", "POPULATION"):
            source = study.source_path(parameters.get(key), context)
            if source:
                inputs.add(os.path.realpath(source))
        for path in outputs:
            if path and os.path.realpath(path) in inputs:
                raise QgsProcessingException(f"{path} is an input of the report: choose "
                                             "another file for the output")

    def _write(self, data, parameters, context, feedback):
        gpkg = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        map_path = self.parameterAsFileOutput(parameters, "MAP", context)
        html = self.parameterAsFileOutput(parameters, "HTML", context)
        self._check_not_an_input(parameters, context, (gpkg, map_path, html))
        feedback.pushInfo("writing the report")
        # The file dialog has asked before pointing at an existing file (an input excepted).
        written = data.write(
            gpkg, map_path, html, place=self.parameterAsString(parameters, "PLACE", context),
            lang=LANGS[self.parameterAsEnum(parameters, "LANG", context)],
            parameters=self._parameters(parameters, context), overwrite=True)
        feedback.setProgress(90)
        # The GeoPackage's layers, each with the default style stored in it (layer_styles).
        for name in LAYERS:
            layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
            if not layer.isValid():
                raise QgsProcessingException(f"cannot read back layer {name} of {gpkg}")
            context.temporaryLayerStore().addMapLayer(layer)
            context.addLayerToLoadOnCompletion(
                layer.id(), QgsProcessingContext.LayerDetails(name, context.project(), name))
        return {"OUTPUT": gpkg, "MAP": map_path or None, "HTML": html or None,
                "TITLE": written["title"]}
