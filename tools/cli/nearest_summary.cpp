#include "nearest_summary.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>

#include "sitecover/report/report_format.hpp"
#include "sitecover/summary.hpp"

namespace sitecover::cli {
using namespace sitecover::report;  // the documents library: models, language, formats

NearestSummary::NearestSummary(double within_m, std::optional<GroupRule> group_rule,
                               const geodata::PopulationTable* population, bool count_cross_border)
    : within_m_(within_m),
      group_rule_(group_rule),
      population_(population),
      count_cross_border_(count_cross_border) {}

void NearestSummary::add(const std::string& code, const std::string& name, const Site* site,
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
        Group& g = groups_[key.empty() ? "(none)" : key];
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

void NearestSummary::print(std::ostream& out, bool max_km_given) const {
    if (!distances_m_.empty()) {
        // The engine's quantile; with float inputs its interpolation a + (b - a) / 2 is exact,
        // the same value as the mean of the two middle distances.
        const double median_m =
            quantile(std::vector<double>(distances_m_.begin(), distances_m_.end()), 0.5);
        const double mean_m = sum_m_ / static_cast<double>(distances_m_.size());
        out << "nearest site distance: max " << format_km(max_m_) << " (" << farthest_ << "), mean "
            << format_km(mean_m) << ", median " << format_km(median_m) << "\n";
        out << "within " << format_fixed(within_m_ / 1000.0, 1) << " km: " << within_ << "/"
            << origins_ << " (" << format_share(within_, origins_) << ")\n";
        if (median_m > 1'000'000.0) {
            out << "hint: the median distance exceeds 1,000 km: are longitude and latitude "
                   "swapped, or is a CRS wrong?\n";
        }
    }
    if (with_department_ > 0) {
        out << "nearest site in another département: " << across_border_ << "/" << with_department_
            << " communes\n";
    }
    if (without_site_ > 0) {
        out << "without a site" << (max_km_given ? " within --max-km" : "") << ": " << without_site_
            << "\n";
    }
    if (bad_ > 0) out << "unreadable records skipped (--skip-bad): " << bad_ << "\n";
    if (!groups_.empty()) {
        out << "by group:\n  group    origins    max km   mean km"
            << (population_ != nullptr ? "  pop-weighted mean km" : "")
            << (count_cross_border_ ? "  nearest site in another dep" : "") << "\n";
        for (const auto& [key, g] : groups_) {
            out << "  " << std::left << std::setw(6) << key << std::right << std::setw(10)
                << g.count << std::setw(10) << format_fixed(g.max_m / 1000.0, 1) << std::setw(10)
                << format_fixed(g.sum_m / 1000.0 / static_cast<double>(g.count), 1);
            if (population_ != nullptr) {
                out << std::setw(23)
                    << (g.weight > 0 ? format_fixed(g.weighted_sum_m / g.weight / 1000.0, 1)
                                     : std::string("-"));
            }
            if (count_cross_border_) out << std::setw(29) << g.across_border;
            out << "\n";
        }
    }
}

}  // namespace sitecover::cli
