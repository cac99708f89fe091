#pragma once
// sitecover.RoadNetwork: a road network loaded through GDAL, and nearest site by road.

#include <pybind11/pybind11.h>

#include <memory>
#include <string>
#include <vector>

#include "sitecover/message.hpp"
#include "sitecover/nearest_by_road.hpp"
#include "sitecover/road_graph.hpp"
#include "sitecover/road_snapper.hpp"

namespace sitecover::python {

/// The network and its segment index, kept together: the snapper refers to the graph.
struct Network {
    std::unique_ptr<RoadGraph> graph;
    std::unique_ptr<RoadSnapper> snapper;
    std::vector<Message> warnings;  // may name request fields (errors.hpp: warn)
};

/// The road options of a query: `by` is "time" or "distance" (ValueError otherwise).
NearestByRoadOptions road_options(const std::string& by, double access_speed_kmh,
                                  double max_snap_m);

/// Adds the RoadNetwork class to `module`.
void bind_roads(pybind11::module_& module);

}  // namespace sitecover::python
