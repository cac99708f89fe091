#pragma once
// Formatting for the human-readable summaries: numbers, lists, markup.

#include <string>
#include <vector>

namespace sitecover::report {

/// `value` with `decimals` digits after the point ("165", "12.3").
std::string format_fixed(double value, int decimals);
/// Metres as kilometres with one decimal ("18.7 km").
std::string format_km(double distance_m);
/// Text made safe inside HTML, SVG or XML markup and attribute values (& < > ").
std::string markup_escape(const std::string& text);
/// The first `n` items joined by ", ", then ", ... (K more)" when there are more.
std::string first_items(const std::vector<std::string>& items, std::size_t n = 10);
/// "12.5 %" of part / total (0 % when total is 0).
std::string format_share(std::size_t part, std::size_t total);
/// Writes `text` to `path` (created or truncated); OutputError naming `target` when the file
/// cannot be created or written.
void write_text_file(const std::string& path, const std::string& text, const std::string& target);

}  // namespace sitecover::report
