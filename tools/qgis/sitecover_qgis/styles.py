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


def _graded(layer, field, bounds, scale, unit):
    """Points coloured by `field` in ranges (low, high, colour) of its values; labels in `unit`
    after dividing by `scale`; the last range is open-ended."""
    ranges = []
    for low, high, colour in bounds:
        symbol = QgsMarkerSymbol.createSimple({"color": colour, "size": "2.2"})
        label = (f"{low / scale:g}-{high / scale:g} {unit}" if high < 1e9
                 else f"> {low / scale:g} {unit}")
        ranges.append(QgsRendererRange(low, high, symbol, label))
    layer.setRenderer(QgsGraduatedSymbolRenderer(field, ranges))
    layer.triggerRepaint()


class NearestStyle(QgsProcessingLayerPostProcessorInterface):
    """Points graded by distance to their nearest site: 0-5, 5-10, 10-19, 19+ km."""

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        _graded(layer, "distance_m", ((0, 5000, "#1a9641"), (5000, 10000, "#a6d96a"),
                                      (10000, 19000, "#fdae61"), (19000, 1e9, "#d7191c")),
                1000, "km")


class RoadStyle(QgsProcessingLayerPostProcessorInterface):
    """Points graded by travel time to their nearest site by road: 0-10, 10-20, 20-30, 30+ min."""

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        _graded(layer, "travel_time_s", ((0, 600, "#1a9641"), (600, 1200, "#a6d96a"),
                                         (1200, 1800, "#fdae61"), (1800, 1e9, "#d7191c")),
                60, "min")


class SuggestStyle(QgsProcessingLayerPostProcessorInterface):
    """New sites as stars (suggested blue, added green), closed ones as grey crosses,
    labelled with their names."""

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        categories = []
        for value, shape, colour, label in (("suggested", "star", "#2b83ba", "suggested"),
                                            ("added", "star", "#1a9641", "added"),
                                            ("removed", "cross2", "#636363", "removed")):
            symbol = QgsMarkerSymbol.createSimple(
                {"name": shape, "color": colour, "size": "5", "outline_color": "#222222"})
            categories.append(QgsRendererCategory(value, symbol, label))
        layer.setRenderer(QgsCategorizedSymbolRenderer("change", categories))
        layer.setLabeling(_labels("site_name"))
        layer.setLabelsEnabled(True)
        layer.triggerRepaint()


# Processing keeps a reference to a post-processor only while the algorithm runs; these module
# instances outlive it.
COVERAGE_STYLE = CoverageStyle()
NEAREST_STYLE = NearestStyle()
ROAD_STYLE = RoadStyle()
SUGGEST_STYLE = SuggestStyle()
