// The floating catchment figures (2SFCA, E2SFCA) over a table of origin-site pairs.

#include "sitecover/accessibility.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

#include "sitecover/batch_query.hpp"
#include "sitecover/error.hpp"

namespace sitecover {
namespace {

// A number as a person wrote it: shortest form that reads back the same.
std::string number_text(double value) {
    std::ostringstream out;
    out.precision(15);
    out << value;
    return out.str();
}

[[noreturn]] void refuse(const char* field, const std::string& problem) {
    throw ArgumentError(Message().field(field).text(problem), field);
}

void check_steps(const std::vector<DecayStep>& steps, double catchment, const char* decay_field) {
    if (steps.empty()) refuse(decay_field, ": a step decay needs at least one zone (UPPER=WEIGHT)");
    for (std::size_t k = 0; k < steps.size(); ++k) {
        const DecayStep& step = steps[k];
        const std::string zone = ": zone " + std::to_string(k + 1) + " (" +
                                 number_text(step.upper) + "=" + number_text(step.weight) + ")";
        if (!(step.upper > 0.0) || !std::isfinite(step.upper))
            refuse(decay_field, zone + ": the bound must be a positive number");
        if (!(step.weight >= 0.0 && step.weight <= 1.0))
            refuse(decay_field, zone + ": the weight must lie in [0, 1]");
        if (k > 0 && !(step.upper > steps[k - 1].upper))
            refuse(decay_field, zone + ": the bounds must increase from one zone to the next");
        if (k > 0 && step.weight > steps[k - 1].weight)
            refuse(decay_field, zone + ": the weights must decrease from one zone to the next (" +
                                    number_text(steps[k - 1].weight) + " before)");
    }
    if (steps.back().upper > catchment) {
        refuse(decay_field, ": the last zone ends at " + number_text(steps.back().upper) +
                                ", beyond the catchment (" + number_text(catchment) + ")");
    }
}

void check_values(const std::vector<double>& values, const char* what) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!(values[i] >= 0.0) || !std::isfinite(values[i])) {
            throw ArgumentError(std::string("floating_catchment: ") + what + " " +
                                std::to_string(i) + " is " + number_text(values[i]) +
                                "; expected a finite number >= 0");
        }
    }
}

// Gaussian weight at the catchment's edge: exp(-1/2).
const double kGaussianEdge = std::exp(-0.5);

}  // namespace

double AccessDecay::weight(double cost, double catchment) const {
    if (!(cost <= catchment)) return 0.0;
    switch (kind) {
        case DecayKind::Uniform:
            return 1.0;
        case DecayKind::Gaussian: {
            const double r = cost / catchment;
            return (std::exp(-0.5 * r * r) - kGaussianEdge) / (1.0 - kGaussianEdge);
        }
        case DecayKind::Step:
            for (const DecayStep& step : steps) {
                if (cost <= step.upper) return step.weight;
            }
            return 0.0;
    }
    return 0.0;
}

void check_access_decay(const AccessDecay& decay, double catchment, const char* catchment_field,
                        const char* decay_field) {
    if (!(catchment > 0.0) || !std::isfinite(catchment))
        refuse(catchment_field, " must be a positive number, got " + number_text(catchment));
    if (decay.kind == DecayKind::Step) {
        check_steps(decay.steps, catchment, decay_field);
    } else if (!decay.steps.empty()) {
        refuse(decay_field, ": zones are given for a decay that is not a step decay");
    }
}

CatchmentTable crow_fly_catchment(const SiteIndex& sites, const std::vector<LonLat>& origins,
                                  double catchment_m, unsigned threads) {
    BatchResult within = within_batch(sites, origins, catchment_m, threads);
    CatchmentTable table;
    table.site_count = sites.sites().size();
    table.offset = std::move(within.offset);
    table.hits.reserve(within.hits.size());
    for (const Neighbour& hit : within.hits) table.hits.push_back({hit.site, hit.distance_m});
    // By site index within each origin (within sorts by distance).
    for (std::size_t i = 0; i + 1 < table.offset.size(); ++i) {
        std::sort(table.hits.begin() + static_cast<std::ptrdiff_t>(table.offset[i]),
                  table.hits.begin() + static_cast<std::ptrdiff_t>(table.offset[i + 1]),
                  [](const SiteCost& a, const SiteCost& b) { return a.site < b.site; });
    }
    return table;
}

AccessResult floating_catchment(const CatchmentTable& pairs, const std::vector<double>& demand,
                                const std::vector<double>& supply, const AccessDecay& decay,
                                double catchment) {
    check_access_decay(decay, catchment);
    const std::size_t origins = pairs.origin_count();
    if (demand.size() != origins || supply.size() != pairs.site_count) {
        throw ArgumentError("floating_catchment: " + std::to_string(demand.size()) +
                            " demands and " + std::to_string(supply.size()) + " supplies for " +
                            std::to_string(origins) + " origins and " +
                            std::to_string(pairs.site_count) + " sites");
    }
    check_values(demand, "demand of origin");
    check_values(supply, "supply of site");
    AccessResult result;
    result.site_demand.assign(pairs.site_count, 0.0);
    result.ratio.assign(pairs.site_count, 0.0);
    result.access.assign(origins, 0.0);
    result.sites_reached.assign(origins, 0);
    // Step 1: each site's weighted demand, summed over origins in index order.
    for (std::size_t i = 0; i < origins; ++i) {
        for (std::size_t h = pairs.offset[i]; h < pairs.offset[i + 1]; ++h) {
            const SiteCost& hit = pairs.hits[h];
            if (!(hit.cost <= catchment)) continue;
            result.site_demand[hit.site] += decay.weight(hit.cost, catchment) * demand[i];
        }
    }
    for (std::size_t j = 0; j < pairs.site_count; ++j) {
        if (result.site_demand[j] > 0.0) result.ratio[j] = supply[j] / result.site_demand[j];
    }
    // Step 2: each origin's access, summed over its sites in index order.
    for (std::size_t i = 0; i < origins; ++i) {
        double access = 0.0;
        std::size_t reached = 0;
        for (std::size_t h = pairs.offset[i]; h < pairs.offset[i + 1]; ++h) {
            const SiteCost& hit = pairs.hits[h];
            if (!(hit.cost <= catchment)) continue;
            ++reached;
            access += decay.weight(hit.cost, catchment) * result.ratio[hit.site];
        }
        result.access[i] = access;
        result.sites_reached[i] = reached;
    }
    return result;
}

}  // namespace sitecover
