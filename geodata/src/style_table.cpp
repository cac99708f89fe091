#include "sitecover/geodata/style_table.hpp"

#include <memory>

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "gdal_session.hpp"
#include "sitecover/error.hpp"
#include "style_rows.hpp"

namespace sitecover::geodata {
namespace {

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using Dataset = std::unique_ptr<GDALDataset, DatasetCloser>;

Dataset open_geopackage(const std::string& path, bool update) {
    detail::ensure_gdal();
    detail::take_gdal_error();
    const char* const drivers[] = {"GPKG", nullptr};
    const unsigned flags = GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : 0u);
    Dataset dataset(GDALDataset::Open(path.c_str(), flags, drivers, nullptr, nullptr));
    if (!dataset) {
        throw InputError("file '" + path + "': not a GeoPackage that can be " +
                         (update ? "updated" : "read") + detail::gdal_reason());
    }
    return dataset;
}

GeometryKind geometry_kind(OGRwkbGeometryType type) {
    switch (wkbFlatten(type)) {
        case wkbPoint:
        case wkbMultiPoint:
            return GeometryKind::Point;
        case wkbLineString:
        case wkbMultiLineString:
        case wkbCompoundCurve:
        case wkbMultiCurve:
            return GeometryKind::LineString;
        case wkbPolygon:
        case wkbMultiPolygon:
        case wkbCurvePolygon:
        case wkbMultiSurface:
            return GeometryKind::MultiPolygon;
        default:
            return GeometryKind::None;
    }
}

OGRLayer& find_layer(GDALDataset& dataset, const std::string& path, const std::string& name) {
    if (!name.empty()) {
        OGRLayer* layer = dataset.GetLayerByName(name.c_str());
        if (layer == nullptr) throw InputError("file '" + path + "': no layer '" + name + "'");
        return *layer;
    }
    OGRLayer* only = nullptr;
    for (OGRLayer* layer : dataset.GetLayers()) {
        if (std::string(layer->GetName()) == "layer_styles") continue;
        if (only != nullptr) {
            throw InputError("file '" + path + "' holds several layers ('" +
                             std::string(only->GetName()) + "', '" + layer->GetName() +
                             "'...): name one");
        }
        only = layer;
    }
    if (only == nullptr) throw InputError("file '" + path + "': no layer");
    return *only;
}

// 'text' as an SQL string literal.
std::string sql_text(const std::string& text) {
    std::string out = "'";
    for (const char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

}  // namespace

GeoPackageLayer find_geopackage_layer(const std::string& path, const std::string& layer) {
    const Dataset dataset = open_geopackage(path, false);
    OGRLayer& found = find_layer(*dataset, path, layer);
    OGRwkbGeometryType type = found.GetGeomType();
    if (wkbFlatten(type) == wkbUnknown) {  // a layer of mixed types: its first geometry's
        found.ResetReading();
        const OGRFeatureUniquePtr first(found.GetNextFeature());
        if (first && first->GetGeometryRef() != nullptr)
            type = first->GetGeometryRef()->getGeometryType();
    }
    return {found.GetName(), geometry_kind(type)};
}

void store_layer_style(const std::string& path, const std::string& layer, const LayerStyle& style) {
    Dataset dataset = open_geopackage(path, true);
    OGRLayer& target = find_layer(*dataset, path, layer);
    const std::string table_name = target.GetName();
    const std::string geometry_column = target.GetGeometryColumn();
    bool in_transaction = false;
    const auto fail = [&](const std::string& what) {
        const std::string message = what + " in '" + path + "'" + detail::gdal_reason();
        if (in_transaction) dataset->RollbackTransaction();  // the file stays as it was
        throw OutputError(message);
    };
    if (dataset->StartTransaction() != OGRERR_NONE) fail("cannot start a transaction");
    in_transaction = true;
    std::string failure;
    OGRLayer* table = detail::style_table(*dataset, failure);
    if (table == nullptr) fail(failure);
    const std::string same_layer = "f_table_name = " + sql_text(table_name);
    // ExecuteSQL returns no result set for DELETE / UPDATE; errors show in the error state.
    CPLErrorReset();
    dataset->ExecuteSQL(("DELETE FROM layer_styles WHERE " + same_layer +
                         " AND styleName = " + sql_text(style.name))
                            .c_str(),
                        nullptr, nullptr);
    dataset->ExecuteSQL(("UPDATE layer_styles SET useAsDefault = 0 WHERE " + same_layer).c_str(),
                        nullptr, nullptr);
    if (CPLGetLastErrorType() >= CE_Failure) fail("cannot update table 'layer_styles'");
    table->ResetReading();
    if (!detail::add_style_row(*table, table_name, geometry_column, style)) {
        fail("cannot write the style of layer '" + table_name + "'");
    }
    if (dataset->CommitTransaction() != OGRERR_NONE) fail("cannot commit the style");
    in_transaction = false;
    CPLErrorReset();
    GDALClose(dataset.release());  // GDAL 3.6's GDALClose returns nothing: check the state
    if (CPLGetLastErrorType() >= CE_Failure) fail("cannot finish writing");
}

}  // namespace sitecover::geodata
