#pragma once
/// @file
/// Suggesting where to open new sites on top of a scenario: the candidates, the cost table
/// (crow-fly or by road), the greedy + swap search, its certification (the proven optimum, or a
/// proven bound and gap when the time limit cuts the search; exact_planning.hpp) and, for
/// k <= 2, the exhaustive optimum. The library call behind `sitecover plan --suggest K` and
/// `sitecover plan --objective cover`.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sitecover/exact_planning.hpp"
#include "sitecover/lon_lat.hpp"
#include "sitecover/planning.hpp"
#include "sitecover/scenario.hpp"
#include "sitecover/site.hpp"

namespace sitecover {

/// A place where a new site could open.
struct SiteCandidate {
    std::string code;  ///< identifier (candidates are tried in site_id_less order of code)
    std::string name;  ///< may be empty
    LonLat position;   ///< WGS84
};

/// What to look for.
struct SuggestRequest {
    std::size_t k = 1;                         ///< number of new sites (>= 1); unused by Cover
    Objective objective = Objective::PMedian;  ///< what the new sites optimise
    /// MaxCoverage and Cover threshold in the cost unit: metres crow-fly, seconds by road time,
    /// metres by road distance.
    double within = 19000.0;
    /// Certify the answer (solve_exact / solve_cover): the proven optimum, or the best answer
    /// found with its proven gap when time_limit_s runs out. false: the heuristic alone
    /// (not for Cover, which is always solved this way).
    bool certify = true;
    double time_limit_s = 60.0;  ///< wall-clock limit of the certified search (> 0)
    SolveProgress progress;      ///< optional, called between the steps of the certified search
    /// k <= 2: also compute the exact optimum when there are at most this many candidate sets;
    /// 0: never.
    std::uint64_t exhaustive_limit = 2'000'000;
    /// Each area left without a site by the scenario gets one of the k new sites first.
    bool cover_areas = false;
};

/// What the search found, and how long it took.
struct Suggestion {
    /// The answer: the certified search's when it found a strictly better one (plan_better),
    /// else the heuristic's (so that ties keep the heuristic's tie rules).
    PlanResult result;
    PlanResult heuristic;  ///< the greedy + swap search's choice (Cover: the greedy cover)
    /// How good `result` is (value, proven bound, gap, proven), when certified.
    std::optional<PlanQuality> quality;
    std::optional<PlanResult> exact;  ///< the exhaustive optimum, when it ran
    /// Why the exhaustive search did not run although k <= 2 (too many sets), else empty.
    std::optional<std::uint64_t> exact_skipped_sets;
    std::size_t candidate_count = 0;     ///< candidates inside the areas
    std::size_t candidates_outside = 0;  ///< candidates outside every area, left out
    std::size_t origins_off_road = 0;    ///< by road: origins beyond max_snap_m, left out
    /// By road: the origins on the network all weigh 0, so each was made to weigh 1.
    bool road_weights_reset = false;
    std::size_t pair_count = 0;  ///< useful origin / candidate pairs in the cost table
    double table_s = 0.0;        ///< wall time building the cost table
    double search_s = 0.0;       ///< wall time of the heuristic
    double exact_s = 0.0;        ///< wall time of the exhaustive search
    double certify_s = 0.0;      ///< wall time of the certified search
    /// cover_areas: the areas (indices into CoverageIndex::areas()) given a site first.
    std::vector<std::size_t> covered_by_force;
    /// The new sites ("suggested-1"..., kind "suggested", name "Name (code)") with the origins
    /// each serves and their weight.
    std::vector<SiteChange> changes;
};

/// The candidates inside at least one area, sorted by code (site_id_less, then input order):
/// indices into `candidates`. Those outside every area are not candidates.
std::vector<std::size_t> candidates_inside(const CoverageIndex& areas,
                                           const std::vector<SiteCandidate>& candidates);

/// Chooses request.k new sites among `candidates` to add to `sites` (the scenario's sites,
/// which stay), crow-fly or by road as `world` says (costs in the metric of
/// ScenarioWorld::roads). Throws RequestFieldError naming k (SuggestRequest::k) when k is 0 or
/// exceeds the candidates inside the areas, cover_areas (SuggestRequest::cover_areas) when an area
/// without a site holds no candidate or more areas lack a site than k, and InputError when by road
/// no origin lies within max_snap_m of a road. Objective::Cover: request.k is not used (the answer
/// holds as few sites as can be); UnreachableOriginsError (indices into ScenarioWorld::origins)
/// when some origins lie beyond request.within of every candidate and every site. Throws
/// RequestFieldError naming time_limit_s (SuggestRequest::time_limit_s) when it is not > 0.
/// Deterministic whatever ScenarioWorld::threads (the time limit aside, when it cuts the search).
Suggestion suggest_new_sites(const ScenarioWorld& world, const std::vector<Site>& sites,
                             const std::vector<SiteCandidate>& candidates,
                             const SuggestRequest& request);

}  // namespace sitecover
