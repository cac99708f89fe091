#include <iostream>
#include "sitecover/site_index.hpp"

int main() {
    using namespace sitecover;
    const SiteIndex index({{"1271", "Auch - Garros", {0.592823, 43.635558}},
                           {"190", "Barran", {0.442847, 43.616542}}});
    const LonLat condom{0.3733, 43.9583};
    if (const auto hit = index.nearest(condom)) {
        std::cout << index.sites()[hit->site].name << ": " << hit->distance_m << " m\n";
    }
    for (const Neighbour& n : index.within(condom, 50'000.0)) std::cout << n.site << "\n";
}
