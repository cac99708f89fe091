#include "sitecover/report/qgis_style.hpp"

#include <cstdio>
#include <map>

#include "sitecover/report/palette.hpp"
#include "sitecover/report/report_format.hpp"

namespace sitecover::report::qgis {
namespace {

std::string rgba(std::uint32_t rgb, int alpha = 255) {
    return std::to_string((rgb >> 16) & 0xff) + "," + std::to_string((rgb >> 8) & 0xff) + "," +
           std::to_string(rgb & 0xff) + "," + std::to_string(alpha);
}

std::string number(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.15g", value);
    return buffer;
}

using Props = std::map<std::string, std::string>;

// The oldest QGIS the styles are written for (Debian 12's); newer releases upgrade on reading.
constexpr const char* kQgisVersion = "3.22.0";

std::string symbol(const std::string& name, const std::string& type, const std::string& layer_class,
                   const Props& props) {
    std::string out = "      <symbol name=\"" + name + "\" type=\"" + type +
                      "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n"
                      "        <layer class=\"" +
                      layer_class + "\" enabled=\"1\" locked=\"0\" pass=\"0\">\n";
    for (const auto& [k, v] : props)
        out += "          <prop k=\"" + k + "\" v=\"" + markup_escape(v) + "\"/>\n";
    out += "        </layer>\n      </symbol>\n";
    return out;
}

Props fill(std::uint32_t rgb, int alpha, std::uint32_t outline, double outline_mm,
           bool filled = true) {
    return {{"color", rgba(rgb, alpha)},
            {"style", filled ? "solid" : "no"},
            {"outline_color", rgba(outline)},
            {"outline_style", "solid"},
            {"outline_width", number(outline_mm)},
            {"outline_width_unit", "MM"},
            {"joinstyle", "round"}};
}

Props marker(const std::string& shape, std::uint32_t rgb, std::uint32_t outline, double size_mm) {
    return {{"name", shape},
            {"color", rgba(rgb)},
            {"outline_color", rgba(outline)},
            {"outline_style", "solid"},
            {"outline_width", "0.4"},
            {"outline_width_unit", "MM"},
            {"size", number(size_mm)},
            {"size_unit", "MM"}};
}

// Labels from `field`, dark on a white buffer; every feature labelled, even where a label
// would touch another (displayAll).
std::string simple_labeling(const std::string& field, bool points = false) {
    return "  <labeling type=\"simple\">\n    <settings calloutType=\"simple\">\n"
           "      <text-style fieldName=\"" +
           markup_escape(field) +
           "\" isExpression=\"0\" fontFamily=\"Sans Serif\" fontSize=\"9\" fontWeight=\"75\" "
           "textColor=\"" +
           rgba(palette::kLabel) +
           "\" textOpacity=\"1\">\n"
           "        <text-buffer bufferDraw=\"1\" bufferSize=\"1\" bufferSizeUnits=\"MM\" "
           "bufferColor=\"" +
           rgba(palette::kHalo) +
           "\" bufferOpacity=\"0.8\"/>\n"
           "      </text-style>\n"
           "      <placement placement=\"0\" centroidInside=\"1\" centroidWhole=\"0\"" +
           std::string(points ? " dist=\"1.5\" distUnits=\"MM\"" : "") +
           "/>\n"
           "      <rendering obstacle=\"1\" displayAll=\"1\"/>\n"
           "    </settings>\n  </labeling>\n";
}

std::string document(const std::string& renderer, const std::string& labeling = "") {
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
           "<qgis version=\"" +
           std::string(kQgisVersion) +
           "\" styleCategories=\"Symbology|Labeling\" labelsEnabled=\"" +
           std::string(labeling.empty() ? "0" : "1") + "\">\n" + renderer + labeling + "</qgis>\n";
}

// One category of a categorised renderer.
std::string category(const std::string& value, const std::string& symbol_name,
                     const std::string& label) {
    return "      <category value=\"" + markup_escape(value) + "\" symbol=\"" + symbol_name +
           "\" label=\"" + markup_escape(label) + "\" render=\"true\"/>\n";
}

}  // namespace

std::string graduated_style(const std::string& field, const std::vector<Range>& ranges,
                            bool points) {
    std::string r = "  <renderer-v2 type=\"graduatedSymbol\" attr=\"" + markup_escape(field) +
                    "\" graduatedMethod=\"GraduatedColor\" symbollevels=\"0\" enableorderby=\"0\" "
                    "forceraster=\"0\">\n    <ranges>\n";
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        r += "      <range lower=\"" + number(ranges[i].lower) + "\" upper=\"" +
             number(ranges[i].upper) + "\" symbol=\"" + std::to_string(i) + "\" label=\"" +
             markup_escape(ranges[i].label) + "\" render=\"true\"/>\n";
    }
    r += "    </ranges>\n    <symbols>\n";
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        r += points ? symbol(std::to_string(i), "marker", "SimpleMarker",
                             marker("circle", ranges[i].rgb, palette::kOriginOutline, 2.0))
                    : symbol(std::to_string(i), "fill", "SimpleFill",
                             fill(ranges[i].rgb, 255, palette::kOriginOutline, 0.1));
    }
    r += "    </symbols>\n  </renderer-v2>\n";
    return document(r);
}

std::string coverage_outline_style(const std::string& field, const std::string& label_field,
                                   const std::vector<std::string>& labels) {
    // An expression, not the field: QGIS 3.22 reads an Integer(Boolean) field as a Boolean whose
    // value ("true") matches no category "1", later releases as an integer; if() gives 1 or 0
    // for both.
    const std::string attr = "if(\"" + field + "\", 1, 0)";
    std::string r = "  <renderer-v2 type=\"categorizedSymbol\" attr=\"" + markup_escape(attr) +
                    "\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n"
                    "    <categories>\n" +
                    category("1", "0", labels.at(0)) + category("0", "1", labels.at(1)) +
                    "    </categories>\n    <symbols>\n";
    r += symbol("0", "fill", "SimpleFill",
                fill(palette::kHalo, 0, palette::kAreaOutline, 0.6, false));
    r += symbol("1", "fill", "SimpleFill", fill(palette::kUncovered, 60, palette::kUncovered, 1.2));
    r += "    </symbols>\n  </renderer-v2>\n";
    return document(r, simple_labeling(label_field));
}

std::string site_type_style(const std::string& field, const std::vector<std::string>& labels) {
    // An expression folding every value onto a known class: QGIS 3.22 has no catch-all category
    // (a category "" matches only empty values), so a scenario's "suggested" site or an unknown
    // type would not be drawn at all.
    const std::string f = "\"" + field + "\"";
    const std::string attr = "CASE WHEN lower(" + f +
                             ") = 'principal' THEN 'Principal' WHEN lower(" + f +
                             ") = 'antenne' THEN 'Antenne' WHEN " + f +
                             " IN ('added', 'suggested') THEN 'new' ELSE 'other' END";
    std::string r = "  <renderer-v2 type=\"categorizedSymbol\" attr=\"" + markup_escape(attr) +
                    "\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n"
                    "    <categories>\n" +
                    category("Principal", "0", labels.at(0)) +
                    category("Antenne", "1", labels.at(1)) + category("new", "2", labels.at(2)) +
                    category("other", "3", labels.at(3)) + "    </categories>\n    <symbols>\n";
    r += symbol("0", "marker", "SimpleMarker",
                marker("circle", palette::kSite, palette::kHalo, 3.2));
    r += symbol("1", "marker", "SimpleMarker",
                marker("triangle", palette::kHalo, palette::kSite, 3.4));
    r += symbol("2", "marker", "SimpleMarker",
                marker("star", palette::kNewSite, palette::kHalo, 5.0));
    r += symbol("3", "marker", "SimpleMarker",
                marker("circle", palette::kOtherSite, palette::kHalo, 2.6));
    r += "    </symbols>\n  </renderer-v2>\n";
    return document(r);
}

std::string link_style() {
    std::string r =
        "  <renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" "
        "forceraster=\"0\">\n"
        "    <symbols>\n";
    r += symbol("0", "line", "SimpleLine",
                {{"line_color", rgba(palette::kLink, 160)},
                 {"line_style", "solid"},
                 {"line_width", "0.15"},
                 {"line_width_unit", "MM"},
                 {"capstyle", "round"}});
    r += "    </symbols>\n  </renderer-v2>\n";
    return document(r);
}

std::string site_change_style(const std::string& field, const std::string& label_field,
                              const std::vector<std::string>& labels) {
    std::string r = "  <renderer-v2 type=\"categorizedSymbol\" attr=\"" + markup_escape(field) +
                    "\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n"
                    "    <categories>\n" +
                    category("suggested", "0", labels.at(0)) +
                    category("added", "1", labels.at(1)) + category("removed", "2", labels.at(2)) +
                    "    </categories>\n    <symbols>\n";
    r += symbol("0", "marker", "SimpleMarker",
                marker("star", palette::kNewSite, palette::kHalo, 5.0));
    r += symbol("1", "marker", "SimpleMarker",
                marker("star", palette::kNewSite, palette::kHalo, 4.2));
    r += symbol("2", "marker", "SimpleMarker",
                marker("cross2", palette::kRemovedSite, palette::kRemovedSite, 4.2));
    r += "    </symbols>\n  </renderer-v2>\n";
    return document(r, label_field.empty() ? "" : simple_labeling(label_field, true));
}

}  // namespace sitecover::report::qgis

namespace sitecover::report::qgis {

std::string with_aliases(const std::string& qml,
                         const std::vector<std::pair<std::string, std::string>>& aliases) {
    std::string block = "  <aliases>\n";
    for (std::size_t i = 0; i < aliases.size(); ++i) {
        block += "    <alias field=\"" + markup_escape(aliases[i].first) + "\" index=\"" +
                 std::to_string(i) + "\" name=\"" + markup_escape(aliases[i].second) + "\"/>\n";
    }
    block += "  </aliases>\n";
    const std::size_t end = qml.rfind("</qgis>");
    if (end == std::string::npos) return qml;
    return qml.substr(0, end) + block + qml.substr(end);
}

std::string with_labels(const std::string& qml,
                        const std::vector<std::pair<std::string, std::string>>& labels) {
    std::string out = qml;
    for (const auto& [from, to] : labels) {
        const std::string needle = " label=\"" + markup_escape(from) + "\"";
        const std::string replacement = " label=\"" + markup_escape(to) + "\"";
        for (std::size_t at = out.find(needle); at != std::string::npos;
             at = out.find(needle, at + replacement.size())) {
            out.replace(at, needle.size(), replacement);
        }
    }
    return out;
}

}  // namespace sitecover::report::qgis
