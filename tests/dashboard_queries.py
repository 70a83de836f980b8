"""The dashboard's queries alone, for tests that compare their raw rows with what is shown."""

from __future__ import annotations

import json

from workbook.store import dialect
from workbook.store.dashboard import QUERIES, dashboard_parameters


def query_rows(library, cohort_id: str) -> dict[str, list[tuple]]:
    """The raw rows of every dashboard query, nothing else: the members found are bound for the
    queries after them, as the dashboard does."""
    parameters, rows = dashboard_parameters(library, cohort_id), {}
    for name, sql in QUERIES.items():
        rows[name] = dialect.run_raw(sql, parameters)
        if name == "members":
            parameters = parameters | {"members": json.dumps([row[0] for row in rows[name]])}
    return rows
