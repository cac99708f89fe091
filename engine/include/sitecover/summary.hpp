#pragma once
// Summary statistics of a set of distances (or times).

#include <cstddef>
#include <vector>

namespace sitecover {

/// Count, extremes, mean and median of a sample. All zero for an empty sample.
struct Summary {
    std::size_t count = 0;
    double min = 0.0;
    double max = 0.0;
    double mean = 0.0;
    double median = 0.0;  ///< mean of the two middle values for an even count
};

/// Summarises `values` (copied: the input order is kept). NaN values are ignored.
/// O(n log n). The mean is computed in a fixed order, so the result does not depend on threads.
Summary summarize(std::vector<double> values);

/// The q-quantile (q in [0, 1]) by linear interpolation between order statistics
/// (the "type 7" rule of R and NumPy's default). NaN for an empty sample.
double quantile(std::vector<double> values, double q);

}  // namespace sitecover
