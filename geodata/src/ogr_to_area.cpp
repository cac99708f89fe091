#include "ogr_to_area.hpp"

#include <cmath>
#include <memory>

namespace sitecover::geodata::detail {
namespace {

std::string read_ring(const OGRLinearRing& ring, Ring& out) {
    out.reserve(static_cast<std::size_t>(ring.getNumPoints()));
    for (int i = 0; i < ring.getNumPoints(); ++i) {
        const LonLat p{ring.getX(i), ring.getY(i)};
        if (!std::isfinite(p.lon_deg) || !std::isfinite(p.lat_deg)) {
            return "a non-finite coordinate at vertex " + std::to_string(i);
        }
        if (!is_valid(p)) {
            return "a coordinate out of range at vertex " + std::to_string(i) + " (" +
                   format_degrees(p.lon_deg) + ", " + format_degrees(p.lat_deg) +
                   "): is the CRS right?";
        }
        out.push_back(p);
    }
    return {};
}

std::string append_polygon(const OGRPolygon& polygon, std::vector<Polygon>& parts) {
    if (polygon.IsEmpty()) return {};  // empty parts of a multipolygon are dropped
    Polygon part;
    if (auto error = read_ring(*polygon.getExteriorRing(), part.outer); !error.empty())
        return error;
    for (int i = 0; i < polygon.getNumInteriorRings(); ++i) {
        Ring hole;
        if (auto error = read_ring(*polygon.getInteriorRing(i), hole); !error.empty()) return error;
        part.holes.push_back(std::move(hole));
    }
    parts.push_back(std::move(part));
    return {};
}

}  // namespace

std::string append_polygons(const OGRGeometry& geometry, std::vector<Polygon>& parts) {
    const OGRwkbGeometryType type = wkbFlatten(geometry.getGeometryType());
    if (type == wkbPolygon) return append_polygon(*geometry.toPolygon(), parts);
    if (type == wkbMultiPolygon) {
        for (const OGRPolygon* polygon : *geometry.toMultiPolygon()) {
            if (auto error = append_polygon(*polygon, parts); !error.empty()) return error;
        }
        return {};
    }
    if (type == wkbCurvePolygon || type == wkbMultiSurface || type == wkbPolyhedralSurface ||
        type == wkbTIN) {
        // Linearise curves and surfaces, then read them as polygons.
        std::unique_ptr<OGRGeometry> linear(
            OGRGeometryFactory::forceToMultiPolygon(geometry.clone()));
        if (linear && wkbFlatten(linear->getGeometryType()) == wkbMultiPolygon) {
            return append_polygons(*linear, parts);
        }
    }
    return std::string("a ") + OGRGeometryTypeToName(type) +
           " geometry, expected Polygon or MultiPolygon";
}

}  // namespace sitecover::geodata::detail
