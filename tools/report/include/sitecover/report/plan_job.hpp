#pragma once
// The plan job: what if sites open or close, and where K new sites would help most, measured
// before and after on the same origins (crow-fly or by road). `sitecover plan` and
// sitecover.plan() in Python fill a PlanJob and call run_plan(), so that they give the same
// figures and write the same tables.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sitecover/coverage_index.hpp"
#include "sitecover/exact_planning.hpp"
#include "sitecover/geodata/table_writer.hpp"
#include "sitecover/planning.hpp"
#include "sitecover/report/request_error.hpp"
#include "sitecover/report/study_inputs.hpp"
#include "sitecover/report/study_request.hpp"
#include "sitecover/report/table_output.hpp"
#include "sitecover/scenario.hpp"
#include "sitecover/site_suggestion.hpp"

namespace sitecover::report {

/// A plan: the changes asked for, the suggestion, and the tables to write.
struct PlanJob {
    /// areas, sites and filters, origins, population, roads, within_km, within_min, threads.
    StudyRequest study;
    std::vector<std::string> remove;           ///< remove: ids of sites to close
    std::vector<Site> add;                     ///< add: new sites (name and position)
    std::vector<std::string> add_commune;      ///< add_commune: new sites at these origins' points
    std::size_t suggest = 0;                   ///< suggest: K new sites to choose (0: none)
    Objective objective = Objective::PMedian;  ///< objective
    std::optional<std::string> candidates;     ///< candidates: points (else the origins')
    geodata::OriginFields candidate_fields;    ///< candidates_code_field, candidates_name_field
    std::uint64_t exhaustive_limit = 2'000'000;  ///< exhaustive_limit (K <= 2)
    bool cover_areas = false;                    ///< cover_areas
    double time_limit_s = 60.0;  ///< time_limit: seconds for proving the answer (> 0)
    SolveProgress progress;      ///< optional, between the steps of the certified search
    TableOutput output;          ///< output: one row per origin, before / after
    TableOutput sites_output;    ///< sites_output: the sites added, removed and suggested
};

/// The inputs every scenario is measured on, loaded once.
struct PlanInputs {
    std::string areas_path;
    std::shared_ptr<CoverageIndex> areas;
    LoadedSiteSet site_set;
    std::string origins_path;
    std::vector<std::string> codes, names;  ///< per origin
    std::string population_path;
    std::size_t without_population = 0;  ///< origins the population file does not know
    bool weighted = false;               ///< weights are inhabitants (else 1 each)
    std::shared_ptr<RoadSetup> roads;
    double within_s = 1800.0;   ///< within_min, in seconds
    double within_m = 19000.0;  ///< within_km, in metres
    ScenarioWorld world;        ///< origins, weights, areas, roads for the library calls
};

/// A plan computed: the scenario before and after, and what changed.
struct PlanRun {
    std::vector<Site> final_sites;    ///< after the what-if and the suggestion
    std::vector<SiteChange> changes;  ///< removed, added, then suggested
    std::optional<Suggestion> suggestion;
    ScenarioOutcome before, after;
    ScenarioFigures figures_before, figures_after;
    /// The weighted mean of the 2SFCA access index (sites per 10,000 inhabitants, as
    /// `sitecover access` and the report's origins layer compute it: within within_min by road,
    /// else within_km crow-fly, 1 per site, the origins' weights as demand) before and after;
    /// empty for a threshold of 0 or no weight.
    std::optional<double> mean_access_before, mean_access_after;
};

/// What run_plan read, computed and wrote.
struct PlanOutcome {
    PlanInputs inputs;
    PlanRun run;
};

/// The columns of the per-origin table: origin_code, origin_name, origin_lon, origin_lat,
/// population, site_before, distance_before_m, site_after, distance_after_m, changed; by road
/// road_site_before, travel_time_before_s, road_site_after, travel_time_after_s, road_changed.
std::vector<geodata::Column> plan_origin_columns(bool roads);
/// Origin `i`'s row of that table.
geodata::Row plan_origin_row(const PlanInputs& in, const PlanRun& run, std::size_t i);

/// Stages the tables (OutputError first), reads the inputs (defaults resolved), applies the
/// what-if (remove, add, add_commune), chooses the suggestion, measures both scenarios, writes
/// the tables (complete or absent). A value of the request that cannot be met is a
/// RequestError naming its field (an unknown site id or origin code, more new sites than
/// candidates, an area no candidate lies in, origins no candidate brings within the threshold
/// for cover); a new site outside every area an Error of kind Usage about `add`. Warnings go
/// to `warn`.
PlanOutcome run_plan(PlanJob job, const WarningSink& warn = {});

}  // namespace sitecover::report
