#include "sitecover/site_filter.hpp"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

namespace sitecover {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string quoted_list(const std::vector<std::string>& items) {
    std::string list;
    for (const std::string& t : items) list += (list.empty() ? "'" : ", '") + t + "'";
    return list;
}

std::string present_list(const std::vector<std::string>& present) {
    std::string list;
    for (const std::string& t : present)
        list += (list.empty() ? "" : ", ") + (t.empty() ? "(empty)" : t);
    return list.empty() ? "none" : list;
}

// A wanted type that no site has is a typo, not an empty network.
void check_types_present(const std::vector<std::string>& wanted, const std::vector<Site>& sites) {
    std::set<std::string> present, present_lower;
    for (const Site& site : sites) {
        present.insert(site.kind);
        present_lower.insert(lower(site.kind));
    }
    std::vector<std::string> unmatched;
    for (const std::string& t : wanted) {
        if (present_lower.count(lower(t)) == 0) unmatched.push_back(t);
    }
    if (!unmatched.empty()) throw UnknownSiteTypeError(unmatched, {present.begin(), present.end()});
}

}  // namespace

UnknownSiteTypeError::UnknownSiteTypeError(std::vector<std::string> unmatched,
                                           std::vector<std::string> present)
    : ArgumentError(Message()
                        .field("site_types")
                        .text(": no site of type " + quoted_list(unmatched) +
                              " (types present: " + present_list(present) + ")")),
      unmatched_(std::move(unmatched)),
      present_(std::move(present)) {}

bool is_iso_date(const std::string& text) {
    static const std::regex pattern(R"(^(\d{4})-(\d{2})-(\d{2})$)");
    std::smatch m;
    if (!std::regex_match(text, m, pattern)) return false;
    const int year = std::stoi(m[1].str());
    const int month = std::stoi(m[2].str());
    const int day = std::stoi(m[3].str());
    if (month < 1 || month > 12 || day < 1) return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

FilteredSites filter_sites(std::vector<Site> sites, const SiteFilter& filter) {
    if (filter.as_of_iso && !is_iso_date(*filter.as_of_iso)) {
        throw ArgumentError(Message().field("as_of").text(": '" + *filter.as_of_iso +
                                                          "' is not a date YYYY-MM-DD"));
    }
    check_types_present(filter.types, sites);
    std::vector<std::string> types;
    for (const std::string& t : filter.types) types.push_back(lower(t));
    FilteredSites out;
    out.read = sites.size();
    for (Site& site : sites) {
        if (!types.empty() &&
            std::find(types.begin(), types.end(), lower(site.kind)) == types.end()) {
            continue;
        }
        if (filter.as_of_iso) {
            if (site.labelled_on.empty()) {
                ++out.undated;
                continue;
            }
            if (site.labelled_on > *filter.as_of_iso) continue;  // ISO dates order as text
        }
        out.sites.push_back(std::move(site));
    }
    return out;
}

}  // namespace sitecover
