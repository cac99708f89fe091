#pragma once
/// @file
/// The report's model: the figures behind `sitecover report`'s GeoPackage, map and page (per
/// area, per origin, the sites inside the areas), computed once as plain values so that an
/// application can render its own. The rendering itself is in the `sitecover_report` target.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "sitecover/area.hpp"
#include "sitecover/coverage_index.hpp"
#include "sitecover/lon_lat.hpp"
#include "sitecover/nearest_by_road.hpp"
#include "sitecover/site.hpp"
#include "sitecover/site_index.hpp"
#include "sitecover/summary.hpp"

namespace sitecover {

/// One origin (commune) as given to build_report_data.
struct ReportOriginInput {
    std::string code;  ///< origin code (INSEE code for communes)
    std::string name;  ///< may be empty
    LonLat position;   ///< its point (WGS84)
    /// The origin's outline, or null (a point layer); must outlive the ReportData.
    const Area* polygon = nullptr;
    /// Inhabitants (see geodata::population_shares); empty: unknown.
    std::optional<double> population;
};

/// One area (canton) of the study.
struct ReportArea {
    std::size_t area = 0;            ///< index into CoverageIndex::areas()
    std::vector<std::size_t> sites;  ///< indices into ReportData::sites, by site id
    std::optional<double> margin_m;  ///< best site's distance to the boundary; empty: uncovered
    LonLat label_point;              ///< a point inside the area, for its label
    std::size_t origins = 0;         ///< origins whose point lies in the area
    std::optional<std::size_t> worst_distance_origin;  ///< index into ReportData::origins
    std::optional<std::size_t> worst_time_origin;      ///< with roads only
    /// Whether a site lies in the area.
    bool covered() const noexcept { return margin_m.has_value(); }
};

/// One origin and its nearest sites.
struct ReportOrigin {
    std::string code;  ///< as ReportOriginInput::code
    std::string name;  ///< as ReportOriginInput::name
    LonLat position;   ///< as ReportOriginInput::position
    /// The outline, when every origin has one (else null for all).
    const Area* polygon = nullptr;
    std::optional<std::size_t> area;       ///< first area holding the point (ReportData::area_rows)
    std::optional<std::size_t> site;       ///< nearest site as the crow flies (ReportData::sites)
    double distance_m = 0.0;               ///< geodesic distance to `site`
    std::optional<std::size_t> road_site;  ///< nearest site by road, when reachable
    double road_distance_m = 0.0;          ///< road distance to `road_site`
    double travel_time_s = 0.0;            ///< travel time to `road_site`
    RoadNearest road;                      ///< the whole road answer (with roads)
    std::optional<double> population;      ///< inhabitants, as given
    /// The 2SFCA access index (sites per 10,000 inhabitants, accessibility.hpp) within the
    /// report's threshold (within_s by road, else within_m crow-fly), 1 per site; empty when
    /// not computed (build_report_data leaves it; the report job fills it).
    std::optional<double> access_index;
};

/// The thresholds of the report's figures.
struct ReportRequest {
    double within_m = 19000.0;  ///< distance threshold of the figures, metres (>= 0)
    double within_s = 1800.0;   ///< travel-time threshold of the figures, seconds (>= 0)
    double fragile_m =
        500.0;             ///< covered areas whose best site is closer to the boundary are fragile
    unsigned threads = 0;  ///< for the road batch (0: all hardware threads); no effect on results
};

/// Everything the report's documents show, as plain values.
struct ReportData {
    const CoverageIndex* areas = nullptr;      ///< the areas (outlives the data)
    const std::vector<Site>* sites = nullptr;  ///< the sites (outlives the data)
    std::vector<ReportArea> area_rows;         ///< one per area, in area order
    std::vector<ReportOrigin> origins;         ///< in input order
    /// Sites inside at least one area (indices into *sites, by site id)...
    std::vector<std::size_t> sites_inside;
    /// ... and the first area holding each (index into area_rows).
    std::vector<std::size_t> area_of_site_inside;
    bool with_roads = false;    ///< road answers present
    double within_m = 19000.0;  ///< ReportRequest::within_m
    double within_s = 1800.0;   ///< ReportRequest::within_s
    double fragile_m = 500.0;   ///< ReportRequest::fragile_m
    /// How evenly ReportOrigin::access_index is spread over the population: the weighted Gini
    /// and the Palma ratio (equity.hpp); empty when the index is not computed or they are
    /// undefined.
    std::optional<double> access_gini;
    std::optional<double> access_palma;  ///< see access_gini

    /// Areas holding a site.
    std::size_t covered_count() const;
    /// The value the shading uses for an origin: travel time in seconds with roads, else the
    /// crow-fly distance in metres; empty when the origin has no answer.
    std::optional<double> shade_value(const ReportOrigin& origin) const;
    /// Areas covered but by a site closer than fragile_m to their boundary.
    std::size_t fragile_count() const;
    /// Whether `area` is covered with a margin below fragile_m.
    bool fragile(const ReportArea& area) const;
    /// Max / mean / median crow-fly distance over the origins with a site (metres).
    Summary crow_fly_summary() const;
};

/// Builds the report's data: coverage of every area (Boundary::Included) with its margin, the
/// sites inside the areas, each origin's nearest site as the crow flies and, when `roads` is
/// given (built on the same sites as `sites`), by road, the worst origin of each area.
/// Throws ArgumentError when ReportRequest's thresholds are negative or NaN (naming the field).
ReportData build_report_data(const CoverageIndex& areas, const SiteIndex& sites,
                             const std::vector<ReportOriginInput>& origins,
                             const NearestByRoad* roads, const ReportRequest& request);

}  // namespace sitecover
