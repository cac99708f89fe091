#pragma once
// The library's error messages in the words of the command line: the library names the
// fields and arguments of its API (StagingOptions::overwrite...), the CLI the flags that set
// them.

#include <string>

namespace sitecover::cli {

/// `message` with each library phrase that names a field replaced by the flag that sets it,
/// e.g. "set overwrite to replace it" -> "use --overwrite to replace it".
std::string cli_error_text(std::string message);

}  // namespace sitecover::cli
