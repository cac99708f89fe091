#include "flag_spelling.hpp"

#include <algorithm>
#include <utility>

namespace sitecover::cli {

std::string cli_flag(std::string_view field) {
    // The fields whose flag is not the rule's, in one place.
    static const std::pair<std::string_view, std::string_view> kExceptions[] = {
        // A table's path: -o as the help's examples write it ("-o -": standard output).
        {"output", "-o"},
    };
    for (const auto& [name, flag] : kExceptions) {
        if (name == field) return std::string(flag);
    }
    std::string flag = "--" + std::string(field);
    std::replace(flag.begin(), flag.end(), '_', '-');
    return flag;
}

std::string cli_text(const Message& message) { return message.render(cli_flag); }

std::string cli_text(const Error& error) { return error.message(cli_flag); }

}  // namespace sitecover::cli
