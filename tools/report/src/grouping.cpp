#include "sitecover/report/grouping.hpp"

#include <algorithm>

namespace sitecover::report {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string insee_department(const std::string& code) {
    if (code.size() != 5 || !std::all_of(code.begin() + 2, code.end(), is_digit)) return {};
    if (code.rfind("97", 0) == 0) return code.substr(0, 3);
    if (code.rfind("2A", 0) == 0 || code.rfind("2B", 0) == 0 ||
        (is_digit(code[0]) && is_digit(code[1]))) {
        return code.substr(0, 2);
    }
    return {};
}

std::optional<GroupRule> GroupRule::parse(const std::string& text) {
    GroupRule rule;
    if (text == "dep") return rule;
    if (text.rfind("prefix:", 0) == 0) {
        const std::string n = text.substr(7);
        if (!n.empty() && n.size() <= 2 && std::all_of(n.begin(), n.end(), is_digit) &&
            std::stoi(n) > 0) {
            rule.prefix_chars_ = static_cast<std::size_t>(std::stoi(n));
            return rule;
        }
    }
    return std::nullopt;
}

std::string GroupRule::group_of(const std::string& code) const {
    if (prefix_chars_ == 0) return insee_department(code);
    return code.substr(0, std::min(prefix_chars_, code.size()));
}

}  // namespace sitecover::report
