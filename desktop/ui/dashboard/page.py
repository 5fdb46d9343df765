"""Dashboard: the month's funnel, the departments that lead and trail, and the last 12
months, as bar charts with their numbers beside them. Filters re-read in the background (a
task on the runner) so the window never freezes; an answer to an older filter is dropped."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QTimer
from PySide6.QtWidgets import QComboBox, QDateEdit, QGroupBox, QLabel, QWidget

from desktop.core import lookups
from desktop.core.dates import format_month
from desktop.core.review import STEPS, Filters, FunnelRow, Review, build_review, trend
from desktop.store import Store
from desktop.ui.bars import COLOURS, Bar, Columns, HorizontalBars
from desktop.ui.context import AppContext
from desktop.ui.i18n import current_language
from desktop.ui.said import say
from desktop.ui.uiload import child, embed_form, load_ui

CONTEXT = "DashboardPage"
#: how many departments are shown at the top and at the bottom
EXTREMES = 5


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def step_names() -> dict[str, str]:
    return {
        "registered": tr("Registered"),
        "enrolled": tr("Enrolled"),
        "attended": tr("Attended"),
        "completed": tr("Completed"),
        "certified": tr("Certified"),
    }


def completion_rate(row: FunnelRow) -> float:
    return row.completed * 100 / row.enrolled if row.enrolled else 0.0


def top_and_bottom(rows: list[FunnelRow], n: int = EXTREMES) -> list[FunnelRow]:
    """Departments with anyone enrolled, best completion rate first: the first `n` and the
    last `n` (all of them when there are no more than 2n)."""
    ranked = sorted(
        (r for r in rows if r.enrolled), key=lambda r: (-completion_rate(r), r.label_en)
    )
    return ranked if len(ranked) <= 2 * n else ranked[:n] + ranked[-n:]


class DashboardPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.review: Review | None = None
        self.trend_rows: list[FunnelRow] = []
        self._asked = 0  # the number of the latest request; older answers are dropped
        self._reader: Store | None = None
        self.ui = load_ui("dashboard.ui", self)
        embed_form(self, self.ui)
        self.month_edit: QDateEdit = child(self.ui, QDateEdit, "monthEdit")
        self.department: QComboBox = child(self.ui, QComboBox, "departmentCombo")
        self.district: QComboBox = child(self.ui, QComboBox, "districtCombo")
        self.mode: QComboBox = child(self.ui, QComboBox, "modeCombo")
        self.group: QComboBox = child(self.ui, QComboBox, "groupCombo")
        self.status: QLabel = child(self.ui, QLabel, "statusLabel")
        self.funnel_bars = HorizontalBars()
        self.department_bars = HorizontalBars()
        self.trend = Columns()
        for box, widget in (
            ("funnelBox", self.funnel_bars),
            ("departmentsBox", self.department_bars),
            ("trendBox", self.trend),
        ):
            child(self.ui, QGroupBox, box).layout().addWidget(widget)
        self.month_edit.setDate(QDate.currentDate())
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.refresh)
        self.month_edit.dateChanged.connect(lambda *_: self._debounce.start())
        for combo in (self.department, self.district, self.mode, self.group):
            combo.currentIndexChanged.connect(lambda *_: self._debounce.start())
        ctx.changed.connect(self._on_changed)
        self.retranslate()

    # -- filters --------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        hindi = current_language() == "hi"
        combos = (self.department, self.district, self.mode, self.group)
        kept = [c.currentData() for c in combos]
        for combo in combos:
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("All"), None)
        for en, hi in lookups.departments(self.ctx.store, active_only=False):
            self.department.addItem(hi if hindi else en, en)
        for d in lookups.districts(self.ctx.store):
            self.district.addItem(d.name_hi if hindi else d.name_en, d.code)
        self.mode.addItem(tr("Institute"), "institute")
        self.mode.addItem(tr("Field"), "field")
        self.group.addItem(tr("Officers (A/B)"), "A/B")
        self.group.addItem(tr("Staff (C/D)"), "C/D")
        for combo, value in zip(combos, kept, strict=True):
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)

    @property
    def month(self) -> str:
        return self.month_edit.date().toString("yyyy-MM")

    def filters(self) -> Filters:
        return Filters(
            department=self.department.currentData(),
            district_code=self.district.currentData(),
            mode=self.mode.currentData(),
            service_group=self.group.currentData(),
        )

    # -- reading --------------------------------------------------------------------------
    def _store(self) -> Store:
        """Reads go through a connection of their own (WAL: never waiting for the writer)."""
        if self.ctx.store.path is None:
            return self.ctx.store
        if self._reader is None:
            self._reader = self.ctx.store.reader()
        return self._reader

    def refresh(self) -> None:
        self._asked += 1
        asked, month, filters, store = self._asked, self.month, self.filters(), self._store()
        self.status.setText(tr("Reading…"))
        self.ctx.run(  # the month first (funnel, departments), then its 12-month trend
            lambda handle: build_review(
                store, month, filters=filters, trend_months=0, breakdowns=("by_department",),
                workshop_lines=False,
            ),
            on_done=lambda review: self._answer(asked, review),
            on_error=lambda exc, trace: self.status.setText(say(exc)),
        )

    def _answer(self, asked: int, review: Review) -> None:
        if asked != self._asked:
            return  # the filters changed while this was read: a newer answer is coming
        self.show_review(review)
        store, month, filters = self._store(), review.month, review.filters
        self.ctx.run(
            lambda handle: trend(store, month, filters),
            on_done=lambda rows: self._trend_answer(asked, rows),
            on_error=lambda exc, trace: self.status.setText(say(exc)),
        )

    def _trend_answer(self, asked: int, rows: list[FunnelRow]) -> None:
        if asked == self._asked:
            self.trend_rows = rows
            self.show_trend()

    def show_trend(self) -> None:
        names, rows = step_names(), self.trend_rows
        self.trend.set_data(
            [format_month(r.key)[:2] + "/" + r.key[2:4] for r in rows],
            [
                (names["enrolled"], COLOURS[1], [r.enrolled for r in rows]),
                (names["completed"], COLOURS[2], [r.completed for r in rows]),
            ],
        )

    def show_review(self, review: Review) -> None:
        self.review = review
        names = step_names()
        shares = review.funnel.shares()
        bars = []
        for i, step in enumerate(STEPS):
            value = getattr(review.funnel, step) or 0
            text = f"{value:,}" + (f"  ({shares[step]:g}%)" if shares[step] is not None else "")
            bars.append(Bar(names[step], value, text, COLOURS[i]))
        self.funnel_bars.set_bars(bars)
        hindi = current_language() == "hi"
        extremes = top_and_bottom(review.by_department)
        self.department_bars.set_bars(
            [
                Bar(
                    r.label_hi if hindi else r.label_en,
                    completion_rate(r),
                    f"{completion_rate(r):.0f}%  ({r.completed:,}/{r.enrolled:,})",
                    COLOURS[2],
                )
                for r in extremes
            ],
            tr("Nobody enrolled in this month"),
        )
        self.status.setText(
            tr("Month {0}: completed is the share of enrolled; numbers beside the bars.").format(
                format_month(review.month)
            )
        )

    def _on_changed(self, kind: str) -> None:
        if self.review is not None and kind in (
            "participant",
            "enrolment",
            "attendance",
            "workshop",
            "certificate",
        ):
            self._debounce.start()

    # -- language -------------------------------------------------------------------------
    def retranslate(self) -> None:
        for name, text in (
            ("titleLabel", tr("Dashboard")),
            ("monthLabel", tr("Month:")),
            ("departmentLabel", tr("Department:")),
            ("districtLabel", tr("District:")),
            ("modeLabel", tr("Mode:")),
            ("groupLabel", tr("Group:")),
        ):
            child(self.ui, QLabel, name).setText(text)
        for name, text in (
            ("funnelBox", tr("The funnel")),
            ("departmentsBox", tr("Departments: top and bottom by completion")),
            ("trendBox", tr("The last 12 months")),
        ):
            child(self.ui, QGroupBox, name).setTitle(text)
        self._fill_choices()
        if self.review is not None:
            self.show_review(self.review)
            self.show_trend()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.review is None:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def create_page(ctx: AppContext) -> QWidget:
    return DashboardPage(ctx)
