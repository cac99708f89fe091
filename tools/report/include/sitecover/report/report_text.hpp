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
    const char* covered_count;  ///< {1} covered, {2} total, {3} noun, {4} covered_word()
    const char* label_value;    ///< {1} label, {2} value: "Label: value", "Libellé : valeur"
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
    const char* v_by_time;      ///< road_by "time"
    const char* v_by_distance;  ///< road_by "distance"
    const char* p_speeds;       ///< speeds by road class
    const char* p_access_speed;
    const char* p_max_snap;
    const char* p_boundary;
    const char* p_origin_rule;
    const char* v_boundary_included;
    const char* v_boundary_excluded;
    const char* v_point_on_surface;
    const char* v_centroid;
    const char* v_other_classes;  ///< the speed of the classes a profile does not name
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
    const char* f_access_gini;   ///< {1} threshold (the access index's catchment)
    const char* f_access_palma;  ///< {1} threshold
    const char* f_fragile;       ///< {1} noun, {2} margin, {3} fragile_word()
    const char* h_bar;           ///< a histogram bar: {1} class, {2} count, {3} what is counted
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
    const char* t_caption_areas;     ///< {1} noun
    const char* t_caption_farthest;  ///< {1} count
    const char* t_caption_parameters;
    const char* t_sort_hint;        ///< the title of a sortable column's head
    const char* default_area_name;  ///< the title's place when the areas name none
    const char* department;         ///< {1} code: "Département 32"
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
    // GeoPackage style names and descriptions (layer_styles), one pair per kind of layer.
    const char* s_coverage;
    const char* d_coverage;
    const char* s_distance;
    const char* d_distance;
    const char* s_travel_time;
    const char* d_travel_time;
    const char* s_plan_sites;
    const char* d_plan_sites;
    const char* s_sites;
    const char* d_sites;
    const char* s_links;
    const char* d_links;
    // Footer and logo of the map block.
    const char* logo_alt;
};

/// The table of a language.
const ReportText& report_text(Lang lang);

/// `pattern` with "{1}".."{9}" replaced by args[0]..args[8].
std::string fill(const std::string& pattern, const std::vector<std::string>& args);

/// The noun of the areas ("cantons") for `count` of them: English and French take the
/// singular for 0 and 1 in French, for 1 in English ("1 canton fragile", "0 canton fragile",
/// "0 fragile cantons"). The singular drops the final "s" of the first word ("zones d'emploi" ->
/// "zone d'emploi"); a word without one is kept.
std::string noun_for(const std::string& plural_noun, long long count, Lang lang);

/// "covered" agreeing with the noun and the count: "couvert", "couverts", "couverte",
/// "couvertes" in French (feminine: a first word ending in "e", "ion" or "té", except
/// a few masculine ones such as "territoire"); "covered" in English.
std::string covered_word(const std::string& plural_noun, long long count, Lang lang);

/// "fragile" agreeing with the count: "fragile", "fragiles" in French; "fragile" in English.
std::string fragile_word(long long count, Lang lang);

/// A road class of the speed profile in `lang` ("motorway" -> "autoroute"); a class it does not
/// know is returned as it is (the road file's own value).
std::string road_class_name(const std::string& road_class, Lang lang);

/// "Label: value" in English, "Libellé : valeur" (no-break space) in French.
std::string label_value(const std::string& label, const std::string& value, Lang lang);

/// The alias of a GeoPackage field of the report in `lang` ("distance_m" -> "Distance (m)",
/// "Distance (m)"); empty when the field has none.
std::string field_alias(const std::string& field, Lang lang);

}  // namespace sitecover::report
