"""rfpcheck: checks Korean public-sector software RFPs against the public-SW procurement rules."""

__version__ = "0.1.0"
