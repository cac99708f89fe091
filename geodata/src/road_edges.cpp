#include "road_edges.hpp"

#include <algorithm>

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

// The reading thread keeps one core: the lengths use the others (all of them with one thread).
void EdgeBatch::measure_and_append(const std::vector<Pending>& batch) {
    const std::size_t n = batch.size();
    length_m_.resize(n);
    // Contiguous ranges, one per thread; each length depends on its segment only. The positions
    // are valid (checked by the reader), so geodesic_distance_m does not throw.
    const auto lengths = [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i)
            length_m_[i] = geodesic_distance_m(batch[i].pa, batch[i].pb);
    };
    const std::size_t workers = std::min<std::size_t>(std::max(1u, threads_ - 1), n / 4096 + 1);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < workers; ++t)
        pool.emplace_back(lengths, n * t / workers, n * (t + 1) / workers);
    lengths(0, n / workers);
    for (auto& thread : pool) thread.join();

    for (std::size_t i = 0; i < n; ++i) {
        const Pending& p = batch[i];
        const double time_s = length_m_[i] / p.speed_mps;
        if (p.oneway >= 0) network_->edges.push_back({p.a, p.b, length_m_[i], time_s});
        if (p.oneway <= 0) network_->edges.push_back({p.b, p.a, length_m_[i], time_s});
    }
}

}  // namespace sitecover::geodata::detail
