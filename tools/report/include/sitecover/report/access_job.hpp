#pragma once
// The accessibility job: supply-aware access to the sites (2SFCA, E2SFCA) for every origin,
// crow-fly or by road, and how evenly it is spread (Gini, Palma, the shares of the population
// within 20 and 30 minutes by road). `sitecover access`, sitecover.access() in Python and the
// QGIS algorithm fill an AccessJob and call run_access(), so that they give the same rows and
// figures.

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sitecover/accessibility.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/table_writer.hpp"
#include "sitecover/report/grouping.hpp"
#include "sitecover/report/study_inputs.hpp"
#include "sitecover/report/study_request.hpp"
#include "sitecover/report/table_output.hpp"
#include "sitecover/report_data.hpp"
#include "sitecover/road_catchment.hpp"

namespace sitecover::report {

/// An accessibility study. Exactly one catchment: catchment_km (crow-fly, or road distance
/// with roads) or catchment_min (travel time, roads required).
struct AccessJob {
    StudyRequest study;                  ///< sites and filters, origins, population, roads, threads
    std::optional<double> catchment_km;  ///< catchment_km: d0 in kilometres
    std::optional<double> catchment_min;  ///< catchment_min: d0 in minutes by road
    /// decay: "" or "none" (plain 2SFCA: W = 1 up to d0), "step:10=1,20=0.68,30=0.22" (zones in
    /// the catchment's unit, weights decreasing in [0, 1], the last zone within d0) or
    /// "gaussian" (1 at 0, 0 at d0).
    std::string decay;
    /// capacity_field: the sites' field holding their supply ("": 1 per site).
    std::string capacity_field;
    std::optional<GroupRule> group_by;  ///< group_by: per-group equity figures
    TableOutput output;                 ///< output: one row per origin (none: not written)
    TableOutput sites_output;           ///< sites_output: one row per site (none: not written)
};

/// The decay of a job's text, zones in the catchment's unit (not yet checked against it).
/// ArgumentError naming `decay` for text of no known form.
AccessDecay parse_access_decay(const std::string& text);

/// Checks the catchment and the decay of `job` (ArgumentError naming catchment_km,
/// catchment_min or decay) without opening a file.
void check_access_job(const AccessJob& job);

/// How evenly the access index is spread over a set of origins (all, or one group).
struct AccessEquity {
    std::size_t origins = 0;
    double population = 0.0;               ///< inhabitants (the demand) of these origins
    std::size_t without_site = 0;          ///< origins with no site within the catchment
    double population_without_site = 0.0;  ///< their inhabitants
    double mean_index = 0.0;               ///< population-weighted mean access_index
    std::optional<double> gini;            ///< population-weighted Gini of access_index
    std::optional<double> palma;           ///< Palma ratio (none: the bottom 40 % have nothing)
    /// By road: the shares in [0, 1] of the population whose nearest site (NearestByRoad, as
    /// the nearest job by road) is within 20 and 30 minutes; none without roads or population.
    std::optional<double> share_within_20_min;
    std::optional<double> share_within_30_min;
};

/// Where the pairs of a floating catchment come from: crow-fly (no graph; metres, exact
/// geodesics) or a road network, with the snapping and access legs of the nearest job by road
/// (run_nearest).
struct AccessNetwork {
    const RoadGraph* graph = nullptr;      ///< null: crow-fly
    const RoadSnapper* snapper = nullptr;  ///< by road: the graph's segment index
    RoadMetric metric = RoadMetric::Time;  ///< by road: seconds (Time) or metres (Distance)
    double access_speed_kmh = 30.0;        ///< by road: speed on the access legs
    double max_snap_m = 5000.0;            ///< by road: points farther from a road take no part

    /// By road over a loaded network (its access speed and max_snap_m).
    static AccessNetwork by_road(const RoadSetup& setup, RoadMetric metric);
};

/// The floating catchment and what took no part in it.
struct AccessComputed {
    AccessResult result;                  ///< R_j per site, A_i per origin (per inhabitant)
    std::vector<char> origin_on_network;  ///< by road: the origin lies within max_snap_m
    std::vector<char> site_on_network;    ///< by road: the site lies within max_snap_m
};

/// The 2SFCA / E2SFCA of `origins` over `sites` as run_access computes it: the pairs within
/// `catchment` (metres crow-fly; by road in the metric's unit), then floating_catchment with
/// `decay` (zones in the catchment's unit), `demand` per origin and `supply` per site. The
/// report's origins layer calls it with its default catchment. Throws as floating_catchment.
AccessComputed compute_access(const std::vector<Site>& sites, const std::vector<LonLat>& origins,
                              const std::vector<double>& demand, const std::vector<double>& supply,
                              const AccessDecay& decay, double catchment,
                              const AccessNetwork& network, unsigned threads);

/// Fills ReportOrigin::access_index and ReportData::access_gini, access_palma: compute_access
/// with the report's threshold as the catchment (within_s by road over `network`, else
/// within_m crow-fly; `network` must be by road exactly when data.with_roads), 1 per site,
/// the origins' population as demand (unknown: 0; 1 each when no origin has one). Leaves them
/// empty for a threshold of 0.
void add_access_index(ReportData& data, const AccessNetwork& network, unsigned threads);

/// What run_access read and computed.
struct AccessOutcome {
    LoadedSiteSet site_set;  ///< the sites, filtered (site_set.sites)
    std::string origins_path;
    std::vector<geodata::Origin> origins;
    std::string population_path;         ///< "" : none (every origin weighs 1)
    std::vector<double> population;      ///< per origin: the demand P_i
    std::vector<char> population_known;  ///< per origin: found in the population table
    std::size_t without_population = 0;  ///< origins the table does not know (demand 0)
    std::string roads_path;              ///< "" : crow-fly
    bool by_road = false;
    std::string unit;                     ///< "km" or "min": the catchment's and zones' unit
    double catchment = 0.0;               ///< d0 in `unit`
    AccessDecay decay;                    ///< zones in `unit`
    std::vector<double> capacity;         ///< per site: S_j
    std::vector<char> site_on_network;    ///< by road: the site lies within max_snap_m
    std::vector<char> origin_on_network;  ///< by road: the origin lies within max_snap_m
    AccessResult result;                  ///< R_j per site, A_i per origin (per inhabitant)
    std::vector<std::optional<double>> nearest_time_s;  ///< by road: per origin (none: none)
    AccessEquity equity;                                ///< every origin
    std::map<std::string, AccessEquity> groups;         ///< group_by ("(none)": no group)
    std::vector<std::string> warnings;                  ///< from the table writers
};

/// The origins table's columns: origin_code, origin_name, origin_lon, origin_lat, population,
/// access_index (capacity per 10,000 inhabitants), sites_reached.
std::vector<geodata::Column> access_columns();
/// The sites table's columns: site_id, site_name, capacity, demand, ratio.
std::vector<geodata::Column> access_site_columns();

/// Checks the job (check_access_job), stages the outputs, reads the sites (and their capacity),
/// the origins, the population and the roads, computes, writes the tables (complete or absent).
/// InputError for bad data (a capacity that is not a number >= 0 names file, feature and field);
/// warnings (origins without population, sites off the road network) go to `warn`.
AccessOutcome run_access(AccessJob job, const WarningSink& warn = {});

}  // namespace sitecover::report
