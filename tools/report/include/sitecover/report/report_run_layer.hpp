#pragma once
// The report GeoPackage's words: the `run` table (the parameters, one key/value row each) and
// the layer styles in the report's language (field aliases, legend labels).

#include "sitecover/geodata/geopackage_writer.hpp"
#include "sitecover/report/report_model.hpp"

namespace sitecover::report {

/// Adds the table `run` (no geometry): key, label, text, value: one row per ParameterRow of
/// model.parameters in model.lang.
void add_run_layer(geodata::GeoPackageWriter& gpkg, const ReportModel& model);

/// `style` with the report's field aliases and legend labels in `lang`.
geodata::LayerStyle localized_style(geodata::LayerStyle style, Lang lang);

/// A GeoPackageWriter whose styles get the report's aliases and legend labels in one language
/// (localized_style), for the report's layers.
class LocalizedGeoPackage {
public:
    LocalizedGeoPackage(const std::string& path, const std::string& display_path, Lang lang,
                        const std::string& target_srs = "")
        : writer_(path, display_path, target_srs), lang_(lang) {}
    std::size_t add_layer(const std::string& name, geodata::GeometryKind geometry,
                          std::vector<geodata::Column> columns) {
        return writer_.add_layer(name, geometry, std::move(columns));
    }
    void add_row(std::size_t layer, const geodata::Row& row) { writer_.add_row(layer, row); }
    void set_style(std::size_t layer, geodata::LayerStyle style) {
        writer_.set_style(layer, localized_style(std::move(style), lang_));
    }
    void close() { writer_.close(); }
    geodata::GeoPackageWriter& writer() { return writer_; }

private:
    geodata::GeoPackageWriter writer_;
    Lang lang_;
};

}  // namespace sitecover::report
