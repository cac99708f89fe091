// Equity figures: the population-weighted Gini coefficient, the Palma ratio, shares within a
// threshold.

#include "sitecover/equity.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "sitecover/error.hpp"

namespace sitecover {
namespace {

void check_weights(std::size_t values, const std::vector<double>& weights, const char* function) {
    if (values != weights.size()) {
        throw ArgumentError(std::string(function) + ": " + std::to_string(values) + " values for " +
                            std::to_string(weights.size()) + " weights");
    }
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (!(weights[i] >= 0.0) || !std::isfinite(weights[i]))
            throw ArgumentError(std::string(function) + ": weight " + std::to_string(i) +
                                " is not a finite number >= 0");
    }
}

void check_values(const std::vector<double>& values, const char* function) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!(values[i] >= 0.0) || !std::isfinite(values[i]))
            throw ArgumentError(std::string(function) + ": value " + std::to_string(i) +
                                " is not a finite number >= 0");
    }
}

// (value, weight) of the entries with a positive weight, by value then input order.
std::vector<std::pair<double, double>> ranked(const std::vector<double>& values,
                                              const std::vector<double>& weights) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (weights[i] > 0.0) order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    std::vector<std::pair<double, double>> out;
    out.reserve(order.size());
    for (const std::size_t i : order) out.emplace_back(values[i], weights[i]);
    return out;
}

// The sum of w x over the population ranks [from, to] (in inhabitants), an entry straddling a
// bound counted for the part of its weight inside.
double mass_between(const std::vector<std::pair<double, double>>& entries, double from, double to) {
    double mass = 0.0;
    double before = 0.0;
    for (const auto& [value, weight] : entries) {
        const double after = before + weight;
        const double inside = std::min(after, to) - std::max(before, from);
        if (inside > 0.0) mass += value * inside;
        before = after;
    }
    return mass;
}

}  // namespace

std::optional<double> weighted_gini(const std::vector<double>& values,
                                    const std::vector<double>& weights) {
    check_weights(values.size(), weights, "weighted_gini");
    check_values(values, "weighted_gini");
    const auto entries = ranked(values, weights);
    double total_weight = 0.0, total_mass = 0.0;
    for (const auto& [value, weight] : entries) {
        total_weight += weight;
        total_mass += value * weight;
    }
    if (!(total_weight > 0.0) || !(total_mass > 0.0)) return std::nullopt;
    // sum_i w_i x_i (C_{i-1} - (W - C_i)): each pair counted once from its larger value.
    double sum = 0.0;
    double before = 0.0;
    for (const auto& [value, weight] : entries) {
        const double after = before + weight;
        sum += weight * value * (before - (total_weight - after));
        before = after;
    }
    return sum / (total_weight * total_mass);
}

std::optional<double> palma_ratio(const std::vector<double>& values,
                                  const std::vector<double>& weights) {
    check_weights(values.size(), weights, "palma_ratio");
    check_values(values, "palma_ratio");
    const auto entries = ranked(values, weights);
    double total_weight = 0.0;
    for (const auto& entry : entries) total_weight += entry.second;
    if (!(total_weight > 0.0)) return std::nullopt;
    const double bottom = mass_between(entries, 0.0, 0.4 * total_weight);
    const double top = mass_between(entries, 0.9 * total_weight, total_weight);
    if (!(bottom > 0.0)) return std::nullopt;
    return top / bottom;
}

std::optional<double> share_within(const std::vector<std::optional<double>>& values,
                                   const std::vector<double>& weights, double limit) {
    check_weights(values.size(), weights, "share_within");
    double total = 0.0, within = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        total += weights[i];
        if (values[i] && *values[i] <= limit) within += weights[i];
    }
    if (!(total > 0.0)) return std::nullopt;
    return within / total;
}

}  // namespace sitecover
