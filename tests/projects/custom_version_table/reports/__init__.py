"""Saved reports and their runs."""
