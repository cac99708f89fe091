#pragma once
/// @file
/// Summary statistics of a set of distances (or times).

#include <cstddef>
#include <vector>

namespace sitecover {

/// Count, extremes, mean and median of a sample. All zero for an empty sample.
struct Summary {
    std::size_t count = 0;  ///< number of values, NaNs left out
    double min = 0.0;       ///< smallest value
    double max = 0.0;       ///< largest value
    double mean = 0.0;      ///< arithmetic mean, summed in ascending order
    double median = 0.0;    ///< mean of the two middle values for an even count
};

/// Summarises `values` (copied: the input order is kept). NaN values are ignored.
/// O(n log n). The mean is computed in a fixed order, so the result does not depend on threads.
/// Thread-safe (pure function); does not throw except std::bad_alloc.
Summary summarize(std::vector<double> values);

/// The q-quantile (q in [0, 1]) by linear interpolation between order statistics
/// (the "type 7" rule of R and NumPy's default). NaN values are ignored; q outside [0, 1] is
/// clamped to it. NaN for an empty sample. O(n log n); thread-safe (pure function).
double quantile(std::vector<double> values, double q);

}  // namespace sitecover
