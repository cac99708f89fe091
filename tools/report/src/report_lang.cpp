#include "sitecover/report/report_lang.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <regex>

namespace sitecover::report {
namespace {

constexpr const char* kNarrowNoBreakSpace = "\u202f";
constexpr const char* kNoBreakSpace = "\u00a0";

// Groups of three digits in the integer part of a plain "%.Nf" text.
std::string group_thousands(const std::string& digits, const char* separator) {
    const std::size_t start = digits[0] == '-' ? 1 : 0;
    std::string out = digits.substr(0, start);
    const std::size_t n = digits.size() - start;
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += separator;
        out += digits[start + i];
    }
    return out;
}

}  // namespace

std::optional<Lang> parse_lang(const std::string& text) {
    if (text == "fr" || text == "FR" || text == "Fr") return Lang::Fr;
    if (text == "en" || text == "EN" || text == "En") return Lang::En;
    return std::nullopt;
}

Lang lang_from_environment() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value == nullptr || *value == '\0') continue;
        const std::string v(value);
        return v.rfind("fr", 0) == 0 ? Lang::Fr : Lang::En;
    }
    return Lang::En;
}

const char* lang_code(Lang lang) { return lang == Lang::Fr ? "fr" : "en"; }

std::string format_number(double value, int decimals, Lang lang) {
    // A value that rounds to zero is written "0", never "-0".
    if (std::fabs(value) < 0.5 * std::pow(10.0, -decimals)) value = 0.0;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    const std::string text(buffer);
    const std::size_t point = text.find('.');
    std::string integer = text.substr(0, point);
    const std::string fraction = point == std::string::npos ? "" : text.substr(point + 1);
    const std::size_t digits = integer.size() - (integer[0] == '-' ? 1 : 0);
    if (lang == Lang::Fr) {
        if (digits > 4) integer = group_thousands(integer, kNarrowNoBreakSpace);
        return fraction.empty() ? integer : integer + "," + fraction;
    }
    if (digits > 3) integer = group_thousands(integer, ",");
    return fraction.empty() ? integer : integer + "." + fraction;
}

const char* unit_space(Lang lang) { return lang == Lang::Fr ? kNoBreakSpace : " "; }

std::string format_km(double distance_m, Lang lang) {
    return format_number(distance_m / 1000.0, 1, lang) + unit_space(lang) + "km";
}

std::string format_minutes(double time_s, Lang lang) {
    return format_number(time_s / 60.0, 1, lang) + unit_space(lang) + "min";
}

std::string format_threshold(double value, const char* unit, Lang lang) {
    return format_number(value, value == std::floor(value) ? 0 : 1, lang) + unit_space(lang) + unit;
}

std::string format_date(const std::string& iso_date, Lang lang) {
    static const std::regex pattern(R"(^(\d{4})-(\d{2})-(\d{2})$)");
    std::smatch m;
    if (!std::regex_match(iso_date, m, pattern)) return iso_date;
    const int month = std::stoi(m[2].str());
    const int day = std::stoi(m[3].str());
    if (month < 1 || month > 12 || day < 1 || day > 31) return iso_date;
    static constexpr const char* kEnglish[] = {"January",   "February", "March",    "April",
                                               "May",       "June",     "July",     "August",
                                               "September", "October",  "November", "December"};
    static constexpr const char* kFrench[] = {"janvier",   "février", "mars",     "avril",
                                              "mai",       "juin",    "juillet",  "août",
                                              "septembre", "octobre", "novembre", "décembre"};
    if (lang == Lang::Fr) {
        const std::string d = day == 1 ? "1er" : std::to_string(day);
        return d + " " + kFrench[month - 1] + " " + m[1].str();
    }
    return std::to_string(day) + " " + kEnglish[month - 1] + " " + m[1].str();
}

std::string format_percent(double part, double total, Lang lang) {
    return format_number(total == 0.0 ? 0.0 : 100.0 * part / total, 1, lang) + unit_space(lang) +
           "%";
}

}  // namespace sitecover::report
