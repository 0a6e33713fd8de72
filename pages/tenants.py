"""Tenants: rows per tenant and table, estimates marked ≈ with how good they are, exact counts on demand."""

from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd
import streamlit as st

from opsconsole import tenants
from opsconsole.db import lock_report, target
from opsconsole.tenants import refresh
from opsconsole.tenants.ranges import by_tenant, cell, likely
from pages._common import attempt, code, context, literal
from pages._format import ago, number, text, when

SHOWN = 200  # tenants listed per table before the search has to narrow them down
QUALITY = {"exact": "exact (counted)", "mcv": "sampled by ANALYZE", "rough": "spread evenly (can be far off)",
           "unknown": "not in any table's statistics", "never-analyzed": "never analysed: unknown"}
TABLE_QUALITY = {"exact": "exact (counted)", "mcv": "sampled: every tenant in the statistics",
                 "rough": "sampled; smaller tenants spread evenly", "never-analyzed": "never analysed: unknown"}
HOW = {"exact": "counted", "estimated": "estimated from statistics", "timeout": "count timed out: estimate shown",
       "error": "count failed: estimate shown"}


def tick(table: str, done: int, total: int) -> None:
    """Advance the progress bar after each counted table."""
    bar.progress(done / max(total, 1), text=f"Counted {literal(table)} ({done}/{total})")


def figure(value: float | None, quality: str, mark: bool = False) -> str:
    """A cell for people: '1,234' when counted, '≈ 1,234' estimated, '≈ 12 (spread)' rough, 'unknown'."""
    if value is None:
        return "unknown"
    shown = number(round(value), approximate=quality != "exact")
    return f"{shown} (spread)" if mark and quality == "rough" else shown


def between(low: float, high: float, quality: str) -> str:
    """A likely range, or '—' where the figure is exact."""
    if quality == "exact" or round(low) == round(high):
        return "—" if quality == "exact" else number(round(low), approximate=True)
    return f"≈ {round(low):,} – {round(high):,}"


st.title("Tenants")
settings, user = context()
where = target(settings).url
kept = st.session_state.get("tenants_exact")
kept = kept if kept and kept.get("database") == where else None
buttons = st.columns([1, 1, 3])
recount = buttons[0].button("Recount" if kept else "Exact counts", key="exact",
                            help="Count every row (COUNT(*) per table, under the statement timeout) instead of "
                                 "reading PostgreSQL's statistics.")
if kept and buttons[1].button("Back to estimates", key="estimates"):
    st.session_state.pop("tenants_exact", None)
    kept = None
if recount:
    bar = st.progress(0.0, text="Counting…")
    counted = attempt(tenants.counts, settings, exact=True, progress=tick)
    bar.progress(1.0, text="Exact counts done.")
    if counted is not None:
        kept = {"data": counted.to_dict(), "at": datetime.now(timezone.utc), "database": where}
        st.session_state["tenants_exact"] = kept
result = None if kept else attempt(tenants.counts, settings)
data = kept["data"] if kept else result.to_dict() if result is not None else None
if data is None:
    st.stop()

exact = data["mode"] == "exact"
timed_out = [t["table"] for t in data["tables"] if t.get("status") == "timeout"]
for locked in (attempt(lock_report, settings, timed_out) or []) if timed_out else []:
    st.error(literal(locked), icon=":material/lock:")
never = data["never_analyzed"]
done = st.session_state.pop("tenants_analysed", None)
if done:
    st.success(f"Statistics refreshed (ANALYZE) for {len(done)} table(s): {literal(', '.join(done))}. "
               "The figures below use them.", icon=":material/check:")
if never:
    rest = ("tenant totals below leave them out" if len(never) < len(data["tables"]) else
            "no tenant figure can be shown until they are")
    st.warning(f"**{len(never)} table(s) have never been analysed:** figures for them are unknown, not 0, and "
               f"{rest} — {literal(', '.join(never))}.", icon=":material/help:")
    if user.can_upgrade:
        if st.button(f"Run ANALYZE on {'this table' if len(never) == 1 else f'these {len(never)} tables'}",
                     key="analyze", help="Reads a sample of each table to refresh PostgreSQL's statistics; "
                                         "changes no data. Recorded in the audit log."):
            ran = attempt(refresh.analyze_tables, settings, never, by=user.name)
            if ran is not None:
                st.session_state["tenants_analysed"] = list(ran.tables)
                st.rerun()
    else:
        st.info("An operator can run ANALYZE on them from this page (or a DBA with `ANALYZE table`).")
if exact:
    st.caption(f"Exact counts. Counted at {when(kept['at'])} ({ago(kept['at'])}); press Recount for fresh "
               "figures." if kept else "Exact counts.")
else:
    refreshed = f"refreshed {when(data['stats_refreshed_at'])}" if data["stats_refreshed_at"] else "none yet"
    st.caption(f"Estimated from PostgreSQL statistics ({refreshed}), so every "
               "figure marked ≈ is an estimate: “sampled” ones come from ANALYZE's sample of each table (a 95 % "
               "range is shown), “spread evenly” ones share the rows of tenants outside a table's most-common "
               "list evenly and can be far off — press **Exact counts** for exact figures, or have a DBA raise "
               f"the statistics target of the {literal(settings.tenant_column)} column (ALTER TABLE … SET "
               "STATISTICS 1000 keeps up to 1,000 tenants per table) and run ANALYZE.")

tables = by_tenant(data["tables"])
analysed = any(t["quality"] != "never-analyzed" for t, _ in tables)
# Plain rows rather than a DataFrame: pandas' per-operation overhead was most of this page's CPU, and every
# session of the console reruns it.
listed_all = data["tenants_table"] is None  # no tenants table: every id counts as listed
people = []
for t in data["tenants"]:
    kind = "unknown id" if not (t["known"] or listed_all) else "test" if t["is_test"] else "real"
    people.append({"id": t["tenant_id"], "name": t["name"], "is_test": t["is_test"], "kind": kind,
                   "label": t["name"] if t["name"] is not None else t["tenant_id"],
                   "rows": t["rows"] if analysed and (t["quality"] != "unknown" or not never) else None,
                   "quality": t["quality"], "share": t["share"], **likely(t, tables)})
col_real, col_test = st.columns(2)
for column, label, kind in ((col_real, "Real tenants", "real"), (col_test, "Test tenants", "test")):
    group = [r for r in people if r["kind"] == kind]
    known_rows = [r["rows"] for r in group if r["rows"] is not None]
    rows = sum(known_rows) if known_rows else None
    column.metric(label, f"{len(group):,}", "rows unknown" if rows is None else
                  f"{figure(rows, 'exact' if exact else 'mcv')} rows",
                  delta_color="off", delta_arrow="off")
unknown_ids = sum(1 for r in people if r["kind"] == "unknown id")
if unknown_ids:
    st.warning(f"{unknown_ids:,} tenant id(s) in the data are missing from the tenants "
               "table; they are listed apart below.")
if people and all(r["is_test"] is None for r in people):
    st.caption("No tenants table with an is_test column, so test and real tenants cannot be told apart.")

top = sorted((r for r in people if (r["rows"] or 0) > 0), key=lambda r: -r["rows"])[:10]
if top:
    st.subheader("Largest tenants")
    # A plain Vega-Lite spec: st.bar_chart builds it through Altair and validates it on every rerun (~30 ms).
    st.vega_lite_chart(pd.DataFrame({"label": [r["label"] for r in top], "rows": [r["rows"] for r in top],
                                     "kind": [r["kind"] for r in top]}), {
        "mark": {"type": "bar"},
        "encoding": {"y": {"field": "label", "type": "nominal", "sort": "-x", "title": None},
                     "x": {"field": "rows", "type": "quantitative", "title": "rows"},
                     "color": {"field": "kind", "type": "nominal", "title": None}}}, width="stretch")
    total = data["total_rows"] or 0
    parts = [f"{literal(r['label'])} {figure(r['rows'], 'exact' if exact else r['quality'])} rows"
             + (f" ({'' if exact else '≈ '}{r['rows'] / total:.0%})" if total else "") for r in top]
    held = (f"; the {len(top)} largest hold {'' if exact else '≈ '}{sum(r['rows'] for r in top) / total:.0%} "
            "of all rows" if total else "")
    st.markdown(f"Largest: {'; '.join(parts[:3])}{held}.")
elif data["tenants"]:
    st.info("No chart: the per-tenant figures are unknown until the tables are analysed (or counted).")

st.subheader("Rows per tenant")
query = st.text_input("Find a tenant (id or name; the text as typed, not a pattern)", key="tenant_search",
                      max_chars=200).strip()
found = people
if query:
    wanted = query.lower()
    found = [r for r in people if wanted in r["id"].lower() or wanted in (r["name"] or "").lower()]
    st.caption(f"{len(found):,} of {len(people):,} tenant(s) match “{literal(query)}”.")
for label, kind in (("Real tenants", "real"), ("Test tenants", "test"), ("Ids missing from the tenants table",
                                                                          "unknown id")):
    group = [r for r in found if r["kind"] == kind]
    if not group:
        continue
    st.markdown(f"**{label}** ({len(group):,}{f', the {SHOWN:,} largest shown' if len(group) > SHOWN else ''})")
    shown = group[:SHOWN]
    st.dataframe(pd.DataFrame({
        "Tenant": [code(text(r["name"])) for r in shown], "Id": [code(r["id"]) for r in shown],
        "Rows": [figure(r["rows"], r["quality"]) for r in shown],
        "Likely range": [between(r["low"], r["high"], r["quality"]) if r["rows"] is not None else "unknown"
                         for r in shown],
        "Share": [text(None if r["share"] is None else f"{'' if r['quality'] == 'exact' else '≈ '}{r['share']:.1%}")
                  for r in shown],
        "How good": [QUALITY["never-analyzed"] if r["rows"] is None else QUALITY.get(r["quality"], text(r["quality"]))
                     for r in shown]}),
        hide_index=True, width="stretch")

if data["tables"] and found:
    st.subheader("Rows per tenant and table")
    listed = found[:SHOWN]
    if len(found) > SHOWN:
        st.caption(f"The {SHOWN:,} largest of {len(found):,} tenants; search above to find the others.")
    grid = {"Tenant": [code(text(r["label"])) for r in listed], "Kind": [r["kind"] for r in listed]}
    for table, by_id in tables:
        figures = [cell(table, by_id, r["id"]) for r in listed]
        grid[code(table["table"])] = [figure(f[0], f[3], mark=True) for f in figures]
    st.dataframe(pd.DataFrame(grid), hide_index=True, width="stretch")
    st.caption("“≈” marks an estimate, “(spread)” an even share of the rows outside the table's statistics, "
               "“unknown” a table never analysed." if not exact else "Counted rows.")

st.subheader("Tables")
st.dataframe(pd.DataFrame([{
    "Table": code(t["table"]),
    "Rows": figure(t["total"], t["quality"]) if t["quality"] != "never-analyzed" or t["total"] is None
    else f"{number(t['total'], approximate=True)} (not split by tenant)",
    "How counted": HOW.get(t["status"], text(t["status"])),
    "Quality": TABLE_QUALITY.get(t["quality"], text(t["quality"])),
    "Statistics refreshed": when(t["stats_refreshed_at"]),
    "Rows changed since": number(t["changed_since_analyze"]), "Note": text(t["note"])} for t in data["tables"]],
    columns=["Table", "Rows", "How counted", "Quality", "Statistics refreshed", "Rows changed since", "Note"]),
    hide_index=True, width="stretch")
st.subheader("Isolation")
warnings = data.get("isolation", {}).get("warnings", [])
for warning in warnings:
    st.warning(literal(warning))
if not warnings:
    st.success("Every row belongs to exactly one known tenant.")
for note in data.get("notes", []):
    if not note.startswith("'rough' figures") and "never analyzed; their rows" not in note:  # said above already
        st.caption(literal(note))
