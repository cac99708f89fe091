"""The "sitecover" Processing provider and its algorithms."""

from qgis.core import QgsProcessingProvider

from .access_algorithm import AccessAlgorithm
from .coverage_algorithm import CoverageAlgorithm
from .nearest_algorithm import NearestAlgorithm
from .report_algorithm import ReportAlgorithm
from .road_algorithm import RoadNearestAlgorithm
from .suggest_algorithm import SuggestAlgorithm


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
        self.addAlgorithm(RoadNearestAlgorithm())
        self.addAlgorithm(ReportAlgorithm())
        self.addAlgorithm(SuggestAlgorithm())
        self.addAlgorithm(AccessAlgorithm())
