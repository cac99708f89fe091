#include "sitecover/batch_query.hpp"

#include <algorithm>
#include <string>
#include <thread>

#include "parallel_blocks.hpp"
#include "sitecover/error.hpp"

namespace sitecover {

unsigned resolve_thread_count(unsigned threads) noexcept {
    if (threads > 0) return threads;
    return std::max(1u, std::thread::hardware_concurrency());
}

BatchResult k_nearest_batch(const SiteIndex& index, const std::vector<LonLat>& points,
                            std::size_t k, double max_distance_m, unsigned threads) {
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!is_valid(points[i])) {
            throw ArgumentError("k_nearest_batch: point " + std::to_string(i) +
                                " is not a valid lon/lat");
        }
    }
    // Each block of points keeps its hits in its own vector, and each point its hit count, so
    // that the output order is the input order whatever thread answered it.
    constexpr std::size_t kBlock = 1024;
    const std::size_t block_count = (points.size() + kBlock - 1) / kBlock;
    std::vector<std::vector<Neighbour>> per_block(block_count);
    std::vector<std::size_t> count(points.size(), 0);
    detail::parallel_blocks(points.size(), kBlock, resolve_thread_count(threads), [&] {
        return [&](std::size_t begin, std::size_t end) {
            std::vector<Neighbour>& hits = per_block[begin / kBlock];
            hits.reserve((end - begin) * std::min<std::size_t>(k, 8));
            for (std::size_t i = begin; i < end; ++i) {
                if (k == 1) {
                    if (const auto best = index.nearest(points[i], max_distance_m)) {
                        hits.push_back(*best);
                        count[i] = 1;
                    }
                } else {
                    const std::vector<Neighbour> some =
                        index.k_nearest(points[i], k, max_distance_m);
                    hits.insert(hits.end(), some.begin(), some.end());
                    count[i] = some.size();
                }
            }
        };
    });

    BatchResult result;
    result.offset.reserve(points.size() + 1);
    result.offset.push_back(0);
    for (const std::size_t c : count) result.offset.push_back(result.offset.back() + c);
    result.hits.reserve(result.offset.back());
    for (const auto& hits : per_block)
        result.hits.insert(result.hits.end(), hits.begin(), hits.end());
    return result;
}

}  // namespace sitecover
