#pragma once
// Every word the planner's documents show (map, HTML page, GeoPackage aliases and legends), in
// one table per language. Patterns hold numbered slots "{1}", "{2}" filled by fill().

#include <string>
#include <vector>

#include "sitecover/report/report_lang.hpp"

namespace sitecover::report {

struct ReportText {
    const char* html_lang;
    // Titles.
    const char* title_as_of;    ///< {1} place, {2} count, {3} date
    const char* title;          ///< {1} place, {2} count
    const char* covered_count;  ///< {1} covered, {2} total, {3} noun
    const char* subtitle_road;
    const char* subtitle_crow;
    // Map legend.
    const char* legend_road;
    const char* legend_crow;
    const char* site_principal;
    const char* site_antenne;
    const char* site_outside;
    const char* site_new;
    const char* commune_with_site;
    const char* area_outline;
    const char* area_uncovered;
    const char* motorway;
    const char* main_road;
    const char* neighbour;
    const char* scale;            ///< {1} denominator
    const char* projection_note;  ///< {1} CRS, {2} version
    const char* map_heading_sites;
    const char* map_heading_context;
    // Shade classes.
    const char* class_range;   ///< {1} lower, {2} upper, {3} unit
    const char* class_beyond;  ///< {1} lower, {2} unit
    // Sources.
    const char* source_default;  ///< {1} date of the site list
    const char* source_roads_default;
    // Parameters.
    const char* parameters;
    const char* p_sites;
    const char* p_sites_date;
    const char* p_as_of;
    const char* p_site_types;
    const char* p_sites_where;
    const char* p_areas;
    const char* p_areas_where;
    const char* p_origins;
    const char* p_from_where;
    const char* p_population;
    const char* p_scenario;
    const char* p_within_km;
    const char* p_within_min;
    const char* p_fragile_m;
    const char* p_roads;
    const char* p_roads_where;
    const char* p_profile;
    const char* p_by;
    const char* p_run_date;
    const char* p_version;
    const char* v_all;
    const char* v_none;
    const char* v_all_dates;
    const char* v_crow_fly;
    const char* v_default_speeds;
    // HTML page.
    const char* intro_road;  ///< {1} communes
    const char* intro_crow;  ///< {1} communes
    const char* f_covered;   ///< {1} noun
    const char* f_inside;
    const char* f_communes;
    const char* f_farthest;
    const char* f_mean_distance;
    const char* f_within;  ///< {1} threshold
    const char* f_longest_trip;
    const char* f_mean_time;
    const char* f_population_within;  ///< {1} inhabitants, {2} threshold
    const char* f_inhabitants;
    const char* f_fragile;  ///< {1} noun, {2} margin
    const char* h_map;
    const char* h_hist_road;
    const char* h_hist_crow;
    const char* no_answer;
    const char* t_code;
    const char* t_name;
    const char* t_sites;
    const char* t_site_ids;
    const char* t_covered;
    const char* t_margin;
    const char* t_communes;
    const char* t_farthest;
    const char* t_longest_trip;
    const char* yes;
    const char* no;
    const char* fragile;
    const char* h_farthest;  ///< {1} count
    const char* t_commune;
    const char* t_nearest_site;
    const char* t_distance;
    const char* t_nearest_road;
    const char* t_by_road;
    const char* t_time;
    const char* none;
    const char* unreachable;
    const char* h_sources;
    const char* method_note;  ///< {1} CRS, {2} version
    // GeoPackage legends.
    const char* l_covered;
    const char* l_uncovered;
    const char* l_principal;
    const char* l_antenne;
    const char* l_other;
    const char* l_suggested;  ///< a plan's sites
    const char* l_added;
    const char* l_removed;
};

/// The table of a language.
const ReportText& report_text(Lang lang);

/// `pattern` with "{1}".."{9}" replaced by args[0]..args[8].
std::string fill(const std::string& pattern, const std::vector<std::string>& args);

/// The alias of a GeoPackage field of the report in `lang` ("distance_m" -> "Distance (m)",
/// "Distance (m)"); empty when the field has none.
std::string field_alias(const std::string& field, Lang lang);

}  // namespace sitecover::report
