#include "sitecover/scenario.hpp"

#include <algorithm>
#include <unordered_set>

#include "sitecover/site_index.hpp"

namespace sitecover {
namespace {

bool has_id(const std::vector<Site>& sites, const std::string& id) {
    return std::any_of(sites.begin(), sites.end(), [&](const Site& s) { return s.id == id; });
}

// "{field}[index]: problem", the field apart so that each door spells it.
Message request_field_message(const std::string& field, std::optional<std::size_t> index,
                              const std::string& problem) {
    Message m;
    m.field(field);
    if (index) m.text("[").text(std::to_string(*index)).text("]");
    return std::move(m.text(": " + problem));
}

}  // namespace

std::string_view to_string(SiteChangeKind kind) noexcept {
    switch (kind) {
        case SiteChangeKind::Added:
            return "added";
        case SiteChangeKind::Removed:
            return "removed";
        case SiteChangeKind::Suggested:
            break;
    }
    return "suggested";
}

std::optional<SiteChangeKind> parse_site_change_kind(std::string_view text) noexcept {
    for (const SiteChangeKind k :
         {SiteChangeKind::Added, SiteChangeKind::Removed, SiteChangeKind::Suggested}) {
        if (text == to_string(k)) return k;
    }
    return std::nullopt;
}

RequestFieldError::RequestFieldError(const std::string& field, std::optional<std::size_t> index,
                                     const std::string& problem)
    : ArgumentError(request_field_message(field, index, problem), field), index_(index) {}

std::vector<std::string> unused_site_ids(const std::vector<Site>& sites, const std::string& prefix,
                                         std::size_t count) {
    std::unordered_set<std::string> taken;
    for (const Site& s : sites) taken.insert(s.id);
    std::vector<std::string> ids;
    for (std::size_t n = 1; ids.size() < count; ++n) {
        std::string id = prefix + std::to_string(n);
        if (!taken.contains(id)) ids.push_back(std::move(id));
    }
    return ids;
}

WhatIf apply_what_if(const std::vector<Site>& sites, const WhatIfRequest& request,
                     const CoverageIndex& areas) {
    for (std::size_t r = 0; r < request.remove_ids.size(); ++r) {
        if (!has_id(sites, request.remove_ids[r])) {
            throw RequestFieldError("remove", r,
                                    "no site with id '" + request.remove_ids[r] + "' among the " +
                                        std::to_string(sites.size()) + " sites");
        }
    }
    WhatIf w;
    const auto& removed = request.remove_ids;
    for (const Site& s : sites) {
        if (std::find(removed.begin(), removed.end(), s.id) != removed.end()) {
            w.changes.push_back({s, SiteChangeKind::Removed});
        } else {
            w.after.push_back(s);
        }
    }
    const std::vector<std::string> ids = unused_site_ids(sites, "added-", request.add.size());
    for (std::size_t a = 0; a < request.add.size(); ++a) {
        Site s = request.add[a];
        if (!is_valid(s.position)) {
            throw RequestFieldError("add", a, to_string(s.position) + " is not a valid lon/lat");
        }
        if (areas.areas_containing(s.position).empty()) {
            throw RequestFieldError("add", a,
                                    "the new site '" + s.name + "' at " + to_string(s.position) +
                                        " lies outside every area");
        }
        s.id = ids[a];
        s.kind = "added";
        w.after.push_back(s);
        w.changes.push_back({s, SiteChangeKind::Added});
    }
    return w;
}

ChangesApplied apply_site_changes(std::vector<Site>& sites,
                                  const std::vector<SiteChange>& changes) {
    std::vector<Site> result = sites;  // `sites` stays as it was when a change fails
    ChangesApplied applied;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const Site& s = changes[i].site;
        if (changes[i].change == SiteChangeKind::Removed) {
            const auto it = std::find_if(result.begin(), result.end(),
                                         [&](const Site& x) { return x.id == s.id; });
            if (it == result.end()) {
                throw RequestFieldError("changes", i,
                                        "removes site id '" + s.id + "', not among the sites");
            }
            result.erase(it);
            ++applied.removed;
        } else {
            if (has_id(result, s.id)) {
                throw RequestFieldError("changes", i,
                                        "adds site id '" + s.id + "', which is already taken");
            }
            result.push_back(s);
            ++applied.added;
        }
    }
    sites = std::move(result);
    return applied;
}

ScenarioOutcome evaluate_scenario(const ScenarioWorld& world, const std::vector<Site>& sites) {
    if (world.areas == nullptr) throw ArgumentError("ScenarioWorld::areas: null");
    if (world.weights.size() != world.origins.size()) {
        throw ArgumentError("ScenarioWorld::weights: " + std::to_string(world.weights.size()) +
                            " weights for " + std::to_string(world.origins.size()) + " origins");
    }
    ScenarioOutcome outcome;
    outcome.coverage = compute_coverage(*world.areas, sites, Boundary::Included);
    const SiteIndex index(sites);
    outcome.origins.resize(world.origins.size());
    for (std::size_t i = 0; i < world.origins.size(); ++i) {
        if (const auto hit = index.nearest(world.origins[i])) {
            outcome.origins[i].site = hit->site;
            outcome.origins[i].distance_m = hit->distance_m;
        }
    }
    if (!world.roads) return outcome;
    const ScenarioRoads& roads = *world.roads;
    // No site near a road: nobody is reachable (NearestByRoad refuses such a list).
    const bool any_on_network = std::any_of(sites.begin(), sites.end(), [&](const Site& s) {
        return roads.snapper->snap(s.position, roads.options.max_snap_m).has_value();
    });
    if (!any_on_network) return outcome;
    const NearestByRoad by_road(*roads.graph, *roads.snapper, sites, roads.options);
    const std::vector<RoadNearest> answers = by_road.nearest_batch(world.origins, world.threads);
    for (std::size_t i = 0; i < answers.size(); ++i) {
        if (!answers[i].reached()) continue;
        outcome.origins[i].road_site = answers[i].result.site;
        outcome.origins[i].road_distance_m = answers[i].result.distance_m;
        outcome.origins[i].time_s = answers[i].result.time_s;
    }
    return outcome;
}

ScenarioFigures scenario_figures(const ScenarioWorld& world, const ScenarioOutcome& outcome,
                                 double within_m, double within_s) {
    ScenarioFigures f;
    f.areas = outcome.coverage.size();
    for (const AreaCoverage& c : outcome.coverage) {
        if (c.covered()) {
            ++f.covered;
        } else {
            f.uncovered.push_back(c.area);
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

void count_served_origins(const ScenarioWorld& world, const ScenarioOutcome& outcome,
                          const std::vector<Site>& sites, bool by_road,
                          std::vector<SiteChange>& changes) {
    for (SiteChange& change : changes) {
        if (change.change != SiteChangeKind::Added) continue;
        for (std::size_t i = 0; i < outcome.origins.size(); ++i) {
            const OriginOutcome& o = outcome.origins[i];
            const std::optional<std::size_t> by = by_road ? o.road_site : o.site;
            if (by && sites[*by].id == change.site.id) {
                ++change.origins;
                change.population += world.weights[i];
            }
        }
    }
}

}  // namespace sitecover
