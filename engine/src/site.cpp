#include "sitecover/site.hpp"

#include <algorithm>
#include <string_view>

namespace sitecover {
namespace {

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view strip_leading_zeros(std::string_view s) {
    const auto first = s.find_first_not_of('0');
    return first == std::string_view::npos ? std::string_view("0") : s.substr(first);
}

}  // namespace

bool site_id_less(const std::string& a, const std::string& b) noexcept {
    const bool a_num = all_digits(a);
    const bool b_num = all_digits(b);
    if (a_num != b_num) return a_num;  // numeric ids first
    if (a_num) {
        // Compare as arbitrarily long integers: by digit count, then digit by digit; "007" and
        // "7" tie numerically, so the raw strings decide to keep the order total.
        const auto sa = strip_leading_zeros(a);
        const auto sb = strip_leading_zeros(b);
        if (sa.size() != sb.size()) return sa.size() < sb.size();
        if (sa != sb) return sa < sb;
    }
    return a < b;
}

}  // namespace sitecover
