#include "plan_scenario.hpp"

#include <algorithm>

#include "sitecover/error.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/road_query.hpp"
#include "sitecover/site_index.hpp"

namespace sitecover::cli {

ScenarioOutcome evaluate_scenario(const PlanWorld& world, const std::vector<Site>& sites) {
    ScenarioOutcome outcome;
    outcome.coverage = compute_coverage(*world.areas, sites, Boundary::Included);
    const SiteIndex index(sites);
    outcome.origins.resize(world.positions.size());
    for (std::size_t i = 0; i < world.positions.size(); ++i) {
        if (const auto hit = index.nearest(world.positions[i])) {
            outcome.origins[i].site = hit->site;
            outcome.origins[i].distance_m = hit->distance_m;
        }
    }
    if (world.roads == nullptr) return outcome;
    const RoadSetup& roads = *world.roads;
    std::vector<std::optional<RoadSnap>> site_snaps(sites.size());
    for (std::size_t s = 0; s < sites.size(); ++s)
        site_snaps[s] = roads.snapper->snap(sites[s].position, roads.max_snap_m);
    RoadQuery query(*roads.graph);
    query.run(site_snaps, sites, roads.query_options);
    for (std::size_t i = 0; i < world.positions.size(); ++i) {
        if (!world.road_snaps[i]) continue;
        const RoadResult r = query.nearest(*world.road_snaps[i]);
        if (!r.reached()) continue;
        outcome.origins[i].road_site = r.site;
        outcome.origins[i].road_distance_m = r.distance_m;
        outcome.origins[i].time_s = r.time_s;
    }
    return outcome;
}

ScenarioApplied apply_scenario_file(const std::string& path, std::vector<Site>& sites) {
    geodata::SiteFields fields;
    fields.id = "site_id";
    fields.name = "site_name";
    fields.kind = "change";
    fields.lon = "lon";
    fields.lat = "lat";
    fields.department = "";
    fields.labelled_on = "";
    const geodata::LoadedSites loaded = geodata::load_sites({path, "", "", ""}, fields);
    if (!loaded.warnings.empty()) {
        throw InputError(loaded.warnings.front() +
                         " (a scenario file is the --sites-output of sitecover plan)");
    }
    ScenarioApplied applied;
    for (std::size_t row = 0; row < loaded.sites.size(); ++row) {
        const Site& s = loaded.sites[row];
        const std::string where = "file '" + path + "', row " + std::to_string(row + 1) +
                                  " (site_id '" + s.id + "')";
        if (s.kind == "removed") {
            const auto it = std::find_if(sites.begin(), sites.end(),
                                         [&](const Site& x) { return x.id == s.id; });
            if (it == sites.end())
                throw InputError(where + ": removes a site that is not among the sites");
            sites.erase(it);
            ++applied.removed;
        } else if (s.kind == "added" || s.kind == "suggested") {
            if (std::any_of(sites.begin(), sites.end(), [&](const Site& x) { return x.id == s.id; }))
                throw InputError(where + ": adds a site id that is already taken");
            sites.push_back(s);
            ++applied.added;
        } else {
            throw InputError(where + ", field 'change': '" + s.kind +
                             "' is not added, suggested or removed");
        }
    }
    return applied;
}

ScenarioFigures scenario_figures(const PlanWorld& world, const ScenarioOutcome& outcome,
                                 double within_m, double within_s) {
    ScenarioFigures f;
    f.areas = outcome.coverage.size();
    for (const AreaCoverage& c : outcome.coverage) {
        if (c.covered()) {
            ++f.covered;
        } else {
            const Area& a = world.areas->areas()[c.area];
            f.uncovered.push_back((a.name.empty() ? a.code : a.name + " (" + a.code + ")"));
        }
    }
    double sum_m = 0.0, sum_s = 0.0, wsum_m = 0.0, wsum_s = 0.0, w_m = 0.0, w_s = 0.0;
    std::size_t with_site = 0;
    for (std::size_t i = 0; i < outcome.origins.size(); ++i) {
        const OriginOutcome& o = outcome.origins[i];
        const double w = world.weights[i];
        f.total_weight += w;
        if (o.site) {
            ++with_site;
            f.max_m = std::max(f.max_m, o.distance_m);
            sum_m += o.distance_m;
            wsum_m += w * o.distance_m;
            w_m += w;
            if (o.distance_m <= within_m) f.weight_within_m += w;
        }
        if (o.road_site) {
            ++f.reachable;
            f.max_s = std::max(f.max_s, o.time_s);
            sum_s += o.time_s;
            wsum_s += w * o.time_s;
            w_s += w;
            if (o.time_s <= within_s) f.weight_within_s += w;
        }
    }
    if (with_site > 0) f.mean_m = sum_m / static_cast<double>(with_site);
    if (w_m > 0) f.weighted_mean_m = wsum_m / w_m;
    if (f.reachable > 0) f.mean_s = sum_s / static_cast<double>(f.reachable);
    if (w_s > 0) f.weighted_mean_s = wsum_s / w_s;
    return f;
}

}  // namespace sitecover::cli
