#pragma once
/// @file
/// Many nearest-site queries at once, spread over threads.

#include <cstddef>
#include <optional>
#include <vector>

#include "sitecover/lon_lat.hpp"
#include "sitecover/site_index.hpp"

namespace sitecover {

/// The answers for a batch: for point i, its hits are hits[offset[i] .. offset[i + 1]).
struct BatchResult {
    std::vector<std::size_t> offset;  ///< points.size() + 1 entries
    std::vector<Neighbour> hits;      ///< sorted per point as SiteIndex::k_nearest sorts them
};

/// k_nearest for every point, keeping hits no farther than max_distance_m, on `threads` threads
/// (0: all hardware threads). The result depends only on the inputs, never on the thread count
/// or on scheduling. max_distance_m >= 0 (infinity: no cap). O(n / threads) SiteIndex queries.
/// Throws ArgumentError (the first invalid point, by index) before any work, and rethrows the
/// first error of a worker (for example a NaN max_distance_m) after joining them all.
/// Thread-safe: the index is only read.
BatchResult k_nearest_batch(const SiteIndex& index, const std::vector<LonLat>& points,
                            std::size_t k, double max_distance_m, unsigned threads);

/// nearest for every point (at most max_distance_m away; infinity: no cap) on `threads` threads
/// (0: all hardware threads): one optional per point, in point order, independent of the thread
/// count. Cheaper than k_nearest_batch with k = 1 (no per-point allocation). Same errors as
/// k_nearest_batch. Thread-safe: the index is only read.
std::vector<std::optional<Neighbour>> nearest_batch(const SiteIndex& index,
                                                    const std::vector<LonLat>& points,
                                                    double max_distance_m, unsigned threads);

/// within for every point: all sites at most radius_m away (>= 0), sorted per point as
/// SiteIndex::within sorts them, on `threads` threads (0: all hardware threads), independent of
/// the thread count. Same errors as k_nearest_batch. Thread-safe: the index is only read.
BatchResult within_batch(const SiteIndex& index, const std::vector<LonLat>& points, double radius_m,
                         unsigned threads);

/// The number of threads `threads` means here: itself when positive, else the hardware
/// concurrency (at least 1). Thread-safe.
unsigned resolve_thread_count(unsigned threads) noexcept;

}  // namespace sitecover
