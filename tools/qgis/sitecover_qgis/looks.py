"""The look of the layers the algorithms load: the sitecover library's, never the plugin's own.

After an algorithm has written a GeoPackage, the library stores the style of its layer in the
file (sitecover.write_layer_style, the layer_styles table), so that QGIS, and anyone who opens
the file later, draws it with its stored default style. A layer of another format (a
temporary layer, a shapefile) gets the same QML from the library when it is loaded. When an
algorithm loads several layers, they are stacked by the library's rank: fills under outlines
under lines under points.
"""

import os
import uuid

from qgis.core import (
    QgsApplication,
    QgsProcessingLayerPostProcessorInterface,
    QgsWkbTypes,
)
from qgis.PyQt.QtXml import QDomDocument

from .engine import sitecover

RUN_PROPERTY = "sitecover/run"
RANK_PROPERTY = "sitecover/stack"

# Processing keeps only a pointer to a post-processor: these stay referenced here (a few per
# run) until QGIS exits.
_KEPT = []


def language():
    """"fr" when QGIS speaks French, else "en" (the library's two languages)."""
    return "fr" if QgsApplication.locale().lower().startswith("fr") else "en"


def geopackage_layer(destination):
    """(path, layer name or "") of a GeoPackage destination ("x.gpkg", "x.gpkg|layername=y"),
    or None for anything else (a temporary layer, another format)."""
    if not isinstance(destination, str):
        return None
    path, _, options = destination.partition("|")
    if not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return None
    layer = ""
    for option in options.split("|"):
        key, _, value = option.partition("=")
        if key.strip().lower() == "layername":
            layer = value.strip()
    return path, layer


def store(destination, kind, feedback, value_field="", label_field=""):
    """Stores the library's style of `kind` in a GeoPackage output (once its sink is closed);
    other outputs are left as they are. A failure is a warning: the data are written."""
    found = geopackage_layer(destination)
    if found is None:
        return False
    path, layer = found
    try:
        sitecover.write_layer_style(path, kind, layer=layer, lang=language(),
                                    value_field=value_field, label_field=label_field)
    except (OSError, ValueError) as error:
        feedback.pushWarning(f"the layer's style could not be stored in {path}: {error}")
        return False
    return True


def _geometry(layer):
    return {QgsWkbTypes.PointGeometry: "point", QgsWkbTypes.LineGeometry: "line",
            QgsWkbTypes.PolygonGeometry: "polygon"}.get(layer.geometryType(), "none")


class StyledLoad(QgsProcessingLayerPostProcessorInterface):
    """Once a layer of a run is loaded: its stored default style (a GeoPackage), else the
    library's QML for `kind`; then the run's layers restacked by the library's rank."""

    def __init__(self, run, kind, value_field="", label_field=""):
        super().__init__()
        self.run, self.kind = run, kind
        self.value_field, self.label_field = value_field, label_field

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        look = sitecover.layer_style(self.kind, geometry=_geometry(layer), lang=language(),
                                     value_field=self.value_field, label_field=self.label_field)
        _, stored = layer.loadDefaultStyle()
        if not (stored and geopackage_layer(layer.source()) is not None):
            document = QDomDocument()
            document.setContent(look["qml"])
            layer.importNamedStyle(document)
        layer.setCustomProperty(RUN_PROPERTY, self.run)
        layer.setCustomProperty(RANK_PROPERTY, look["stack"])
        layer.triggerRepaint()
        project = context.project()
        if project is not None:
            restack(project, self.run)


def restack(project, run):
    """Orders the layers of `run` in each group of the layer tree: highest rank on top (first),
    in the places they hold; other layers stay where they are."""
    groups = {}
    for node in project.layerTreeRoot().findLayers():
        layer = node.layer()
        if layer is not None and layer.customProperty(RUN_PROPERTY) == run:
            groups.setdefault(id(node.parent()), (node.parent(), []))[1].append(node)
    bridge = project.layerTreeRegistryBridge()
    for parent, nodes in groups.values():
        slots = sorted(parent.children().index(n) for n in nodes)
        # Stable: layers of the same rank keep their order.
        wanted = sorted(nodes, key=lambda n: (-int(n.layer().customProperty(RANK_PROPERTY, 0)),
                                              parent.children().index(n)))
        if [parent.children().index(n) for n in wanted] == slots:
            continue
        clones = [n.clone() for n in wanted]
        # The bridge would take a layer whose node leaves the tree out of the project.
        bridge.setEnabled(False)
        try:
            for node in nodes:
                parent.removeChildNode(node)
            # Removing shifted the later slots: fill them again from the first.
            for slot, clone in zip(slots, clones):
                parent.insertChildNode(slot, clone)
        finally:
            bridge.setEnabled(True)


def new_run():
    """A key shared by the layers one run of an algorithm loads."""
    return uuid.uuid4().hex


def load_styled(context, destination, kind, run=None, value_field="", label_field=""):
    """Sets the post-processor of an output the run loads on completion (if it does)."""
    if not context.willLoadLayerOnCompletion(destination):
        return
    processor = StyledLoad(run or new_run(), kind, value_field, label_field)
    _KEPT.append(processor)
    context.layerToLoadOnCompletionDetails(destination).setPostProcessor(processor)
