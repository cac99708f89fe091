#!/usr/bin/python3
"""Opens a `sitecover report` GeoPackage in real QGIS (PyQGIS, headless) as a planner would and
checks what the planner must see:

- every layer loads, and its default style is the row of the `layer_styles` table that names it;
- the renderer of that style gives a symbol (and a legend entry) to every feature of the layer;
- areas without a site get the red "no site" class, the others the outline class;
- the area (canton) labels are on, on the name field, and QGIS places one label per area;
- the map renders to a PNG that is not blank (and shows red when an area has no site).

usage: check_report_gpkg.py REPORT.gpkg OUT.png [--uncovered CODE,...]
Exit status 0 when every check passes; 1 with the failed checks on stderr; 77 when PyQGIS is
not installed (ctest's SKIP_RETURN_CODE).
"""

import os
import sqlite3
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")

try:
    from qgis.core import (Qgis, QgsApplication, QgsCoordinateReferenceSystem,
                           QgsCoordinateTransform, QgsExpressionContextUtils, QgsMapSettings,
                           QgsMapRendererSequentialJob, QgsProject, QgsRenderContext,
                           QgsVectorLayer)
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
except ImportError as e:  # not an error: the test is skipped
    print("PyQGIS not available (%s): install Debian's qgis and python3-qgis" % e)
    sys.exit(77)

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def stored_styles(path):
    """layer name -> styleQML of its default style, read with SQLite (not through QGIS)."""
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT f_table_name, styleQML FROM layer_styles WHERE useAsDefault")
        return {name: qml for name, qml in rows}


def data_layers(path):
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features' "
                          "ORDER BY table_name")
        return [name for (name,) in rows]


def render_context(layer, settings):
    context = QgsRenderContext.fromMapSettings(settings)
    context.expressionContext().appendScopes(
        QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    return context


def check_every_feature_renders(layer, settings):
    """Every feature gets a symbol and a legend key known to the legend; returns the legend
    label of each feature (by fid)."""
    renderer = layer.renderer().clone()
    context = render_context(layer, settings)
    renderer.startRender(context, layer.fields())
    legend = {item.ruleKey(): item.label() for item in renderer.legendSymbolItems()}
    labels = {}
    missing = []
    for feature in layer.getFeatures():
        context.expressionContext().setFeature(feature)
        symbols = renderer.symbolsForFeature(feature, context)
        keys = renderer.legendKeysForFeature(feature, context)
        if not symbols or not renderer.willRenderFeature(feature, context) or not keys:
            missing.append(feature.id())
            continue
        key = sorted(keys)[0]
        check(key in legend, "%s: feature %d has legend key %s not in the legend"
              % (layer.name(), feature.id(), key))
        labels[feature.id()] = legend.get(key, "")
    renderer.stopRender(context)
    check(not missing, "%s: %d of %d features have no symbol (fids %s)"
          % (layer.name(), len(missing), layer.featureCount(), missing[:10]))
    return labels


def check_areas(layer, labels, uncovered_codes):
    """The uncovered areas (and only they) fall in the style's 'no site' category (value 0)."""
    renderer = layer.renderer()
    check(renderer.type() == "categorizedSymbol", "areas: renderer %s" % renderer.type())
    no_site = [c.label() for c in renderer.categories() if str(c.value()) == "0"]
    if not check(len(no_site) == 1, "areas: no category for value 0"):
        return
    uncovered = set()
    for feature in layer.getFeatures():
        if labels.get(feature.id()) == no_site[0]:
            uncovered.add(feature["code"])
        covered = feature["covered"]
        check(bool(covered) == (feature["code"] not in uncovered),
              "areas: %s covered=%r but drawn as %r" % (feature["code"], covered,
                                                      labels.get(feature.id())))
    check(uncovered == set(uncovered_codes),
          "areas: drawn without a site %s, expected %s" % (sorted(uncovered),
                                                          sorted(uncovered_codes)))
    check(layer.labelsEnabled(), "areas: labels are off")
    if layer.labeling() is not None:
        field = layer.labeling().settings().fieldName
        check(field == "name", "areas: labelled with %r, expected the field name" % field)


def check_sites(layer, labels):
    """Each site is drawn in the class of its type: Principal, Antenne, a plan's new sites
    (added, suggested), other."""
    renderer = layer.renderer()
    label_of = {str(c.value()): c.label() for c in renderer.categories()}
    classes = {"principal": "Principal", "antenne": "Antenne", "added": "new", "suggested": "new"}
    drawn = {}
    for feature in layer.getFeatures():
        kind = feature["type"] or ""
        expected = label_of.get(classes.get(kind.lower(), "other"))
        drawn[kind] = drawn.get(kind, 0) + 1
        check(labels.get(feature.id()) == expected,
              "sites: %s of type %r drawn as %r, expected %r"
              % (feature["id"], kind, labels.get(feature.id()), expected))
    print("sites by type: %s" % ", ".join("%s %d" % kv for kv in sorted(drawn.items())))


def map_settings(layers):
    settings = QgsMapSettings()
    settings.setLayers(layers)
    lambert93 = QgsCoordinateReferenceSystem("EPSG:2154")
    settings.setDestinationCrs(lambert93)
    areas = [l for l in layers if l.name() == "areas"][0]
    transform = QgsCoordinateTransform(areas.crs(), lambert93, QgsProject.instance())
    extent = transform.transformBoundingBox(areas.extent())
    extent.scale(1.05)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(1200, 1000))
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setOutputDpi(96)
    return settings


def render(settings, png, areas_layer, area_count, expect_red):
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    check(image.save(png, "PNG"), "cannot save %s" % png)
    results = job.takeLabelingResults()
    placed = [l for l in results.allLabels() if l.layerID == areas_layer.id()] if results else []
    check(len(placed) >= area_count, "areas: %d labels placed for %d areas"
          % (len(placed), area_count))
    # Not blank: coloured pixels; red ones (the no-site class) when an area has no site.
    coloured = red = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            c = QColor(image.pixel(x, y))
            if (c.red(), c.green(), c.blue()) != (255, 255, 255):
                coloured += 1
            if c.red() > 180 and c.green() < 110 and c.blue() < 110:
                red += 1
    samples = (image.width() // 4) * (image.height() // 4)
    check(coloured > samples // 4, "map: only %d of %d sampled pixels drawn" % (coloured, samples))
    check((red > 50) == expect_red, "map: %d red pixels sampled, expected %s"
          % (red, "some" if expect_red else "none"))
    print("map: %s, %d labels of areas placed, %d/%d pixels drawn, %d red"
          % (png, len(placed), coloured, samples, red))


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    path, png = argv[1], argv[2]
    uncovered_codes = []
    if len(argv) >= 5 and argv[3] == "--uncovered":
        uncovered_codes = [c for c in argv[4].split(",") if c]

    application = QgsApplication([], False)
    application.initQgis()
    print("QGIS %s" % Qgis.QGIS_VERSION)
    styles = stored_styles(path)
    layers = []
    for name in data_layers(path):
        layer = QgsVectorLayer("%s|layername=%s" % (path, name), name, "ogr")
        if not check(layer.isValid(), "%s: QGIS cannot open the layer" % name):
            continue
        check(name in styles, "%s: no default style in layer_styles" % name)
        # What QGIS itself finds as the layer's default style in the database.
        message, loaded = layer.loadDefaultStyle()
        check(loaded, "%s: default style not loaded (%s)" % (name, message))
        if name in styles:
            check('type="%s"' % layer.renderer().type() in styles[name],
                  "%s: renderer %s is not the stored one" % (name, layer.renderer().type()))
        layers.append(layer)
        print("%s: %d features, renderer %s, field types %s"
              % (name, layer.featureCount(), layer.renderer().type(),
                 ",".join("%s:%s" % (f.name(), f.typeName()) for f in layer.fields()
                          if f.name() == "covered")))
    if not layers:
        failures.append("no layer")
    else:
        order = {"sites": 0, "links": 2, "areas": 1, "origins": 4}
        layers.sort(key=lambda l: order.get(l.name(), 3))
        settings = map_settings(layers)
        for layer in layers:
            labels = check_every_feature_renders(layer, settings)
            if layer.name() == "areas":
                check_areas(layer, labels, uncovered_codes)
            if layer.name() == "sites":
                check_sites(layer, labels)
        areas = [l for l in layers if l.name() == "areas"][0]
        render(settings, png, areas, areas.featureCount(), bool(uncovered_codes))
    for f in failures:
        print("FAIL: " + f, file=sys.stderr)
    print("PASS" if not failures else "%d check(s) failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    status = main(sys.argv)
    sys.stdout.flush()
    sys.stderr.flush()
    # Leave without PyQGIS's teardown (exitQgis and Python's garbage collection of layers in
    # either order crash QGIS 3.22 now and then): the verdict is already printed.
    os._exit(status)
