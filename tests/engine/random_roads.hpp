#pragma once
// Test networks shared by the road and planning tests: random planar road grids near Auch and
// sites at given positions.

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "sitecover/geodesic.hpp"
#include "sitecover/road_network.hpp"
#include "sitecover/site.hpp"

namespace sitecover::test {

// Adds a straight road between two nodes at `kmh`; oneway > 0 keeps a -> b only.
inline void add_road(RoadNetwork& net, RoadNode a, RoadNode b, double kmh, int oneway = 0) {
    const double length_m = geodesic_distance_m(net.nodes[a], net.nodes[b]);
    if (oneway >= 0) net.edges.push_back({a, b, length_m, length_m / (kmh / 3.6)});
    if (oneway <= 0) net.edges.push_back({b, a, length_m, length_m / (kmh / 3.6)});
}

// A random network in a 20 km square near Auch: nodes on a jittered grid (roads between grid
// neighbours, some missing, some oneway, random speeds), so that it is planar like a real one.
inline RoadNetwork random_network(std::mt19937_64& rng, int side) {
    std::uniform_real_distribution<double> jitter(-0.2, 0.2), unit(0.0, 1.0);
    std::uniform_int_distribution<int> speed(0, 3);
    const double kmh[] = {40.0, 60.0, 70.0, 110.0};
    RoadNetwork net;
    const double step_deg = 0.02;
    for (int i = 0; i < side; ++i) {
        for (int j = 0; j < side; ++j) {
            net.nodes.push_back(
                {0.5 + (i + jitter(rng)) * step_deg, 43.6 + (j + jitter(rng)) * step_deg});
        }
    }
    const auto id = [side](int i, int j) { return static_cast<RoadNode>(i * side + j); };
    for (int i = 0; i < side; ++i) {
        for (int j = 0; j < side; ++j) {
            for (const auto& [di, dj] : {std::pair{1, 0}, std::pair{0, 1}}) {
                if (i + di >= side || j + dj >= side || unit(rng) < 0.15) continue;
                const double u = unit(rng);
                add_road(net, id(i, j), id(i + di, j + dj), kmh[speed(rng)],
                         u < 0.1   ? 1
                         : u < 0.2 ? -1
                                   : 0);
            }
        }
    }
    return net;
}

inline std::vector<Site> sites_at(const std::vector<LonLat>& positions) {
    std::vector<Site> sites;
    for (std::size_t i = 0; i < positions.size(); ++i) {
        Site s;
        s.id = std::to_string(100 + i);
        s.position = positions[i];
        sites.push_back(s);
    }
    return sites;
}

}  // namespace sitecover::test
