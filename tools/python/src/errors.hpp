#pragma once
// sitecover's exceptions as Python exceptions: ArgumentError -> ValueError, InputError and
// OutputError -> OSError subclasses (they are about files), each carrying the library's message.

#include <pybind11/pybind11.h>

namespace sitecover::python {

/// Registers sitecover.InputError, sitecover.OutputError and the translator on `module`.
void register_errors(pybind11::module_& module);

}  // namespace sitecover::python
