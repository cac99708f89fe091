#pragma once
// What a report was computed from (inputs, filters, thresholds, run date, version): filled once
// by `sitecover report` and shown by each of its documents, so that a map or a page that leaves
// the office still says what it shows.

#include <string>
#include <utility>
#include <vector>

#include "sitecover/report/report_lang.hpp"

namespace sitecover::report {

struct ReportParameters {
    std::string sites_file;   ///< the site list read (file name)
    std::string sites_date;   ///< the list's date (ISO), from its name or else its file date
    std::string as_of;        ///< as_of (ISO), empty when not given
    std::string site_types;   ///< site_types, comma-separated; empty: all
    std::string sites_where;  ///< sites_where
    std::string areas_file, areas_where;
    std::string origins_file, from_where;
    std::string population_file;  ///< empty: no population
    std::string scenario_file;    ///< scenario
    double within_km = 19.0;
    double within_min = 30.0;
    double fragile_m = 500.0;
    bool with_roads = false;
    std::string roads_file, roads_where;
    std::string road_profile;  ///< profile file and/or speeds list; empty: the default speeds
    std::string road_by;       ///< "time" or "distance"
    /// The speed of each road class (km/h), as the routed network used them (profile and
    /// speeds applied), in class order.
    std::vector<std::pair<std::string, double>> speeds_kmh;
    std::string speed_field;         ///< a per-road speed field, read before the class speed
    double access_speed_kmh = 30.0;  ///< the straight leg from a point to its road
    double max_snap_m = 5000.0;      ///< beyond it a point is off the network
    bool boundary_included = true;   ///< a site on an area's boundary counts for both sides
    bool origin_centroid = false;    ///< each commune's point: its centroid (else inside it)
    std::string run_date;            ///< ISO
    std::string version;             ///< sitecover's version

    /// The date the sites are counted at: as_of, else the list's date (may be empty).
    const std::string& sites_counted_on() const { return as_of.empty() ? sites_date : as_of; }
};

/// One parameter as the documents show it: a stable key (for the GeoPackage's `run` table),
/// its label and value in the document's language, and the raw value (ISO dates, plain
/// numbers, paths).
struct ParameterRow {
    std::string key;
    std::string label;
    std::string text;
    std::string value;
};

/// The rows in display order. Filters and files not given are left out, except the site
/// filters (as_of, site_types, sites_where), always stated.
std::vector<ParameterRow> parameter_rows(const ReportParameters& parameters, Lang lang);

/// An ISO date in a file name ("france-services-2024-08-01.csv" -> "2024-08-01"), else the
/// file's modification date (UTC), else "".
std::string file_date(const std::string& path);

/// Today (UTC) as YYYY-MM-DD, or the day of $SOURCE_DATE_EPOCH when set, so that a rebuild of
/// the same documents can be byte-identical.
std::string run_date();

}  // namespace sitecover::report
