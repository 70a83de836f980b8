"""The cohort dashboard widget: matrix sorted by numbers, filtered by name, stalled learners listed,
and a learner opened from the keyboard."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from workbook.core.dashboard_model import CohortDashboard, LearnerRow, ModuleColumn
from workbook.ui.trainer.dashboard_page import DashboardPage

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def _dashboard() -> CohortDashboard:
    modules = (ModuleColumn("empathy", "Empathy on the phone", 5, True),
               ModuleColumn("de-escalation", "De-escalation", 5, True))
    rows = (
        LearnerRow("a", "Ana Lima", "E-1", None, {"empathy": 5, "de-escalation": 2}, {"empathy": 90},
                   3, 2, "WB-2026-AAAA-BBBB", {"empathy": 90, "listening": 40}, NOW - timedelta(days=1)),
        LearnerRow("b", "Bo Chen", "E-2", None, {"empathy": 1}, {"empathy": 9}, 1, 0, None,
                   {"empathy": 20}, NOW - timedelta(days=12)),
        LearnerRow("c", "Анна Петрова", None, None, {}, {}, 0, 0, None, {}, None),
    )
    return CohortDashboard("cohort-1", "November intake", modules, 10, rows, {"empathy": 55, "listening": 40})


def test_matrix_sorts_filters_and_opens_a_learner(qtbot):
    page = DashboardPage()
    qtbot.addWidget(page)
    page.show_cohorts([("cohort-1", "November intake")])
    page.show_dashboard(_dashboard(), now=NOW)
    page.show()
    assert page.proxy.rowCount() == 3
    assert "3 learners" in page.summary.text()
    assert page.model.title(2) == "Empathy on the phone"  # shown over lines that fit its column
    assert page.proxy.index(0, 2).data() == "5/5  \u00b7  90%"

    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # by sections read, then quiz: numbers
    assert [page.proxy.index(r, 0).data() for r in range(3)] == ["Анна Петрова", "Bo Chen", "Ana Lima"]

    qtbot.keyClicks(page.filter, "bo")
    assert page.proxy.rowCount() == 1 and page.proxy.index(0, 0).data() == "Bo Chen"
    page.filter.clear()

    qtbot.waitUntil(lambda: "Weakest skills" in page.insights.text())  # the side panel: one turn later
    assert "Listening" in page.insights.text() or "listening" in page.insights.text()
    assert "Bo Chen" in page.insights.text() and "Анна Петрова" in page.insights.text()
    assert "Ana Lima" not in page.insights.text().split("No progress")[1]
    page.stalled_days.setValue(30)
    assert "Bo Chen" not in page.insights.text().split("No progress")[1]

    with qtbot.waitSignal(page.learner_opened) as opened:
        page.table.setCurrentIndex(page.proxy.index(0, 0))
        page.table.doubleClicked.emit(page.proxy.index(0, 0))
    assert opened.args[0] in {"a", "b", "c"}


def test_matrix_is_complete_at_once_and_the_side_panel_follows_a_turn_later(qtbot):
    """The table (every row, sorted, columns sized) and the summary come in the same turn as the
    dashboard; the insights and the chart in the next turn, so no turn holds the GUI thread long.
    A second dashboard shown before that turn replaces the first one's pending side panel."""
    page = DashboardPage()
    qtbot.addWidget(page)
    page.show_cohorts([("cohort-1", "November intake")])
    page.show()
    first = _dashboard()
    page.show_dashboard(first, now=NOW)
    assert page.proxy.rowCount() == 3 and "3 learners" in page.summary.text()
    assert [page.proxy.index(r, 0).data() for r in range(3)] == ["Ana Lima", "Bo Chen", "Анна Петрова"]
    widths = [page.table.columnWidth(c) for c in range(page.model.columnCount())]
    metrics = page.table.fontMetrics()
    assert all(widths[c] >= metrics.horizontalAdvance(page.proxy.index(r, c).data())
               for c in range(len(widths)) for r in range(3))
    assert page.insights.text() == ""  # not yet: the next turn
    second = _dashboard()
    page.show_dashboard(second, now=NOW)
    qtbot.waitUntil(lambda: "Weakest skills" in page.insights.text())
    assert page.dashboard is second and "Bo Chen" in page.insights.text().split("No progress")[1]
    assert [value for _name, value in page.chart.items] == [40, 55]  # the chart has its scores too


def test_no_cohorts_disables_the_cohort_jobs(qtbot):
    page = DashboardPage()
    qtbot.addWidget(page)
    page.show_cohorts([])
    assert not page.csv_button.isEnabled() and not page.certificates_button.isEnabled()
    assert "No cohorts yet" in page.summary.text()
    header, metrics = page.table.horizontalHeader(), page.table.horizontalHeader().fontMetrics()
    for column in range(page.model.columnCount()):  # "Calls handled wel" was cut short here
        lines = page.model.headerData(column, Qt.Orientation.Horizontal).split("\n")
        assert max(metrics.horizontalAdvance(line) for line in lines) < header.sectionSize(column)
