#include "roads_binding.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "arrays.hpp"
#include "errors.hpp"
#include "request_keywords.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/road_loader.hpp"
#include "sitecover/geodata/speed_profile.hpp"
#include "sitecover/nearest_by_road.hpp"
#include "sitecover/site_index.hpp"

namespace sitecover::python {
namespace py = pybind11;

namespace {

std::shared_ptr<Network> network_from_file(const std::string& path, const std::string& layer,
                                           const std::string& where, const std::string& crs,
                                           const std::string& class_field,
                                           const std::string& speed_field,
                                           const std::string& speeds, const std::string& profile) {
    no_nul({{"path", &path},
            {"layer", &layer},
            {"where", &where},
            {"crs", &crs},
            {"profile", &profile}});
    geodata::RoadLoadOptions load;
    load.class_field = class_field;
    load.speed_field = speed_field;
    if (!profile.empty()) geodata::apply_profile_file(load.profile, profile);
    if (!speeds.empty()) geodata::apply_speeds(load.profile, speeds);
    auto network = std::make_shared<Network>();
    {
        const py::gil_scoped_release unlocked;
        geodata::LoadedRoads loaded = geodata::load_roads({path, layer, where, crs}, load);
        network->warnings = std::move(loaded.warnings);
        network->graph = std::make_unique<RoadGraph>(loaded.network);
        network->snapper = std::make_unique<RoadSnapper>(*network->graph);
    }
    for (const Message& w : network->warnings) warn(w);
    return network;
}

RoadMetric metric_of(const std::string& by) {
    if (by == "time") return RoadMetric::Time;
    if (by == "distance") return RoadMetric::Distance;
    throw ArgumentError(Message().field("by").text(": '" + by + "' is not 'time' or 'distance'"));
}

}  // namespace

NearestByRoadOptions road_options(const std::string& by, double access_speed_kmh,
                                  double max_snap_m) {
    NearestByRoadOptions options;
    options.query.metric = metric_of(by);
    options.query.access_speed_kmh = access_speed_kmh;
    options.max_snap_m = max_snap_m;
    return options;
}

namespace {

// (site, distance_m, time_s, snap_m): -1 / NaN where a point is off the network or reaches no
// site; snap_m is set for every snapped point.
py::tuple nearest_sites(const Network& network, const SiteIndex& sites, const DoubleArray& lon_deg,
                        const DoubleArray& lat_deg, const std::string& by, double access_speed_kmh,
                        double max_snap_m, unsigned threads) {
    const NearestByRoadOptions options = road_options(by, access_speed_kmh, max_snap_m);
    const std::vector<LonLat> points = positions(lon_deg, lat_deg);
    std::vector<RoadNearest> answers;
    {
        const py::gil_scoped_release unlocked;
        const NearestByRoad road(*network.graph, *network.snapper, sites.sites(), options);
        answers = road.nearest_batch(points, threads);
    }
    const auto n = static_cast<py::ssize_t>(points.size());
    constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
    py::array_t<std::int64_t> site(n);
    py::array_t<double> distance_m(n), time_s(n), snap_m(n);
    auto site_out = site.mutable_unchecked<1>();
    auto distance_out = distance_m.mutable_unchecked<1>();
    auto time_out = time_s.mutable_unchecked<1>();
    auto snap_out = snap_m.mutable_unchecked<1>();
    for (py::ssize_t i = 0; i < n; ++i) {
        const RoadNearest& a = answers[i];
        site_out(i) = a.reached() ? static_cast<std::int64_t>(a.result.site) : -1;
        distance_out(i) = a.reached() ? a.result.distance_m : kNone;
        time_out(i) = a.reached() ? a.result.time_s : kNone;
        snap_out(i) = a.snapped ? a.snap_m : kNone;
    }
    return py::make_tuple(site, distance_m, time_s, snap_m);
}

}  // namespace

void bind_roads(py::module_& module) {
    py::class_<Network, std::shared_ptr<Network>>(module, "RoadNetwork", R"doc(
A road network: nodes where lines share a vertex, straight edges priced by length (Karney) and
by time at the class speed. Loaded from any GDAL line layer or an OpenStreetMap file.
)doc")
        .def_static("from_file", &network_from_file, py::arg("path"), py::arg("layer") = "",
                    py::arg("where") = "", py::arg("crs") = "", py::arg("class_field") = "",
                    py::arg("speed_field") = "", py::arg("speeds") = "", py::arg("profile") = "",
                    "Loads a road network as `sitecover nearest --roads` does: `speeds` "
                    "overrides class speeds ('motorway=110,trunk=80'), `profile` names a speed "
                    "profile file. Warnings (skipped features...) are UserWarnings; OSError "
                    "(sitecover.InputError) on bad data.")
        .def("__repr__",
             [](const Network& n) {
                 return "<sitecover.RoadNetwork: " + std::to_string(n.graph->node_count()) +
                        " nodes, " + std::to_string(n.graph->edge_count()) + " edges>";
             })
        .def_property_readonly("node_count", [](const Network& n) { return n.graph->node_count(); })
        .def_property_readonly("edge_count", [](const Network& n) { return n.graph->edge_count(); })
        .def("nearest_sites", &nearest_sites, py::arg("sites"), py::arg("lon"), py::arg("lat"),
             py::arg("by") = "time", py::arg("access_speed_kmh") = 30.0,
             py::arg("max_snap_m") = 5000.0, py::arg("threads") = 0u,
             "Nearest site by road of each point, ranked by travel time or road distance "
             "(`by`): (site, distance_m, time_s, snap_m) arrays, site -1 and NaN where a point "
             "lies beyond max_snap_m of a road or reaches no site. Sites beyond max_snap_m take "
             "no part. Access legs between a point and its road go at access_speed_kmh. Same "
             "answers as `sitecover nearest --roads`.");
}

}  // namespace sitecover::python
