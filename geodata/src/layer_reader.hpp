#pragma once
// Opening a vector layer with GDAL, with a filter and a transformation to WGS84 lon/lat
// (private to geodata).

#include <memory>
#include <string>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "file_stamp.hpp"
#include "sitecover/geodata/layer_source.hpp"
#include "sitecover/lon_lat.hpp"

namespace sitecover::geodata::detail {

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};

/// An open layer. Features are read with next_feature(); geometries are transformed in place
/// to WGS84 lon/lat with to_wgs84().
class LayerReader {
public:
    /// Throws InputError: missing path, a directory, not a vector dataset, no such layer,
    /// several layers and none named, bad filter, unknown CRS.
    explicit LayerReader(const LayerSource& source);

    OGRLayer& layer() { return *layer_; }
    const std::string& layer_name() const { return layer_name_; }
    /// "file 'P', layer 'L'".
    std::string where() const { return describe(source_, layer_name_); }
    /// "file 'P', layer 'L', feature N" (N: the feature id, or its 1-based position).
    std::string where(const OGRFeature& feature) const;

    OGRFeatureUniquePtr next_feature();
    /// Index of a field, or -1.
    int field_index(const std::string& name) const;
    /// Throws InputError naming the field and listing the available ones when it is missing.
    int require_field(const std::string& name, const char* role) const;
    /// Transforms a geometry to WGS84 lon/lat (traditional GIS order) in place.
    void to_wgs84(OGRGeometry& geometry, const OGRFeature& feature) const;
    /// Transforms one coordinate pair from the layer's CRS (for tables of x/y columns).
    LonLat to_wgs84(double x, double y, const OGRFeature& feature) const;
    bool has_geometry_field() const;

private:
    LayerSource source_;
    std::unique_ptr<GDALDataset, DatasetCloser> dataset_;
    OGRLayer* layer_ = nullptr;
    std::string layer_name_;
    std::unique_ptr<OGRCoordinateTransformation> transform_;  // null: already WGS84 lon/lat
    long long position_ = 0;
    FileStamp stamp_;  // the file as it was opened; checked at the end of the layer
};

/// The text of a field in UTF-8 ("" when unset or null). Text that is not valid UTF-8 is taken
/// as Latin-1 (the usual encoding of older French exports) and converted, so that outputs stay
/// valid UTF-8.
std::string utf8_field(const OGRFeature& feature, int index);

/// `text` as utf8_field makes it: unchanged when valid UTF-8, else read as Latin-1 and
/// converted. The plain CSV reader uses it so that both read paths give the same ids.
std::string to_utf8(std::string text);

/// Parses a decimal number strictly (the whole text, finite). False when it is not one.
bool parse_double(const std::string& text, double& value);

}  // namespace sitecover::geodata::detail
