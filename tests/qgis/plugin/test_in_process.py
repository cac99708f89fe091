"""The provider inside a PyQGIS application: progress and cancellation through the feedback
object, and the styles given to the outputs (every feature gets a symbol, labels on)."""

import os
import sys

import pytest

import conftest
from conftest import DATA, SITES

qgis_core = pytest.importorskip("qgis.core", reason="PyQGIS is not installed (python3-qgis)")


@pytest.fixture(scope="module")
def processing(qgis_env):
    os.environ.update(qgis_env)
    app = qgis_core.QgsApplication([], False)
    app.initQgis()
    sys.path[:0] = ["/usr/share/qgis/python/plugins", str(conftest.PLUGIN_DIR)]
    from processing.core.Processing import Processing

    Processing.initialize()
    from sitecover_qgis.provider import SitecoverProvider

    provider = SitecoverProvider()
    qgis_core.QgsApplication.processingRegistry().addProvider(provider)
    import processing as module

    yield module
    qgis_core.QgsApplication.processingRegistry().removeProvider(provider)


class Recorder(qgis_core.QgsProcessingFeedback):
    def __init__(self, cancel_at=None):
        super().__init__()
        self.progress = []
        self.cancel_at = cancel_at
        self.progressChanged.connect(self._record)

    def _record(self, value):
        self.progress.append(value)
        if self.cancel_at is not None and value >= self.cancel_at:
            self.cancel()


def nearest_parameters():
    return {"ORIGINS": str(DATA / "gers" / "communes-32-adminexpress2018.geojson"),
            "SITES": SITES, "OUTPUT": "memory:"}


def test_progress_reaches_100_in_order(processing):
    feedback = Recorder()
    result = processing.run("sitecover:nearest", nearest_parameters(), feedback=feedback)
    assert result["ORIGIN_COUNT"] == 462
    assert feedback.progress[-1] == 100
    assert feedback.progress == sorted(feedback.progress)


def test_cancel_stops_before_writing(processing):
    feedback = Recorder(cancel_at=10)
    context = qgis_core.QgsProcessingContext()
    algorithm = qgis_core.QgsApplication.processingRegistry().createAlgorithmById(
        "sitecover:nearest")
    ok = algorithm.prepare(nearest_parameters(), context, feedback)
    assert ok
    result = algorithm.runPrepared(nearest_parameters(), context, feedback)
    assert result == {} and feedback.isCanceled()


def symbols_for_every_feature(layer):
    renderer = layer.renderer().clone()
    context = qgis_core.QgsRenderContext()
    # Expression-based categories (the report's areas) read the feature from the context.
    context.expressionContext().appendScopes(
        qgis_core.QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    renderer.startRender(context, layer.fields())
    try:
        found = []
        for feature in layer.getFeatures():
            context.expressionContext().setFeature(feature)
            found.append(bool(renderer.symbolsForFeature(feature, context)))
        return all(found)
    finally:
        renderer.stopRender(context)


def test_outputs_are_styled(processing):
    from sitecover_qgis import styles

    coverage = processing.run("sitecover:coverage", {
        "AREAS": str(DATA / "gers" / "cantons-32-geofla2016.geojson"), "SITES": SITES,
        "OUTPUT": "memory:"})["OUTPUT"]
    context, feedback = qgis_core.QgsProcessingContext(), qgis_core.QgsProcessingFeedback()
    styles.COVERAGE_STYLE.postProcessLayer(coverage, context, feedback)
    assert coverage.featureCount() == 17 and symbols_for_every_feature(coverage)
    assert coverage.labelsEnabled()
    nearest = processing.run("sitecover:nearest", nearest_parameters())["OUTPUT"]
    styles.NEAREST_STYLE.postProcessLayer(nearest, context, feedback)
    assert nearest.featureCount() == 462 and symbols_for_every_feature(nearest)


def planner_parameters(tmp_path):
    return {"AREAS": str(DATA / "gers" / "cantons-32-geofla2016.geojson"), "SITES": SITES,
            "ORIGINS": str(DATA / "gers" / "communes-32-adminexpress2018.geojson"),
            "OUTPUT": str(tmp_path / "report.gpkg")}


def test_report_loads_the_geopackage_layers_styled(processing, tmp_path):
    context = qgis_core.QgsProcessingContext()
    context.setProject(qgis_core.QgsProject.instance())
    feedback = Recorder()
    result = processing.run("sitecover:report", planner_parameters(tmp_path), context=context,
                            feedback=feedback)
    assert result["COVERED"] == 17 and feedback.progress[-1] == 100
    assert feedback.progress == sorted(feedback.progress)
    details = context.layersToLoadOnCompletion()
    assert len(details) == 4
    for layer_id in details:
        layer = context.getMapLayer(layer_id)
        assert layer.isValid() and layer.featureCount() > 0
        # The style stored in the GeoPackage (layer_styles) is the layer's, not QGIS's default.
        assert symbols_for_every_feature(layer), layer.name()
        if layer.name() == "areas":
            assert isinstance(layer.renderer(), qgis_core.QgsCategorizedSymbolRenderer)


def test_report_and_suggest_cancel_before_writing(processing, tmp_path):
    for algorithm_id, extra in (("sitecover:report", {}), ("sitecover:suggest", {"K": 1})):
        parameters = planner_parameters(tmp_path) | extra
        feedback = Recorder(cancel_at=15)
        context = qgis_core.QgsProcessingContext()
        algorithm = qgis_core.QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
        assert algorithm.prepare(parameters, context, feedback)
        assert algorithm.runPrepared(parameters, context, feedback) == {}
        assert feedback.isCanceled()
        assert not (tmp_path / "report.gpkg").exists(), algorithm_id


def test_suggested_sites_are_styled_stars(processing, tmp_path):
    from sitecover_qgis import styles

    population = DATA / "france" / "population-communes-2024.csv"
    parameters = planner_parameters(tmp_path) | {"K": 1, "OUTPUT": "memory:",
                                                 "POPULATION": str(population)}
    layer = processing.run("sitecover:suggest", parameters)["OUTPUT"]
    context, feedback = qgis_core.QgsProcessingContext(), qgis_core.QgsProcessingFeedback()
    styles.SUGGEST_STYLE.postProcessLayer(layer, context, feedback)
    assert layer.featureCount() == 1 and symbols_for_every_feature(layer)
    # README: the best p-median site of the Gers, population-weighted.
    assert [f["site_name"] for f in layer.getFeatures()] == ["Auch (32013)"]
