// Brute-force nearest-site oracles. Written independently of site_index.cpp on purpose (no
// shared helpers): they are what the index is tested against.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "sitecover/error.hpp"
#include "sitecover/geodesic.hpp"
#include "sitecover/reference.hpp"

namespace sitecover::reference {
namespace {

std::string describe(const LonLat& p) {
    std::ostringstream out;
    out.precision(17);
    out << "(lon_deg=" << p.lon_deg << ", lat_deg=" << p.lat_deg << ")";
    return out.str();
}

void check_query(const char* where, const LonLat& p) {
    if (!is_valid(p))
        throw ArgumentError(std::string(where) + ": invalid query point " + describe(p));
}

void check_distance(const char* where, const char* name, double value_m) {
    if (!(value_m >= 0.0)) {  // also rejects NaN
        std::ostringstream out;
        out << where << ": " << name << " must be >= 0 (metres), got " << value_m;
        throw ArgumentError(out.str());
    }
}

// Every site with its exact distance, sorted by (distance, site id, input position).
std::vector<Neighbour> ranked(const std::vector<Site>& sites, const LonLat& p) {
    std::vector<Neighbour> all;
    all.reserve(sites.size());
    for (std::size_t i = 0; i < sites.size(); ++i) {
        if (!is_valid(sites[i].position)) {
            // The same error SiteIndex's constructor reports.
            throw InputError("reference: site '" + sites[i].id + "' has an invalid position " +
                             describe(sites[i].position));
        }
        all.push_back({i, geodesic_distance_m(p, sites[i].position)});
    }
    std::sort(all.begin(), all.end(), [&sites](const Neighbour& a, const Neighbour& b) {
        if (a.distance_m != b.distance_m) return a.distance_m < b.distance_m;
        if (site_id_less(sites[a.site].id, sites[b.site].id)) return true;
        if (site_id_less(sites[b.site].id, sites[a.site].id)) return false;
        return a.site < b.site;
    });
    return all;
}

}  // namespace

std::optional<Neighbour> nearest(const std::vector<Site>& sites, const LonLat& p,
                                 double max_distance_m) {
    check_query("reference::nearest", p);
    check_distance("reference::nearest", "max_distance_m", max_distance_m);
    const std::vector<Neighbour> all = ranked(sites, p);
    if (all.empty() || all.front().distance_m > max_distance_m) return std::nullopt;
    return all.front();
}

std::vector<Neighbour> k_nearest(const std::vector<Site>& sites, const LonLat& p, std::size_t k) {
    check_query("reference::k_nearest", p);
    std::vector<Neighbour> all = ranked(sites, p);
    all.resize(std::min(k, all.size()));
    return all;
}

std::vector<Neighbour> within(const std::vector<Site>& sites, const LonLat& p, double radius_m) {
    check_query("reference::within", p);
    check_distance("reference::within", "radius_m", radius_m);
    std::vector<Neighbour> all = ranked(sites, p);
    const auto end = std::find_if(
        all.begin(), all.end(), [radius_m](const Neighbour& n) { return n.distance_m > radius_m; });
    all.erase(end, all.end());
    return all;
}

}  // namespace sitecover::reference
