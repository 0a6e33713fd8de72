"""mltrack: experiment tracking."""
__version__ = "0.4.0"
