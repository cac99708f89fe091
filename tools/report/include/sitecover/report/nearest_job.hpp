#pragma once
// The nearest job: the nearest site(s) of every origin, as the crow flies (exact WGS84
// distances) and by road, streamed chunk by chunk so that millions of points run in bounded
// memory, with the figures of the batch. `sitecover nearest` and sitecover.nearest() in Python
// fill a NearestJob and call run_nearest(), so that they give the same rows and figures.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sitecover/geodata/point_csv.hpp"
#include "sitecover/geodata/table_writer.hpp"
#include "sitecover/report/grouping.hpp"
#include "sitecover/report/nearest_figures.hpp"
#include "sitecover/report/road_figures.hpp"
#include "sitecover/report/study_inputs.hpp"
#include "sitecover/report/study_request.hpp"
#include "sitecover/report/table_output.hpp"
#include "sitecover/site_index.hpp"

namespace sitecover::report {

/// Where the origins of a nearest job come from: a layer (one point per feature by its rule), or
/// a plain CSV of points (id,lon,lat) read by the streaming reader.
struct NearestOrigins {
    OriginRequest layer;                  ///< origins and its companions, origin (the rule)
    geodata::PointCsvOptions csv;         ///< the same fields for a plain CSV; skip_bad
    bool gdal_only = false;               ///< an option only GDAL honours (layer, where, crs...)
    bool use_points = false;              ///< origin_points given
    std::string points_path;              ///< origin_points: each code's point, joined by code
    geodata::OriginFields points_fields;  ///< origin_points_code_field
};

/// A nearest batch.
struct NearestJob {
    StudyRequest study;      ///< sites and filters, roads, population, within_km, threads
    NearestOrigins origins;  ///< the origins (study.origins is not read)
    std::size_t k = 1;       ///< k: sites per origin, nearest first
    bool ranked = false;     ///< a rank column (k given)
    double max_km = 1e6;     ///< max_km: no site farther than this
    std::optional<GroupRule> group_by;  ///< group_by: per-group figures
    bool karney = false;                ///< karney: every distance by PROJ's Karney inverse
    TableOutput output;                 ///< the table; none: rows go to NearestHooks::row only
};

/// What run_nearest tells as it goes.
struct NearestHooks {
    WarningSink warn;
    /// Origins done, and the input's units (bytes, features) read of `total` (0: unknown).
    std::function<void(std::size_t origins, std::uint64_t read, std::uint64_t total)> progress;
    /// Each row of the table, in order, as written (null: none).
    std::function<void(const geodata::Row& row)> row;
};

/// What run_nearest read and found.
struct NearestOutcome {
    std::string origins_path;
    bool plain_csv = false;                   ///< origins read as a plain CSV of points
    LoadedSiteSet site_set;                   ///< path and counts (its sites are in `sites`)
    std::shared_ptr<const SiteIndex> sites;   ///< the sites searched
    std::optional<NearestFigures> figures;    ///< crow-fly figures
    std::shared_ptr<RoadStudy> roads;         ///< with roads: the labelled network
    std::optional<RoadFigures> road_figures;  ///< with roads: the road figures
    /// The groups' weights (null: none); the figures point into it.
    std::shared_ptr<const geodata::PopulationTable> population;
};

/// The table's columns for `job`: origin_code, origin_name, origin_lon, origin_lat, [rank,]
/// site_id, site_name, site_dep, distance_m, [road columns], [error with skip_bad].
std::vector<geodata::Column> nearest_columns(const NearestJob& job);

/// Whether the origins are read as a plain CSV of points (id,lon,lat); opens the file to see.
bool reads_plain_point_csv(const NearestOrigins& origins);

/// Reads the origins chunk by chunk, queries, writes the table (complete or absent) and
/// accumulates the figures. ArgumentError naming skip_bad for skip_bad on origins that are not
/// a plain CSV of points; InputError for bad data or no site to search.
NearestOutcome run_nearest(NearestJob job, const NearestHooks& hooks = {});

}  // namespace sitecover::report
