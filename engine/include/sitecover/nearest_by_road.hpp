#pragma once
/// @file
/// Nearest site by road for a batch of points: the library call behind `sitecover nearest
/// --roads` (snap the sites, label the network once from all of them, then snap and answer each
/// point, on several threads).

#include <cstddef>
#include <memory>
#include <vector>

#include "sitecover/lon_lat.hpp"
#include "sitecover/road_graph.hpp"
#include "sitecover/road_query.hpp"
#include "sitecover/road_snapper.hpp"
#include "sitecover/site.hpp"

namespace sitecover {

/// How NearestByRoad joins points to the network and prices travel.
struct NearestByRoadOptions {
    RoadQueryOptions query;  ///< metric (time or distance), access-leg speed, search horizon
    /// Sites and points farther than this from every road (metres, >= 0) are left out: a site
    /// takes no part, a point gets no answer.
    double max_snap_m = 5000.0;
};

/// The answer for one point.
struct RoadNearest {
    bool snapped = false;  ///< within max_snap_m of a road
    double snap_m = 0.0;   ///< geodesic distance from the point to the road (when snapped)
    bool cut_off = false;  ///< snapped onto a piece cut off from the main network
    RoadResult result;     ///< site, road distance and travel time (when snapped and reached)
    /// snapped and a site was reached.
    bool reached() const noexcept { return snapped && result.reached(); }
};

/// Sites labelled onto a road network once (one multi-source Dijkstra); then any number of
/// points answered, concurrently. Exact: each answer equals a plain Dijkstra from the point
/// (reference::road_nearest); ties go to the smaller site id, then the lower index.
///
/// Thread-safety: const members may be called from many threads at once.
class NearestByRoad {
public:
    /// Snaps every site (those beyond max_snap_m are left out), then labels the network. The
    /// graph, snapper (built on that graph) and sites must outlive the object. Throws
    /// ArgumentError for a negative / NaN max_snap_m or bad query options, and InputError when
    /// no site lies within max_snap_m of a road. O((V + E) log V + sites log S).
    NearestByRoad(const RoadGraph& graph, const RoadSnapper& snapper,
                  const std::vector<Site>& sites, const NearestByRoadOptions& options = {});
    /// Frees the labels.
    ~NearestByRoad();
    NearestByRoad(const NearestByRoad&) = delete;             ///< not copyable
    NearestByRoad& operator=(const NearestByRoad&) = delete;  ///< not copyable

    /// The answer for one point. O(log S). Throws ArgumentError on an invalid point.
    RoadNearest nearest(const LonLat& point) const;
    /// nearest() for every point on `threads` threads (0: all hardware threads); the result
    /// does not depend on the thread count. Throws ArgumentError naming the first invalid point
    /// (by index) before any work.
    std::vector<RoadNearest> nearest_batch(const std::vector<LonLat>& points,
                                           unsigned threads) const;

    /// Indices of the sites within max_snap_m of a road (they take part), in site order.
    const std::vector<std::size_t>& sites_on_network() const noexcept;
    /// Indices of the sites beyond max_snap_m of every road (left out), in site order.
    const std::vector<std::size_t>& sites_beyond_snap() const noexcept;
    /// Indices of the sites snapped onto a piece cut off from the main network (they serve
    /// only that piece), in site order.
    const std::vector<std::size_t>& sites_cut_off() const noexcept;
    /// The query options in force.
    const NearestByRoadOptions& options() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sitecover
