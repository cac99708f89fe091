#include "sitecover/report/report_run_layer.hpp"

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

}  // namespace sitecover::report
