#include "style_rows.hpp"

namespace sitecover::geodata::detail {
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

OGRLayer* style_table(GDALDataset& dataset, std::string& failure) {
    if (OGRLayer* existing = dataset.GetLayerByName("layer_styles"); existing != nullptr) {
        return existing;
    }
    CPLStringList options;
    options.SetNameValue("FID", "id");
    OGRLayer* table = dataset.CreateLayer("layer_styles", nullptr, wkbNone, options.List());
    if (table == nullptr) {
        failure = "cannot create table 'layer_styles'";
        return nullptr;
    }
    for (const StyleField& f : kStyleFields) {
        OGRFieldDefn defn(f.name, f.type);
        defn.SetWidth(f.width);
        if (std::string(f.name) == "useAsDefault") defn.SetSubType(OFSTBoolean);
        if (table->CreateField(&defn) != OGRERR_NONE) {
            failure = std::string("cannot create field 'layer_styles.") + f.name + "'";
            return nullptr;
        }
    }
    return table;
}

bool add_style_row(OGRLayer& styles, const std::string& table_name,
                   const std::string& geometry_column, const LayerStyle& style) {
    OGRFeatureUniquePtr row(OGRFeature::CreateFeature(styles.GetLayerDefn()));
    row->SetField("f_table_catalog", "");
    row->SetField("f_table_schema", "");
    row->SetField("f_table_name", table_name.c_str());
    row->SetField("f_geometry_column", geometry_column.c_str());
    row->SetField("styleName", style.name.c_str());
    row->SetField("styleQML", style.qml.c_str());
    row->SetField("styleSLD", style.sld.c_str());
    row->SetField("useAsDefault", 1);
    row->SetField("description", style.description.c_str());
    row->SetField("owner", "");
    row->SetField("ui", "");
    // A fixed time, like the GeoPackage's own dates: identical inputs, identical file.
    row->SetField("update_time", 2000, 1, 1, 0, 0, 0.0f, 100);
    return styles.CreateFeature(row.get()) == OGRERR_NONE;
}

}  // namespace sitecover::geodata::detail
