#pragma once
// The argument checks of the engine's query functions and their messages: one definition for
// engine/src (private, not installed).

#include <cmath>
#include <sstream>
#include <string>

#include "sitecover/error.hpp"
#include "sitecover/lon_lat.hpp"

namespace sitecover::detail {

/// "(lon_deg=..., lat_deg=...)" with every digit, for messages about a caller's point.
inline std::string describe_point(const LonLat& p) {
    std::ostringstream out;
    out.precision(17);
    out << "(lon_deg=" << p.lon_deg << ", lat_deg=" << p.lat_deg << ")";
    return out.str();
}

/// ArgumentError "<where>: invalid query point ..." unless `p` is a valid WGS84 position.
inline void check_query_point(const char* where, const LonLat& p) {
    if (!is_valid(p)) {
        throw ArgumentError(std::string(where) + ": invalid query point " + describe_point(p) +
                            "; expected finite lon_deg in [-180, 180] and lat_deg in [-90, 90]");
    }
}

/// ArgumentError "<where>: <name> must be >= 0 (metres), got ..." for a negative or NaN value.
inline void check_distance_m(const char* where, const char* name, double value_m) {
    if (!(value_m >= 0.0)) {  // also rejects NaN
        std::ostringstream out;
        out << where << ": " << name << " must be >= 0 (metres), got " << value_m;
        throw ArgumentError(out.str());
    }
}

}  // namespace sitecover::detail
