#include "sitecover/geodata/point_loader.hpp"

#include "feature_point.hpp"
#include "layer_reader.hpp"
#include "ogr_to_area.hpp"
#include "sitecover/area_geometry.hpp"
#include "sitecover/error.hpp"

namespace sitecover::geodata {
namespace {

class GdalOriginReader final : public OriginReader {
public:
    GdalOriginReader(const LayerSource& source, const OriginFields& fields, OriginRule rule)
        : reader_(source), rule_(rule) {
        // A table of points usually names its key "id": accept it when "code" is absent.
        code_name_ = fields.code;
        if (reader_.field_index(code_name_) < 0 && code_name_ == OriginFields{}.code &&
            reader_.field_index("id") >= 0) {
            code_name_ = "id";
        }
        code_field_ = reader_.require_field(code_name_, "origin code");
        name_field_ = fields.name.empty() ? -1 : reader_.field_index(fields.name);
        // Points come from the lon / lat columns of a table, else from the geometry.
        points_ = std::make_unique<detail::FeaturePointReader>(reader_, fields.lon, fields.lat);
    }

    bool next_chunk(std::vector<Origin>& out, std::size_t max_count) override {
        std::size_t added = 0;
        while (added < max_count) {
            auto feature = reader_.next_feature();
            if (!feature) break;
            out.push_back(read(*feature));
            ++added;
        }
        return added > 0;
    }

    const std::vector<std::string>& warnings() const override { return warnings_; }

private:
    Origin read(OGRFeature& feature) {
        Origin origin;
        origin.code = detail::utf8_field(feature, code_field_);
        if (origin.code.empty()) {
            throw InputError(reader_.where(feature) + ", field '" + code_name_ + "': empty code");
        }
        origin.name = detail::utf8_field(feature, name_field_);
        const std::string label = "code '" + origin.code + "'";
        OGRGeometry* geometry = feature.GetGeometryRef();
        if (points_->from_columns() || (geometry != nullptr && !geometry->IsEmpty() &&
                                        wkbFlatten(geometry->getGeometryType()) == wkbPoint)) {
            origin.position = points_->read(feature, label);
            return origin;
        }
        if (geometry == nullptr || geometry->IsEmpty()) {
            throw InputError(reader_.where(feature) + " (" + label + "): no geometry");
        }
        reader_.to_wgs84(*geometry, feature);
        Area area{origin.code, origin.name, {}};
        if (const auto problem = detail::append_polygons(*geometry, area.parts);
            !problem.empty() || area.parts.empty()) {
            throw InputError(reader_.where(feature) + " (" + label + "): " +
                             (problem.empty() ? std::string("empty polygon") : problem) +
                             " (origins are points or polygons)");
        }
        try {
            repair_area(area);
        } catch (const InputError& e) {
            // Second chance with GEOS, which rebuilds self-intersecting rings.
            std::unique_ptr<OGRGeometry> valid(geometry->MakeValid());
            area.parts.clear();
            if (!valid || !detail::append_polygons(*valid, area.parts).empty() || area.parts.empty()) {
                throw InputError(reader_.where(feature) + ": " + e.what());
            }
            try {
                repair_area(area);
            } catch (const InputError&) {
                throw InputError(reader_.where(feature) + ": " + e.what());
            }
            warnings_.push_back(reader_.where(feature) + " (" + label +
                                "): invalid polygon made valid with GEOS before taking its origin");
        }
        origin.position = rule_ == OriginRule::Centroid ? centroid(area) : point_on_surface(area);
        return origin;
    }

    detail::LayerReader reader_;
    OriginRule rule_;
    std::string code_name_;
    int code_field_ = -1;
    int name_field_ = -1;
    std::unique_ptr<detail::FeaturePointReader> points_;
    std::vector<std::string> warnings_;
};

}  // namespace

std::unique_ptr<OriginReader> open_origins(const LayerSource& source, const OriginFields& fields,
                                           OriginRule rule) {
    return std::make_unique<GdalOriginReader>(source, fields, rule);
}

std::vector<Origin> load_origins(const LayerSource& source, const OriginFields& fields,
                                 OriginRule rule, std::vector<std::string>* warnings) {
    const auto reader = open_origins(source, fields, rule);
    std::vector<Origin> origins;
    while (reader->next_chunk(origins, 65536)) {
    }
    if (warnings != nullptr) {
        warnings->insert(warnings->end(), reader->warnings().begin(), reader->warnings().end());
    }
    return origins;
}

}  // namespace sitecover::geodata
