#include "sitecover/geodata/speed_profile.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>
#include <string_view>

#include "layer_reader.hpp"
#include "sitecover/error.hpp"

namespace sitecover::geodata {
namespace {

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// "class=kmh" or "class = kmh"; false when malformed.
bool parse_item(const std::string& item, std::string& road_class, double& kmh) {
    const auto eq = item.find('=');
    if (eq == std::string::npos) return false;
    road_class = trim(item.substr(0, eq));
    return !road_class.empty() && detail::parse_double(item.substr(eq + 1), kmh) && kmh > 0.0 &&
           kmh <= 300.0;
}

}  // namespace

SpeedProfile SpeedProfile::defaults() {
    SpeedProfile p;
    p.speed_kmh = {{"motorway", 110.0}, {"trunk", 80.0},     {"departmental", 70.0},
                   {"primary", 70.0},   {"secondary", 70.0}, {"tertiary", 60.0},
                   {"local", 40.0}};
    return p;
}

bool SpeedProfile::prices(const std::string& profile_class, const std::string& road_class) {
    std::string_view candidate = road_class;
    while (candidate != profile_class && candidate.size() > 5 && candidate.ends_with("_link"))
        candidate.remove_suffix(5);
    if (candidate == profile_class) return true;
    return profile_class == "local" &&
           (candidate == "unclassified" || candidate == "residential" ||
            candidate == "living_street" || candidate == "service" || candidate == "road");
}

std::optional<double> SpeedProfile::speed_for(const std::string& road_class) const {
    // Strips "_link" suffixes one at a time, in a loop rather than by recursion, and looks up
    // only the candidates no longer than the longest class name: a class value read from a
    // file may be "x_link_link..." megabytes long (the recursion copied every suffix: memory
    // quadratic in the length, found by tests/fuzz).
    constexpr std::string_view kLink = "_link";
    std::size_t longest = std::string_view("living_street").size();
    for (const auto& [name, kmh] : speed_kmh) longest = std::max(longest, name.size());
    std::string_view candidate = road_class;
    for (;;) {
        if (candidate.size() <= longest) {
            if (const auto it = speed_kmh.find(std::string(candidate)); it != speed_kmh.end()) {
                return it->second;
            }
        }
        if (candidate.size() > kLink.size() && candidate.ends_with(kLink)) {
            candidate.remove_suffix(kLink.size());
            continue;
        }
        break;
    }
    static const std::array<std::string_view, 5> kLocal = {"unclassified", "residential",
                                                           "living_street", "service", "road"};
    for (const auto local : kLocal) {
        if (candidate == local) {
            const auto it = speed_kmh.find("local");
            return it == speed_kmh.end() ? std::nullopt : std::optional<double>(it->second);
        }
    }
    return std::nullopt;
}

void apply_speeds(SpeedProfile& profile, const std::string& text) {
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        if (trim(item).empty()) continue;
        std::string road_class;
        double kmh = 0.0;
        if (!parse_item(item, road_class, kmh)) {
            throw ArgumentError(
                Message().field("speeds").text(": '" + trim(item) +
                                               "' is not class=km/h with a speed in (0, 300] (e.g. "
                                               "motorway=110)"),
                "speeds");
        }
        profile.speed_kmh[road_class] = kmh;
        if (std::find(profile.named_classes.begin(), profile.named_classes.end(), road_class) ==
            profile.named_classes.end())
            profile.named_classes.push_back(road_class);
    }
}

void apply_profile_file(SpeedProfile& profile, const std::string& path) {
    std::ifstream in(path);
    if (!in) throw InputError("speed profile '" + path + "' cannot be read");
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        if (trim(line).empty()) continue;
        std::string road_class;
        double kmh = 0.0;
        if (!parse_item(line, road_class, kmh)) {
            throw InputError("speed profile '" + path + "', line " + std::to_string(number) +
                             ": '" + trim(line) +
                             "' is not 'class = km/h' with a speed in (0, 300]");
        }
        profile.speed_kmh[road_class] = kmh;
    }
}

}  // namespace sitecover::geodata
