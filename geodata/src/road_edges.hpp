#pragma once
// Road segments waiting for their length (private to geodata): the Karney lengths of a batch
// are computed on several threads, then the edges are appended in reading order, so the
// network is the same whatever the thread count. The geodesic is most of the loading time of
// a large network (about 0.6 us a segment, 25 million segments for France).

#include <cstddef>
#include <vector>

#include "sitecover/road_network.hpp"

namespace sitecover::geodata::detail {

class EdgeBatch {
public:
    /// Edges go to `network` (which must outlive the batch); `threads` 0: all cores.
    EdgeBatch(RoadNetwork& network, unsigned threads);
    /// The segment a -> b of a line at speed_mps (> 0): edge a -> b when oneway >= 0, b -> a
    /// when oneway <= 0, both with the length of the line's direction a -> b.
    void add(RoadNode a, RoadNode b, double speed_mps, int oneway);
    /// Computes the pending lengths and appends their edges. Call once at the end.
    void flush();

private:
    struct Pending {
        RoadNode a;
        RoadNode b;
        double speed_mps;
        int oneway;
    };
    RoadNetwork* network_;
    unsigned threads_;
    std::vector<Pending> pending_;
    std::vector<double> length_m_;
};

}  // namespace sitecover::geodata::detail
