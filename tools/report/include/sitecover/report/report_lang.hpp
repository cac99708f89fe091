#pragma once
// The language of the planner's documents (map, HTML page, GeoPackage aliases and legends) and
// its number and date formatting. The CLI's own messages stay English.

#include <optional>
#include <string>

namespace sitecover::report {

enum class Lang { En, Fr };

/// "fr" or "en" (any case); nothing for anything else.
std::optional<Lang> parse_lang(const std::string& text);

/// The language of the environment: the first set of LC_ALL, LC_MESSAGES, LANG decides (POSIX
/// precedence); French when it starts with "fr", else English.
Lang lang_from_environment();

/// "fr" or "en".
const char* lang_code(Lang lang);

/// `value` rounded to `decimals` digits, with the language's separators: "192,649" and "15.5"
/// in English; "192 649" (U+202F narrow no-break space) and "15,5" in French. Numbers below
/// 10,000 keep no thousands separator in French, as the Imprimerie nationale's rules have it
/// ("1 250" and "1250" are both read; "2845" stays compact in tables).
std::string format_number(double value, int decimals, Lang lang);

/// The space between a number and its unit: a plain space in English, U+00A0 (no-break) in
/// French, so that "15,5 km" never breaks across lines.
const char* unit_space(Lang lang);

/// Metres as kilometres with one decimal: "15.5 km", "15,5 km".
std::string format_km(double distance_m, Lang lang);

/// Seconds as minutes with one decimal: "4.8 min", "4,8 min".
std::string format_minutes(double time_s, Lang lang);

/// A threshold as given: whole numbers without decimals ("19 km", "12,5 km").
std::string format_threshold(double value, const char* unit, Lang lang);

/// An ISO date (YYYY-MM-DD) written out: "20 April 2022", "20 avril 2022", "1er août 2024".
/// Text that is not an ISO date is returned as it is.
std::string format_date(const std::string& iso_date, Lang lang);

/// "12.5 %" / "12,5 %" of part / total (0 when total is 0).
std::string format_percent(double part, double total, Lang lang);

}  // namespace sitecover::report
