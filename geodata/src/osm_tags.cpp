#include "osm_tags.hpp"

#include <array>
#include <string_view>

namespace sitecover::geodata::detail {

std::map<std::string, std::string> parse_hstore(const std::string& text) {
    std::map<std::string, std::string> tags;
    std::size_t i = 0;
    // Reads one double-quoted string at i; empty optional-like flag on failure.
    const auto quoted = [&](std::string& out) {
        while (i < text.size() && text[i] != '"') ++i;
        if (i >= text.size()) return false;
        ++i;
        out.clear();
        while (i < text.size() && text[i] != '"') {
            if (text[i] == '\\' && i + 1 < text.size()) ++i;
            out += text[i++];
        }
        if (i >= text.size()) return false;
        ++i;
        return true;
    };
    std::string key, value;
    while (quoted(key)) {
        if (text.compare(i, 2, "=>") != 0) break;
        i += 2;
        if (!quoted(value)) break;
        tags[key] = value;
    }
    return tags;
}

bool is_drivable_highway(const std::string& highway) {
    static const std::array<std::string_view, 15> kDrivable = {
        "motorway",      "trunk",       "primary",       "secondary",      "tertiary",
        "motorway_link", "trunk_link",  "primary_link",  "secondary_link", "tertiary_link",
        "unclassified",  "residential", "living_street", "service",        "road"};
    for (const auto d : kDrivable) {
        if (highway == d) return true;
    }
    return false;
}

int osm_oneway(const std::string& highway, const std::map<std::string, std::string>& tags) {
    if (const auto it = tags.find("oneway"); it != tags.end()) {
        const std::string& v = it->second;
        if (v == "yes" || v == "true" || v == "1") return 1;
        if (v == "-1" || v == "reverse") return -1;
        if (v == "no" || v == "false" || v == "0") return 0;
    }
    // Implied oneway (OSM wiki): roundabouts and motorways are drawn once per direction.
    if (const auto it = tags.find("junction"); it != tags.end() && it->second == "roundabout")
        return 1;
    if (highway == "motorway") return 1;
    return 0;
}

bool osm_forbids_cars(const std::map<std::string, std::string>& tags) {
    // The most specific tag decides: motorcar, then motor_vehicle, then access.
    for (const char* key : {"motorcar", "motor_vehicle", "access"}) {
        if (const auto it = tags.find(key); it != tags.end())
            return it->second == "no" || it->second == "private";
    }
    return false;
}

}  // namespace sitecover::geodata::detail
