#pragma once
// What the report's map shows around the study area: the neighbouring départements (context)
// and the main roads (map_roads), asked for by a door, resolved against the data directory,
// then read.

#include <optional>
#include <string>

#include "sitecover/geodata/layer_source.hpp"
#include "sitecover/report/map_scene.hpp"
#include "sitecover/report/report_model.hpp"
#include "sitecover/report/study_request.hpp"

namespace sitecover::report {

/// The map's surroundings as a door asks for them. "none" (or "") for either: nothing drawn.
struct MapContextRequest {
    /// context: polygons dissolved by the first 2 characters of their code and drawn in grey.
    /// Not set: the data directory's national cantons (the neighbouring départements) when
    /// present.
    std::optional<std::string> context;
    /// map_roads: roads drawn (classes motorway, trunk, primary). Not set: the routed network
    /// (StudyRequest::roads, with its layer, filter, CRS and class field), else the data
    /// directory's main roads when present.
    std::optional<std::string> map_roads;
};

/// The files the map's context is read from.
struct MapContextSources {
    std::string neighbours_path;                ///< "" : none
    std::optional<geodata::LayerSource> roads;  ///< none: no road drawn
    std::string road_class_field;               ///< class, or highway for OpenStreetMap
};

/// Resolves a request: `routed` is the study's network (may be absent); the data directory is
/// looked for (find_data_dir(data_dir, hint)) only for a default. Opens no other file; a
/// default file missing from the data directory is left out.
MapContextSources resolve_map_context(const MapContextRequest& request,
                                      const std::optional<RoadRequest>& routed,
                                      const std::string& data_dir, const std::string& hint = "");

/// The context of the map of `model`. A file that cannot be read is an InputError.
MapContext load_map_context(const MapContextSources& sources, const ReportModel& model);

}  // namespace sitecover::report
