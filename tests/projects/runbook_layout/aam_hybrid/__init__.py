"""Hybrid asset-and-account manager (background workers)."""
