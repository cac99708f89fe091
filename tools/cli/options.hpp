#pragma once
// A small command-line parser for the sitecover subcommands: --name value, --name=value,
// flags, a few short aliases, and generated --help text.

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sitecover/error.hpp"

namespace sitecover::cli {

/// A bad command line (exit code 2). The message says what to fix.
class UsageError : public Error {
public:
    explicit UsageError(const std::string& message) : Error(message, ErrorKind::Usage) {}
};

/// "sitecover <version>\n", what -V / --version print at every level.
std::string version_line();

class Options {
public:
    Options(std::string command, std::string summary);

    /// Declares an option taking a value. `short_name` is e.g. "-o" or "".
    void value(const std::string& name, const std::string& metavar, const std::string& help,
               const std::string& short_name = "");
    /// Declares an option that may be repeated (each value kept, in order).
    void repeated(const std::string& name, const std::string& metavar, const std::string& help);
    /// Declares a flag (no value).
    void flag(const std::string& name, const std::string& help);
    /// Starts a new titled group of options in the help text.
    void group(const std::string& title);
    /// Free text printed at the end of --help (examples, notes).
    void epilog(const std::string& text) { epilog_ = text; }

    /// Parses argv (after the subcommand). Returns false when --help or --version was asked
    /// (and printed).
    bool parse(const std::vector<std::string>& args);
    std::string help() const;

    bool has(const std::string& name) const;
    std::string get(const std::string& name, const std::string& fallback = "") const;
    std::vector<std::string> all(const std::string& name) const;
    /// True when the command declares the option.
    bool declares(const std::string& name) const { return find(name) != nullptr; }
    /// Every value given to an option whose metavar names a file (FILE, FILE.gpkg...), as
    /// (option, value), in declaration order.
    std::vector<std::pair<std::string, std::string>> file_values() const;
    /// A number; UsageError when not a number or outside [min, max].
    double number(const std::string& name, double fallback, double min, double max) const;
    long long integer(const std::string& name, long long fallback, long long min,
                      long long max) const;

private:
    struct Spec {
        std::string name, metavar, help, short_name;
        bool takes_value = true;
        bool repeatable = false;
        std::string group;
    };
    const Spec* find(const std::string& token) const;

    std::string command_, summary_, epilog_, current_group_;
    std::vector<Spec> specs_;
    std::map<std::string, std::vector<std::string>> values_;
};

}  // namespace sitecover::cli
