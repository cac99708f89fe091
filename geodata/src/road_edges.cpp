#include "road_edges.hpp"

#include <algorithm>

#include "sitecover/fast_geodesic.hpp"

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

EdgeBatch::~EdgeBatch() { wait(); }

void EdgeBatch::add(RoadNode a, RoadNode b, const LonLat& pa, const LonLat& pb, double speed_mps,
                    int oneway) {
    pending_.push_back({pa, pb, a, b, speed_mps, oneway});
    if (pending_.size() == kBatch) start_batch();
}

void EdgeBatch::wait() {
    if (worker_.joinable()) worker_.join();
}

// One batch at a time is measured while the next is read: batches are appended in order.
void EdgeBatch::start_batch() {
    wait();
    measuring_.swap(pending_);
    pending_.clear();
    if (threads_ <= 1) {
        measure_and_append(measuring_);
        return;
    }
    worker_ = std::thread([this] { measure_and_append(measuring_); });
}

void EdgeBatch::flush() {
    start_batch();
    wait();
}

// On the worker (the reading thread with one thread). The chord formula costs about 0.1 us a
// segment (Karney's inverse 0.7 us): one worker keeps up with the reader, no pool is needed.
// The positions are valid (checked by the reader), so the distance does not throw.
void EdgeBatch::measure_and_append(const std::vector<Pending>& batch) {
    const std::size_t n = batch.size();
    length_m_.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        length_m_[i] = fast_geodesic_distance_m(batch[i].pa, batch[i].pb);

    for (std::size_t i = 0; i < n; ++i) {
        const Pending& p = batch[i];
        const double time_s = length_m_[i] / p.speed_mps;
        if (p.oneway >= 0) network_->edges.push_back({p.a, p.b, length_m_[i], time_s});
        if (p.oneway <= 0) network_->edges.push_back({p.b, p.a, length_m_[i], time_s});
    }
}

}  // namespace sitecover::geodata::detail
