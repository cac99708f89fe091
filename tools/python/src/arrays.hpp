#pragma once
// Conversions between numpy arrays and the library's plain vectors.

#include <pybind11/numpy.h>

#include <cstddef>
#include <string>
#include <vector>

#include "sitecover/lon_lat.hpp"

namespace sitecover::python {

/// A 1-D float64 array, converted from any numeric dtype (numpy's forcecast).
using DoubleArray =
    pybind11::array_t<double, pybind11::array::c_style | pybind11::array::forcecast>;

/// Positions from two 1-D arrays of the same length. Throws ArgumentError naming the arguments
/// when they are not 1-D or their lengths differ (validity of each value is the library's check).
std::vector<LonLat> positions(const DoubleArray& lon_deg, const DoubleArray& lat_deg);

/// Strings from a Python sequence (list, tuple, numpy array of str or int); every item is
/// converted with str(). Throws ArgumentError when `expected` differs from its length.
std::vector<std::string> strings(const pybind11::handle& items, std::size_t expected,
                                 const char* what);

}  // namespace sitecover::python
