#pragma once
// Reading one point per feature, from a point geometry or from lon/lat columns (private).

#include <string>

#include "layer_reader.hpp"

namespace sitecover::geodata::detail {

/// How the points of a layer are read: from the geometry, or from two numeric columns.
class FeaturePointReader {
public:
    /// Uses the geometry when the layer has one; else requires the lon / lat columns.
    FeaturePointReader(LayerReader& reader, const std::string& lon_field,
                       const std::string& lat_field);

    /// The feature's position in WGS84. `label` (e.g. "id '12'") names the feature in errors.
    /// Throws InputError for a missing / non-point / empty geometry, a non-numeric or
    /// out-of-range coordinate.
    LonLat read(const OGRFeature& feature, const std::string& label) const;

    bool from_columns() const { return lon_index_ >= 0; }

private:
    double read_number(const OGRFeature& feature, int index, const std::string& field,
                       const std::string& label) const;

    LayerReader& reader_;
    std::string lon_field_, lat_field_;
    int lon_index_ = -1;
    int lat_index_ = -1;
};

}  // namespace sitecover::geodata::detail
