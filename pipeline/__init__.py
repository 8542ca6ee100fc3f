"""newsfacts: structured fact records from Chinese news text."""

__version__ = "0.1.0"
