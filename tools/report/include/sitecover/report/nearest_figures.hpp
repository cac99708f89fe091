#pragma once
// The crow-fly figures of a nearest batch, accumulated origin by origin so that a stream of
// millions of points needs no more than 4 bytes per point (for the median). Computed once, in
// the library; each door words them (the command's summary lines, Python's dict).

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sitecover/geodata/population.hpp"
#include "sitecover/report/grouping.hpp"
#include "sitecover/site.hpp"

namespace sitecover::report {

/// Per group of origins (group_by).
struct NearestGroup {
    std::size_t count = 0;
    double max_m = 0.0;
    double sum_m = 0.0;
    double weighted_sum_m = 0.0;    ///< distances weighted by inhabitants
    double weight = 0.0;            ///< inhabitants with a known population
    std::size_t across_border = 0;  ///< nearest site in another département
};

/// The figures; add() once per origin, in order.
class NearestFigures {
public:
    /// `within_m`: the distance threshold counted; `group_rule`: per-group figures;
    /// `population`: weights for the groups' mean (may be null; must outlive the figures);
    /// `count_cross_border`: count origins (communes) whose nearest site is in another
    /// département.
    NearestFigures(double within_m, std::optional<GroupRule> group_rule,
                   const geodata::PopulationTable* population, bool count_cross_border);

    /// One origin and its nearest site (nullptr when it has none).
    void add(const std::string& code, const std::string& name, const Site* site, double distance_m);
    /// One input record that could not be read (skip_bad).
    void add_bad() { ++bad_; }

    std::size_t origins() const { return origins_; }
    std::size_t without_site() const { return without_site_; }
    std::size_t bad() const { return bad_; }
    /// Origins with a site within `within_m`.
    std::size_t within() const { return within_; }
    double within_m() const { return within_m_; }
    /// Origins with a site (distances known).
    std::size_t with_site() const { return distances_m_.size(); }
    double max_m() const { return max_m_; }
    double mean_m() const;
    double median_m() const;
    /// "name code -> site id name" of the farthest origin.
    const std::string& farthest() const { return farthest_; }
    /// Communes (INSEE codes) counted for the cross-border figure, and those across.
    std::size_t with_department() const { return with_department_; }
    std::size_t across_border() const { return across_border_; }
    bool counts_cross_border() const { return count_cross_border_; }
    bool weighted() const { return population_ != nullptr; }
    /// Per group, ordered by group ("(none)" for codes the rule does not apply to).
    const std::map<std::string, NearestGroup>& groups() const { return groups_; }

private:
    double within_m_;
    std::optional<GroupRule> group_rule_;
    const geodata::PopulationTable* population_;
    bool count_cross_border_;

    std::size_t origins_ = 0, without_site_ = 0, within_ = 0, bad_ = 0;
    std::size_t with_department_ = 0, across_border_ = 0;
    std::vector<float> distances_m_;  // float: 4 bytes a point; the median needs them all
    double sum_m_ = 0.0;
    double max_m_ = -1.0;
    std::string farthest_;
    std::map<std::string, NearestGroup> groups_;
};

}  // namespace sitecover::report
