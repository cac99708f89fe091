#include "sitecover/geodata/geopackage_writer.hpp"

#include <optional>

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "checked_vsi.hpp"
#include "gdal_session.hpp"
#include "ogr_row.hpp"
#include "output_srs.hpp"
#include "sitecover/error.hpp"

namespace sitecover::geodata {
namespace {

// The `layer_styles` table as QGIS creates it (QgsOgrProviderUtils / saveStyle): QGIS reads
// the default style of a layer from the row whose f_table_name names it and useAsDefault is 1.
struct StyleField {
    const char* name;
    OGRFieldType type;
    int width;
};
constexpr StyleField kStyleFields[] = {
    {"f_table_catalog", OFTString, 256},
    {"f_table_schema", OFTString, 256},
    {"f_table_name", OFTString, 256},
    {"f_geometry_column", OFTString, 256},
    {"styleName", OFTString, 30},
    {"styleQML", OFTString, 0},
    {"styleSLD", OFTString, 0},
    {"useAsDefault", OFTInteger, 0},
    {"description", OFTString, 0},
    {"owner", OFTString, 30},
    {"ui", OFTString, 30},
    {"update_time", OFTDateTime, 0},
};

}  // namespace

struct GeoPackageWriter::Impl {
    std::string path;          // where the file is written
    std::string display_path;  // what errors call it
    GDALDataset* dataset = nullptr;
    std::unique_ptr<detail::OutputSrs> srs;  // the layers' CRS (WGS84 unless a target is named)
    struct Layer {
        std::string name;
        OGRLayer* layer = nullptr;
        GeometryKind geometry = GeometryKind::None;
        std::vector<Column> columns;
        std::optional<LayerStyle> style;
    };
    std::vector<Layer> layers;

    [[noreturn]] void fail(const std::string& what) const {
        throw OutputError(what + " in '" + display_path + "'" + detail::gdal_reason());
    }

    void write_styles() {
        bool any = false;
        for (const Layer& l : layers) any = any || l.style.has_value();
        if (!any) return;
        CPLStringList options;
        options.SetNameValue("FID", "id");
        OGRLayer* table = dataset->CreateLayer("layer_styles", nullptr, wkbNone, options.List());
        if (table == nullptr) fail("cannot create table 'layer_styles'");
        for (const StyleField& f : kStyleFields) {
            OGRFieldDefn defn(f.name, f.type);
            defn.SetWidth(f.width);
            if (std::string(f.name) == "useAsDefault") defn.SetSubType(OFSTBoolean);
            if (table->CreateField(&defn) != OGRERR_NONE) {
                fail(std::string("cannot create field 'layer_styles.") + f.name + "'");
            }
        }
        for (const Layer& l : layers) {
            if (!l.style) continue;
            OGRFeatureUniquePtr row(OGRFeature::CreateFeature(table->GetLayerDefn()));
            row->SetField("f_table_catalog", "");
            row->SetField("f_table_schema", "");
            row->SetField("f_table_name", l.name.c_str());
            row->SetField("f_geometry_column", l.geometry == GeometryKind::None ? "" : "geom");
            row->SetField("styleName", l.style->name.c_str());
            row->SetField("styleQML", l.style->qml.c_str());
            row->SetField("styleSLD", l.style->sld.c_str());
            row->SetField("useAsDefault", 1);
            row->SetField("description", l.style->description.c_str());
            row->SetField("owner", "");
            row->SetField("ui", "");
            // A fixed time, like the GeoPackage's own dates: identical inputs, identical file.
            row->SetField("update_time", 2000, 1, 1, 0, 0, 0.0f, 100);
            if (table->CreateFeature(row.get()) != OGRERR_NONE) {
                fail("cannot write the style of layer '" + l.name + "'");
            }
        }
    }
};

GeoPackageWriter::GeoPackageWriter(const std::string& path, const std::string& display_path,
                                   const std::string& target_srs)
    : impl_(std::make_unique<Impl>()) {
    detail::ensure_gdal();
    impl_->srs = std::make_unique<detail::OutputSrs>(target_srs);
    impl_->path = path;
    impl_->display_path = display_path.empty() ? path : display_path;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (driver == nullptr)
        throw OutputError("GDAL has no GPKG driver: cannot write '" + impl_->display_path + "'");
    CPLSetConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z");
    detail::take_gdal_error();
    impl_->dataset = GDALDataset::FromHandle(detail::create_without_journal(driver, path));
    if (impl_->dataset == nullptr) impl_->fail("cannot create the GeoPackage");
    if (impl_->dataset->StartTransaction() != OGRERR_NONE)
        impl_->fail("cannot start a transaction");
}

GeoPackageWriter::~GeoPackageWriter() {
    if (impl_->dataset != nullptr) GDALClose(impl_->dataset);
}

std::size_t GeoPackageWriter::add_layer(const std::string& name, GeometryKind geometry,
                                        std::vector<Column> columns) {
    Impl& w = *impl_;
    if (w.dataset == nullptr)
        throw OutputError("GeoPackage '" + w.display_path + "' is already closed");
    const bool spatial = geometry != GeometryKind::None;
    detail::take_gdal_error();
    OGRLayer* layer = w.dataset->CreateLayer(name.c_str(), spatial ? w.srs->srs() : nullptr,
                                             detail::ogr_geometry(geometry), nullptr);
    if (layer == nullptr) w.fail("cannot create layer '" + name + "'");
    if (const std::string failed = detail::create_fields(*layer, columns); !failed.empty()) {
        w.fail("cannot create field '" + failed + "' of layer '" + name + "'");
    }
    w.layers.push_back({name, layer, geometry, std::move(columns), std::nullopt});
    return w.layers.size() - 1;
}

void GeoPackageWriter::add_row(std::size_t layer, const Row& row) {
    Impl& w = *impl_;
    if (w.dataset == nullptr)
        throw OutputError("GeoPackage '" + w.display_path + "' is already closed");
    Impl::Layer& l = w.layers.at(layer);
    OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(l.layer->GetLayerDefn()));
    detail::fill_feature(*feature, l.columns, row, l.geometry, l.geometry != GeometryKind::None);
    if (OGRGeometry* geometry = feature->GetGeometryRef(); geometry != nullptr) {
        w.srs->apply(*geometry, "a row of layer '" + l.name + "' of '" + w.display_path + "'");
    }
    detail::take_gdal_error();
    if (l.layer->CreateFeature(feature.get()) != OGRERR_NONE) {
        w.fail("cannot write a row of layer '" + l.name + "'");
    }
}

void GeoPackageWriter::set_style(std::size_t layer, LayerStyle style) {
    impl_->layers.at(layer).style = std::move(style);
}

void GeoPackageWriter::close() {
    Impl& w = *impl_;
    if (w.dataset == nullptr)
        throw OutputError("GeoPackage '" + w.display_path + "' is already closed");
    w.write_styles();
    detail::take_gdal_error();
    if (w.dataset->CommitTransaction() != OGRERR_NONE) w.fail("cannot commit the rows");
    CPLErrorReset();
    GDALClose(w.dataset);  // GDAL 3.6's GDALClose returns nothing: check the error state
    w.dataset = nullptr;
    if (CPLGetLastErrorType() >= CE_Failure) w.fail("cannot finish writing");
}

}  // namespace sitecover::geodata
