#include "plan_what_if.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "sitecover/lon_lat.hpp"

namespace sitecover::cli {
namespace {

std::string trim(std::string s) {
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t") + 1);
    return s;
}

bool parse_number(const std::string& text, double& value) {
    const std::string t = trim(text);
    if (t.empty()) return false;
    char* end = nullptr;
    value = std::strtod(t.c_str(), &end);
    return end == t.c_str() + t.size() && std::isfinite(value);
}

// "Name@lon,lat" -> a site; UsageError saying what is wrong.
Site parse_added_site(const std::string& text) {
    const std::string example = " (e.g. --add \"Lupiac@0.18,43.68\")";
    const auto at = text.rfind('@');
    if (at == std::string::npos) {
        throw UsageError("option '--add': '" + text + "' is not NAME@LON,LAT" + example);
    }
    Site site;
    site.name = trim(text.substr(0, at));
    if (site.name.empty()) {
        throw UsageError("option '--add': '" + text + "' has no name before '@'" + example);
    }
    const std::string coords = text.substr(at + 1);
    const auto comma = coords.find(',');
    double lon = 0.0, lat = 0.0;
    if (comma == std::string::npos || !parse_number(coords.substr(0, comma), lon) ||
        !parse_number(coords.substr(comma + 1), lat)) {
        throw UsageError("option '--add': '" + coords + "' is not LON,LAT in degrees" + example);
    }
    site.position = {lon, lat};
    if (!is_valid(site.position)) {
        throw UsageError("option '--add': " + to_string(site.position) +
                         " is out of range (longitude -180..180, latitude -90..90, in that order)");
    }
    return site;
}

}  // namespace

WhatIf apply_what_if(const Options& options, const LoadedSiteSet& site_set, const PlanWorld& world,
                     const std::string& origins_path, const std::string& areas_path) {
    const CoverageIndex& areas = *world.areas;
    WhatIf w;
    std::vector<std::string> removed = options.all("--remove");
    for (const std::string& id : removed) {
        const auto it = std::find_if(site_set.sites.begin(), site_set.sites.end(),
                                     [&](const Site& s) { return s.id == id; });
        if (it == site_set.sites.end()) {
            throw UsageError("option '--remove': no site with id '" + id + "' among the " +
                             std::to_string(site_set.sites.size()) + " sites of " +
                             site_set.path);
        }
    }
    for (const Site& s : site_set.sites) {
        if (std::find(removed.begin(), removed.end(), s.id) != removed.end()) {
            w.changes.push_back({s, "removed"});
        } else {
            w.after.push_back(s);
        }
    }
    std::vector<Site> added;
    for (const std::string& text : options.all("--add")) added.push_back(parse_added_site(text));
    for (const std::string& code : options.all("--add-commune")) {
        const auto it = std::find(world.codes.begin(), world.codes.end(), code);
        if (it == world.codes.end()) {
            throw UsageError("option '--add-commune': no origin with code '" + code +
                             "' among the " + std::to_string(world.codes.size()) + " of " +
                             origins_path);
        }
        const std::size_t i = static_cast<std::size_t>(it - world.codes.begin());
        Site s;
        s.name = world.names[i].empty() ? code : world.names[i] + " (" + code + ")";
        s.position = world.positions[i];
        added.push_back(s);
    }
    for (std::size_t a = 0; a < added.size(); ++a) {
        Site& s = added[a];
        if (areas.areas_containing(s.position).empty()) {
            throw UsageError("the new site '" + s.name + "' at " + to_string(s.position) +
                             " lies outside every area of " + areas_path +
                             " (is it LON,LAT in that order?)");
        }
        s.id = "added-" + std::to_string(a + 1);
        s.kind = "added";
        w.after.push_back(s);
        w.changes.push_back({s, "added"});
    }
    return w;
}

}  // namespace sitecover::cli
