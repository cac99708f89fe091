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

namespace {

constexpr std::size_t kBlock = 1024;

void check_points(const std::vector<LonLat>& points, const char* function) {
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!is_valid(points[i])) {
            throw ArgumentError(std::string(function) + ": point " + std::to_string(i) +
                                " is not a valid lon/lat");
        }
    }
}

BatchResult flatten(std::vector<std::vector<Neighbour>>& per_point) {
    BatchResult result;
    result.offset.reserve(per_point.size() + 1);
    result.offset.push_back(0);
    for (auto& hits : per_point) {
        result.hits.insert(result.hits.end(), hits.begin(), hits.end());
        result.offset.push_back(result.hits.size());
    }
    return result;
}

}  // namespace

BatchResult k_nearest_batch(const SiteIndex& index, const std::vector<LonLat>& points,
                            std::size_t k, double max_distance_m, unsigned threads) {
    check_points(points, "k_nearest_batch");
    // Each block of points keeps its hits in its own vector, and each point its hit count, so
    // that the output order is the input order whatever thread answered it (no vector per
    // point: a tenth of a fast query's time).
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
                    // The limit is decided on Karney's distances inside the index.
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

std::vector<std::optional<Neighbour>> nearest_batch(const SiteIndex& index,
                                                    const std::vector<LonLat>& points,
                                                    double max_distance_m, unsigned threads) {
    check_points(points, "nearest_batch");
    std::vector<std::optional<Neighbour>> answers(points.size());
    detail::parallel_blocks(points.size(), kBlock, resolve_thread_count(threads), [&] {
        return [&](std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i)
                answers[i] = index.nearest(points[i], max_distance_m);
        };
    });
    return answers;
}

BatchResult within_batch(const SiteIndex& index, const std::vector<LonLat>& points, double radius_m,
                         unsigned threads) {
    check_points(points, "within_batch");
    std::vector<std::vector<Neighbour>> per_point(points.size());
    detail::parallel_blocks(points.size(), kBlock, resolve_thread_count(threads), [&] {
        return [&](std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i)
                per_point[i] = index.within(points[i], radius_m);
        };
    });
    return flatten(per_point);
}

}  // namespace sitecover
