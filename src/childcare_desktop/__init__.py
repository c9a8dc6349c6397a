"""childcare-desktop: offline child-welfare records for village and town officers."""

__version__ = "0.1.0"
