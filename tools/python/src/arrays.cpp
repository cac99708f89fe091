#include "arrays.hpp"

#include "sitecover/error.hpp"

namespace sitecover::python {
namespace py = pybind11;

std::vector<LonLat> positions(const DoubleArray& lon_deg, const DoubleArray& lat_deg) {
    if (lon_deg.ndim() != 1 || lat_deg.ndim() != 1) {
        throw ArgumentError("lon and lat must be 1-D arrays (got " +
                            std::to_string(lon_deg.ndim()) + "-D and " +
                            std::to_string(lat_deg.ndim()) + "-D)");
    }
    if (lon_deg.shape(0) != lat_deg.shape(0)) {
        throw ArgumentError("lon and lat differ in length: " + std::to_string(lon_deg.shape(0)) +
                            " and " + std::to_string(lat_deg.shape(0)));
    }
    const auto lon = lon_deg.unchecked<1>();
    const auto lat = lat_deg.unchecked<1>();
    std::vector<LonLat> points(static_cast<std::size_t>(lon.shape(0)));
    for (py::ssize_t i = 0; i < lon.shape(0); ++i) points[i] = LonLat{lon(i), lat(i)};
    return points;
}

std::vector<std::string> strings(const py::handle& items, std::size_t expected, const char* what) {
    std::vector<std::string> out;
    out.reserve(expected);
    for (const py::handle item : items) out.push_back(py::str(item).cast<std::string>());
    if (out.size() != expected) {
        throw ArgumentError(std::string(what) + " has " + std::to_string(out.size()) +
                            " items, expected " + std::to_string(expected));
    }
    return out;
}

}  // namespace sitecover::python
