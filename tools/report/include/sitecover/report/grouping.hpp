#pragma once
// Grouping areas and origins by their code for per-département summaries.

#include <cstddef>
#include <optional>
#include <string>

namespace sitecover::report {

/// The département of an INSEE-style code: "32013" -> "32", "2A004" -> "2A", "97105" -> "971"
/// (communes), and likewise for GEOFLA canton codes ("32006" -> "32", "97110" -> "971").
/// "" when the code is not of that form.
std::string insee_department(const std::string& code);

/// A group_by rule: "dep" (insee_department) or "prefix:N" (the first N characters, 1-99).
class GroupRule {
public:
    /// The rule of `text`; none when it is neither form (a door words the error).
    static std::optional<GroupRule> parse(const std::string& text);
    /// The group of a code ("" when the rule does not apply to it).
    std::string group_of(const std::string& code) const;

private:
    std::size_t prefix_chars_ = 0;  // 0: the département rule
};

}  // namespace sitecover::report
