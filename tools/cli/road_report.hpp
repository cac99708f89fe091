#pragma once
// `sitecover nearest --roads FILE`: the nearest site by road of every origin, its road distance
// and travel time, and the summary lines about them.

#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "options.hpp"
#include "sitecover/geodata/layer_source.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/road_loader.hpp"
#include "sitecover/geodata/table_writer.hpp"
#include "sitecover/nearest_by_road.hpp"
#include "sitecover/report/study_inputs.hpp"
#include "sitecover/road_graph.hpp"
#include "sitecover/road_query.hpp"
#include "sitecover/road_snapper.hpp"
#include "sitecover/site.hpp"

namespace sitecover::cli {

/// Declares --roads and its companions (--speeds, --profile, --by, --max-snap-m...).
void declare_road_options(Options& options);

/// Throws UsageError when a road option (--speeds, --by, --within-min...) is given without
/// --roads.
void check_road_options_need_roads(const Options& options);

/// The road options of a command line, parsed and checked before any file is read: the
/// library's request (--roads, --roads-layer, --roads-where, --roads-crs, --class-field,
/// --speed-field, --profile, --speeds, --by, --access-speed, --max-snap-m) and the summary's
/// --within-min.
struct RoadOptions : report::RoadRequest {
    double within_s = 1800.0;  ///< --within-min, in seconds
};

/// Parses the road options (UsageError for bad values; --profile is read here).
RoadOptions road_options(const Options& options);

using RoadSetup = report::RoadSetup;

/// Loads the network of parsed road options (warnings to stderr). Throws InputError for bad
/// files.
RoadSetup load_road_setup(const RoadOptions& options);

/// An origin's nearest site by road.
struct RoadAnswer {
    bool reached = false;
    std::size_t site = 0;  ///< index into the sites given to RoadReport (when reached)
    double distance_m = 0.0;
    double time_s = 0.0;
    bool snapped = false;     ///< within --max-snap-m of a road
    bool cut_off = false;     ///< snapped onto a piece cut off from the main network
    double snap_m = 0.0;      ///< when snapped
    double crow_fly_m = 0.0;  ///< geodesic distance to the road site (when reached)
    bool differs_from_crow_fly = false;
};

/// Loads the network and labels it from the sites once; then one answer per origin. The
/// summary is accumulated as answers are recorded, in bounded memory per origin (three floats),
/// so that a batch of millions of points can go by road.
class RoadReport {
public:
    /// Loads the network of `roads` (parsed by road_options); InputError for bad files.
    /// `within_m`: the summary's distance threshold by road (--within-km). `sites` must outlive
    /// it. `default_population`: use the data directory's population file when --population
    /// is not given in `options` (false when the origins are not communes).
    RoadReport(const Options& options, const RoadOptions& roads, double within_m,
               const std::vector<Site>& sites, bool default_population);
    /// The summary of a network the library has loaded and labelled from `sites` (a report's
    /// study), with its population table (may be absent) read from `population_path`.
    RoadReport(std::shared_ptr<const report::RoadStudy> study, double within_m, double within_s,
               const std::vector<Site>& sites, std::optional<geodata::PopulationTable> population,
               std::string population_path);
    ~RoadReport();
    RoadReport(RoadReport&&) noexcept;
    RoadReport& operator=(RoadReport&&) noexcept;
    /// The extra columns: road_site_id, road_distance_m, travel_time_s, snap_m, reachable.
    static std::vector<geodata::Column> columns();
    /// The answer of one origin; `crow_fly_site` may be null. Thread-safe (const).
    RoadAnswer answer(const LonLat& position, const Site* crow_fly_site) const;
    /// answer() for every origin of a chunk on `threads` threads; origins whose `error` is set
    /// (unreadable lines) get an empty answer. The result does not depend on `threads`.
    std::vector<RoadAnswer> answer_chunk(const std::vector<geodata::Origin>& origins,
                                         const std::vector<const Site*>& crow_fly_sites,
                                         unsigned threads) const;
    /// Records an answer for the summary and appends its values (in column order). Call once
    /// per origin, in order.
    void record(const geodata::Origin& origin, const RoadAnswer& answer,
                std::vector<geodata::Value>& values);
    /// answer() then record().
    RoadAnswer add_origin(const geodata::Origin& origin, const Site* crow_fly_site,
                          std::vector<geodata::Value>& values);
    /// The answer of a point from the library's answer; `crow_fly_site` may be null.
    RoadAnswer answer_from(const LonLat& position, const RoadNearest& nearest,
                           const Site* crow_fly_site) const;
    /// The network labelled from the sites (for the library's batch calls).
    const NearestByRoad& nearest_by_road() const;
    /// The road summary lines (the crow-fly --within-km threshold is reused by road).
    void print_summary(std::ostream& out) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sitecover::cli
