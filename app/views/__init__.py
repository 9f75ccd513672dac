"""Widgets: they display and forward to services, never touch the database directly."""
