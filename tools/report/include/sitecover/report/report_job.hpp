#pragma once
// The report job: one request in, the documents out. `sitecover report`, sitecover.report() in
// Python and the QGIS "Planner report" algorithm fill a ReportJob and call run_report(), so that
// they write the same documents for the same request.

#include <optional>
#include <string>

#include "sitecover/report/map_context.hpp"
#include "sitecover/report/report_lang.hpp"
#include "sitecover/report/report_model.hpp"
#include "sitecover/report/report_writer.hpp"
#include "sitecover/report/road_figures.hpp"
#include "sitecover/report/study_inputs.hpp"
#include "sitecover/report/study_request.hpp"

namespace sitecover::report {

/// A report: what is studied, how the documents speak, and which documents to write.
struct ReportJob {
    StudyRequest study;
    MapContextRequest map;             ///< context, map_roads
    ReportOutputs outputs;             ///< output, map, html, sizes, page, overwrite, t_srs
    Lang lang = Lang::En;              ///< lang
    std::optional<std::string> place;  ///< place (title); not set: from the areas' codes
    std::string noun = "cantons";      ///< noun: what the areas are called
    std::string footer;                ///< footer: a line at the foot of the map and the page
    std::string logo;                  ///< logo: a PNG or SVG file placed top left of both
};

/// Checks what can be checked of `job` before any file is read: the texts (place, noun,
/// footer) are UTF-8, the map's extension is .png, .svg or .pdf, an SVG logo goes with an SVG
/// map or none. Throws RequestFieldError naming the field ("place", "noun", "footer", "map",
/// "logo"). run_report calls it first; the doors may call it earlier.
void check_report_job(const ReportJob& job);

/// The logo file's bytes; InputError naming the file when it cannot be read or is neither PNG
/// nor SVG.
std::string read_logo(const std::string& path);

/// The documents written when none is named: sitecover-report.gpkg, .png and .html in the
/// current directory. Leaves `outputs` as it is when any is named.
void default_report_outputs(ReportOutputs& outputs);

/// Fills what `job` leaves to the defaults, in one place for every door: the study's inputs
/// (resolve_defaults), the map's context and drawn roads (resolve_map_context). Idempotent.
/// InputError ending with `hint` when a default is needed and the data directory is missing.
void resolve_report_defaults(ReportJob& job, const std::string& hint = "");

/// What run_report read, computed and wrote.
struct ReportOutcome {
    StudyInputs inputs;             ///< the study's inputs as read
    DefaultsUsed defaults;          ///< which inputs came from the data directory
    ReportModel model;              ///< the figures every document shows
    MapContextSources context;      ///< what the map drew around the areas
    std::size_t context_roads = 0;  ///< road lines drawn
    ReportWritten written;          ///< the map's layout, when a map was drawn
    /// With roads: the road figures of the origins (within thresholds, circuity, population
    /// within the travel time), computed once for every door.
    std::optional<RoadFigures> road_figures;
    StagedReport staged;  ///< the published documents' paths (StagedFile::target)
};

/// Resolves the defaults, stages the outputs (OutputError first, before any input is read),
/// reads the inputs, builds the model, draws the context, writes and publishes every document
/// or none. Warnings go to `warn`. Throws InputError, OutputError or ArgumentError (and
/// UnknownSiteTypeError for a site type no site has). Safe to call from several threads at
/// once for different outputs (the maps are drawn one at a time, see write_report).
ReportOutcome run_report(ReportJob job, const WarningSink& warn = {});

/// The place named in the title: `place` when set, "Gers (32)" on the default areas, else
/// "Département NN" when every area code starts with NN, else "Study area" ("Zone d'étude").
std::string default_place(const std::optional<std::string>& place, bool default_areas,
                          const std::vector<Area>& areas, Lang lang = Lang::En);

/// What the report was computed from, as its documents state it.
ReportParameters stated_parameters(const ReportJob& job, const StudyInputs& inputs);

}  // namespace sitecover::report
