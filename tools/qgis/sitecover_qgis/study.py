"""The inputs the planner algorithms share (areas, sites with their filters, origins with their
population, roads), declared once and read from QGIS layers into the sitecover module's
objects. Polygon layers go through a temporary WGS84 GeoPackage so that areas and their points
are exactly those of the `sitecover` command."""

import os
import warnings

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from . import layers, messages
from .engine import sitecover

METRICS = ["time", "distance"]

# The text and field parameters declare() adds, and the keyword of sitecover's request each one
# is (the command's flag in snake case: one vocabulary at every door).
TEXT_KEYWORDS = {
    "AREA_CODE_FIELD": "area_code_field", "AREA_NAME_FIELD": "area_name_field",
    "SITE_ID_FIELD": "site_id_field", "SITE_NAME_FIELD": "site_name_field",
    "SITE_TYPE_FIELD": "site_type_field", "SITE_DEP_FIELD": "site_dep_field",
    "SITE_DATE_FIELD": "site_date_field", "SITE_TYPES": "site_types", "AS_OF": "as_of",
    "ORIGIN_CODE_FIELD": "origin_code_field", "ORIGIN_NAME_FIELD": "origin_name_field",
    "POPULATION": "population", "SPEEDS": "speeds",
}


def declare(algorithm, roads=True):
    """Adds the shared parameters to `algorithm`."""
    add = algorithm.addParameter
    add(QgsProcessingParameterFeatureSource(
        "AREAS", "Areas (cantons)", [QgsProcessing.TypeVectorPolygon]))
    add(QgsProcessingParameterField("AREA_CODE_FIELD", "Area code field", "code", "AREAS",
                                    optional=True))
    add(QgsProcessingParameterField("AREA_NAME_FIELD", "Area name field", "nom", "AREAS",
                                    optional=True))
    add(QgsProcessingParameterFeatureSource("SITES", "Sites", [QgsProcessing.TypeVectorPoint]))
    for key, label, default in (("SITE_ID_FIELD", "Site id field", "id_fs"),
                                ("SITE_NAME_FIELD", "Site name field", "lib_fs"),
                                ("SITE_TYPE_FIELD", "Site type field", "type_fs"),
                                ("SITE_DEP_FIELD", "Site department field", "insee_dep"),
                                ("SITE_DATE_FIELD", "Labelling date field", "labellisation_fs")):
        add(QgsProcessingParameterField(key, label, default, "SITES", optional=True))
    add(QgsProcessingParameterString(
        "SITE_TYPES", "Keep these site types only (e.g. Principal,Antenne)", optional=True))
    add(QgsProcessingParameterString(
        "AS_OF", "Keep sites labelled on or before (YYYY-MM-DD)", optional=True))
    add(QgsProcessingParameterFeatureSource(
        "ORIGINS", "Origins (communes or points)",
        [QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeVectorPoint]))
    add(QgsProcessingParameterField("ORIGIN_CODE_FIELD", "Origin code field", "code", "ORIGINS",
                                    optional=True))
    add(QgsProcessingParameterField("ORIGIN_NAME_FIELD", "Origin name field", "nom", "ORIGINS",
                                    optional=True))
    add(QgsProcessingParameterFile(
        "POPULATION", "Population table (INSEE CSV: code, population, anciens_codes)",
        optional=True, fileFilter="CSV (*.csv);;All files (*)"))
    if roads:
        add(QgsProcessingParameterFeatureSource(
            "ROADS", "Road network (lines with a 'class' field; optional)",
            [QgsProcessing.TypeVectorLine], optional=True))
        add(QgsProcessingParameterString(
            "SPEEDS", "Speeds by class, km/h (e.g. motorway=130,trunk=90)", optional=True))
        add(QgsProcessingParameterEnum("BY", "Nearest by road", METRICS, defaultValue=0))


def _text(algorithm, parameters, key, context, default=""):
    return algorithm.parameterAsString(parameters, key, context) or default


def _field(source, name):
    """`name` when the source has that field, else "" (optional fields)."""
    return name if name and source.fields().indexFromName(name) >= 0 else ""


def _column(source, field, feedback):
    if not field:
        return None
    return [str(f[field]) if f[field] is not None else "" for f in source.getFeatures()]


def read_areas(algorithm, parameters, context):
    source = algorithm.parameterAsSource(parameters, "AREAS", context)
    if source is None:
        raise QgsProcessingException("an area layer is needed")
    code = _text(algorithm, parameters, "AREA_CODE_FIELD", context, "code")
    name = _text(algorithm, parameters, "AREA_NAME_FIELD", context, "nom")
    staged = layers.as_geopackage(source, context, "areas")
    return sitecover.Areas.from_file(staged, code_field=code, name_field=name)


def read_sites(algorithm, parameters, context, feedback):
    """The SiteIndex of the site layer, its types and labelling dates kept, then filtered by
    SITE_TYPES and AS_OF as `--site-types` and `--as-of` do."""
    source = algorithm.parameterAsSource(parameters, "SITES", context)
    if source is None:
        raise QgsProcessingException("a site layer is needed")
    id_field = _text(algorithm, parameters, "SITE_ID_FIELD", context, "id_fs")
    name_field = _text(algorithm, parameters, "SITE_NAME_FIELD", context, "lib_fs")
    ids, names, lon, lat = layers.point_arrays(source, id_field, _field(source, name_field),
                                               feedback)
    types = _column(source, _field(source, _text(
        algorithm, parameters, "SITE_TYPE_FIELD", context, "type_fs")), feedback)
    dates = _column(source, _field(source, _text(
        algorithm, parameters, "SITE_DATE_FIELD", context, "labellisation_fs")), feedback)
    departments = _column(source, _field(source, _text(
        algorithm, parameters, "SITE_DEP_FIELD", context, "insee_dep")), feedback)
    sites = sitecover.SiteIndex(ids, lon, lat, names, types=types, labelled_on=dates,
                                departments=departments)
    site_types = _text(algorithm, parameters, "SITE_TYPES", context) or None
    as_of = _text(algorithm, parameters, "AS_OF", context) or None
    if site_types or as_of:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", UserWarning)
            sites = sites.filter(site_types, as_of)
        for warning in caught:
            feedback.pushWarning(messages.qgis_text(warning.message))
        feedback.pushInfo(f"{len(sites)} of {len(ids)} sites kept by the filters")
    if len(sites) == 0:
        raise QgsProcessingException("no site in the site layer" +
                                     (" after the filters" if len(ids) else ""))
    return sites


def read_origins(algorithm, parameters, context):
    """((codes, names, lon, lat), outlines or None, population shares or None, staged path)."""
    source = algorithm.parameterAsSource(parameters, "ORIGINS", context)
    if source is None:
        raise QgsProcessingException("an origin layer is needed")
    code = _text(algorithm, parameters, "ORIGIN_CODE_FIELD", context, "code")
    name = _text(algorithm, parameters, "ORIGIN_NAME_FIELD", context, "nom")
    staged = layers.as_geopackage(source, context, "origins")
    points = sitecover.load_points(staged, code_field=code, name_field=name)
    polygons = QgsWkbTypes.geometryType(source.wkbType()) == QgsWkbTypes.PolygonGeometry
    outlines = (sitecover.Areas.from_file(staged, code_field=code, name_field=name)
                if polygons else None)
    population_path = _text(algorithm, parameters, "POPULATION", context)
    shares = sitecover.population_shares(population_path, points[0]) if population_path else None
    return points, outlines, shares, population_path


def read_roads(algorithm, parameters, context, feedback):
    """The RoadNetwork of ROADS and the metric, or (None, "time") without roads."""
    by = METRICS[algorithm.parameterAsEnum(parameters, "BY", context)]
    source = algorithm.parameterAsSource(parameters, "ROADS", context)
    if source is None:
        return None, by
    feedback.pushInfo("reading the road network")
    staged = layers.as_geopackage(source, context, "roads")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UserWarning)
        network = sitecover.RoadNetwork.from_file(
            staged, speeds=_text(algorithm, parameters, "SPEEDS", context))
    for warning in caught:
        feedback.pushWarning(messages.qgis_text(warning.message))
    return network, by


def source_path(value, context):
    """The file behind a layer or file parameter's value (a path, a layer id or a layer), or
    "" when there is none (a memory layer)."""
    if value is None:
        return ""
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source.staticValue()
    layer = value if hasattr(value, "source") else QgsProcessingUtils.mapLayerFromString(
        str(value), context)
    text = (layer.source() if layer is not None else str(value)).split("|")[0]
    return text if os.path.isfile(text) else ""


def file_name(algorithm, parameters, key, context):
    """The base name of the file behind a layer parameter, for the report's parameters."""
    return os.path.basename(source_path(parameters.get(key), context))


def weights(shares, feedback):
    """Weights of the origins as `sitecover plan` weighs them: None (1 each) without a
    population table or when no origin has a known population."""
    if shares is None:
        return None
    result, weighted = sitecover.population_weights(shares)
    if not weighted:
        feedback.pushWarning("no origin has a known population: each weighs 1")
    return result if weighted else None


def _uri_parts(value, context):
    """(file, layer name, subset) behind a layer parameter's value, or None when no file is
    behind it (a memory layer)."""
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source.staticValue()
    layer = value if hasattr(value, "source") else QgsProcessingUtils.mapLayerFromString(
        str(value), context)
    uri = layer.source() if layer is not None else str(value)
    parts = uri.split("|")
    if not os.path.isfile(parts[0]):
        return None
    name = next((p.split("=", 1)[1] for p in parts[1:] if p.startswith("layername=")), "")
    subset = layer.subsetString() if layer is not None and hasattr(layer, "subsetString") else ""
    return parts[0], name, subset


def layer_keywords(algorithm, parameters, key, keyword, context):
    """The keywords of sitecover's request for a layer parameter: the file behind it (with its
    layer name and filter: KEYWORD, KEYWORD_layer, KEYWORD_where), read by the library as the
    command reads it; a layer with no file behind it is staged to a WGS84 GeoPackage first.
    {} when the parameter is empty (the library's default then applies)."""
    value = parameters.get(key)
    if value is None or value == "":
        return {}
    parts = _uri_parts(value, context)
    if parts is None:
        source = algorithm.parameterAsSource(parameters, key, context)
        if source is None:
            return {}
        return {keyword: layers.as_geopackage(source, context, keyword)}
    path, name, subset = parts
    found = {keyword: path}
    if name:
        found[keyword + "_layer"] = name
    if subset:
        found[keyword + "_where"] = subset
    return found


def with_warnings(feedback, function, *args, **kwargs):
    """Calls `function`, pushing the UserWarnings it raises to the Processing log."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UserWarning)
        result = function(*args, **kwargs)
    for warning in caught:
        feedback.pushWarning(messages.qgis_text(warning.message))
    return result
