#include "options.hpp"

#include <charconv>
#include <cmath>
#include <iostream>
#include <sstream>

#ifndef SITECOVER_VERSION
#define SITECOVER_VERSION "unknown"  // set by tools/CMakeLists.txt
#endif

namespace sitecover::cli {

std::string version_line() { return std::string("sitecover ") + SITECOVER_VERSION + "\n"; }

Options::Options(std::string command, std::string summary)
    : command_(std::move(command)), summary_(std::move(summary)) {}

void Options::value(const std::string& name, const std::string& metavar, const std::string& help,
                    const std::string& short_name) {
    specs_.push_back({name, metavar, help, short_name, true, false, current_group_});
}

void Options::repeated(const std::string& name, const std::string& metavar,
                       const std::string& help) {
    specs_.push_back({name, metavar, help, "", true, true, current_group_});
}

void Options::flag(const std::string& name, const std::string& help) {
    specs_.push_back({name, "", help, "", false, false, current_group_});
}

void Options::group(const std::string& title) { current_group_ = title; }

const Options::Spec* Options::find(const std::string& token) const {
    for (const Spec& spec : specs_) {
        if (token == spec.name || (!spec.short_name.empty() && token == spec.short_name))
            return &spec;
    }
    return nullptr;
}

bool Options::parse(const std::vector<std::string>& args) {
    const std::string see = " (see 'sitecover " + command_ + " --help')";
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string token = args[i];
        if (token == "--help" || token == "-h") {
            std::cout << help();
            return false;
        }
        if (token == "--version" || token == "-V") {
            std::cout << version_line();
            return false;
        }
        std::optional<std::string> inline_value;
        if (token.rfind("--", 0) == 0) {
            if (const auto eq = token.find('='); eq != std::string::npos) {
                inline_value = token.substr(eq + 1);
                token = token.substr(0, eq);
            }
        } else if (token.empty() || token[0] != '-' || token == "-") {
            throw UsageError("unexpected argument '" + token + "'" + see);
        }
        const Spec* spec = find(token);
        if (spec == nullptr) throw UsageError("unknown option '" + token + "'" + see);
        std::string value;
        if (spec->takes_value) {
            if (inline_value) {
                value = *inline_value;
            } else {
                if (i + 1 >= args.size()) {
                    throw UsageError("option '" + token + "' needs a value (" + spec->metavar +
                                     ")" + see);
                }
                value = args[++i];
            }
        } else if (inline_value) {
            throw UsageError("option '" + token + "' takes no value" + see);
        }
        auto& slot = values_[spec->name];
        if (!spec->repeatable && !slot.empty()) {
            throw UsageError("option '" + spec->name + "' given twice" + see);
        }
        slot.push_back(value);
    }
    return true;
}

std::string Options::help() const {
    std::ostringstream out;
    out << "usage: sitecover " << command_ << " [options]\n\n" << summary_ << "\n";
    std::string group = "\x01";
    for (const Spec& spec : specs_) {
        if (spec.group != group) {
            group = spec.group;
            out << "\n" << (group.empty() ? "Options" : group) << ":\n";
        }
        std::string left = "  ";
        if (!spec.short_name.empty()) left += spec.short_name + ", ";
        left += spec.name;
        if (spec.takes_value) left += " " + spec.metavar;
        if (left.size() < 30) {
            left.resize(30, ' ');
        } else {
            left += "\n" + std::string(30, ' ');
        }
        out << left << spec.help << "\n";
    }
    out << "  -h, --help                  this text\n";
    out << "  -V, --version               the version of sitecover\n";
    if (!epilog_.empty()) out << "\n" << epilog_;
    return out.str();
}

bool Options::has(const std::string& name) const { return values_.count(name) != 0; }

std::string Options::get(const std::string& name, const std::string& fallback) const {
    const auto it = values_.find(name);
    return it == values_.end() ? fallback : it->second.back();
}

std::vector<std::string> Options::all(const std::string& name) const {
    const auto it = values_.find(name);
    return it == values_.end() ? std::vector<std::string>{} : it->second;
}

std::vector<std::pair<std::string, std::string>> Options::file_values() const {
    std::vector<std::pair<std::string, std::string>> files;
    for (const Spec& spec : specs_) {
        if (spec.metavar.rfind("FILE", 0) != 0) continue;
        for (const std::string& value : all(spec.name)) files.emplace_back(spec.name, value);
    }
    return files;
}

double Options::number(const std::string& name, double fallback, double min, double max) const {
    if (!has(name)) return fallback;
    const std::string text = get(name);
    double value = 0.0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(value)) {
        throw UsageError("option '" + name + "': '" + text + "' is not a number");
    }
    if (value < min || value > max) {
        std::ostringstream range;
        range << "[" << min << ", " << max << "]";
        throw UsageError("option '" + name + "': " + text + " is outside " + range.str());
    }
    return value;
}

long long Options::integer(const std::string& name, long long fallback, long long min,
                           long long max) const {
    if (!has(name)) return fallback;
    const std::string text = get(name);
    long long value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size()) {
        throw UsageError("option '" + name + "': '" + text + "' is not a whole number");
    }
    if (value < min || value > max) {
        throw UsageError("option '" + name + "': " + text + " is outside [" + std::to_string(min) +
                         ", " + std::to_string(max) + "]");
    }
    return value;
}

}  // namespace sitecover::cli
