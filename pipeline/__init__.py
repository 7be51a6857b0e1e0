"""pingcha (评查): screen Chinese criminal case documents for defects and violation indicators."""

__version__ = "0.1.0"
