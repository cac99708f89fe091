"""sitecover's errors and warnings in the words of QGIS. The module's exceptions and
DataWarnings carry `template`, their message with each request field as "{name}" (the Python
keyword, e.g. "{class_field}"): the plugin spells the fields as Processing parameter names
(CLASS_FIELD) by rule, without reading the text. No QGIS import: testable with plain Python."""


def parameter_name(field):
    """The Processing parameter of a request field: its keyword in upper case."""
    return field.upper()


class _ParameterNames(dict):
    """For str.format_map: every field asked for, spelled as a parameter name."""

    def __missing__(self, field):
        return parameter_name(field)


def qgis_text(error):
    """The message of a sitecover error or warning with its fields as parameter names; any
    other exception (or warning) as str() gives it."""
    template = getattr(error, "template", None)
    if not isinstance(template, str):
        return str(error)
    return template.format_map(_ParameterNames())
