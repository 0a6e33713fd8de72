"""Customers and their invoices."""
