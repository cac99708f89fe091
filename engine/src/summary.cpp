#include "sitecover/summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sitecover {
namespace {

std::vector<double> sorted_finite(std::vector<double> values) {
    values.erase(
        std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }),
        values.end());
    std::sort(values.begin(), values.end());
    return values;
}

}  // namespace

Summary summarize(std::vector<double> values) {
    const std::vector<double> v = sorted_finite(std::move(values));
    Summary s;
    s.count = v.size();
    if (v.empty()) return s;
    s.min = v.front();
    s.max = v.back();
    double total = 0.0;
    for (const double x : v) total += x;  // sorted order: deterministic rounding
    s.mean = total / static_cast<double>(v.size());
    const std::size_t mid = v.size() / 2;
    s.median = v.size() % 2 == 1 ? v[mid] : 0.5 * (v[mid - 1] + v[mid]);
    return s;
}

double quantile(std::vector<double> values, double q) {
    const std::vector<double> v = sorted_finite(std::move(values));
    if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
    q = std::clamp(q, 0.0, 1.0);
    const double pos = q * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

}  // namespace sitecover
