#pragma once
// Shared by the road harnesses (GeoJSON lines, OSM): the invariants of a loaded network, and
// the engine run on it (RoadGraph, RoadSnapper, multi-source RoadQuery) checked against the
// brute-force oracle reference::road_nearest for both metrics.
//
// Sites and origins are derived from the network itself (node positions, slightly offset), so
// that they snap. Once the loader accepted a network, the engine must take it without an
// exception.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "fuzz_harness.hpp"
#include "sitecover/geodata/road_loader.hpp"
#include "sitecover/lon_lat.hpp"
#include "sitecover/road_graph.hpp"
#include "sitecover/road_query.hpp"
#include "sitecover/road_reference.hpp"
#include "sitecover/road_snapper.hpp"
#include "sitecover/site.hpp"

namespace sitecover::fuzz {

inline constexpr std::size_t kMaxNodes = 2000;  // larger networks: load and build only
inline constexpr std::size_t kMaxSites = 4;
inline constexpr std::size_t kMaxOrigins = 16;
inline constexpr double kMaxSnap_m = 50'000.0;

inline LonLat nudged(const LonLat& p, double d_deg) {
    return {std::clamp(p.lon_deg + d_deg, -180.0, 180.0),
            std::clamp(p.lat_deg - d_deg, -90.0, 90.0)};
}

inline void check_network(const RoadNetwork& network) {
    const RoadGraph graph(network);
    SITECOVER_FUZZ_CHECK(graph.node_count() == network.nodes.size());
    SITECOVER_FUZZ_CHECK(graph.first_out().size() == graph.node_count() + 1);
    SITECOVER_FUZZ_CHECK(graph.first_out().back() == graph.edge_count());
    if (graph.node_count() > kMaxNodes) return;
    const RoadSnapper snapper(graph);

    std::vector<Site> sites;
    std::vector<std::optional<RoadSnap>> site_snaps;
    const std::size_t n = graph.node_count();
    for (std::size_t i = 0; i < n && sites.size() < kMaxSites;
         i += std::max<std::size_t>(1, n / kMaxSites)) {
        Site site;
        site.id = std::to_string(sites.size() % 3);  // repeated ids: the tie-break must cope
        site.position = nudged(graph.position(static_cast<RoadNode>(i)), 1e-4);
        site_snaps.push_back(snapper.snap(site.position, kMaxSnap_m));
        sites.push_back(site);
    }
    std::vector<RoadSnap> origins;
    for (std::size_t i = n; i-- > 0 && origins.size() < kMaxOrigins;) {
        if (auto snap =
                snapper.snap(nudged(graph.position(static_cast<RoadNode>(i)), -3e-4), kMaxSnap_m)) {
            SITECOVER_FUZZ_CHECK(snap->segment < graph.segments().size());
            SITECOVER_FUZZ_CHECK(snap->fraction >= 0.0 && snap->fraction <= 1.0);
            SITECOVER_FUZZ_CHECK(snap->snap_m >= 0.0 && snap->snap_m <= kMaxSnap_m);
            origins.push_back(*snap);
        }
    }

    RoadQuery query(graph);
    for (const RoadMetric metric : {RoadMetric::Time, RoadMetric::Distance}) {
        RoadQueryOptions options;
        options.metric = metric;
        query.run(site_snaps, sites, options);
        for (const RoadSnap& origin : origins) {
            const RoadResult got = query.nearest(origin);
            const RoadResult want =
                reference::road_nearest(graph, origin, site_snaps, sites, options);
            SITECOVER_FUZZ_CHECK(got.reached() == want.reached());
            if (!got.reached()) continue;
            SITECOVER_FUZZ_CHECK(got.site < sites.size() && site_snaps[got.site].has_value());
            const double got_cost = metric == RoadMetric::Time ? got.time_s : got.distance_m;
            const double want_cost = metric == RoadMetric::Time ? want.time_s : want.distance_m;
            SITECOVER_FUZZ_CHECK(std::isfinite(got_cost) && got_cost >= 0.0);
            SITECOVER_FUZZ_CHECK(std::abs(got_cost - want_cost) <= 1e-6 + 1e-9 * want_cost);
        }
    }
}

/// The invariants of a network the loader accepted, then check_network on it.
inline void check_loaded_roads(const geodata::LoadedRoads& loaded) {
    const RoadNetwork& network = loaded.network;
    SITECOVER_FUZZ_CHECK(!network.edges.empty());
    SITECOVER_FUZZ_CHECK(loaded.features_used <= loaded.features_read);
    for (const LonLat& p : network.nodes) SITECOVER_FUZZ_CHECK(is_valid(p));
    for (const RoadEdge& e : network.edges) {
        SITECOVER_FUZZ_CHECK(e.from < network.nodes.size() && e.to < network.nodes.size());
        SITECOVER_FUZZ_CHECK(std::isfinite(e.length_m) && e.length_m >= 0.0);
        SITECOVER_FUZZ_CHECK(std::isfinite(e.time_s) && e.time_s >= 0.0);
    }
    check_network(network);
}

}  // namespace sitecover::fuzz
