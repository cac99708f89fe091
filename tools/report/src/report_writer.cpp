#include "sitecover/report/report_writer.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "sitecover/error.hpp"
#include "sitecover/report/html_report.hpp"
#include "sitecover/report/report_format.hpp"
#include "sitecover/report/report_geopackage.hpp"

namespace sitecover::report {
namespace {

constexpr int kHtmlMapWidth_px = 1200;
constexpr int kHtmlMapHeight_px = 900;

// An error message that names the output as given instead of its staged name.
std::string naming_target(std::string message, const geodata::StagedFile& staged) {
    const std::string& staged_name = staged.temporary();
    for (std::size_t at; (at = message.find(staged_name)) != std::string::npos;)
        message.replace(at, staged_name.size(), staged.target());
    return message;
}

}  // namespace

StagedReport stage_report_outputs(const ReportOutputs& outputs) {
    StagedReport t;
    t.outputs = outputs;
    if (!outputs.gpkg_path.empty()) {
        std::string ext = std::filesystem::path(outputs.gpkg_path).extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(),
                       [](unsigned char c) { return std::tolower(c); });
        if (ext != ".gpkg") {
            throw OutputError("output '" + outputs.gpkg_path +
                              "': the report is a GeoPackage: name it .gpkg");
        }
        t.gpkg.emplace(outputs.gpkg_path, outputs.overwrite);
    }
    if (!outputs.map_path.empty()) {
        const auto format = map_format_for_path(outputs.map_path);
        if (!format) {
            throw OutputError("map '" + outputs.map_path +
                              "': unknown format; use a .png, .svg or .pdf name");
        }
        t.map_format = *format;
        t.map.emplace(outputs.map_path, outputs.overwrite);
    }
    if (!outputs.html_path.empty()) t.html.emplace(outputs.html_path, outputs.overwrite);
    return t;
}

ReportWritten write_report(const ReportModel& model, const MapContext& context,
                           StagedReport& staged) {
    const ReportOutputs& o = staged.outputs;
    ReportWritten written;
    if (staged.gpkg)
        write_report_geopackage(model, staged.gpkg->temporary(), staged.gpkg->target(), o.t_srs);
    std::optional<MapScene> scene;
    if (staged.map || staged.html) scene = build_map_scene(model, context);
    if (staged.map) {
        try {
            written.layout = render_map_file(*scene, staged.map->temporary(), staged.map_format,
                                             o.map_width_px, o.map_height_px, o.render);
        } catch (const OutputError& e) {
            throw OutputError(naming_target(e.what(), *staged.map));
        }
    }
    if (staged.html) {
        write_text_file(
            staged.html->temporary(),
            html_report(model, render_map_png(*scene, kHtmlMapWidth_px, kHtmlMapHeight_px)),
            staged.html->target());
    }
    for (auto* file : {&staged.gpkg, &staged.map, &staged.html}) {
        if (*file) (*file)->commit();
    }
    return written;
}

ReportWritten write_report(const ReportModel& model, const MapContext& context,
                           const ReportOutputs& outputs) {
    StagedReport staged = stage_report_outputs(outputs);
    return write_report(model, context, staged);
}

}  // namespace sitecover::report
