// Brute-force oracles of the floating catchment and equity figures.

#include <cmath>
#include <limits>
#include <optional>
#include <string>

#include "sitecover/access_reference.hpp"
#include "sitecover/error.hpp"
#include "sitecover/road_reference.hpp"

namespace sitecover::reference {

AccessResult floating_catchment(const std::vector<std::vector<double>>& cost,
                                const std::vector<double>& demand,
                                const std::vector<double>& supply, const AccessDecay& decay,
                                double catchment) {
    const std::size_t origins = cost.size();
    const std::size_t sites = supply.size();
    if (demand.size() != origins) throw ArgumentError("reference::floating_catchment: sizes");
    AccessResult result;
    result.site_demand.assign(sites, 0.0);
    result.ratio.assign(sites, 0.0);
    result.access.assign(origins, 0.0);
    result.sites_reached.assign(origins, 0);
    for (std::size_t j = 0; j < sites; ++j) {
        double sum = 0.0;
        for (std::size_t k = 0; k < origins; ++k) {
            if (cost[k][j] <= catchment) sum += decay.weight(cost[k][j], catchment) * demand[k];
        }
        result.site_demand[j] = sum;
        result.ratio[j] = sum > 0.0 ? supply[j] / sum : 0.0;
    }
    for (std::size_t i = 0; i < origins; ++i) {
        for (std::size_t j = 0; j < sites; ++j) {
            if (!(cost[i][j] <= catchment)) continue;
            ++result.sites_reached[i];
            result.access[i] += decay.weight(cost[i][j], catchment) * result.ratio[j];
        }
    }
    return result;
}

std::vector<std::vector<double>> road_costs(const RoadGraph& graph, const RoadSnapper& snapper,
                                            const std::vector<Site>& sites,
                                            const std::vector<LonLat>& origins,
                                            const RoadQueryOptions& options, double max_snap_m) {
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<std::vector<double>> cost(origins.size(), std::vector<double>(sites.size(), inf));
    for (std::size_t j = 0; j < sites.size(); ++j) {
        const std::vector<std::optional<RoadSnap>> site_snap = {
            snapper.snap(sites[j].position, max_snap_m)};
        if (!site_snap[0]) continue;
        const std::vector<Site> one_site = {sites[j]};
        for (std::size_t i = 0; i < origins.size(); ++i) {
            const auto origin_snap = snapper.snap(origins[i], max_snap_m);
            if (!origin_snap) continue;
            const RoadResult r = road_nearest(graph, *origin_snap, site_snap, one_site, options);
            if (r.reached())
                cost[i][j] = options.metric == RoadMetric::Time ? r.time_s : r.distance_m;
        }
    }
    return cost;
}

std::optional<double> weighted_gini(const std::vector<double>& values,
                                    const std::vector<double>& weights) {
    double total_weight = 0.0, total_mass = 0.0, pairs = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        total_weight += weights[i];
        total_mass += weights[i] * values[i];
        for (std::size_t j = 0; j < values.size(); ++j)
            pairs += weights[i] * weights[j] * std::fabs(values[i] - values[j]);
    }
    if (!(total_weight > 0.0) || !(total_mass > 0.0)) return std::nullopt;
    const double mean = total_mass / total_weight;
    return pairs / (2.0 * total_weight * total_weight * mean);
}

}  // namespace sitecover::reference
