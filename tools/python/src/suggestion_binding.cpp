#include "suggestion_binding.hpp"

#include <pybind11/stl.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "arrays.hpp"
#include "scenario_binding.hpp"
#include "sitecover/error.hpp"
#include "sitecover/site_suggestion.hpp"

namespace sitecover::python {
namespace py = pybind11;

namespace {

Objective objective_of(const std::string& text) {
    if (text == "p-median") return Objective::PMedian;
    if (text == "p-center") return Objective::PCenter;
    if (text == "max-coverage") return Objective::MaxCoverage;
    if (text == "cover") return Objective::Cover;
    throw ArgumentError(
        Message()
            .field("objective")
            .text(": '" + text + "' is not 'p-median', 'p-center', 'max-coverage' or 'cover'"));
}

// Candidates from (codes, names, lon, lat), as load_points returns them; None: the origins.
std::vector<SiteCandidate> candidates_of(const World& w, const py::object& given) {
    std::vector<SiteCandidate> candidates;
    if (given.is_none()) {
        for (std::size_t i = 0; i < w.world.origins.size(); ++i)
            candidates.push_back({w.codes[i], w.names[i], w.world.origins[i]});
        return candidates;
    }
    const auto parts = given.cast<py::tuple>();
    if (parts.size() != 4) {
        throw ArgumentError("candidates must be (codes, names, lon, lat), as load_points gives");
    }
    const std::vector<LonLat> where =
        positions(py::cast<DoubleArray>(parts[2]), py::cast<DoubleArray>(parts[3]));
    const std::vector<std::string> codes = strings(parts[0], where.size(), "candidate codes");
    const std::vector<std::string> names = parts[1].is_none()
                                               ? std::vector<std::string>(where.size())
                                               : strings(parts[1], where.size(), "candidate names");
    for (std::size_t i = 0; i < where.size(); ++i)
        candidates.push_back({codes[i], names[i], where[i]});
    return candidates;
}

py::dict value_dict(const PlanValue& v) {
    py::dict d;
    d["max_cost"] = v.max_cost;
    d["mean_cost"] = v.mean_cost;
    d["covered_weight"] = v.covered_weight;
    d["total_weight"] = v.total_weight;
    return d;
}

py::dict result_dict(const PlanResult& r) {
    py::dict d;
    d["chosen"] = r.chosen;
    d["before"] = value_dict(r.before);
    d["greedy"] = value_dict(r.greedy);
    d["value"] = value_dict(r.value);
    d["swaps"] = r.swaps;
    d["evaluations"] = r.evaluations;
    return d;
}

py::dict quality_dict(const PlanQuality& q) {
    py::dict d;
    d["value"] = q.value;
    d["bound"] = q.bound;
    d["gap"] = q.gap;
    d["proven_optimal"] = q.proven_optimal;
    d["time_limit_reached"] = q.time_limit_reached;
    d["method"] = q.method;
    d["solve_s"] = q.solve_s;
    return d;
}

}  // namespace

py::dict suggestion_dict(Suggestion s) {
    py::dict d = result_dict(s.result);
    d["exact"] = s.exact ? py::object(result_dict(*s.exact)) : py::none();
    d["exact_skipped_sets"] = s.exact_skipped_sets ? py::cast(*s.exact_skipped_sets) : py::none();
    d["candidate_count"] = s.candidate_count;
    d["candidates_outside"] = s.candidates_outside;
    d["origins_off_road"] = s.origins_off_road;
    d["road_weights_reset"] = s.road_weights_reset;
    d["pair_count"] = s.pair_count;
    d["table_s"] = s.table_s;
    d["search_s"] = s.search_s;
    d["exact_s"] = s.exact_s;
    d["heuristic"] = result_dict(s.heuristic);
    d["quality"] = s.quality ? py::object(quality_dict(*s.quality)) : py::none();
    d["certify_s"] = s.certify_s;
    d["covered_by_force"] = s.covered_by_force;
    auto changes = std::make_shared<Changes>();
    changes->items = std::move(s.changes);
    d["changes"] = changes;
    return d;
}

namespace {

py::dict suggest(const World& w, const SiteIndex& sites, std::size_t k,
                 const py::object& candidates, const std::string& objective,
                 const py::object& within, std::uint64_t exhaustive_limit, bool cover_areas,
                 double time_limit_s, bool certify) {
    SuggestRequest request;
    request.k = k;
    request.objective = objective_of(objective);
    const bool by_time = w.world.roads && w.world.roads->options.query.metric == RoadMetric::Time;
    request.within = within.is_none() ? (by_time ? 1800.0 : 19000.0) : within.cast<double>();
    request.exhaustive_limit = exhaustive_limit;
    request.cover_areas = cover_areas;
    request.time_limit_s = time_limit_s;
    request.certify = certify;
    const std::vector<SiteCandidate> given = candidates_of(w, candidates);
    Suggestion s;
    {
        const py::gil_scoped_release unlocked;
        s = suggest_new_sites(w.world, sites.sites(), given, request);
    }
    return suggestion_dict(std::move(s));
}

}  // namespace

void bind_suggestion(py::module_& module) {
    auto world =
        py::reinterpret_borrow<py::class_<World, std::shared_ptr<World>>>(module.attr("World"));
    world.def("suggest", &suggest, py::arg("sites"), py::arg("k"),
              py::arg("candidates") = py::none(), py::arg("objective") = "p-median",
              py::arg("within") = py::none(), py::arg("exhaustive_limit") = 2'000'000ULL,
              py::arg("cover_areas") = false, py::arg("time_limit_s") = 60.0,
              py::arg("certify") = true,
              "Chooses k new sites among `candidates` ((codes, names, lon, lat) as load_points "
              "gives; None: the origins' points) on top of `sites`, which stay: the library's "
              "suggest_new_sites, as `sitecover plan --suggest K`. `objective`: 'p-median', "
              "'p-center', 'max-coverage' (threshold `within`, in the cost unit: metres "
              "crow-fly or by road distance, seconds by road time; default 19000 m / 1800 s) "
              "or 'cover' (the fewest new sites bringing every origin within `within`; k is "
              "not used). The answer is certified within time_limit_s seconds (certify=False: "
              "the heuristic alone): quality = {value, bound, gap, proven_optimal, "
              "time_limit_reached, method, solve_s}; heuristic = the greedy + swap answer. "
              "Returns a dict: changes (Changes: the new sites 'suggested-1'..., with the "
              "origins each serves), chosen, before / greedy / value (max_cost, mean_cost, "
              "covered_weight, total_weight), swaps, evaluations, exact (the same for the "
              "exhaustive optimum when k <= 2 and at most exhaustive_limit sets, else None), "
              "candidate_count, candidates_outside, origins_off_road, covered_by_force... "
              "ValueError naming k or cover_areas (its `field`) when it cannot be met.");
}

}  // namespace sitecover::python
