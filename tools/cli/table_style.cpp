#include "table_style.hpp"

namespace sitecover::cli {

void style_table(geodata::TableWriter& writer, report::LayerKind kind,
                 geodata::GeometryKind geometry, const report::StyleFields& fields) {
    if (!writer.keeps_style()) return;
    writer.set_style(report::layer_style(kind, report::lang_from_environment(), geometry, fields));
}

}  // namespace sitecover::cli
