#include "scenario_binding.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "arrays.hpp"
#include "coverage_binding.hpp"
#include "request_keywords.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/site_changes.hpp"

namespace sitecover::python {
namespace py = pybind11;

namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
constexpr double kMaxWeight = 1e15;  // an origin's weight: inhabitants (the world has 8e9)

std::shared_ptr<World> make_world(std::shared_ptr<CoverageIndex> areas, const DoubleArray& lon_deg,
                                  const DoubleArray& lat_deg, const py::object& weights,
                                  const py::object& codes, const py::object& names,
                                  std::shared_ptr<Network> roads, const std::string& by,
                                  double access_speed_kmh, double max_snap_m, unsigned threads) {
    if (!areas) {
        throw ArgumentError(Message().field("areas").text(": an Areas object is required"));
    }
    auto w = std::make_shared<World>();
    w->areas = std::move(areas);
    w->world.origins = positions(lon_deg, lat_deg);
    const std::size_t n = w->world.origins.size();
    w->world.weights.assign(n, 1.0);
    if (!weights.is_none()) {
        const auto given = py::cast<DoubleArray>(weights);
        if (given.ndim() != 1 || static_cast<std::size_t>(given.shape(0)) != n) {
            throw ArgumentError("weights must be a 1-D array of " + std::to_string(n) +
                                " values, one per origin");
        }
        for (std::size_t i = 0; i < n; ++i) {
            const double weight = given.at(i);
            // Finite, not negative, and small enough that no sum of weights times costs
            // overflows (1e308 made a NaN objective and an arbitrary answer).
            if (!(weight >= 0.0 && weight <= kMaxWeight)) {
                throw ArgumentError(Message().field("weights").text(
                                        "[" + std::to_string(i) +
                                        "]: " + py::str(py::float_(weight)).cast<std::string>() +
                                        " is not a weight from 0 to 1e15"),
                                    "weights");
            }
            w->world.weights[i] = weight;
        }
    }
    w->codes = codes.is_none() ? std::vector<std::string>(n) : strings(codes, n, "codes");
    w->names = names.is_none() ? std::vector<std::string>(n) : strings(names, n, "names");
    w->world.areas = w->areas.get();
    w->world.threads = threads;
    if (roads) {
        w->roads = std::move(roads);
        w->world.roads = ScenarioRoads{w->roads->graph.get(), w->roads->snapper.get(),
                                       road_options(by, access_speed_kmh, max_snap_m)};
    }
    return w;
}

std::shared_ptr<Outcome> evaluate(const World& w, std::shared_ptr<SiteIndex> sites) {
    auto out = std::make_shared<Outcome>();
    out->sites = std::move(sites);
    const py::gil_scoped_release unlocked;
    out->outcome = evaluate_scenario(w.world, out->sites->sites());
    return out;
}

// One per-origin column of an outcome: a site position (-1: none) or a value (NaN: none).
py::array_t<std::int64_t> site_column(const Outcome& o, bool by_road) {
    const auto& origins = o.outcome.origins;
    py::array_t<std::int64_t> out(static_cast<py::ssize_t>(origins.size()));
    auto values = out.mutable_unchecked<1>();
    for (std::size_t i = 0; i < origins.size(); ++i) {
        const auto& site = by_road ? origins[i].road_site : origins[i].site;
        values(i) = site ? static_cast<std::int64_t>(*site) : -1;
    }
    return out;
}

py::array_t<double> value_column(const Outcome& o, double OriginOutcome::*field, bool by_road) {
    const auto& origins = o.outcome.origins;
    py::array_t<double> out(static_cast<py::ssize_t>(origins.size()));
    auto values = out.mutable_unchecked<1>();
    for (std::size_t i = 0; i < origins.size(); ++i) {
        const bool reached =
            by_road ? origins[i].road_site.has_value() : origins[i].site.has_value();
        values(i) = reached ? origins[i].*field : kNone;
    }
    return out;
}

py::list outcome_coverage(const World& w, const Outcome& o) {
    py::list records;
    for (const AreaCoverage& c : o.outcome.coverage) {
        records.append(
            coverage_record(w.areas->areas()[c.area], o.sites->sites(), c.sites, c.margin_m));
    }
    return records;
}

py::dict figures(const World& w, const Outcome& o, double within_m, double within_s) {
    return figures_dict(scenario_figures(w.world, o.outcome, within_m, within_s), *w.areas);
}

}  // namespace

py::dict figures_dict(const ScenarioFigures& f, const CoverageIndex& areas) {
    std::vector<std::string> uncovered_codes;
    for (const std::size_t a : f.uncovered) uncovered_codes.push_back(areas.areas()[a].code);
    py::dict d;
    d["covered"] = f.covered;
    d["areas"] = f.areas;
    d["uncovered"] = f.uncovered;
    d["uncovered_codes"] = uncovered_codes;
    d["max_m"] = f.max_m;
    d["mean_m"] = f.mean_m;
    d["weighted_mean_m"] = f.weighted_mean_m;
    d["weight_within_m"] = f.weight_within_m;
    d["reachable"] = f.reachable;
    d["max_s"] = f.max_s;
    d["mean_s"] = f.mean_s;
    d["weighted_mean_s"] = f.weighted_mean_s;
    d["weight_within_s"] = f.weight_within_s;
    d["total_weight"] = f.total_weight;
    return d;
}

namespace {

// (name, lon, lat) tuples as the library's new sites.
std::vector<Site> new_sites(const py::object& add) {
    std::vector<Site> sites;
    if (add.is_none()) return sites;
    std::size_t index = 0;
    for (const py::handle item : add) {
        std::tuple<std::string, double, double> entry;
        try {
            entry = item.cast<std::tuple<std::string, double, double>>();
        } catch (const py::cast_error&) {
            throw ArgumentError(
                "add[" + std::to_string(index) +
                "] is not a (name, lon, lat) tuple: " + py::repr(item).cast<std::string>());
        }
        ++index;
        const auto& [name, lon, lat] = entry;
        Site s;
        s.name = name;
        s.position = LonLat{lon, lat};
        sites.push_back(std::move(s));
    }
    return sites;
}

py::tuple what_if(const World& w, const SiteIndex& sites, const std::vector<std::string>& remove,
                  const py::object& add) {
    const WhatIfRequest request{remove, new_sites(add)};
    WhatIf result;
    {
        const py::gil_scoped_release unlocked;
        result = apply_what_if(sites.sites(), request, *w.areas);
    }
    auto changes = std::make_shared<Changes>();
    changes->items = std::move(result.changes);
    return py::make_tuple(std::make_shared<SiteIndex>(std::move(result.after)), changes);
}

void count_served(const World& w, const Outcome& o, Changes& changes) {
    const py::gil_scoped_release unlocked;
    count_served_origins(w.world, o.outcome, o.sites->sites(), w.world.roads.has_value(),
                         changes.items);
}

std::shared_ptr<SiteIndex> apply_changes(const SiteIndex& sites, const Changes& changes) {
    std::vector<Site> after = sites.sites();
    apply_site_changes(after, changes.items);
    return std::make_shared<SiteIndex>(std::move(after));
}

std::shared_ptr<Changes> load_changes(const std::string& path) {
    no_nul("path", path);
    auto changes = std::make_shared<Changes>();
    const py::gil_scoped_release unlocked;
    changes->items = geodata::load_site_changes(path);
    return changes;
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string outcome_repr(const Outcome& o) {
    std::size_t with_site = 0;
    std::size_t by_road = 0;
    std::size_t covered = 0;
    for (const OriginOutcome& origin : o.outcome.origins) {
        with_site += origin.site.has_value() ? 1 : 0;
        by_road += origin.road_site.has_value() ? 1 : 0;
    }
    for (const AreaCoverage& c : o.outcome.coverage) covered += c.margin_m.has_value() ? 1 : 0;
    std::string text = "<sitecover.Outcome: " + plural(o.outcome.origins.size(), "origin") + " (" +
                       std::to_string(with_site) + " with a site";
    if (by_road > 0) text += ", " + std::to_string(by_road) + " reached by road";
    return text + "), " + std::to_string(covered) + "/" +
           std::to_string(o.outcome.coverage.size()) + " areas covered, " +
           plural(o.sites ? o.sites->sites().size() : 0, "site") + ">";
}

std::string changes_repr(const Changes& c) {
    std::size_t added = 0;
    std::size_t removed = 0;
    std::size_t suggested = 0;
    for (const SiteChange& item : c.items) {
        const std::string_view kind = to_string(item.change);
        added += kind == "added" ? 1 : 0;
        removed += kind == "removed" ? 1 : 0;
        suggested += kind == "suggested" ? 1 : 0;
    }
    std::string text = "<sitecover.Changes: " + std::to_string(added) + " added, " +
                       std::to_string(removed) + " removed, " + std::to_string(suggested) +
                       " suggested";
    if (!c.items.empty()) text += ", first " + c.items.front().site.id;
    return text + ">";
}

std::string world_repr(const World& w) {
    std::string text = "<sitecover.World: " + plural(w.world.origins.size(), "origin") + ", " +
                       plural(w.areas ? w.areas->areas().size() : 0, "area");
    double total = 0.0;
    for (const double weight : w.world.weights) total += weight;
    char weight[64];
    std::snprintf(weight, sizeof weight, ", total weight %.0f", total);
    text += weight;
    if (!w.world.roads) return text + ", crow-fly>";
    const bool time = w.world.roads->options.query.metric == RoadMetric::Time;
    return text + ", by road (" + (time ? "time" : "distance") + ", " +
           std::to_string(w.roads ? w.roads->graph->node_count() : 0) + " nodes)>";
}

void bind_outcome(py::module_& module) {
    py::class_<Outcome, std::shared_ptr<Outcome>>(module, "Outcome", R"doc(
A scenario measured by World.evaluate: per origin, its nearest site as the crow flies and (with
roads) by road; per area, its coverage. Site columns are positions into `sites`, -1 when none;
value columns are NaN then.
)doc")
        .def("__repr__", &outcome_repr)
        .def_property_readonly(
            "sites", [](const Outcome& o) { return o.sites; },
            "The SiteIndex the scenario was evaluated on.")
        .def_property_readonly(
            "site", [](const Outcome& o) { return site_column(o, false); },
            "Nearest site as the crow flies of each origin (int64; -1: none).")
        .def_property_readonly(
            "distance_m",
            [](const Outcome& o) { return value_column(o, &OriginOutcome::distance_m, false); },
            "Geodesic distance to `site`, metres.")
        .def_property_readonly(
            "road_site", [](const Outcome& o) { return site_column(o, true); },
            "Nearest site by road (int64; -1: off the network, unreachable, or no roads).")
        .def_property_readonly(
            "road_distance_m",
            [](const Outcome& o) { return value_column(o, &OriginOutcome::road_distance_m, true); },
            "Road distance to `road_site`, metres.")
        .def_property_readonly(
            "time_s",
            [](const Outcome& o) { return value_column(o, &OriginOutcome::time_s, true); },
            "Travel time to `road_site`, seconds.");
}

void bind_changes(py::module_& module) {
    py::class_<Changes, std::shared_ptr<Changes>>(module, "Changes", R"doc(
Sites added, removed or suggested by a plan, with the origins each new site serves and their
population (World.count_served fills them for added sites).
)doc")
        .def(py::init<>())
        .def("__len__", [](const Changes& c) { return c.items.size(); })
        .def("__repr__", &changes_repr)
        .def(
            "records", [](const Changes& c) { return change_records(c.items); },
            "One dict per change: site_id, site_name, change ('added', 'removed', "
            "'suggested'), lon, lat, origins, population.")
        .def(
            "extend",
            [](Changes& c, const Changes& more) {
                c.items.insert(c.items.end(), more.items.begin(), more.items.end());
            },
            py::arg("other"), "Appends the changes of `other`.");
    module.def("apply_changes", &apply_changes, py::arg("sites"), py::arg("changes"),
               "A new SiteIndex: `sites` without the removed ones, with the added and suggested "
               "ones (the library's apply_site_changes, as `sitecover report --scenario`). "
               "ValueError for a removed id not among the sites or an added id already taken.");
    module.def("load_site_changes", &load_changes, py::arg("path"),
               "Reads back a plan's site table (`sitecover plan --sites-output`) as Changes. "
               "OSError (sitecover.InputError) naming the file, row and field on bad data.");
}

}  // namespace

py::list change_records(const std::vector<SiteChange>& changes) {
    py::list records;
    for (const SiteChange& c : changes) {
        py::dict r;
        r["site_id"] = c.site.id;
        r["site_name"] = c.site.name;
        r["change"] = std::string(to_string(c.change));
        r["lon"] = c.site.position.lon_deg;
        r["lat"] = c.site.position.lat_deg;
        r["origins"] = c.origins;
        r["population"] = c.population;
        records.append(r);
    }
    return records;
}

void bind_scenario(py::module_& module) {
    bind_outcome(module);
    bind_changes(module);
    py::class_<World, std::shared_ptr<World>>(module, "World", R"doc(
What every scenario is measured on: origins (commune points) with weights (inhabitants, or 1
each), the areas, and optionally a road network (then `by`, `access_speed_kmh` and `max_snap_m`
price travel as in RoadNetwork.nearest_sites). The library calls behind `sitecover plan`.
Computations release the GIL and run on `threads` threads (0: all cores); results never depend
on it.
)doc")
        .def(py::init(&make_world), py::arg("areas"), py::arg("lon"), py::arg("lat"),
             py::arg("weights") = py::none(), py::arg("codes") = py::none(),
             py::arg("names") = py::none(), py::arg("roads") = nullptr, py::arg("by") = "time",
             py::arg("access_speed_kmh") = 30.0, py::arg("max_snap_m") = 5000.0,
             py::arg("threads") = 0u,
             "Origins from arrays of lon/lat (degrees), optional weights (default 1 each), "
             "codes and names (default candidates of suggest, and names in records).")
        .def("__len__", [](const World& w) { return w.world.origins.size(); })
        .def("__repr__", &world_repr)
        .def_property_readonly("codes", [](const World& w) { return w.codes; })
        .def_property_readonly("names", [](const World& w) { return w.names; })
        .def_property_readonly("by_road", [](const World& w) { return w.world.roads.has_value(); })
        .def_property_readonly(
            "metric",
            [](const World& w) -> py::object {
                if (!w.world.roads) return py::none();
                return py::str(
                    w.world.roads->options.query.metric == RoadMetric::Time ? "time" : "distance");
            },
            "'time' or 'distance' by road, None crow-fly.")
        .def("evaluate", &evaluate, py::arg("sites"),
             "Measures a list of sites (the library's evaluate_scenario): an Outcome.")
        .def("coverage", &outcome_coverage, py::arg("outcome"),
             "The coverage of each area under an outcome, as records (see sitecover.coverage).")
        .def("figures", &figures, py::arg("outcome"), py::arg("within_m") = 19000.0,
             py::arg("within_s") = 1800.0,
             "The figures `sitecover plan` prints before and after (scenario_figures): "
             "covered, areas, uncovered (area indices) and uncovered_codes, max_m, mean_m, "
             "weighted_mean_m, weight_within_m, and by road reachable, max_s, mean_s, "
             "weighted_mean_s, weight_within_s; total_weight.")
        .def("what_if", &what_if, py::arg("sites"), py::arg("remove") = std::vector<std::string>{},
             py::arg("add") = py::none(),
             "Closes the sites of ids `remove` and opens `add`, (name, lon, lat) tuples (ids "
             "'added-1'...): (SiteIndex after, Changes). ValueError naming remove[i] (field "
             "'remove') for an unknown id, add[i] (field 'add') for a bad position or a site "
             "outside every area.")
        .def("count_served", &count_served, py::arg("outcome"), py::arg("changes"),
             "Fills the origins and population served by each added site of `changes` in "
             "`outcome` (by road when the world has roads), as `sitecover plan` reports them.");
}

}  // namespace sitecover::python
