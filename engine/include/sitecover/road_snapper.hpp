#pragma once
/// @file
/// Attaching a point to the road network: the nearest point on any segment.

#include <cstddef>
#include <memory>
#include <optional>

#include "sitecover/lon_lat.hpp"
#include "sitecover/road_graph.hpp"

namespace sitecover {

/// Where a point joins the network.
struct RoadSnap {
    std::size_t segment = 0;  ///< index into RoadGraph::segments()
    double fraction = 0.0;    ///< position along the segment from a (0) to b (1), in [0, 1]
    LonLat point;             ///< the snapped point on the segment
    double snap_m = 0.0;      ///< geodesic distance from the query point to `point`, metres
};

/// An R-tree over the segments of a graph (which must outlive it). The projection onto a
/// segment is computed in a local equirectangular plane centred on the query point (exact to
/// well under 0.1 % for segments of tens of kilometres); the reported snap_m is the exact
/// ellipsoidal distance. Ties go to the lower segment index.
///
/// Thread-safety: const member functions may be called concurrently.
class RoadSnapper {
public:
    /// Builds the R-tree of the graph's segments (bulk-loaded, O(S log S)).
    explicit RoadSnapper(const RoadGraph& graph);
    /// Frees the R-tree.
    ~RoadSnapper();
    /// Moves the index (the graph is still referenced, not copied).
    RoadSnapper(RoadSnapper&&) noexcept;
    /// Moves the index (the graph is still referenced, not copied).
    RoadSnapper& operator=(RoadSnapper&&) noexcept;
    RoadSnapper(const RoadSnapper&) = delete;             ///< not copyable (share it instead)
    RoadSnapper& operator=(const RoadSnapper&) = delete;  ///< not copyable

    /// The nearest point on the network no farther than max_snap_m (metres, >= 0), or nothing
    /// (also for a graph without segments). O(log S) expected. Throws ArgumentError on an
    /// invalid point or a negative / NaN max_snap_m.
    std::optional<RoadSnap> snap(const LonLat& p, double max_snap_m) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sitecover
