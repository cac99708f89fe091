#include "sitecover/lon_lat.hpp"

#include <cmath>
#include <cstdio>

namespace sitecover {

bool is_valid(const LonLat& p) noexcept {
    return std::isfinite(p.lon_deg) && std::isfinite(p.lat_deg) && p.lon_deg >= -180.0 &&
           p.lon_deg <= 180.0 && p.lat_deg >= -90.0 && p.lat_deg <= 90.0;
}

std::string format_degrees(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

std::string to_string(const LonLat& p) {
    std::string text = "(";  // appended, not "(" + ...: GCC 12 warns falsely on the latter
    text += format_degrees(p.lon_deg);
    text += ", ";
    text += format_degrees(p.lat_deg);
    text += ")";
    return text;
}

}  // namespace sitecover
