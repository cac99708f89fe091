#include "style_binding.hpp"

#include <string>

#include "request_keywords.hpp"
#include "sitecover/error.hpp"
#include "sitecover/report/layer_style.hpp"

namespace sitecover::python {
namespace py = pybind11;

namespace {

report::LayerKind layer_kind(const std::string& text) {
    if (const auto kind = report::parse_layer_kind(text)) return *kind;
    throw ArgumentError("kind: '" + text +
                        "' is not coverage, distance, travel-time, plan-sites, sites or links");
}

report::Lang language(const std::string& text) {
    if (const auto lang = report::parse_lang(text)) return *lang;
    throw ArgumentError("lang: '" + text + "' is not fr or en");
}

geodata::GeometryKind geometry_kind(const std::string& text) {
    if (text == "point") return geodata::GeometryKind::Point;
    if (text == "line") return geodata::GeometryKind::LineString;
    if (text == "polygon") return geodata::GeometryKind::MultiPolygon;
    if (text == "none") return geodata::GeometryKind::None;
    throw ArgumentError("geometry: '" + text + "' is not point, line, polygon or none");
}

py::dict layer_style(const std::string& kind, const std::string& geometry, const std::string& lang,
                     const std::string& value_field, const std::string& label_field) {
    const report::LayerKind k = layer_kind(kind);
    const geodata::GeometryKind g = geometry_kind(geometry);
    const geodata::LayerStyle style =
        report::layer_style(k, language(lang), g, {value_field, label_field});
    py::dict out;
    out["name"] = style.name;
    out["qml"] = style.qml;
    out["description"] = style.description;
    out["stack"] = report::stack_rank(k, g);
    return out;
}

std::string write_layer_style(const std::string& path, const std::string& kind,
                              const std::string& layer, const std::string& lang,
                              const std::string& value_field, const std::string& label_field) {
    no_nul({{"path", &path}, {"layer", &layer}});
    const report::LayerKind k = layer_kind(kind);
    const report::Lang l = language(lang);
    const py::gil_scoped_release unlocked;
    return report::write_layer_style(path, layer, k, l, {value_field, label_field});
}

}  // namespace

void bind_styles(py::module_& module) {
    module.def("layer_style", &layer_style, py::arg("kind"), py::arg("geometry") = "point",
               py::arg("lang") = "en", py::arg("value_field") = "", py::arg("label_field") = "",
               R"doc(The QGIS style of a kind of layer, as every door of sitecover gives it.

kind: "coverage" (areas: covered outlined, without a site in red, named), "distance"
(origins by crow-fly distance class), "travel-time" (by travel-time class by road),
"plan-sites" (a plan's sites: suggested, added, closed), "sites" (by type) or "links".
geometry: "point", "line", "polygon" or "none" (distance and travel-time fill polygons and
draw discs otherwise). lang: "en" or "fr" (legend words and field aliases). value_field /
label_field: the fields read when they differ from those of the `sitecover` tables
(covered / area_name, distance_m, travel_time_s, change / site_name, type).

Returns {"name", "qml", "description", "stack"}: the QML document, and where the layer goes
when several are shown, bottom first (fills 0, outlines 1, lines 2, points 3, sites 4).)doc");
    module.def("write_layer_style", &write_layer_style, py::arg("path"), py::arg("kind"),
               py::arg("layer") = "", py::arg("lang") = "en", py::arg("value_field") = "",
               py::arg("label_field") = "",
               R"doc(Stores the style of `kind` (see layer_style) as the default style of a
layer of an existing GeoPackage, in its layer_styles table, where QGIS finds it when it opens
the layer. layer: the layer's name; "" for the file's only layer. The layer's geometry is read
from the file. One transaction; a style of the same name is replaced. Returns the layer's name.

Raises InputError for a file that is not a GeoPackage or a missing layer, OutputError when the
file cannot be updated, ValueError for an unknown kind or language.)doc");
}

}  // namespace sitecover::python
