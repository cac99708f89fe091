#include "boost_area.hpp"

#include <vector>

namespace sitecover::detail {
namespace {

Ring from_boost_ring(const BoostRing& ring) {
    Ring out;
    out.reserve(ring.size());
    for (const BoostPoint& p : ring) {
        out.push_back(from_boost(p));
    }
    return out;
}

}  // namespace

BoostRing to_boost(const Ring& ring) {
    BoostRing out;
    out.reserve(ring.size() + 1);
    for (const LonLat& p : ring) {
        out.push_back(to_boost(p));
    }
    if (!ring.empty() && !(ring.front() == ring.back())) {
        out.push_back(to_boost(ring.front()));
    }
    return out;
}

BoostMultiPolygon to_boost(const Area& area) {
    BoostMultiPolygon out;
    out.reserve(area.parts.size());
    for (const Polygon& part : area.parts) {
        BoostPolygon& polygon = out.emplace_back();
        polygon.outer() = to_boost(part.outer);
        polygon.inners().reserve(part.holes.size());
        for (const Ring& hole : part.holes) {
            polygon.inners().push_back(to_boost(hole));
        }
    }
    return out;
}

std::vector<Polygon> from_boost(const BoostMultiPolygon& multipolygon) {
    std::vector<Polygon> parts;
    parts.reserve(multipolygon.size());
    for (const BoostPolygon& polygon : multipolygon) {
        Polygon& part = parts.emplace_back();
        part.outer = from_boost_ring(polygon.outer());
        part.holes.reserve(polygon.inners().size());
        for (const BoostRing& hole : polygon.inners()) {
            part.holes.push_back(from_boost_ring(hole));
        }
    }
    return parts;
}

}  // namespace sitecover::detail
