#pragma once
/// @file
/// A service site (for example one France Services structure).

#include <string>

#include "sitecover/lon_lat.hpp"

namespace sitecover {

/// One site. Only `id` and `position` matter to the algorithms; the other fields travel with the
/// site so that outputs can name it.
struct Site {
    std::string id;           ///< unique identifier; also the tie-break key (see site_id_less)
    std::string name;         ///< human-readable name
    LonLat position;          ///< WGS84 lon/lat, degrees
    std::string kind;         ///< e.g. "Principal" or "Antenne" (free text)
    std::string department;   ///< e.g. "32" (free text)
    std::string labelled_on;  ///< ISO date YYYY-MM-DD, or empty when unknown
};

/// The documented order of site ids, used to break ties between equidistant sites:
/// ids made only of decimal digits compare as numbers ("9" < "10") and come before any other id;
/// other ids compare byte by byte. Equal ids compare equal (callers then fall back to input order).
/// A strict weak ordering; O(length of the ids); thread-safe.
bool site_id_less(const std::string& a, const std::string& b) noexcept;

}  // namespace sitecover
