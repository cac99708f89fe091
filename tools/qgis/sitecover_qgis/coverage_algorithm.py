"""Processing algorithm "Canton coverage": which areas hold a site, and with what margin."""

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from . import looks, messages, study
from .engine import sitecover

BOUNDARY_RULES = ["included", "excluded"]


class CoverageAlgorithm(QgsProcessingAlgorithm):
    AREAS, AREA_CODE, AREA_NAME = "AREAS", "AREA_CODE_FIELD", "AREA_NAME_FIELD"
    SITES, SITE_ID, SITE_NAME = "SITES", "SITE_ID_FIELD", "SITE_NAME_FIELD"
    BOUNDARY, OUTPUT = "BOUNDARY", "OUTPUT"

    def name(self):
        return "coverage"

    def displayName(self):  # noqa: N802
        return "Canton coverage"

    def shortHelpString(self):  # noqa: N802
        return ("Checks that every area (canton) holds at least one site, and how far the "
                "best-placed site lies from the area's boundary (margin_m, exact WGS84 metres). "
                "Boundary rule: 'included' counts a site on a boundary for every area it "
                "touches; 'excluded' only strictly inside. Output: the areas with area_code, "
                "area_name, site_count, site_ids, covered (1/0) and margin_m, styled red where "
                "no site lies (a GeoPackage output keeps the style in its layer_styles table).")

    def createInstance(self):  # noqa: N802
        return CoverageAlgorithm()

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREAS, "Areas (cantons)", [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.AREA_CODE, "Area code field", "code", self.AREAS, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.AREA_NAME, "Area name field", "nom", self.AREAS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SITES, "Sites", [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(
            self.SITE_ID, "Site id field", "id_fs", self.SITES, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.BOUNDARY, "A site exactly on a boundary", BOUNDARY_RULES, defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, "Coverage", QgsProcessing.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber("COVERED", "Areas covered"))
        self.addOutput(QgsProcessingOutputNumber("AREA_COUNT", "Areas"))
        self.addOutput(QgsProcessingOutputString("UNCOVERED", "Areas without a site"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        areas_source = self.parameterAsSource(parameters, self.AREAS, context)
        sites_source = self.parameterAsSource(parameters, self.SITES, context)
        # Field parameters left unset (qgis_process, models) take their documented defaults.
        code_field = self.parameterAsString(parameters, self.AREA_CODE, context) or "code"
        name_field = self.parameterAsString(parameters, self.AREA_NAME, context) or "nom"
        site_id_field = self.parameterAsString(parameters, self.SITE_ID, context) or "id_fs"
        rule = BOUNDARY_RULES[self.parameterAsEnum(parameters, self.BOUNDARY, context)]
        if areas_source is None or sites_source is None:
            raise QgsProcessingException("both an area layer and a site layer are needed")

        feedback.pushInfo("reading the areas and sites")
        # The library's coverage job with the command's request: the layers' files (or staged
        # copies of layers without one) and their fields.
        request = {"boundary": rule, "area_code_field": code_field,
                   "area_name_field": name_field or code_field, "site_id_field": site_id_field}
        request.update(study.layer_keywords(self, parameters, self.AREAS, "areas", context))
        request.update(study.layer_keywords(self, parameters, self.SITES, "sites", context))
        feedback.setProgress(30)
        if feedback.isCanceled():
            return {}
        try:
            records, _ = study.with_warnings(feedback, sitecover.coverage, as_frame=False,
                                             **request)
        except (OSError, ValueError) as error:
            raise QgsProcessingException(messages.qgis_text(error)) from error
        feedback.setProgress(80)

        dest_id = self._write(parameters, context, areas_source, code_field, records)
        # The file is closed: the library stores the layer's style in it.
        looks.store(dest_id, "coverage", feedback)
        covered = sum(1 for r in records if r["covered"])
        uncovered = [r["area_name"] or r["area_code"] for r in records if not r["covered"]]
        feedback.pushInfo(f"{covered}/{len(records)} areas covered (boundary rule: {rule})")
        if uncovered:
            feedback.pushWarning("without a site: " + ", ".join(uncovered))
        looks.load_styled(context, dest_id, "coverage")
        feedback.setProgress(100)
        return {self.OUTPUT: dest_id, "COVERED": covered, "AREA_COUNT": len(records),
                "UNCOVERED": ";".join(uncovered)}

    def _write(self, parameters, context, areas_source, code_field, records):
        fields = QgsFields()
        fields.append(QgsField("area_code", QVariant.String))
        fields.append(QgsField("area_name", QVariant.String))
        fields.append(QgsField("site_count", QVariant.Int))
        fields.append(QgsField("site_ids", QVariant.String))
        fields.append(QgsField("covered", QVariant.Int))
        fields.append(QgsField("margin_m", QVariant.Double))
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiPolygon,
            areas_source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        geometries = {str(f[code_field]): f.geometry() for f in areas_source.getFeatures()}
        for record in records:
            feature = QgsFeature(fields)
            geometry = geometries[record["area_code"]]
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes([
                record["area_code"], record["area_name"], record["site_count"],
                ";".join(record["site_ids"]), 1 if record["covered"] else 0, record["margin_m"]])
            if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))
        del sink  # closes the file
        return dest_id
