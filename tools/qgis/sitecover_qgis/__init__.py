"""QGIS plugin entry point: registers the sitecover Processing provider."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import SitecoverPlugin

    return SitecoverPlugin(iface)
