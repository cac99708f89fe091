"""The "sitecover" Processing provider and its algorithms."""

from qgis.core import QgsProcessingProvider

from .coverage_algorithm import CoverageAlgorithm
from .nearest_algorithm import NearestAlgorithm


class SitecoverProvider(QgsProcessingProvider):
    def id(self):
        return "sitecover"

    def name(self):
        return "sitecover"

    def longName(self):  # noqa: N802
        from .engine import sitecover

        return f"sitecover {sitecover.__version__}"

    def loadAlgorithms(self):  # noqa: N802
        self.addAlgorithm(CoverageAlgorithm())
        self.addAlgorithm(NearestAlgorithm())
