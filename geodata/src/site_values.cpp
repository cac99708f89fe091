#include "sitecover/geodata/site_values.hpp"

#include "layer_reader.hpp"
#include "sitecover/error.hpp"

namespace sitecover::geodata {

std::unordered_map<std::string, double> load_site_numbers(const LayerSource& source,
                                                          const std::string& id_field,
                                                          const std::string& value_field,
                                                          const std::string& request_field) {
    detail::LayerReader reader(source);
    const int id_index = reader.require_field(id_field, "site id");
    const int value_index = reader.require_field(value_field, "capacity", request_field);
    std::unordered_map<std::string, double> values;
    while (auto feature = reader.next_feature()) {
        const std::string id = detail::utf8_field(*feature, id_index);
        const std::string text = detail::utf8_field(*feature, value_index);
        const std::string where = reader.where(*feature) + ", field '" + value_field + "'";
        double value = 0.0;
        if (text.empty()) throw InputError(where + ": empty capacity (site id '" + id + "')");
        if (!detail::parse_double(text, value))
            throw InputError(where + ": '" + text + "' is not a number (site id '" + id + "')");
        if (value < 0.0) {
            throw InputError(where + ": '" + text + "' is negative (site id '" + id +
                             "'): a capacity is a number >= 0");
        }
        values.emplace(id, value);
    }
    return values;
}

}  // namespace sitecover::geodata
