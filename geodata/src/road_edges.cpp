#include "road_edges.hpp"

#include <algorithm>
#include <thread>

#include "sitecover/geodesic.hpp"

namespace sitecover::geodata::detail {
namespace {

// Big enough to keep the threads busy, small enough to stay in cache-friendly memory.
constexpr std::size_t kBatch = std::size_t{1} << 18;

}  // namespace

EdgeBatch::EdgeBatch(RoadNetwork& network, unsigned threads)
    : network_(&network),
      threads_(threads != 0 ? threads : std::max(1u, std::thread::hardware_concurrency())) {
    pending_.reserve(kBatch);
}

void EdgeBatch::add(RoadNode a, RoadNode b, double speed_mps, int oneway) {
    pending_.push_back({a, b, speed_mps, oneway});
    if (pending_.size() == kBatch) flush();
}

void EdgeBatch::flush() {
    const std::vector<LonLat>& nodes = network_->nodes;
    const std::size_t n = pending_.size();
    length_m_.resize(n);
    // Contiguous ranges, one per thread; each length depends on its segment only. The nodes
    // are valid (checked by the reader), so geodesic_distance_m does not throw.
    const auto lengths = [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i)
            length_m_[i] = geodesic_distance_m(nodes[pending_[i].a], nodes[pending_[i].b]);
    };
    const std::size_t workers = std::min<std::size_t>(threads_, n / 4096 + 1);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < workers; ++t)
        pool.emplace_back(lengths, n * t / workers, n * (t + 1) / workers);
    lengths(0, n / workers);
    for (auto& thread : pool) thread.join();

    for (std::size_t i = 0; i < n; ++i) {
        const Pending& p = pending_[i];
        const double time_s = length_m_[i] / p.speed_mps;
        if (p.oneway >= 0) network_->edges.push_back({p.a, p.b, length_m_[i], time_s});
        if (p.oneway <= 0) network_->edges.push_back({p.b, p.a, length_m_[i], time_s});
    }
    pending_.clear();
}

}  // namespace sitecover::geodata::detail
