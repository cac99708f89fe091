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
            throw ArgumentError("k_nearest_batch: point " + std::to_string(i) + " is not a valid lon/lat");
        }
    }
    // Each point's hits go to its own slot, so that the output order is the input order
    // whatever thread answered it.
    std::vector<std::vector<Neighbour>> per_point(points.size());
    constexpr std::size_t kBlock = 1024;
    detail::parallel_blocks(points.size(), kBlock, resolve_thread_count(threads), [&] {
        return [&](std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i) {
                std::vector<Neighbour> hits = k == 1 ? std::vector<Neighbour>{} : index.k_nearest(points[i], k);
                if (k == 1) {
                    if (auto best = index.nearest(points[i], max_distance_m)) hits.push_back(*best);
                }
                while (!hits.empty() && hits.back().distance_m > max_distance_m) hits.pop_back();
                per_point[i] = std::move(hits);
            }
        };
    });

    BatchResult result;
    result.offset.reserve(points.size() + 1);
    result.offset.push_back(0);
    for (auto& hits : per_point) {
        result.hits.insert(result.hits.end(), hits.begin(), hits.end());
        result.offset.push_back(result.hits.size());
    }
    return result;
}

}  // namespace sitecover
