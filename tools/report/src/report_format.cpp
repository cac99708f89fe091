#include "sitecover/report/report_format.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "sitecover/error.hpp"

namespace sitecover::report {

std::string format_fixed(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string format_km(double distance_m) { return format_fixed(distance_m / 1000.0, 1) + " km"; }

std::string format_share(std::size_t part, std::size_t total) {
    return format_fixed(
               total == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(total),
               1) +
           " %";
}

std::string markup_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string first_items(const std::vector<std::string>& items, std::size_t n) {
    std::string text;
    for (std::size_t i = 0; i < items.size() && i < n; ++i) text += (i ? ", " : "") + items[i];
    if (items.size() > n) text += ", ... (" + std::to_string(items.size() - n) + " more)";
    return text;
}

void write_text_file(const std::string& path, const std::string& text, const std::string& target) {
    errno = 0;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw OutputError("cannot create '" + target + "': " + std::strerror(errno));
    out << text;
    out.close();
    if (!out) throw OutputError("cannot write '" + target + "' (disk full?)");
}

}  // namespace sitecover::report
