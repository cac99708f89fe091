#pragma once
// `sitecover plan --suggest K`: the candidates, the cost table (crow-fly or by road), the
// search and, for K <= 2, the exhaustive optimum.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "options.hpp"
#include "plan_scenario.hpp"
#include "sitecover/planning.hpp"
#include "sitecover/site.hpp"

namespace sitecover::cli {

/// What to look for.
struct SuggestRequest {
    std::size_t k = 0;
    Objective objective = Objective::PMedian;
    double within = 0.0;  ///< max-coverage threshold in the cost unit (metres or seconds)
    std::uint64_t exhaustive_limit = 0;  ///< 0: no exhaustive search
    unsigned threads = 1;                ///< for the road cost table
};

/// What the search found, and how long it took.
struct Suggestion {
    std::optional<PlanResult> result;
    std::optional<PlanResult> exact;  ///< K <= 2 and few enough sets
    std::string exact_note;           ///< why the exhaustive search did not run
    std::size_t candidate_count = 0;
    std::size_t pair_count = 0;
    double table_s = 0.0, search_s = 0.0, exact_s = 0.0;
    std::vector<std::string> covered_by_force;  ///< --cover-areas: the areas given a site
    std::vector<Site> sites;                    ///< the new sites, "suggested-1"...
    std::vector<SiteChange> changes;            ///< the same, with the origins they serve
};

/// Reads the candidates (--candidates, or the origins' points), builds the cost table against
/// the scenario's sites `after`, and searches. Throws UsageError for impossible requests (K
/// above the candidates, --cover-areas that cannot be met) and InputError for bad files.
Suggestion suggest_new_sites(const Options& options, const PlanWorld& world,
                             const std::vector<Site>& after, const SuggestRequest& request);

}  // namespace sitecover::cli
