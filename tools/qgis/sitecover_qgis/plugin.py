"""The plugin object: adds the provider to the Processing registry and removes it on unload."""

from qgis.core import QgsApplication

from .provider import SitecoverProvider


class SitecoverPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None

    def initProcessing(self):  # noqa: N802 (QGIS's name; called by qgis_process too)
        self.provider = SitecoverProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        self.initProcessing()

    def unload(self):
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
