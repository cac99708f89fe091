#pragma once
// The one palette of sitecover's documents: the map (map_render), the QGIS styles of every
// GeoPackage layer any door writes (layer_style, qgis_style) and the HTML page's histogram
// draw with these colours, 0xRRGGBB.

#include <array>
#include <cstdint>

namespace sitecover::report::palette {

// Sites.
inline constexpr std::uint32_t kSite = 0x08306b;         ///< principal sites; antennes' outline
inline constexpr std::uint32_t kSiteOutside = 0x737373;  ///< sites outside the areas (map)
inline constexpr std::uint32_t kNewSite = 0x7a0177;      ///< a plan's added / suggested sites
inline constexpr std::uint32_t kRemovedSite = 0x737373;  ///< a plan's closed sites
inline constexpr std::uint32_t kOtherSite = 0x969696;    ///< sites of another type
inline constexpr std::uint32_t kHalo = 0xffffff;         ///< symbol rims, label buffers

// Areas.
inline constexpr std::uint32_t kAreaOutline = 0x252525;  ///< every area's outline
inline constexpr std::uint32_t kUncovered = 0xe31a1c;    ///< areas without a site

// Origins and links.
inline constexpr std::uint32_t kOriginOutline = 0x8c8c8c;  ///< rim of shaded origins
inline constexpr std::uint32_t kNoAnswer = 0xd9d9d9;       ///< an origin without a site
inline constexpr std::uint32_t kLink = 0x5a5a5a;           ///< origin -> nearest site lines
inline constexpr std::uint32_t kLabel = 0x282828;          ///< area names

/// The distance and travel-time classes, nearest first (default_shade_classes): ColorBrewer
/// YlOrRd, 6 classes, colour-blind safe and printable.
inline constexpr std::array<std::uint32_t, 6> kShadeRamp = {0xffffb2, 0xfed976, 0xfeb24c,
                                                            0xfd8d3c, 0xf03b20, 0xbd0026};

}  // namespace sitecover::report::palette
