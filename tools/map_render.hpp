#pragma once
// Drawing the report's map with Cairo: PNG, SVG or PDF. Cairo stays inside map_render.cpp.

#include <optional>
#include <string>

#include "map_scene.hpp"

namespace sitecover::cli {

enum class MapFormat { Png, Svg, Pdf };

/// The format named by a path's extension (.png, .svg, .pdf; any case), or nothing.
std::optional<MapFormat> map_format_for_path(const std::string& path);

/// What the drawing used, for checks and the summary.
struct MapLayout {
    double metres_per_px = 0.0;  ///< map scale (pixels, or points for SVG / PDF)
    double scale_bar_km = 0.0;   ///< length the scale bar shows
    double scale_bar_px = 0.0;   ///< its length on the image
    std::size_t labels_placed = 0;
    std::size_t labels_dropped =
        0;  ///< labels with no free place (left out rather than overlapped)
};

/// Draws the scene into a file of `width` x `height` pixels (PNG) or points (SVG, PDF).
/// Throws OutputError when Cairo cannot write the file.
MapLayout render_map_file(const MapScene& scene, const std::string& path, MapFormat format,
                          int width, int height);

/// The PNG bytes of the scene (for embedding in the HTML page).
std::string render_map_png(const MapScene& scene, int width, int height);

}  // namespace sitecover::cli
