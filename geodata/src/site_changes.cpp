#include "sitecover/geodata/site_changes.hpp"

#include "sitecover/error.hpp"
#include "sitecover/geodata/site_loader.hpp"

namespace sitecover::geodata {

std::vector<SiteChange> load_site_changes(const std::string& path) {
    SiteFields fields;
    fields.id = "site_id";
    fields.name = "site_name";
    fields.kind = "change";
    fields.lon = "lon";
    fields.lat = "lat";
    fields.department = "";
    fields.labelled_on = "";
    const LoadedSites loaded = load_sites({path, "", "", ""}, fields);
    if (!loaded.warnings.empty()) {
        throw InputError(loaded.warnings.front() +
                         " (a scenario file is the site table of a plan: site_id, site_name, "
                         "change, lon, lat)");
    }
    std::vector<SiteChange> changes;
    for (std::size_t row = 0; row < loaded.sites.size(); ++row) {
        const Site& s = loaded.sites[row];
        const std::optional<SiteChangeKind> kind = parse_site_change_kind(s.kind);
        if (!kind) {
            throw InputError("file '" + path + "', row " + std::to_string(row + 1) + " (site_id '" +
                             s.id + "'), field 'change': '" + s.kind +
                             "' is not added, suggested or removed");
        }
        changes.push_back({s, *kind});
    }
    return changes;
}

}  // namespace sitecover::geodata
