"""The difficult-calls training workbook: an offline desktop course for call-center agents."""

__version__ = "0.1.0"
APP_NAME = "Difficult Calls Workbook"
