#pragma once
// Private to sitecover::engine: the Boost.Geometry types that mirror Area, and conversions.
//
// Coordinates are cartesian x = lon_deg, y = lat_deg: edges are straight in lon/lat, as in
// GeoJSON and the GIS files the areas come from (a geographic coordinate system would make them
// geodesics instead, and disagree with the source data near long east-west edges).
// Rings are counter-clockwise outside, clockwise for holes (RFC 7946) and closed (first vertex
// repeated last), which is what Boost.Geometry's validity checks expect of these types.

#include <vector>

// Boost 1.74's Boost.Math (pulled in by Boost.Geometry) includes a deprecated Boost header that
// prints a #pragma message in every translation unit; the engine includes Boost.Geometry only
// through this header, so one definition here silences it.
#ifndef BOOST_ALLOW_DEPRECATED_HEADERS
#define BOOST_ALLOW_DEPRECATED_HEADERS
#endif
#include <boost/geometry.hpp>
#include <boost/geometry/algorithms/point_on_surface.hpp>
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/multi_polygon.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>
#include <boost/geometry/index/rtree.hpp>

#include "sitecover/area.hpp"
#include "sitecover/lon_lat.hpp"

namespace sitecover::detail {

namespace bg = boost::geometry;

using BoostPoint = bg::model::d2::point_xy<double>;  // x = lon_deg, y = lat_deg
using BoostPolygon = bg::model::polygon<BoostPoint, /*ClockWise=*/false, /*Closed=*/true>;
using BoostRing = BoostPolygon::ring_type;
using BoostMultiPolygon = bg::model::multi_polygon<BoostPolygon>;
using BoostBox = bg::model::box<BoostPoint>;

inline BoostPoint to_boost(const LonLat& p) { return {p.lon_deg, p.lat_deg}; }
inline LonLat from_boost(const BoostPoint& p) { return {p.x(), p.y()}; }

/// The ring with its first vertex repeated at the end when it was not already. Orientation and
/// everything else are kept as given.
BoostRing to_boost(const Ring& ring);

/// The area as a multipolygon: rings closed, orientation kept as given (repair_area fixes it).
BoostMultiPolygon to_boost(const Area& area);

/// The parts of a multipolygon as Area parts (closed rings, as stored in Boost).
std::vector<Polygon> from_boost(const BoostMultiPolygon& multipolygon);

}  // namespace sitecover::detail
