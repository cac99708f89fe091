#pragma once
// Road segments waiting for their length (private to geodata): the lengths of a batch are
// computed on a worker thread while the reading thread reads the next batch, then the edges
// are appended in reading order, so the network is the same whatever the thread count. The
// lengths come from fast_geodesic_distance_m (within 1 um of Karney's, about 0.1 us a segment;
// Karney's 0.7 us made them most of the loading time of 25 million segments for France).

#include <cstddef>
#include <thread>
#include <vector>

#include "sitecover/road_network.hpp"

namespace sitecover::geodata::detail {

class EdgeBatch {
public:
    /// Edges go to `network` (which must outlive the batch and whose edges are not touched
    /// until flush() returns); `threads` 0: all cores.
    EdgeBatch(RoadNetwork& network, unsigned threads);
    ~EdgeBatch();
    EdgeBatch(const EdgeBatch&) = delete;
    EdgeBatch& operator=(const EdgeBatch&) = delete;
    /// The segment a -> b of a line at speed_mps (> 0), between the valid positions pa and pb:
    /// edge a -> b when oneway >= 0, b -> a when oneway <= 0, both with the length of the
    /// line's direction a -> b.
    void add(RoadNode a, RoadNode b, const LonLat& pa, const LonLat& pb, double speed_mps,
             int oneway);
    /// Computes the pending lengths and appends their edges; waits for every batch. Call once
    /// at the end.
    void flush();

private:
    struct Pending {
        LonLat pa;  // copied: the node table grows while a batch is measured
        LonLat pb;
        RoadNode a;
        RoadNode b;
        double speed_mps;
        int oneway;
    };
    void start_batch();
    void wait();
    void measure_and_append(const std::vector<Pending>& batch);

    RoadNetwork* network_;
    unsigned threads_;
    std::vector<Pending> pending_;    // filled by the reading thread
    std::vector<Pending> measuring_;  // measured by worker_
    std::vector<double> length_m_;
    std::thread worker_;
};

}  // namespace sitecover::geodata::detail
