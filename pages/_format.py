"""How the console writes values for people: times in the viewer's zone, counts with separators, no None/nan."""

from __future__ import annotations

import math
from datetime import datetime, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st

MISSING = "—"


def viewer_zone() -> ZoneInfo | timezone:
    """The browser's time zone (Streamlit's st.context.timezone), UTC when the browser does not say."""
    try:
        name = st.context.timezone
    except Exception:  # no browser (AppTest without a context, a bare script run)
        name = None
    try:
        return ZoneInfo(name) if name else timezone.utc
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.utc


def when(value: datetime | str | None) -> str:
    """A timestamp as people read it, in the viewer's time zone: 'Sat 28 Nov 2026, 11:34 UTC'."""
    if value is None or value == "":
        return MISSING
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    if value.tzinfo is None:  # the database hands out timestamptz; a naive value is UTC by convention
        value = value.replace(tzinfo=timezone.utc)
    local = value.astimezone(viewer_zone())
    return f"{local:%a %d %b %Y, %H:%M} {local.tzname() or 'UTC'}"


def ago(value: datetime | None, now: datetime | None = None) -> str:
    """How long ago, in words: 'just now', '4 min ago', '3 h ago', '2 days ago'."""
    if value is None:
        return MISSING
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    seconds = ((now or datetime.now(timezone.utc)) - value).total_seconds()
    if seconds < 45:
        return "just now"
    if seconds < 3600:
        return f"{round(seconds / 60)} min ago"
    if seconds < 86400:
        return f"{round(seconds / 3600)} h ago"
    return f"{round(seconds / 86400)} days ago"


def number(value: int | float | None, approximate: bool = False) -> str:
    """A count with thousands separators ('12,345'); '≈ 12,345' for an estimate; '—' when unknown."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    text = f"{value:,.0f}" if isinstance(value, float) else f"{value:,}"
    return f"≈ {text}" if approximate else text


def text(value: object) -> str:
    """Any value as text for a table cell: None, NaN and empty become '—' (never 'None' or 'nan')."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    return str(value) if str(value) != "" else MISSING
