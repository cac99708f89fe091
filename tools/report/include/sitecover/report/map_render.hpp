#pragma once
// Drawing the report's map with Cairo: PNG, SVG or PDF. Cairo stays inside map_render.cpp.
//
// Thread safety: render_map_file and render_map_png may be called from any thread, at once;
// they draw one at a time (one mutex in the process), since Cairo's font caches and fontconfig
// cannot be used concurrently. Everything else here is pure. Each line is simplified to the
// map's pixel size before it is rasterised, so the cost follows the image, not the vertices.

#include <optional>
#include <string>

#include "sitecover/report/map_scene.hpp"

namespace sitecover::report {

enum class MapFormat { Png, Svg, Pdf };

/// The format named by a path's extension (.png, .svg, .pdf; any case), or nothing.
std::optional<MapFormat> map_format_for_path(const std::string& path);

/// A printed page, in points (1/72 inch).
struct MapPage {
    std::string name;  ///< "A4 landscape"
    double width_pt = 0.0;
    double height_pt = 0.0;
};

/// "A4", "A3", optionally with "-landscape" (the default) or "-portrait"; any case. Nothing
/// for anything else.
std::optional<MapPage> parse_page(const std::string& text);

/// How to lay the map out.
struct MapRenderOptions {
    /// Print on this page at a stated scale 1:N (N chosen so that the areas fit, rounded up to
    /// a round number); width and height are the page's. Empty: fit the areas to the image.
    std::optional<MapPage> page;
};

/// What the drawing used, for checks and the summary.
struct MapLayout {
    double metres_per_px = 0.0;      ///< map scale (pixels, or points for SVG / PDF)
    double scale_bar_km = 0.0;       ///< length the scale bar shows
    double scale_bar_px = 0.0;       ///< its length on the image
    double scale_denominator = 0.0;  ///< N of "1:N" on a page; 0 when not printed at a scale
    std::size_t labels_placed = 0;
    std::size_t commune_labels_dropped = 0;  ///< names of communes with a site left out
    std::size_t labels_dropped =
        0;  ///< labels with no free place (left out rather than overlapped)
};

/// Draws the scene into a file of `width` x `height` pixels (PNG) or points (SVG, PDF), or on
/// `options.page`. SVG keeps its words as <text> elements. Throws OutputError when Cairo cannot
/// write the file.
MapLayout render_map_file(const MapScene& scene, const std::string& path, MapFormat format,
                          int width, int height, const MapRenderOptions& options = {});

/// The PNG bytes of the scene (for embedding in the HTML page).
std::string render_map_png(const MapScene& scene, int width, int height);

}  // namespace sitecover::report
