#pragma once
// `sitecover nearest --roads FILE`: the nearest site by road of every origin, its road distance
// and travel time, and the summary lines about them.

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "options.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/table_writer.hpp"
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

/// The network of --roads and the options that price travel on it.
struct RoadSetup {
    std::string path;
    std::unique_ptr<RoadGraph> graph;
    std::unique_ptr<RoadSnapper> snapper;
    RoadQueryOptions query_options;
    double max_snap_m = 5000.0;  ///< --max-snap-m
    double within_s = 1800.0;    ///< --within-min, in seconds
};

/// Reads the road options and loads the network (warnings to stderr). Throws InputError /
/// UsageError for bad road options or files.
RoadSetup load_road_setup(const Options& options);

/// An origin's nearest site by road.
struct RoadAnswer {
    bool reached = false;
    std::size_t site = 0;  ///< index into the sites given to RoadReport (when reached)
    double distance_m = 0.0;
    double time_s = 0.0;
};

/// Loads the network and labels it from the sites once; then one answer per origin.
class RoadReport {
public:
    /// Throws InputError / UsageError for bad road options or files. `sites` must outlive it.
    /// `default_population`: use the data directory's population file when --population is not
    /// given (false when the origins are not communes).
    RoadReport(const Options& options, const std::vector<Site>& sites, bool default_population);
    ~RoadReport();

    /// The extra columns: road_site_id, road_distance_m, travel_time_s, snap_m, reachable.
    static std::vector<geodata::Column> columns();

    /// Computes the origin's answer; appends its values (in column order) to `values` and
    /// records it for the summary and returns it. Call once per origin, in order.
    RoadAnswer add_origin(const geodata::Origin& origin, const Site* crow_fly_site,
                    std::vector<geodata::Value>& values);

    /// The road summary lines. `within_m`: the crow-fly --within-km threshold, reused by road.
    void print_summary(std::ostream& out, double within_m) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sitecover::cli
