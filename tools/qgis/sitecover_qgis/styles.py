"""Styles given to the layers the algorithms load into the project (post-processors)."""

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProcessingLayerPostProcessorInterface,
    QgsRendererCategory,
    QgsRendererRange,
    QgsTextFormat,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor


def _labels(field):
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    text = QgsTextFormat()
    text.setSize(8)
    settings.setFormat(text)
    return QgsVectorLayerSimpleLabeling(settings)


class CoverageStyle(QgsProcessingLayerPostProcessorInterface):
    """Areas green when covered, red when not, labelled with their names. `covered` is an
    integer 0/1 so that every QGIS release reads the same values."""

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        categories = []
        for value, colour, label in ((1, "#7fc97f", "covered"), (0, "#e31a1c", "no site")):
            symbol = QgsFillSymbol.createSimple(
                {"color": colour, "outline_color": "#333333", "outline_width": "0.4"})
            categories.append(QgsRendererCategory(value, symbol, label))
        layer.setRenderer(QgsCategorizedSymbolRenderer("covered", categories))
        layer.setLabeling(_labels("area_name"))
        layer.setLabelsEnabled(True)
        layer.triggerRepaint()


class NearestStyle(QgsProcessingLayerPostProcessorInterface):
    """Points graded by distance to their nearest site: 0-5, 5-10, 10-19, 19+ km."""

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        ranges = []
        bounds = ((0, 5000, "#1a9641"), (5000, 10000, "#a6d96a"), (10000, 19000, "#fdae61"),
                  (19000, 1e9, "#d7191c"))
        for low, high, colour in bounds:
            symbol = QgsMarkerSymbol.createSimple({"color": colour, "size": "2.2"})
            label = f"{low / 1000:g}-{high / 1000:g} km" if high < 1e9 else f"> {low / 1000:g} km"
            ranges.append(QgsRendererRange(low, high, symbol, label))
        layer.setRenderer(QgsGraduatedSymbolRenderer("distance_m", ranges))
        layer.triggerRepaint()


# Processing keeps a reference to a post-processor only while the algorithm runs; these module
# instances outlive it.
COVERAGE_STYLE = CoverageStyle()
NEAREST_STYLE = NearestStyle()
