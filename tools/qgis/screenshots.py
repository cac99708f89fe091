"""Renders the README's pictures of the QGIS plugin, headless: the "Canton coverage" dialog,
the styled results of the coverage and nearest algorithms on the Gers, and the planner report's
layers with a suggested site.

Usage (after building; QT_QPA_PLATFORM=offscreen is set here):
    /usr/bin/python3 tools/qgis/screenshots.py build/sitecover_qgis.zip ../shared/geodata tools/doc
"""

import os
import sys
import tempfile
import zipfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsMapSettings,
    QgsMapRendererParallelJob,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402


def main(zip_path, data, out_dir):
    plugins = tempfile.mkdtemp(prefix="sitecover-shots-")
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(plugins)
    app = QgsApplication([], True)
    app.initQgis()
    sys.path[:0] = ["/usr/share/qgis/python/plugins", plugins]
    from processing.core.Processing import Processing

    Processing.initialize()
    from sitecover_qgis.provider import SitecoverProvider

    provider = SitecoverProvider()  # kept referenced: the registry does not own Python's copy
    QgsApplication.processingRegistry().addProvider(provider)
    # The Processing dialogs expect a QGIS window (qgis.utils.iface); a headless run gives them
    # a map canvas and a message bar, all they touch to show a dialog.
    import qgis.utils
    from qgis.gui import QgsMapCanvas, QgsMessageBar

    class HeadlessInterface:
        def __init__(self):
            self.canvas, self.bar = QgsMapCanvas(), QgsMessageBar()

        def mapCanvas(self):  # noqa: N802
            return self.canvas

        def messageBar(self):  # noqa: N802
            return self.bar

        def activeLayer(self):  # noqa: N802
            return None

        def __getattr__(self, name):
            return lambda *args, **kwargs: None

    qgis.utils.iface = HeadlessInterface()
    import processing
    from processing.gui.AlgorithmDialog import AlgorithmDialog

    sites = (f"{data}/france/france-services-2024-08-01.csv"
             "|option:X_POSSIBLE_NAMES=longitude|option:Y_POSSIBLE_NAMES=latitude")
    cantons = f"{data}/gers/cantons-32-geofla2016.geojson"
    communes = f"{data}/gers/communes-32-adminexpress2018.geojson"

    from qgis.core import QgsVectorLayer
    from qgis.PyQt.QtWidgets import QMainWindow

    # Layers open in the project, as a planner would have them: the dialog offers them.
    QgsProject.instance().addMapLayers([QgsVectorLayer(cantons, "cantons-32-geofla2016", "ogr"),
                                        QgsVectorLayer(sites, "france-services-2024-08-01", "ogr")])

    window = QMainWindow()
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("sitecover:coverage")
    dialog = AlgorithmDialog(algorithm, parent=window)
    dialog.resize(900, 620)
    dialog.show()
    app.processEvents()
    dialog.grab().save(os.path.join(out_dir, "qgis-dialog.png"))

    # GeoPackage outputs: each carries the library's style, loaded with the layer.
    outputs = tempfile.mkdtemp(prefix="sitecover-outputs-")
    coverage_gpkg = processing.run("sitecover:coverage", {
        "AREAS": cantons, "SITES": sites,
        "OUTPUT": os.path.join(outputs, "coverage.gpkg")})["OUTPUT"]
    nearest_gpkg = processing.run("sitecover:nearest", {
        "ORIGINS": communes, "SITES": sites,
        "OUTPUT": os.path.join(outputs, "nearest.gpkg")})["OUTPUT"]
    coverage = QgsVectorLayer(coverage_gpkg, "coverage", "ogr")
    nearest = QgsVectorLayer(nearest_gpkg, "nearest", "ogr")
    QgsProject.instance().addMapLayers([coverage, nearest])

    settings = QgsMapSettings()
    settings.setLayers([nearest, coverage])
    settings.setDestinationCrs(coverage.crs())
    extent = QgsRectangle(coverage.extent())
    extent.scale(1.05)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(900, 760))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(os.path.join(out_dir, "qgis-result.png"))
    render_planner(data, sites, cantons, communes, out_dir)
    app.exitQgis()


def render_planner(data, sites, cantons, communes, out_dir):
    """The planner report's GeoPackage layers (their stored styles) with the p-center site
    suggested after closing Auch-Garros (1271), as stars."""
    import processing
    from qgis.core import QgsVectorLayer

    gpkg = os.path.join(tempfile.mkdtemp(prefix="sitecover-report-"), "report.gpkg")
    population = f"{data}/france/population-communes-2024.csv"
    common = {"AREAS": cantons, "SITES": sites, "ORIGINS": communes, "POPULATION": population}
    processing.run("sitecover:report", common | {"PLACE": "Gers (32)", "OUTPUT": gpkg})
    suggested_gpkg = processing.run("sitecover:suggest", common | {
        "REMOVE": "1271", "K": 1, "OBJECTIVE": 1,
        "OUTPUT": os.path.join(os.path.dirname(gpkg), "suggested.gpkg")})["OUTPUT"]
    suggested = QgsVectorLayer(suggested_gpkg, "suggested", "ogr")
    layers = [QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
              for name in ("sites", "links", "areas", "origins")]
    QgsProject.instance().addMapLayers(layers + [suggested])
    settings = QgsMapSettings()
    settings.setLayers([suggested] + layers)
    settings.setDestinationCrs(layers[-1].crs())
    extent = QgsRectangle(layers[-1].extent())
    extent.scale(1.05)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(900, 760))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(os.path.join(out_dir, "qgis-planner.png"))


if __name__ == "__main__":
    main(*sys.argv[1:4])
