#include "error_text.hpp"

#include <utility>

namespace sitecover::cli {

std::string cli_error_text(std::string message) {
    // geodata/src/staged_file.cpp: TableOptions::overwrite / StagingOptions::overwrite.
    static const std::pair<const char*, const char*> kPhrases[] = {
        {"set overwrite to replace it", "use --overwrite to replace it"},
        {"even with overwrite set (to stream a table, write it to standard output and redirect "
         "that)",
         "even with --overwrite (to stream a table, write it to standard output with -o - and "
         "redirect that)"},
        // geodata/src/road_loader.cpp: RoadLoadOptions fields.
        {"(RoadLoadOptions::class_field)", "(--class-field)"},
        {"(RoadLoadOptions::speed_field)", "(--speed-field)"},
        {"(add them to RoadLoadOptions::speeds)", "(add them with --speeds CLASS=KMH)"},
    };
    for (const auto& [library, cli] : kPhrases) {
        for (std::size_t at = message.find(library); at != std::string::npos;
             at = message.find(library, at + std::char_traits<char>::length(cli))) {
            message.replace(at, std::char_traits<char>::length(library), cli);
        }
    }
    return message;
}

}  // namespace sitecover::cli
