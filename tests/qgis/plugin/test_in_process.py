"""The provider inside a PyQGIS application: progress and cancellation through the feedback
object, and the look of the outputs: the library's style stored in every GeoPackage output and
loaded with it (every feature gets a symbol, labels on), the layers stacked so that each shows."""

import os
import sqlite3
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


def stored_styles(gpkg):
    """layer name -> (styleName, styleQML) of its default style, read with SQLite."""
    with sqlite3.connect(gpkg) as db:
        rows = db.execute("SELECT f_table_name, styleName, styleQML FROM layer_styles "
                          "WHERE useAsDefault")
        return {layer: (name, qml) for layer, name, qml in rows}


def run_and_load(processing, algorithm, parameters):
    """Runs an algorithm as the Processing dialog does, its outputs loaded into the project;
    returns (results, the layers it loaded, top first)."""
    project = qgis_core.QgsProject.instance()
    project.clear()
    results = processing.runAndLoadResults(algorithm, parameters)
    loaded = [node.layer() for node in project.layerTreeRoot().findLayers()]
    return results, loaded


def test_coverage_and_nearest_geopackages_carry_the_library_style(processing, tmp_path):
    import sitecover

    coverage_gpkg = tmp_path / "coverage.gpkg"
    results, loaded = run_and_load(processing, "sitecover:coverage", {
        "AREAS": str(DATA / "gers" / "cantons-32-geofla2016.geojson"), "SITES": SITES,
        "OUTPUT": str(coverage_gpkg)})
    assert results["COVERED"] == 17
    # The style in the file is the library's (the one `sitecover coverage -o x.gpkg` stores).
    styles = stored_styles(coverage_gpkg)
    assert list(styles) == ["coverage"]
    assert styles["coverage"][1] == sitecover.layer_style("coverage", "polygon")["qml"]
    [coverage] = loaded
    assert coverage.featureCount() == 17 and symbols_for_every_feature(coverage)
    assert isinstance(coverage.renderer(), qgis_core.QgsCategorizedSymbolRenderer)
    assert coverage.labelsEnabled()

    nearest_gpkg = tmp_path / "nearest.gpkg"
    results, loaded = run_and_load(processing, "sitecover:nearest",
                                   nearest_parameters() | {"OUTPUT": str(nearest_gpkg)})
    assert results["ORIGIN_COUNT"] == 462
    styles = stored_styles(nearest_gpkg)
    assert list(styles) == ["nearest"] and styles["nearest"][0] == "distance"
    assert 'attr="distance_m"' in styles["nearest"][1]
    [nearest] = loaded
    assert nearest.featureCount() == 462 and symbols_for_every_feature(nearest)
    assert isinstance(nearest.renderer(), qgis_core.QgsGraduatedSymbolRenderer)
    assert nearest.renderer().classAttribute() == "distance_m"


def test_a_temporary_output_gets_the_library_style_too(processing):
    results, loaded = run_and_load(processing, "sitecover:coverage", {
        "AREAS": str(DATA / "gers" / "cantons-32-geofla2016.geojson"), "SITES": SITES,
        "OUTPUT": "TEMPORARY_OUTPUT"})
    assert results["COVERED"] == 17
    [coverage] = loaded
    assert isinstance(coverage.renderer(), qgis_core.QgsCategorizedSymbolRenderer)
    assert symbols_for_every_feature(coverage) and coverage.labelsEnabled()


def test_a_shapefile_output_loads_without_failing(processing, tmp_path):
    results, loaded = run_and_load(processing, "sitecover:nearest",
                                   nearest_parameters() | {"OUTPUT": str(tmp_path / "n.shp")})
    assert results["ORIGIN_COUNT"] == 462
    [nearest] = loaded
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


def test_report_layers_load_fills_under_outlines_under_points(processing, tmp_path):
    _, loaded = run_and_load(processing, "sitecover:report", planner_parameters(tmp_path))
    # Top first: sites (points), links (lines), areas (outlines), origins (filled communes).
    assert [layer.name() for layer in loaded] == ["sites", "links", "areas", "origins"]
    for layer in loaded:
        assert symbols_for_every_feature(layer), layer.name()


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
    population = DATA / "france" / "population-communes-2024.csv"
    gpkg = tmp_path / "suggested.gpkg"
    parameters = planner_parameters(tmp_path) | {"K": 1, "OUTPUT": str(gpkg),
                                                 "POPULATION": str(population)}
    _, [layer] = run_and_load(processing, "sitecover:suggest", parameters)
    assert stored_styles(gpkg)["suggested"][0] == "sites by change"
    assert layer.featureCount() == 1 and symbols_for_every_feature(layer)
    assert isinstance(layer.renderer(), qgis_core.QgsCategorizedSymbolRenderer)
    # README: the best p-median site of the Gers, population-weighted.
    assert [f["site_name"] for f in layer.getFeatures()] == ["Auch (32013)"]
