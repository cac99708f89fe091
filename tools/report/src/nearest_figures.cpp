#include "sitecover/report/nearest_figures.hpp"

#include <algorithm>
#include <cmath>

#include "sitecover/summary.hpp"

namespace sitecover::report {

NearestFigures::NearestFigures(double within_m, std::optional<GroupRule> group_rule,
                               const geodata::PopulationTable* population, bool count_cross_border)
    : within_m_(within_m),
      group_rule_(group_rule),
      population_(population),
      count_cross_border_(count_cross_border) {}

void NearestFigures::add(const std::string& code, const std::string& name, const Site* site,
                         double distance_m) {
    ++origins_;
    if (site == nullptr) {
        ++without_site_;
        return;
    }
    distances_m_.push_back(static_cast<float>(distance_m));
    sum_m_ += distance_m;
    if (distance_m <= within_m_) ++within_;
    if (distance_m > max_m_) {
        max_m_ = distance_m;
        farthest_ = (name.empty() ? "" : name + " ") + code + " -> site " + site->id +
                    (site->name.empty() ? "" : " " + site->name);
    }
    bool across = false;
    if (count_cross_border_) {
        if (const std::string dep = insee_department(code); !dep.empty()) {
            ++with_department_;
            across = !site->department.empty() && site->department != dep;
            if (across) ++across_border_;
        }
    }
    if (group_rule_) {
        std::string key = group_rule_->group_of(code);
        NearestGroup& g = groups_[key.empty() ? "(none)" : key];
        ++g.count;
        if (across) ++g.across_border;
        g.max_m = std::max(g.max_m, distance_m);
        g.sum_m += distance_m;
        if (population_ != nullptr) {
            if (const auto current = population_->resolve(code)) {
                const auto it = population_->by_code.find(*current);
                if (it != population_->by_code.end() && it->second) {
                    g.weighted_sum_m += distance_m * static_cast<double>(*it->second);
                    g.weight += static_cast<double>(*it->second);
                }
            }
        }
    }
}

double NearestFigures::mean_m() const {
    return distances_m_.empty() ? 0.0 : sum_m_ / static_cast<double>(distances_m_.size());
}

double NearestFigures::median_m() const {
    // The engine's quantile; with float inputs its interpolation a + (b - a) / 2 is exact,
    // the same value as the mean of the two middle distances.
    if (distances_m_.empty()) return 0.0;
    return quantile(std::vector<double>(distances_m_.begin(), distances_m_.end()), 0.5);
}

}  // namespace sitecover::report
