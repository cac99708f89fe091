#include "sitecover/geodata/site_loader.hpp"

#include <cctype>
#include <regex>
#include <unordered_map>

#include "feature_point.hpp"
#include "layer_reader.hpp"
#include "sitecover/error.hpp"
#include "sitecover/site_filter.hpp"

namespace sitecover::geodata {

std::string parse_labelling_date(const std::string& text) {
    static const std::regex french(R"((\d{2})/(\d{2})/(\d{4})\s*$)");
    static const std::regex iso(R"(^\s*(\d{4})-(\d{2})-(\d{2}))");
    std::smatch m;
    std::string date;
    if (std::regex_search(text, m, french)) {
        date = m[3].str() + "-" + m[2].str() + "-" + m[1].str();
    } else if (std::regex_search(text, m, iso)) {
        date = m[1].str() + "-" + m[2].str() + "-" + m[3].str();
    }
    return is_iso_date(date) ? date : std::string();  // 31/02/2020 is no date
}

LoadedSites load_sites(const LayerSource& source, const SiteFields& fields) {
    detail::LayerReader reader(source);
    LoadedSites result;
    const int id_field = reader.require_field(fields.id, "site id");
    const auto optional_field = [&](const std::string& name, const char* role) {
        if (name.empty()) return -1;
        const int index = reader.field_index(name);
        if (index < 0) {
            result.warnings.push_back(reader.where() + ": no field '" + name + "' for the " + role +
                                      ": left empty");
        }
        return index;
    };
    const int name_field = optional_field(fields.name, "site name");
    const int kind_field = optional_field(fields.kind, "site type");
    const int dep_field = optional_field(fields.department, "site department");
    const int date_field = optional_field(fields.labelled_on, "labelling date");
    const detail::FeaturePointReader points(reader, fields.lon, fields.lat);

    std::unordered_map<std::string, long long> fid_of_id;
    std::size_t bad_dates = 0;  // a labelling date given but not a date: undated
    std::string first_bad_date;
    const auto text = [](const OGRFeature& f, int index) { return detail::utf8_field(f, index); };
    while (auto feature = reader.next_feature()) {
        Site site;
        site.id = text(*feature, id_field);
        if (site.id.empty()) {
            throw InputError(reader.where(*feature) + ", field '" + fields.id + "': empty site id");
        }
        site.position = points.read(*feature, "id '" + site.id + "'");
        site.name = text(*feature, name_field);
        site.kind = text(*feature, kind_field);
        site.department = text(*feature, dep_field);
        const std::string date_text = text(*feature, date_field);
        site.labelled_on = parse_labelling_date(date_text);
        if (site.labelled_on.empty() && date_text.find_first_not_of(" \t") != std::string::npos &&
            bad_dates++ == 0) {
            first_bad_date = reader.where(*feature) + " (id '" + site.id + "'), field '" +
                             fields.labelled_on + "' = '" + date_text + "'";
        }
        const auto [it, inserted] = fid_of_id.emplace(site.id, feature->GetFID());
        if (!inserted) {
            throw InputError(reader.where(*feature) + ", field '" + fields.id + "': site id '" +
                             site.id + "' already used by feature " + std::to_string(it->second));
        }
        result.sites.push_back(std::move(site));
    }
    if (bad_dates > 0) {
        result.warnings.push_back(
            reader.where() + ": " + std::to_string(bad_dates) +
            " site(s) with a labelling date that is not a date (DD/MM/YYYY or YYYY-MM-DD): "
            "counted as undated; first: " +
            first_bad_date);
    }
    return result;
}

}  // namespace sitecover::geodata
