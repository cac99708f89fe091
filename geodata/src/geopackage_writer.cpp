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
#include "style_rows.hpp"

namespace sitecover::geodata {

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
        std::string failure;
        OGRLayer* table = detail::style_table(*dataset, failure);
        if (table == nullptr) fail(failure);
        for (const Layer& l : layers) {
            if (!l.style) continue;
            const std::string column = l.geometry == GeometryKind::None ? "" : "geom";
            if (!detail::add_style_row(*table, l.name, column, *l.style)) {
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
