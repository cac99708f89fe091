#pragma once
// The figures of `sitecover report`, computed once and read by each of its outputs (the
// GeoPackage, the map, the HTML page): plain values, no I/O.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "report_lang.hpp"
#include "report_parameters.hpp"
#include "sitecover/area.hpp"
#include "sitecover/coverage_index.hpp"
#include "sitecover/lon_lat.hpp"
#include "sitecover/site.hpp"

namespace sitecover::cli {

/// One area (canton) of the study.
struct ReportArea {
    std::size_t area = 0;            ///< index into ReportModel::areas->areas()
    std::vector<std::size_t> sites;  ///< indices into ReportModel::sites, by site id
    std::optional<double> margin_m;  ///< best site's distance to the boundary; empty: uncovered
    LonLat label_point;              ///< a point inside the area, for its label
    std::size_t origins = 0;         ///< origins (communes) whose point lies in the area
    std::optional<std::size_t> worst_distance_origin;  ///< index into ReportModel::origins
    std::optional<std::size_t> worst_time_origin;      ///< with roads only
    bool covered() const noexcept { return margin_m.has_value(); }
};

/// One origin (commune) and its nearest sites.
struct ReportOrigin {
    std::string code, name;
    LonLat position;
    const Area* polygon = nullptr;         ///< the commune's outline when the origins are polygons
    std::optional<std::size_t> area;       ///< index into ReportModel::area_rows
    std::optional<std::size_t> site;       ///< nearest site as the crow flies (ReportModel::sites)
    double distance_m = 0.0;               ///< geodesic distance to `site`
    std::optional<std::size_t> road_site;  ///< nearest site by road, when reachable
    double road_distance_m = 0.0;
    double travel_time_s = 0.0;
    std::optional<double>
        population;  ///< inhabitants (shared when merged communes are several origins)
};

/// A class of the shading (communes coloured by distance or time): [lower, upper).
struct ShadeClass {
    double lower = 0.0;
    double upper = 0.0;     ///< +infinity for the last class
    std::string label;      ///< "0 - 5 min", "> 30 min"
    std::uint32_t rgb = 0;  ///< 0xRRGGBB
};

/// Everything the report outputs show.
struct ReportModel {
    std::string place;  ///< "Gers (32)"
    const CoverageIndex* areas = nullptr;
    const std::vector<Site>* sites = nullptr;
    std::vector<ReportArea> area_rows;  ///< one per area, in area order
    std::vector<ReportOrigin> origins;  ///< in input order
    /// Sites inside at least one area (indices into *sites, by site id) and the first area
    /// holding each (index into area_rows).
    std::vector<std::size_t> sites_inside;
    std::vector<std::size_t> area_of_site_inside;
    bool with_roads = false;
    std::vector<ShadeClass> shade_classes;  ///< by time (minutes) with roads, else by distance (km)
    std::vector<std::string> sources;       ///< input files, for the map's and page's credits
    std::string noun = "cantons";
    double within_m = 19000.0;    ///< the distance threshold of the figures (--within-km)
    double within_s = 1800.0;     ///< the travel-time threshold of the figures (--within-min)
    double fragile_m = 500.0;     ///< areas whose best site is closer to the boundary are fragile
    Lang lang = Lang::En;         ///< the documents' language (--lang)
    ReportParameters parameters;  ///< what the report was computed from, shown by each document

    std::size_t covered_count() const;
    /// The value the shading uses for an origin: travel time in seconds with roads, else the
    /// crow-fly distance in metres; empty when the origin has no answer.
    std::optional<double> shade_value(const ReportOrigin& origin) const;
    /// Index into shade_classes of a shade value (seconds or metres).
    std::size_t shade_class_of(double value) const;
    /// Areas covered but by a site closer than fragile_m to their boundary.
    std::size_t fragile_count() const;
    bool fragile(const ReportArea& area) const;
    /// "Gers (32): 27 France Services as of 1 August 2024" in `lang` (the date: --as-of, else
    /// the site list's date; left out when unknown).
    std::string headline(Lang lang) const;
    /// "17/17 cantons covered" in `lang`.
    std::string coverage_line(Lang lang) const;
    /// headline, coverage_line: "Gers (32): 27 France Services as of 1 August 2024, 17/17
    /// cantons covered".
    std::string title(Lang lang) const;
    std::string title() const { return title(lang); }
};

/// The classes: 0-5-10-15-20-30 min and beyond by time; 0-4-8-12-16-19 km and beyond by
/// distance (19 km: the préfecture map's scale bar). Colours: a yellow-to-red ramp.
std::vector<ShadeClass> default_shade_classes(bool by_time, Lang lang = Lang::En);

}  // namespace sitecover::cli
