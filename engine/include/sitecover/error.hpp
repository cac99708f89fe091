#pragma once
/// @file
/// Exceptions thrown by sitecover. Every error derives from sitecover::Error so that callers can
/// catch one type. An error carries its kind (what went wrong: the input, an output, an
/// argument...) and the request field it concerns, so that each door translates it by type:
/// the CLI picks an exit code and spells the field as a flag, Python picks an exception class
/// and spells it as a keyword, QGIS as a parameter. No door matches message text.

#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

#include "sitecover/message.hpp"

namespace sitecover {

/// What an error is about; the doors map it to an exit code or an exception class.
enum class ErrorKind {
    Input,     ///< unusable input data (CLI exit 3; Python sitecover.InputError, an OSError)
    Output,    ///< an output not written (CLI exit 5; Python sitecover.OutputError, an OSError)
    Argument,  ///< a value outside its documented range (Python ValueError)
    Usage,     ///< a bad request as a whole, e.g. a command line (CLI exit 2; Python ValueError)
    Internal,  ///< a bug or an unexpected failure (CLI exit 4; Python RuntimeError)
};

/// Base class of every exception sitecover throws.
class Error : public std::runtime_error {
public:
    /// An error whose what() is `message` with its fields spelled as their vocabulary names.
    /// `field`: the request field it concerns; by default the first field of `message`.
    explicit Error(Message message, ErrorKind kind = ErrorKind::Internal, std::string field = {});

    /// What the error is about.
    ErrorKind kind() const noexcept { return kind_; }
    /// The request field it concerns, by its vocabulary name (the snake_case Python keyword,
    /// e.g. "overwrite", "class_field"), or "" when none.
    const std::string& field() const noexcept;
    /// The message with each field it names spelled by `spell` (what() uses the vocabulary
    /// names themselves).
    std::string message(const FieldSpelling& spell) const { return detail_->message.render(spell); }
    /// The message with its fields apart (for a door that re-spells it later, e.g. Python).
    const Message& parts() const noexcept { return detail_->message; }

private:
    // Shared: copying an exception must not throw.
    struct Detail {
        Message message;
        std::string field;
    };
    ErrorKind kind_;
    std::shared_ptr<const Detail> detail_;
};

/// The input data are unusable: missing file, bad layer, bad field value, invalid geometry,
/// out-of-range coordinate. The message names the file, layer, feature and field when known.
class InputError : public Error {
public:
    /// An input error whose what() is `message`; `field` as for Error.
    explicit InputError(Message message, std::string field = {})
        : Error(std::move(message), ErrorKind::Input, std::move(field)) {}
};

/// An input file that does not exist: what() reads "file 'P' not found". A door may say so in
/// its own terms (Python raises a FileNotFoundError).
class MissingFileError : public InputError {
public:
    /// The error for the file `path`.
    explicit MissingFileError(const std::string& path);
    /// The file, as given.
    const std::string& path() const noexcept { return *path_; }

private:
    std::shared_ptr<const std::string> path_;  // shared: copying an exception must not throw
};

/// An output could not be written (unwritable path, existing file, driver failure).
class OutputError : public Error {
public:
    /// An output error whose what() is `message`; `field` as for Error.
    explicit OutputError(Message message, std::string field = {})
        : Error(std::move(message), ErrorKind::Output, std::move(field)) {}
};

/// A caller passed an argument outside its documented range (for example a NaN coordinate or a
/// negative radius to a query).
class ArgumentError : public Error {
public:
    /// An argument error whose what() is `message`; `field` as for Error.
    explicit ArgumentError(Message message, std::string field = {})
        : Error(std::move(message), ErrorKind::Argument, std::move(field)) {}
};

}  // namespace sitecover
