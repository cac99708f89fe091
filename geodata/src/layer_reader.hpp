#pragma once
// Opening a vector layer with GDAL, with a filter and a transformation to WGS84 lon/lat
// (private to geodata).

#include <cmath>
#include <memory>
#include <string>
#include <vector>

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
    /// `request_field`: the request field that named it (e.g. "class_field"), or "": the error
    /// carries it and its message names it after the role.
    int require_field(const std::string& name, const char* role,
                      const std::string& request_field = "") const;
    /// Transforms a geometry to WGS84 lon/lat (traditional GIS order) in place. Throws
    /// InputError (file, layer, feature, geometry field) when a coordinate is outside the
    /// range of the layer's CRS (check_source_range).
    void to_wgs84(OGRGeometry& geometry, const OGRFeature& feature) const;
    /// Transforms one coordinate pair from the layer's CRS (for tables of x/y columns, named
    /// in errors as the fields).
    LonLat to_wgs84(double x, double y, const OGRFeature& feature, const std::string& x_field,
                    const std::string& y_field) const;
    bool has_geometry_field() const;

private:
    /// "" or the problem: a coordinate of a projected CRS that is not finite or past
    /// kMaxProjectedCoordinate.
    std::string check_source_range(const std::vector<double>& x,
                                   const std::vector<double>& y) const;
    /// "" or the problem: a position whose WGS84 transform does not map back to it.
    std::string check_round_trip(const std::vector<double>& x, const std::vector<double>& y,
                                 const std::vector<double>& lon,
                                 const std::vector<double>& lat) const;
    /// Whether a WGS84 position lies in the widened area of use (when there is one).
    bool in_area_of_use(double lon_deg, double lat_deg) const;
    /// The name of the geometry field ("geometry" when the format has none).
    std::string geometry_field() const;

    LayerSource source_;
    std::unique_ptr<GDALDataset, DatasetCloser> dataset_;
    OGRLayer* layer_ = nullptr;
    std::string layer_name_;
    std::unique_ptr<OGRCoordinateTransformation> transform_;  // null: already WGS84 lon/lat
    std::unique_ptr<OGRCoordinateTransformation> inverse_;    // set for a projected CRS
    std::string crs_name_;                                    // for errors
    // PROJ's area of use of a projected CRS, widened by kAreaOfUseMargin_deg (west > east
    // when it crosses the antimeridian); unset (NaN) when PROJ gives none.
    double use_west_deg_ = NAN, use_south_deg_ = NAN, use_east_deg_ = NAN, use_north_deg_ = NAN;
    long long position_ = 0;
    FileStamp stamp_;  // the file as it was opened; checked at the end of the layer
};

/// Largest |x| or |y| accepted in a projected CRS (its units, metres or feet): 1e8, a hundred
/// thousand kilometres, beyond any real projected extent. PROJ maps absurd input such as
/// (1e300, 1e300) in Lambert-93 to an in-range longitude and latitude, so the output check
/// alone cannot see it.
inline constexpr double kMaxProjectedCoordinate = 1e8;

/// A position that did not survive the transformation back to its CRS within this many CRS
/// units is outside the domain where the projection is invertible.
inline constexpr double kMaxRoundTripError = 1.0;

/// A projected position whose longitude or latitude lies more than this many degrees outside
/// the CRS's area of use (PROJ's, where it has one) is refused: a generous margin (about
/// 1,100 km) for data just past a zone's edge, none for a point on the other side of the world.
inline constexpr double kAreaOfUseMargin_deg = 10.0;

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
