"""Processing algorithm "Suggest new sites": where to open K sites on top of the existing ones
(optionally after closing some), as `sitecover plan --suggest K` chooses them."""

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
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from . import layers, looks, messages, study
from .engine import sitecover

# Appended only: the enum parameter stores the index.
OBJECTIVES = ["p-median", "p-center", "max-coverage", "cover"]


class SuggestAlgorithm(QgsProcessingAlgorithm):
    def name(self):
        return "suggest"

    def displayName(self):  # noqa: N802
        return "Suggest new sites"

    def shortHelpString(self):  # noqa: N802
        return ("Chooses K new sites among candidate places (every origin's point, or a "
                "candidate layer), the existing sites kept (less those closed by 'Close "
                "sites'), as `sitecover plan --suggest K`: greedy then swaps, and for K <= 2 "
                "the exact optimum too. Objectives: p-median (smallest population-weighted "
                "mean distance or time), p-center (smallest worst case), max-coverage (most "
                "inhabitants within the threshold), cover (the fewest new sites bringing every "
                "origin within the threshold; K is not used). Each answer is certified "
                "(proven optimal, or its proven gap when the time limit cuts the search). "
                "Costs are crow-fly geodesic distances, "
                "or travel times with a road layer. 'Cover every area' first gives each area "
                "without a site one of the K. Output: the new sites (points, styled as stars) "
                "with the origins each would serve and their population.")

    def createInstance(self):  # noqa: N802
        return SuggestAlgorithm()

    def initAlgorithm(self, config=None):  # noqa: N802
        study.declare(self)
        number = QgsProcessingParameterNumber
        self.addParameter(QgsProcessingParameterFeatureSource(
            "CANDIDATES", "Candidate places (default: the origins' points)",
            [QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterField(
            "CANDIDATE_CODE_FIELD", "Candidate code field", "code", "CANDIDATES", optional=True))
        self.addParameter(QgsProcessingParameterField(
            "CANDIDATE_NAME_FIELD", "Candidate name field", "nom", "CANDIDATES", optional=True))
        self.addParameter(QgsProcessingParameterString(
            "REMOVE", "Close sites first (ids, comma-separated)", optional=True))
        self.addParameter(number("K", "New sites", number.Integer, 1, minValue=1))
        self.addParameter(QgsProcessingParameterEnum("OBJECTIVE", "Objective", OBJECTIVES,
                                                     defaultValue=0))
        self.addParameter(number("WITHIN_KM", "max-coverage threshold (km)", number.Double,
                                 19.0, minValue=0.0))
        self.addParameter(number("WITHIN_MIN", "max-coverage threshold by road time (min)",
                                 number.Double, 30.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterBoolean(
            "COVER_AREAS", "Cover every area first", False))
        self.addParameter(number("TIME_LIMIT", "Time limit for proving the answer (s)",
                                 number.Double, 60.0, minValue=0.001))
        self.addParameter(number("THREADS", "Threads (0: all cores)", number.Integer, 0,
                                 minValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", "New sites", QgsProcessing.TypeVectorPoint))
        self.addOutput(QgsProcessingOutputString("SUGGESTED", "New sites (names)"))
        self.addOutput(QgsProcessingOutputNumber("COST_BEFORE", "Objective's figure before"))
        self.addOutput(QgsProcessingOutputNumber("COST_AFTER", "Objective's figure after"))
        self.addOutput(QgsProcessingOutputNumber("COVERED_AFTER", "Areas covered after"))
        self.addOutput(QgsProcessingOutputNumber("BOUND", "Proven bound of the objective"))
        self.addOutput(QgsProcessingOutputNumber("GAP", "Proven gap (0: optimal)"))
        self.addOutput(QgsProcessingOutputNumber("PROVEN", "Proven optimal (1) or not (0)"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        try:
            found = self._suggest(parameters, context, feedback)
        except (OSError, ValueError) as error:
            raise QgsProcessingException(messages.qgis_text(error)) from error
        if found is None:
            return {}
        plan, objective = found
        dest_id = self._write(plan.changes, parameters, context)
        # The file is closed: the library stores the layer's style in it.
        looks.store(dest_id, "plan-sites", feedback)
        suggested = [c for c in plan.changes if c["change"] == "suggested"]
        value, before = plan.suggestion["value"], plan.suggestion["before"]
        figure = "covered_weight" if objective in ("max-coverage", "cover") else (
            "max_cost" if objective == "p-center" else "mean_cost")
        for c in suggested:
            feedback.pushInfo(f"{c['site_name']}: nearest site of {c['origins']} origin(s)")
        feedback.pushInfo(f"{objective}: {figure} {before[figure]:.1f} -> {value[figure]:.1f}; "
                          f"areas covered {plan.after['covered']}/{plan.after['areas']}")
        quality = plan.suggestion["quality"] or {}
        if quality:
            feedback.pushInfo(f"certified: value {quality['value']:.1f}, bound "
                              f"{quality['bound']:.1f}, gap {100.0 * quality['gap']:.2f} %, "
                              + ("proven optimal" if quality["proven_optimal"] else "not proven"))
        looks.load_styled(context, dest_id, "plan-sites")
        feedback.setProgress(100)
        return {"OUTPUT": dest_id, "SUGGESTED": ";".join(c["site_name"] for c in suggested),
                "COST_BEFORE": before[figure], "COST_AFTER": value[figure],
                "COVERED_AFTER": plan.after["covered"], "BOUND": quality.get("bound"),
                "GAP": quality.get("gap"), "PROVEN": int(quality.get("proven_optimal", False))}

    def _request(self, parameters, context):
        """The keywords of sitecover.plan (the library's plan job, as `sitecover plan`): the
        layers' files (or staged copies of layers without one), fields, filters, the change
        and the suggestion."""
        request = {}
        for key, keyword in (("AREAS", "areas"), ("SITES", "sites"), ("ORIGINS", "origins"),
                             ("ROADS", "roads"), ("CANDIDATES", "candidates")):
            request.update(study.layer_keywords(self, parameters, key, keyword, context))
        for key, keyword in study.TEXT_KEYWORDS.items():
            value = self.parameterAsString(parameters, key, context)
            if value:
                request[keyword] = value
        for key, keyword in (("CANDIDATE_CODE_FIELD", "candidates_code_field"),
                             ("CANDIDATE_NAME_FIELD", "candidates_name_field")):
            value = self.parameterAsString(parameters, key, context)
            if value and "candidates" in request:
                request[keyword] = value
        if "roads" in request:
            request["by"] = study.METRICS[self.parameterAsEnum(parameters, "BY", context)]
            request["within_min"] = self.parameterAsDouble(parameters, "WITHIN_MIN", context)
        request["remove"] = [s.strip() for s in
                             (self.parameterAsString(parameters, "REMOVE", context) or "").split(",")
                             if s.strip()]
        request["objective"] = OBJECTIVES[self.parameterAsEnum(parameters, "OBJECTIVE", context)]
        # cover chooses the count itself.
        request["suggest"] = (0 if request["objective"] == "cover"
                              else self.parameterAsInt(parameters, "K", context))
        request["time_limit"] = self.parameterAsDouble(parameters, "TIME_LIMIT", context)
        request["within_km"] = self.parameterAsDouble(parameters, "WITHIN_KM", context)
        request["cover_areas"] = self.parameterAsBool(parameters, "COVER_AREAS", context)
        request["threads"] = self.parameterAsInt(parameters, "THREADS", context)
        return request

    def _suggest(self, parameters, context, feedback):
        """(Plan, objective name), or None when cancelled."""
        request = self._request(parameters, context)
        feedback.setProgress(20)
        if feedback.isCanceled():
            return None
        feedback.pushInfo(f"searching {request['suggest']} new site(s), {request['objective']}")
        plan = study.with_warnings(feedback, sitecover.plan, as_frame=False, **request)
        feedback.setProgress(90)
        return plan, request["objective"]

    def _write(self, changes, parameters, context):
        fields = QgsFields()
        for name, kind in (("site_id", QVariant.String), ("site_name", QVariant.String),
                           ("change", QVariant.String), ("origins", QVariant.Int),
                           ("population", QVariant.Double)):
            fields.append(QgsField(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, "OUTPUT", context, fields,
                                             QgsWkbTypes.Point, layers.WGS84)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        for c in changes:
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(c["lon"], c["lat"])))
            removed = c["change"] == "removed"
            feature.setAttributes([c["site_id"], c["site_name"], c["change"],
                                   None if removed else c["origins"],
                                   None if removed else c["population"]])
            if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, "OUTPUT"))
        del sink  # closes the file
        return dest_id
