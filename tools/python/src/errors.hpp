#pragma once
// sitecover's errors and warnings as Python exceptions and warnings, translated by kind (never
// by message text): Input -> sitecover.InputError, Output -> sitecover.OutputError (both
// OSError subclasses: they are about files; a missing file is sitecover.MissingFileError, also
// a FileNotFoundError), Argument and Usage -> ValueError, Internal -> RuntimeError. Each
// carries `field` (the request field it concerns: the keyword, or None) and `template` (the
// message in str.format syntax, its fields as "{name}"), so that a door such as the QGIS plugin
// re-spells the fields without reading the text.

#include <pybind11/pybind11.h>

#include "sitecover/message.hpp"

namespace sitecover::python {

/// Registers sitecover.InputError, OutputError, MissingFileError, DataWarning and the
/// translator on `module`.
void register_errors(pybind11::module_& module);

/// Issues `message` as a sitecover.DataWarning (a UserWarning) carrying `field` and
/// `template`. Needs the GIL; throws pybind11::error_already_set when a filter turned the
/// warning into an error.
void warn(const Message& message);

}  // namespace sitecover::python
