#include "sitecover/report/svg_text.hpp"

#include <cstdio>

#include "sitecover/error.hpp"
#include "sitecover/report/report_format.hpp"

namespace sitecover::report {
namespace {

std::string number(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
    return buffer;
}

std::string colour(std::uint32_t rgb) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%06x", rgb & 0xffffff);
    return buffer;
}

}  // namespace

std::string svg_text_group(const std::vector<SvgText>& texts) {
    std::string out = "<g font-family=\"DejaVu Sans, sans-serif\">\n";
    for (const SvgText& t : texts) {
        out += "<text x=\"" + number(t.x) + "\" y=\"" + number(t.y) + "\" font-size=\"" +
               number(t.size) + "\"";
        if (t.bold) out += " font-weight=\"bold\"";
        if (t.italic) out += " font-style=\"italic\"";
        out += " fill=\"" + colour(t.rgb) + "\"";
        if (t.halo > 0.0) {
            out += " stroke=\"#ffffff\" stroke-opacity=\"0.9\" stroke-width=\"" + number(t.halo) +
                   "\" stroke-linejoin=\"round\" paint-order=\"stroke\"";
        }
        out += " xml:space=\"preserve\">" + markup_escape(t.text) + "</text>\n";
    }
    out += "</g>\n";
    return out;
}

std::string append_to_svg(const std::string& svg, const std::string& elements) {
    const std::size_t end = svg.rfind("</svg>");
    if (end == std::string::npos) throw OutputError("the SVG map has no closing </svg> tag");
    return svg.substr(0, end) + elements + svg.substr(end);
}

}  // namespace sitecover::report
