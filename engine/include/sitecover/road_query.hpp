#pragma once
/// @file
/// Nearest site by road: one multi-source Dijkstra from every site at once labels each node
/// with the site it reaches soonest; an origin then looks at the two ends of its segment.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "sitecover/road_graph.hpp"
#include "sitecover/road_network.hpp"
#include "sitecover/road_snapper.hpp"
#include "sitecover/site.hpp"

namespace sitecover {

/// How RoadQuery ranks routes and prices the access legs.
struct RoadQueryOptions {
    RoadMetric metric = RoadMetric::Time;  ///< what "nearest" means
    /// Speed on the straight access leg between a point and the road it snaps to, km/h (> 0).
    double access_speed_kmh = 30.0;
    /// Search horizon, in the metric's unit (seconds or metres; > 0, infinity: none). Nodes
    /// costlier than this to reach a site are left unlabelled, so nearest() finds no site beyond
    /// it. A bound keeps one-site searches local (the planner runs one per candidate).
    double max_cost = std::numeric_limits<double>::infinity();
};

/// The answer for one origin.
struct RoadResult {
    /// Whether a site was reached.
    enum class Status {
        Reached,  ///< a site was found
        NoRoute,  ///< snapped, but no site can be reached (a cut-off piece, oneway dead end)
    };
    Status status = Status::NoRoute;  ///< Reached, or why not
    std::size_t site = 0;             ///< index into the site list (Reached only)
    double distance_m = 0.0;          ///< road distance including both access legs, metres
    double time_s = 0.0;              ///< travel time including both access legs, seconds

    /// status == Reached.
    bool reached() const noexcept { return status == Status::Reached; }
};

/// Per-thread query object: holds the labels and the heap, reused between runs (RoutingKit's
/// graph / query split). The route goes from the origin to the site, so oneway roads are
/// followed in their direction from the origin.
///
/// Ties between sites at equal cost go to the smaller site id (site_id_less), then to the
/// lower index: results do not depend on the order of the heap.
///
/// Thread-safety: run() writes the labels, so a query object belongs to one thread while it
/// runs. Once run() has returned, the const members (nearest, node_cost, node_site) only read
/// and may be called from many threads at once, as long as nobody calls run() meanwhile.
/// Several queries may run concurrently on one shared graph.
class RoadQuery {
public:
    /// The graph must outlive the query. O(1): the scratch space is sized by the first run().
    explicit RoadQuery(const RoadGraph& graph);

    /// Labels every node with its best site: one Dijkstra on the reverse graph seeded from all
    /// sites, O((V + E) log V). site_snaps[i] is where site i joins the network (nullopt: not
    /// on the network, ignored); `sites` gives the ids for the tie-break and must be parallel.
    /// Throws ArgumentError when the sizes differ, access_speed_kmh is not positive or max_cost
    /// is not positive (NaN included); the
    /// previous labels are then kept. Each snap must come from a RoadSnapper of this graph.
    void run(const std::vector<std::optional<RoadSnap>>& site_snaps, const std::vector<Site>& sites,
             const RoadQueryOptions& options = {});

    /// The nearest site of an origin snapped at `origin` (a RoadSnapper result on this graph),
    /// after run(). O(1) plus the sites snapped onto the same segment. Does not throw.
    RoadResult nearest(const RoadSnap& origin) const;

    /// After run: the cost from a node to its best site (seconds or metres by the metric;
    /// infinity when none). O(1); node < RoadGraph::node_count(), unchecked.
    double node_cost(RoadNode node) const { return labels_[node].cost; }
    /// After run: the site labelling a node, an index into the site list (nothing when no site
    /// can be reached from it). O(1); node < RoadGraph::node_count(), unchecked.
    std::optional<std::size_t> node_site(RoadNode node) const;

private:
    struct SiteOnSegment {
        double fraction = 0.0;
        double access_cost = 0.0;
        double access_other = 0.0;
        std::uint32_t rank = 0;
    };
    // A node's label, together: a relaxation reads one cache line.
    struct Label {
        double cost;         // to the labelling site, in the metric
        double other;        // the other metric along the same path
        std::uint32_t rank;  // tie-break rank of the labelling site; kNone when none
    };
    const RoadGraph* graph_;
    RoadQueryOptions options_;
    std::vector<Label> labels_;
    std::vector<std::size_t> site_of_rank_;
    std::vector<std::pair<std::size_t, SiteOnSegment>> on_segment_;  // sorted by segment
    std::vector<std::pair<double, std::uint64_t>> heap_;
};

}  // namespace sitecover
