#pragma once
// The crow-fly summary of `sitecover nearest`, accumulated origin by origin so that a stream
// of millions of points needs no more than 4 bytes per point (for the median).

#include <cstddef>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "grouping.hpp"
#include "sitecover/geodata/population.hpp"
#include "sitecover/site.hpp"

namespace sitecover::cli {

class NearestSummary {
public:
    /// `group_rule`: per-group lines (--group-by); `population`: weights for the groups' mean.
    NearestSummary(double within_m, std::optional<GroupRule> group_rule,
                   const geodata::PopulationTable* population, bool count_cross_border);

    /// One origin and its nearest site (nullptr / NaN when it has none).
    void add(const std::string& code, const std::string& name, const Site* site, double distance_m);
    /// One input record that could not be read (--skip-bad).
    void add_bad() { ++bad_; }

    std::size_t origins() const { return origins_; }
    void print(std::ostream& out, bool max_km_given) const;

private:
    struct Group {
        std::size_t count = 0;
        double max_m = 0.0;
        double sum_m = 0.0;
        double weighted_sum_m = 0.0;
        double weight = 0.0;
        std::size_t across_border = 0;  ///< nearest site in another département
    };

    double within_m_;
    std::optional<GroupRule> group_rule_;
    const geodata::PopulationTable* population_;
    bool count_cross_border_;

    std::size_t origins_ = 0, without_site_ = 0, within_ = 0, bad_ = 0;
    std::size_t with_department_ = 0, across_border_ = 0;
    std::vector<float> distances_m_;  // float: 4 bytes a point; the median needs them all
    double sum_m_ = 0.0;
    double max_m_ = -1.0;
    std::string farthest_;  // "name code -> site id name"
    std::map<std::string, Group> groups_;
};

}  // namespace sitecover::cli
