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
    renderer = layer.renderer()
    context = qgis_core.QgsRenderContext()
    renderer.startRender(context, layer.fields())
    try:
        return all(renderer.symbolForFeature(f, context) is not None for f in layer.getFeatures())
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
