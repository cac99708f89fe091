#pragma once
/// @file
/// Supply-aware accessibility: the two-step floating catchment area (2SFCA, Luo & Wang 2003)
/// and its enhanced form with distance decay (E2SFCA, Luo & Qi 2009), on any cost: crow-fly
/// metres (crow_fly_catchment) or travel seconds by road (road_catchment.hpp).
///
/// For each site j: R_j = S_j / sum_k W(c_kj) P_k over the origins k with c_kj <= d0;
/// for each origin i: A_i = sum_j W(c_ij) R_j over the sites j with c_ij <= d0;
/// where c_ij is the cost from origin i to site j (directed: from the origin to the site), d0
/// the catchment, S_j the supply of a site (its capacity), P_k the demand of an origin (its
/// inhabitants) and W the decay weight. A site whose weighted demand is 0 has R_j = 0: it serves
/// nobody, so it adds nothing to any origin (the plain formula would divide by zero).

#include <cstddef>
#include <vector>

#include "sitecover/lon_lat.hpp"
#include "sitecover/site_index.hpp"

namespace sitecover {

/// The shape of the decay weight W(c) inside the catchment (W = 0 beyond it in every case).
enum class DecayKind {
    Uniform,   ///< W = 1 up to the catchment: the plain 2SFCA
    Step,      ///< W constant by zone (AccessDecay::steps): the E2SFCA of Luo & Qi
    Gaussian,  ///< W(c) = (exp(-c^2 / (2 d0^2)) - exp(-1/2)) / (1 - exp(-1/2)): 1 at 0, 0 at d0
};

/// One zone of a step decay: the weight of the costs above the previous zone's bound, up to and
/// including `upper`.
struct DecayStep {
    double upper = 0.0;   ///< the zone's upper bound, in the cost's unit (metres or seconds)
    double weight = 1.0;  ///< W in the zone, in [0, 1]
};

/// The decay weight. Step zones: W = steps[0].weight for 0 <= c <= steps[0].upper, then
/// steps[k].weight for steps[k-1].upper < c <= steps[k].upper, and 0 beyond the last zone.
struct AccessDecay {
    DecayKind kind = DecayKind::Uniform;  ///< the shape of W
    std::vector<DecayStep> steps;         ///< DecayKind::Step only: bounds increasing, weights not

    /// W(cost) for a catchment d0 (same unit as the cost): 0 for cost > d0. Thread-safe, O(zones).
    double weight(double cost, double catchment) const;
};

/// Throws ArgumentError naming the request field (`catchment`, `decay`, by their vocabulary
/// names as given) for a catchment that is not a positive finite number, a step decay without
/// zones, a zone bound that is not positive or not above the previous one, a weight outside
/// [0, 1] or above the previous zone's, or a last zone beyond the catchment.
void check_access_decay(const AccessDecay& decay, double catchment,
                        const char* catchment_field = "catchment",
                        const char* decay_field = "decay");

/// A site within the catchment of an origin, and the cost from the origin to it.
struct SiteCost {
    std::size_t site = 0;  ///< index into the sites
    double cost = 0.0;     ///< metres or seconds, <= the catchment

    /// Exact comparison of both members.
    friend bool operator==(const SiteCost&, const SiteCost&) = default;
};

/// The origin-site pairs within the catchment: for origin i, hits[offset[i] .. offset[i + 1]),
/// sorted by site index.
struct CatchmentTable {
    std::vector<std::size_t> offset;  ///< origins + 1 entries
    std::vector<SiteCost> hits;       ///< by origin, then by site index
    std::size_t site_count = 0;       ///< the number of sites the indices refer to

    /// The number of origins.
    std::size_t origin_count() const { return offset.empty() ? 0 : offset.size() - 1; }
};

/// The pairs of every origin with the sites within `catchment_m` metres as the crow flies
/// (exact WGS84 geodesics: SiteIndex::within), on `threads` threads (0: all); the result does
/// not depend on the thread count. Throws ArgumentError for an invalid origin (by index) or a
/// negative / NaN catchment. O(origins log sites + pairs).
CatchmentTable crow_fly_catchment(const SiteIndex& sites, const std::vector<LonLat>& origins,
                                  double catchment_m, unsigned threads);

/// The floating catchment figures.
struct AccessResult {
    std::vector<double> site_demand;         ///< per site: sum_k W(c_kj) P_k
    std::vector<double> ratio;               ///< per site: R_j (0 when site_demand is 0)
    std::vector<double> access;              ///< per origin: A_i (supply per inhabitant)
    std::vector<std::size_t> sites_reached;  ///< per origin: sites within the catchment
};

/// 2SFCA / E2SFCA over a table of pairs. `demand` has one entry per origin (>= 0, finite),
/// `supply` one per site (>= 0, finite). Sums run in index order (a site's demand over the
/// origins by index, an origin's access over the sites by index): the result is reproducible
/// to the bit. Throws ArgumentError for sizes that do not match the table, a negative or non-finite
/// demand or supply (naming its index), and as check_access_decay. O(pairs + origins + sites).
AccessResult floating_catchment(const CatchmentTable& pairs, const std::vector<double>& demand,
                                const std::vector<double>& supply, const AccessDecay& decay,
                                double catchment);

/// A_i per 10,000 inhabitants: the access index as planners read it (capacity per 10,000).
inline constexpr double kAccessIndexScale = 10000.0;

}  // namespace sitecover
