#include "sitecover/report/report_run_layer.hpp"

#include "sitecover/report/qgis_style.hpp"
#include "sitecover/report/report_text.hpp"

namespace sitecover::report {

void add_run_layer(geodata::GeoPackageWriter& gpkg, const ReportModel& model) {
    using geodata::FieldType;
    const std::size_t layer = gpkg.add_layer("run", geodata::GeometryKind::None,
                                             {{"key", FieldType::String},
                                              {"label", FieldType::String},
                                              {"text", FieldType::String},
                                              {"value", FieldType::String}});
    for (const ParameterRow& p : parameter_rows(model.parameters, model.lang)) {
        geodata::Row row;
        row.values = {p.key, p.label, p.text, p.value};
        gpkg.add_row(layer, row);
    }
}

geodata::LayerStyle localized_style(geodata::LayerStyle style, Lang lang) {
    static const char* const kFields[] = {"id",
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
                                          "by"};
    std::vector<std::pair<std::string, std::string>> aliases;
    for (const char* field : kFields) aliases.emplace_back(field, field_alias(field, lang));
    const ReportText& en = report_text(Lang::En);
    const ReportText& t = report_text(lang);
    style.qml = qgis::with_aliases(style.qml, aliases);
    if (lang != Lang::En) {
        style.qml = qgis::with_labels(style.qml, {{en.l_covered, t.l_covered},
                                                  {en.l_uncovered, t.l_uncovered},
                                                  {en.l_principal, t.l_principal},
                                                  {en.l_antenne, t.l_antenne},
                                                  {en.l_other, t.l_other}});
    }
    return style;
}

}  // namespace sitecover::report
