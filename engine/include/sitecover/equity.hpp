#pragma once
/// @file
/// How evenly a figure is spread over a population: the population-weighted Gini coefficient,
/// the Palma ratio, and the share of the population at or below a threshold. Pure functions,
/// thread-safe.

#include <optional>
#include <vector>

namespace sitecover {

/// The Gini coefficient of `values` weighted by `weights` (inhabitants):
/// G = sum_i sum_j w_i w_j |x_i - x_j| / (2 W^2 mu), W = sum w, mu = sum w x / W;
/// 0 when everybody has the same value, towards 1 when one person has everything. Entries with
/// weight 0 take no part. Nothing when the total weight or the weighted mean is 0. Throws
/// ArgumentError for sizes that differ, or a negative or non-finite value or weight.
/// O(n log n) (sorted cumulative sums).
std::optional<double> weighted_gini(const std::vector<double>& values,
                                    const std::vector<double>& weights);

/// The Palma ratio: the share of the total (sum w x) held by the best-off 10 % of the
/// population divided by the share held by the worst-off 40 %, the population ranked by value
/// and an entry straddling a quantile split proportionally. Nothing when the total weight is 0
/// or the worst-off 40 % hold nothing (a ratio without bound). Same errors as weighted_gini.
/// O(n log n).
std::optional<double> palma_ratio(const std::vector<double>& values,
                                  const std::vector<double>& weights);

/// The share in [0, 1] of the total weight whose value is known (not nullopt) and <= `limit`,
/// over the total weight (unknown values count in the total: nobody reached). Nothing when the
/// total weight is 0. Throws ArgumentError for sizes that differ or a negative / non-finite
/// weight. O(n).
std::optional<double> share_within(const std::vector<std::optional<double>>& values,
                                   const std::vector<double>& weights, double limit);

}  // namespace sitecover
