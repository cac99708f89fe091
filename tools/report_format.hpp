#pragma once
// Number formatting for the human-readable summaries.

#include <string>

namespace sitecover::cli {

/// `value` with `decimals` digits after the point ("165", "12.3").
std::string format_fixed(double value, int decimals);
/// Metres as kilometres with one decimal ("18.7 km").
std::string format_km(double distance_m);
/// Text made safe inside HTML, SVG or XML markup and attribute values (& < > ").
std::string markup_escape(const std::string& text);
/// "12.5 %" of part / total (0 % when total is 0).
std::string format_share(std::size_t part, std::size_t total);

}  // namespace sitecover::cli
