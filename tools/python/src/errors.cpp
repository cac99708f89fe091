#include "errors.hpp"

#include <cerrno>
#include <string>

#include "sitecover/error.hpp"
#include "sitecover/geodata/point_csv.hpp"

namespace sitecover::python {
namespace py = pybind11;

namespace {

// The Python classes, created once by register_errors (borrowed by the module, which keeps
// them alive).
PyObject* g_input_error = nullptr;
PyObject* g_output_error = nullptr;
PyObject* g_missing_file_error = nullptr;
PyObject* g_invalid_point_error = nullptr;
PyObject* g_data_warning = nullptr;

// `field` and `template` on an exception or warning instance.
void attach_fields(py::object& instance, const Message& message, const std::string& field) {
    instance.attr("field") = field.empty() ? py::object(py::none()) : py::object(py::str(field));
    instance.attr("template") = py::str(message.format_template());
}

PyObject* class_of(const Error& e) {
    switch (e.kind()) {
        case ErrorKind::Input:
            if (dynamic_cast<const MissingFileError*>(&e) != nullptr) return g_missing_file_error;
            if (dynamic_cast<const geodata::BadRecordError*>(&e) != nullptr)
                return g_invalid_point_error;
            return g_input_error;
        case ErrorKind::Output:
            return g_output_error;
        case ErrorKind::Argument:
        case ErrorKind::Usage:
            return PyExc_ValueError;
        case ErrorKind::Internal:
            break;
    }
    return PyExc_RuntimeError;
}

void raise_python(const Error& e) {
    PyObject* type = class_of(e);
    py::object instance = py::reinterpret_borrow<py::object>(type)(py::str(e.what()));
    attach_fields(instance, e.parts(), e.field());
    if (const auto* missing = dynamic_cast<const MissingFileError*>(&e)) {
        // As FileNotFoundError carries it. Not `filename`: OSError's str() would then become
        // "[Errno 2] None: 'path'" instead of the library's message.
        instance.attr("errno") = ENOENT;
        instance.attr("path") = py::str(missing->path());
    }
    PyErr_SetObject(type, instance.ptr());
}

PyObject* new_class(py::module_& module, const char* name, const char* doc, PyObject* bases) {
    const std::string qualified = "sitecover._sitecover." + std::string(name);
    PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases, nullptr);
    if (type == nullptr) throw py::error_already_set();
    module.add_object(name, py::reinterpret_borrow<py::object>(type));
    return type;
}

}  // namespace

void register_errors(py::module_& module) {
    g_input_error = new_class(module, "InputError",
                              "Unusable input data (missing file, bad layer, field or value); an "
                              "OSError. `field`: the request field concerned, or None.",
                              PyExc_OSError);
    g_output_error = new_class(module, "OutputError",
                               "An output not written (existing file without overwrite, "
                               "unwritable path...); an OSError. `field`: as for InputError.",
                               PyExc_OSError);
    const py::tuple missing_bases =
        py::make_tuple(py::handle(g_input_error), py::handle(PyExc_FileNotFoundError));
    g_missing_file_error =
        new_class(module, "MissingFileError",
                  "An input file that does not exist: both a sitecover.InputError and a "
                  "FileNotFoundError (errno ENOENT; `path`: the file).",
                  missing_bases.ptr());
    const py::tuple invalid_bases =
        py::make_tuple(py::handle(g_input_error), py::handle(PyExc_ValueError));
    g_invalid_point_error =
        new_class(module, "InvalidPointError",
                  "A record that cannot be read (a line of a CSV of points: a missing or "
                  "non-numeric coordinate, a point out of range), its line named in the "
                  "message: both a sitecover.InputError and a ValueError. nearest(..., "
                  "skip_bad=True) keeps such rows instead, with a warning.",
                  invalid_bases.ptr());
    g_data_warning = new_class(module, "DataWarning",
                               "A recovery while reading data (features skipped...); a "
                               "UserWarning. `field`: the request field that would change it, "
                               "or None.",
                               PyExc_UserWarning);
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const Error& e) {
            raise_python(e);
        }
    });
}

void warn(const Message& message) {
    py::object instance =
        py::reinterpret_borrow<py::object>(g_data_warning)(py::str(message.str()));
    attach_fields(instance, message, message.first_field());
    // warnings.warn takes an instance as its message: the category is then its class. Level 1:
    // the Python code that called into the module (C++ has no frame).
    py::module_::import("warnings").attr("warn")(instance, py::arg("stacklevel") = 1);
}

}  // namespace sitecover::python
