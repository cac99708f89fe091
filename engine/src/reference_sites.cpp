// Brute-force nearest-site oracles. Written independently of site_index.cpp on purpose (no
// shared helpers): they are what the index is tested against.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "argument_checks.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodesic.hpp"
#include "sitecover/reference.hpp"

namespace sitecover::reference {
namespace {

using detail::check_distance_m;
using detail::check_query_point;
using detail::describe_point;

// Every site with its exact distance, sorted by (distance, site id, input position).
std::vector<Neighbour> ranked(const std::vector<Site>& sites, const LonLat& p) {
    std::vector<Neighbour> all;
    all.reserve(sites.size());
    for (std::size_t i = 0; i < sites.size(); ++i) {
        if (!is_valid(sites[i].position)) {
            // The same error SiteIndex's constructor reports.
            throw InputError("reference: site '" + sites[i].id + "' has an invalid position " +
                             describe_point(sites[i].position));
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
    check_query_point("reference::nearest", p);
    check_distance_m("reference::nearest", "max_distance_m", max_distance_m);
    const std::vector<Neighbour> all = ranked(sites, p);
    if (all.empty() || all.front().distance_m > max_distance_m) return std::nullopt;
    return all.front();
}

std::vector<Neighbour> k_nearest(const std::vector<Site>& sites, const LonLat& p, std::size_t k) {
    check_query_point("reference::k_nearest", p);
    std::vector<Neighbour> all = ranked(sites, p);
    all.resize(std::min(k, all.size()));
    return all;
}

std::vector<Neighbour> within(const std::vector<Site>& sites, const LonLat& p, double radius_m) {
    check_query_point("reference::within", p);
    check_distance_m("reference::within", "radius_m", radius_m);
    std::vector<Neighbour> all = ranked(sites, p);
    const auto end = std::find_if(
        all.begin(), all.end(), [radius_m](const Neighbour& n) { return n.distance_m > radius_m; });
    all.erase(end, all.end());
    return all;
}

}  // namespace sitecover::reference
