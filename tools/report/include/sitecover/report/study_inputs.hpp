#pragma once
// Reading what a StudyRequest names, once, for every door: the areas, the sites (filtered,
// then changed by a scenario), the origins with their outlines and population, the road
// network labelled from the sites.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sitecover/area.hpp"
#include "sitecover/coverage_index.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/population.hpp"
#include "sitecover/nearest_by_road.hpp"
#include "sitecover/report/study_request.hpp"
#include "sitecover/road_graph.hpp"
#include "sitecover/road_snapper.hpp"
#include "sitecover/scenario.hpp"
#include "sitecover/site.hpp"
#include "sitecover/site_index.hpp"

namespace sitecover::report {

/// The sites of a request, read and filtered.
struct LoadedSiteSet {
    std::vector<Site> sites;
    std::string path;
    std::size_t read = 0;     ///< before the site_types / as_of filters
    std::size_t undated = 0;  ///< dropped by as_of for lack of a labelling date
};

/// Reads and filters the sites (loader warnings to `warn`). Throws what geodata::load_sites
/// and filter_sites throw (UnknownSiteTypeError for a type no site has: a door words it).
LoadedSiteSet load_site_set(const SiteSetRequest& request, const WarningSink& warn);

/// The origins of a layer, one point per polygon by its rule (warnings for repaired polygons
/// to `warn`). InputError when the layer holds none.
std::vector<geodata::Origin> load_origin_set(const OriginRequest& request, const WarningSink& warn);

/// The areas of a layer.
std::vector<Area> load_area_set(const AreaRequest& request);

/// The population table of a resolved request: none when `population` is "" or not set.
std::optional<geodata::PopulationTable> load_population_table(const StudyRequest& request);

/// A road network and the options that price travel on it.
struct RoadSetup {
    std::string path;
    std::unique_ptr<RoadGraph> graph;
    std::unique_ptr<RoadSnapper> snapper;
    RoadQueryOptions query_options;
    double max_snap_m = 5000.0;
    /// The options NearestByRoad and the scenario calls take.
    NearestByRoadOptions nearest_options() const { return {query_options, max_snap_m}; }
};

/// Loads the network of `request` (loader warnings to `warn`). InputError for bad files.
RoadSetup load_road_setup(const RoadRequest& request, const WarningSink& warn);

/// The network labelled from a site list: the road half of a study.
struct RoadStudy {
    RoadSetup setup;
    std::unique_ptr<NearestByRoad> nearest;  ///< built over the sites given to load_road_study
};

/// No site lies within max_snap_m of a road of the network: what() says so naming the request's
/// field (max_snap_m); max_snap_m() and path() let a door word it in its own vocabulary.
class SitesOffRoadError : public InputError {
public:
    SitesOffRoadError(double max_snap_m, std::string path);
    double max_snap_m() const noexcept { return max_snap_m_; }
    const std::string& path() const noexcept { return path_; }

private:
    double max_snap_m_;
    std::string path_;
};

/// load_road_setup, then the network labelled from `sites` (which must outlive the result).
/// SitesOffRoadError when no site lies within max_snap_m of a road; a warning when sites lie on a
/// piece cut off from the main network.
std::shared_ptr<RoadStudy> load_road_study(const RoadRequest& request,
                                           const std::vector<Site>& sites, const WarningSink& warn);

/// The inputs of a study, loaded once.
struct StudyInputs {
    std::string areas_path;
    std::shared_ptr<CoverageIndex> areas;
    LoadedSiteSet site_set;  ///< as read and filtered (its sites moved into `sites`)
    std::optional<ChangesApplied> scenario;
    std::shared_ptr<SiteIndex> sites;  ///< after the filters and the scenario
    std::string origins_path;
    std::vector<geodata::Origin> origins;
    std::vector<Area> origin_polygons;                         ///< empty for a point layer
    std::shared_ptr<RoadStudy> roads;                          ///< null without roads
    std::string population_path;                               ///< "" : none
    std::optional<geodata::PopulationTable> population_table;  ///< as read
    std::vector<std::optional<double>> population;             ///< per origin (empty: no table)
};

/// Reads everything `request` names (resolve_defaults first). InputError naming the file for
/// bad data, an empty site set, or a scenario that does not apply to the sites.
StudyInputs load_study(const StudyRequest& request, const WarningSink& warn);

}  // namespace sitecover::report
