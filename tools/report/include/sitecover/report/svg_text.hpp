#pragma once
// The map's words as SVG <text> elements, so that an SVG map keeps its text editable (in
// Inkscape, Illustrator) instead of the glyph outlines Cairo's SVG surface draws.

#include <cstdint>
#include <string>
#include <vector>

namespace sitecover::report {

/// One run of text at an anchor point (its baseline start), in the SVG's user units.
struct SvgText {
    std::string text;  ///< UTF-8
    double x = 0.0, y = 0.0;
    double size = 12.0;  ///< font size, user units
    bool bold = false;
    bool italic = false;
    std::uint32_t rgb = 0x222222;
    double halo = 0.0;  ///< width of a white halo behind the letters; 0: none
};

/// A <g> of <text> elements in DejaVu Sans (the font the map is measured with).
std::string svg_text_group(const std::vector<SvgText>& texts);

/// `svg` (a whole SVG document) with `elements` inserted before its closing </svg> tag, i.e.
/// drawn last. Throws OutputError when the document has no closing tag.
std::string append_to_svg(const std::string& svg, const std::string& elements);

}  // namespace sitecover::report
