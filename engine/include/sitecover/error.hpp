#pragma once
/// @file
/// Exceptions thrown by sitecover. Every error derives from sitecover::Error so that callers can
/// catch one type; the subclasses let the CLI map an error to a documented exit code.

#include <stdexcept>
#include <string>

namespace sitecover {

/// Base class of every exception sitecover throws.
class Error : public std::runtime_error {
public:
    /// An error whose what() is `message`.
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

/// The input data are unusable: missing file, bad layer, bad field value, invalid geometry,
/// out-of-range coordinate. The message names the file, layer, feature and field when known.
class InputError : public Error {
public:
    /// An input error whose what() is `message`.
    explicit InputError(const std::string& message) : Error(message) {}
};

/// An output could not be written (unwritable path, existing file, driver failure).
class OutputError : public Error {
public:
    /// An output error whose what() is `message`.
    explicit OutputError(const std::string& message) : Error(message) {}
};

/// A caller passed an argument outside its documented range (for example a NaN coordinate or a
/// negative radius to a query).
class ArgumentError : public Error {
public:
    /// An argument error whose what() is `message`.
    explicit ArgumentError(const std::string& message) : Error(message) {}
};

}  // namespace sitecover
