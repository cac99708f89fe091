#pragma once
// The figures of `sitecover report`, computed once and read by each of its outputs (the
// GeoPackage, the map, the HTML page): plain values, no I/O.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sitecover/report/report_lang.hpp"
#include "sitecover/report/report_parameters.hpp"
#include "sitecover/report_data.hpp"

namespace sitecover::report {

/// A class of the shading (communes coloured by distance or time): [lower, upper).
struct ShadeClass {
    double lower = 0.0;
    double upper = 0.0;     ///< +infinity for the last class
    std::string label;      ///< "0 - 5 min", "> 30 min"
    std::uint32_t rgb = 0;  ///< 0xRRGGBB
};

/// The identity block of the map and the page (a préfecture's logo and footer line).
struct MapBlock {
    std::string footer;  ///< one line at the foot of the map and the page; empty: none
    std::string logo;    ///< the logo file's bytes (PNG or SVG); empty: none

    /// The logo is SVG (else PNG): from its first bytes.
    bool logo_is_svg() const { return !logo.empty() && logo.rfind("\x89PNG", 0) != 0; }
};

/// Everything the report's documents show: the library's ReportData (per area, per origin,
/// sites inside; see sitecover/report_data.hpp) plus what the documents add to it (title,
/// shading classes, language, parameters, credits).
struct ReportModel : ReportData {
    std::string place;                      ///< "Gers (32)"
    std::vector<ShadeClass> shade_classes;  ///< by time (minutes) with roads, else by distance (km)
    std::vector<std::string> sources;       ///< producers of the data, for the credits
    std::string noun = "cantons";           ///< what the areas are called
    Lang lang = Lang::En;                   ///< the documents' language
    ReportParameters parameters;  ///< what the report was computed from, shown by each document
    MapBlock block;               ///< logo and footer

    /// Index into shade_classes of a shade value (seconds or metres).
    std::size_t shade_class_of(double value) const;
    /// "Gers (32): 27 France Services as of 1 August 2024" in `lang` (the date: the filter's
    /// as-of date, else the site list's date; left out when unknown).
    std::string headline(Lang lang) const;
    /// "17/17 cantons covered" in `lang`.
    std::string coverage_line(Lang lang) const;
    /// headline, coverage_line: "Gers (32): 27 France Services as of 1 August 2024, 17/17
    /// cantons covered".
    std::string title(Lang lang) const;
    /// title() in the model's language.
    std::string title() const { return title(lang); }
};

/// The classes: 0-5-10-15-20-30 min and beyond by time; 0-4-8-12-16-19 km and beyond by
/// distance (19 km: the préfecture map's scale bar). Colours: a yellow-to-red ramp.
std::vector<ShadeClass> default_shade_classes(bool by_time, Lang lang = Lang::En);

}  // namespace sitecover::report
