#pragma once
// Request fields in the words of the command line: the library names a field by its
// vocabulary name (the Python keyword, "class_field"), the CLI by the flag that sets it
// ("--class-field"). Errors and warnings keep their fields apart (sitecover::Message), so the
// CLI spells them by rule and never rewrites message text.

#include <string>
#include <string_view>

#include "sitecover/error.hpp"
#include "sitecover/message.hpp"

namespace sitecover::cli {

/// The flag that sets the request field `field`: "--" and the name with '_' -> '-'
/// ("class_field" -> "--class-field"), but for the few fields listed in flag_spelling.cpp.
std::string cli_flag(std::string_view field);

/// `message` with its fields spelled as flags.
std::string cli_text(const Message& message);

/// The message of `error` with its fields spelled as flags.
std::string cli_text(const Error& error);

}  // namespace sitecover::cli
