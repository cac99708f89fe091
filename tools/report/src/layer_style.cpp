#include "sitecover/report/layer_style.hpp"

#include <utility>
#include <vector>

#include "sitecover/report/qgis_style.hpp"
#include "sitecover/report/report_model.hpp"
#include "sitecover/report/report_text.hpp"

namespace sitecover::report {
namespace {

using geodata::GeometryKind;
using geodata::LayerStyle;

constexpr std::pair<LayerKind, const char*> kKindNames[] = {
    {LayerKind::Coverage, "coverage"},
    {LayerKind::Distance, "distance"},
    {LayerKind::TravelTime, "travel-time"},
    {LayerKind::PlanSites, "plan-sites"},
    {LayerKind::Sites, "sites"},
    {LayerKind::Links, "links"},
};

// Fields whose alias means the same in every layer that has them (the report's layers, the
// CLI's coverage and nearest tables, a plan's origins).
const char* const kSharedFields[] = {"id",
                                     "name",
                                     "type",
                                     "labelled_on",
                                     "department",
                                     "area_code",
                                     "area_name",
                                     "code",
                                     "site_count",
                                     "site_ids",
                                     "covered",
                                     "margin_m",
                                     "origin_count",
                                     "worst_distance_m",
                                     "worst_distance_origin",
                                     "worst_time_s",
                                     "worst_time_origin",
                                     "origin_lon",
                                     "origin_lat",
                                     "site_id",
                                     "site_name",
                                     "distance_m",
                                     "road_site_id",
                                     "road_site_name",
                                     "road_distance_m",
                                     "travel_time_s",
                                     "population",
                                     "origin_code",
                                     "origin_name",
                                     "by",
                                     "site_dep",
                                     "rank",
                                     "snap_m",
                                     "reachable",
                                     "site_before",
                                     "site_after",
                                     "distance_before_m",
                                     "distance_after_m",
                                     "travel_time_before_s",
                                     "travel_time_after_s"};
// A plan's sites: site_id and site_name are the site's own, not a nearest site.
const char* const kPlanSiteFields[] = {"change", "communes", "population"};

template <std::size_t N>
LayerStyle localize(LayerStyle style, Lang lang, const char* const (&fields)[N]) {
    std::vector<std::pair<std::string, std::string>> aliases;
    for (const char* field : fields) aliases.emplace_back(field, field_alias(field, lang));
    style.qml = qgis::with_aliases(style.qml, aliases);
    return style;
}

// The classes of default_shade_classes in the field's unit (metres or seconds).
std::vector<qgis::Range> shade_ranges(bool by_time, Lang lang) {
    const double unit = by_time ? 60.0 : 1000.0;  // class bounds are min or km
    std::vector<qgis::Range> ranges;
    for (const ShadeClass& c : default_shade_classes(by_time, lang)) {
        const double upper = c.upper * unit;
        ranges.push_back({c.lower * unit, upper > 1e12 ? 1e12 : upper, c.label, c.rgb});
    }
    return ranges;
}

std::string or_default(const std::string& field, const char* fallback) {
    return field.empty() ? fallback : field;
}

// The style of each kind in `lang`: legend words, style name and description from the language
// tables (localize adds the field aliases).
LayerStyle base_style(LayerKind kind, Lang lang, GeometryKind geometry, const StyleFields& f) {
    const ReportText& t = report_text(lang);
    const bool points = geometry != GeometryKind::MultiPolygon;
    switch (kind) {
        case LayerKind::Coverage:
            return {t.s_coverage,
                    qgis::coverage_outline_style(or_default(f.value, "covered"),
                                                 or_default(f.label, "area_name"),
                                                 {t.l_covered, t.l_uncovered}),
                    "", t.d_coverage};
        case LayerKind::Distance:
            return {t.s_distance,
                    qgis::graduated_style(or_default(f.value, "distance_m"),
                                          shade_ranges(false, lang), points),
                    "", t.d_distance};
        case LayerKind::TravelTime:
            return {t.s_travel_time,
                    qgis::graduated_style(or_default(f.value, "travel_time_s"),
                                          shade_ranges(true, lang), points),
                    "", t.d_travel_time};
        case LayerKind::PlanSites:
            return {t.s_plan_sites,
                    qgis::site_change_style(or_default(f.value, "change"),
                                            or_default(f.label, "site_name"),
                                            {t.l_suggested, t.l_added, t.l_removed}),
                    "", t.d_plan_sites};
        case LayerKind::Sites:
            return {t.s_sites,
                    qgis::site_type_style(or_default(f.value, "type"),
                                          {t.l_principal, t.l_antenne, t.site_new, t.l_other}),
                    "", t.d_sites};
        case LayerKind::Links:
            break;
    }
    return {t.s_links, qgis::link_style(), "", t.d_links};
}

}  // namespace

const char* layer_kind_name(LayerKind kind) {
    for (const auto& [k, name] : kKindNames) {
        if (k == kind) return name;
    }
    return "";
}

std::optional<LayerKind> parse_layer_kind(const std::string& text) {
    for (const auto& [kind, name] : kKindNames) {
        if (text == name) return kind;
    }
    return std::nullopt;
}

LayerStyle layer_style(LayerKind kind, Lang lang, GeometryKind geometry,
                       const StyleFields& fields) {
    LayerStyle style = base_style(kind, lang, geometry, fields);
    return kind == LayerKind::PlanSites ? localize(std::move(style), lang, kPlanSiteFields)
                                        : localize(std::move(style), lang, kSharedFields);
}

int stack_rank(LayerKind kind, GeometryKind geometry) {
    switch (kind) {
        case LayerKind::Coverage:
            return 1;
        case LayerKind::Distance:
        case LayerKind::TravelTime:
            return geometry == GeometryKind::MultiPolygon ? 0 : 3;
        case LayerKind::Links:
            return 2;
        case LayerKind::PlanSites:
        case LayerKind::Sites:
            break;
    }
    return 4;
}

std::string write_layer_style(const std::string& path, const std::string& layer, LayerKind kind,
                              Lang lang, const StyleFields& fields) {
    const geodata::GeoPackageLayer found = geodata::find_geopackage_layer(path, layer);
    geodata::store_layer_style(path, found.name, layer_style(kind, lang, found.geometry, fields));
    return found.name;
}

LayerStyle localized_style(LayerStyle style, Lang lang) {
    return localize(std::move(style), lang, kSharedFields);
}

void style_table(geodata::TableWriter& writer, LayerKind kind, Lang lang,
                 geodata::GeometryKind geometry, const StyleFields& fields) {
    if (!writer.keeps_style()) return;
    writer.set_style(layer_style(kind, lang, geometry, fields));
}

}  // namespace sitecover::report
