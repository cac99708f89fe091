#include "errors.hpp"

#include "sitecover/error.hpp"

namespace sitecover::python {
namespace py = pybind11;

void register_errors(py::module_& module) {
    // Both derive from OSError: a caller catching OSError around file work catches them.
    static py::exception<InputError> input_error(module, "InputError", PyExc_OSError);
    static py::exception<OutputError> output_error(module, "OutputError", PyExc_OSError);
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const InputError& e) {
            input_error(e.what());
        } catch (const OutputError& e) {
            output_error(e.what());
        } catch (const ArgumentError& e) {
            PyErr_SetString(PyExc_ValueError, e.what());
        } catch (const Error& e) {
            PyErr_SetString(PyExc_RuntimeError, e.what());
        }
    });
}

}  // namespace sitecover::python
