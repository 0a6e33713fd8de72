"""Boards and their tasks, served by an async web app."""
