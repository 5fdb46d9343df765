"""What counts as broken in a page or a window a trainer sees: the checks of the walk
(tests/ui/walk.py), each returning plain sentences naming the widget.

- a label whose one-line text is wider than the label, a column header narrower than its
  title, a button whose text is cut, a field whose hint is cut;
- a list that needs sideways scrolling, a wrapped table cell with a word wider than its column
  (cut in the middle, e.g. अधिनियम shown as अधिनियः);
- a window that shows nothing or keeps its form in a hidden second window (the empty Enrol
  box), has no real size (the 0×0 Programmes dialog) or extends past the screen."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QWidget,
)

MIN_DIALOG = (200, 100)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def cut_off_texts(root: QWidget) -> list[str]:
    """Labels whose one-line text does not fit their width, and column headers narrower than
    their title, among the visible widgets of `root`."""
    found: list[str] = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or label.wordWrap() or not label.text():
            continue
        if label.pixmap() is not None and not label.pixmap().isNull():
            continue
        text = label.text()
        if label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
        ):
            continue
        if label.buddy() is not None:
            text = _plain(text)
        metrics = label.fontMetrics()
        need = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        have = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
        if need > have + 1:
            found.append(
                f"label {label.objectName() or '(unnamed)'} {text[:60]!r} is cut off "
                f"({need} px of text in {have} px)"
            )
    for header in root.findChildren(QHeaderView):
        if header.orientation() != Qt.Orientation.Horizontal or not header.isVisible():
            continue
        model = header.model()
        if model is None:
            continue
        metrics = header.fontMetrics()
        margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        view = header.parentWidget()
        owner = view.objectName() if view is not None else ""
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
            if not text:
                continue
            need = max(metrics.horizontalAdvance(line) for line in text.split("\n")) + margin
            have = header.sectionSize(section)
            if need > have + 1:
                found.append(
                    f"column {text!r} of {owner or 'a table'} is cut off "
                    f"({need} px of title in a {have} px column)"
                )
    found.extend(_cut_buttons_and_hints(root))
    found.extend(_cut_cells_and_sideways_views(root))
    return found


def _cut_buttons_and_hints(root: QWidget) -> list[str]:
    """Push buttons whose text is wider than the button, and line edits whose empty-field
    hint (placeholder) is cut."""
    from PySide6.QtWidgets import QLineEdit

    found: list[str] = []
    for button in root.findChildren(QPushButton):
        text = _plain(button.text())
        if not button.isVisible() or not text:
            continue
        need = button.fontMetrics().horizontalAdvance(text) + 2 * button.style().pixelMetric(
            QStyle.PixelMetric.PM_ButtonMargin, None, button) // 2
        if need > button.width():
            found.append(f"button {button.objectName() or text!r} {text!r} is cut off "
                         f"({need} px of text in {button.width()} px)")
    for edit in root.findChildren(QLineEdit):
        hint = edit.placeholderText()
        if not edit.isVisible() or not hint or edit.text():
            continue
        need = edit.fontMetrics().horizontalAdvance(hint) + 8  # the frame and text margins
        if need > edit.width():
            found.append(f"the hint of {edit.objectName() or 'a field'} {hint!r} is cut off "
                         f"({need} px in {edit.width()} px)")
    return found


#: Item views that may scroll sideways by design (a spreadsheet's preview has any width).
SIDEWAYS_OK = {"previewTable", "mappingTable"}


def _cut_cells_and_sideways_views(root: QWidget) -> list[str]:
    """Item views that need sideways scrolling, and wrapped cells with a word wider than
    the column (it is cut in the middle, e.g. अधिनियम shown as अधिनियः)."""
    from PySide6.QtWidgets import QTableView

    found: list[str] = []
    for view in root.findChildren(QAbstractItemView):
        if not view.isVisible() or view.model() is None:
            continue
        name = view.objectName() or type(view).__name__
        bar = view.horizontalScrollBar()
        if bar.isVisible() and bar.maximum() > 0 and name not in SIDEWAYS_OK:
            found.append(f"{name} needs sideways scrolling")
        if not isinstance(view, QTableView) or not view.wordWrap():
            continue
        model, metrics = view.model(), view.fontMetrics()
        # A cell's text keeps (focus frame margin + 1) px free on each side (QCommonStyle).
        padding = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin,
                                                None, view) + 1)
        for column in range(model.columnCount()):
            if view.isColumnHidden(column):
                continue
            width = view.columnWidth(column) - padding
            for row in range(min(model.rowCount(), 30)):
                text = str(model.data(model.index(row, column)) or "")
                word = max(text.split(), key=metrics.horizontalAdvance, default="")
                if word and metrics.horizontalAdvance(word) > width:
                    header = model.headerData(column, Qt.Orientation.Horizontal)
                    found.append(
                        f"{name}: {word!r} in column {header!r} is cut "
                        f"({metrics.horizontalAdvance(word)} px in {width} px)"
                    )
                    break
    return found


def window_problems(window: QWidget, screen: QRect) -> list[str]:
    """What is wrong with a caught window as such (before it is closed)."""
    problems: list[str] = []
    inner = [c for c in window.findChildren(QWidget) if not c.isWindow() and c.isVisible()]
    if not inner:
        problems.append("shows nothing: no visible field, text or button")
    hidden_forms = [
        c for c in window.findChildren(QWidget)
        if c.isWindow() and not c.isVisible() and c.parentWidget() is window
        and c.findChildren(QAbstractButton)
    ]
    for form in hidden_forms:
        problems.append(
            f"its form {form.objectName()!r} ({type(form).__name__}) is a hidden second window"
        )
    if window.width() < MIN_DIALOG[0] or window.height() < MIN_DIALOG[1]:
        problems.append(f"has no real size: {window.width()}×{window.height()}")
    frame = window.frameGeometry()
    if not frame.isEmpty() and not screen.contains(frame):
        problems.append(
            f"extends past the screen: {frame.x()},{frame.y()} {frame.width()}×"
            f"{frame.height()} on a {screen.width()}×{screen.height()} screen"
        )
    return problems


# -- the Hindi walk (issue 19, item 4) --------------------------------------------------------
#: Latin words a Hindi screen may show, and why. Everything else in the window's own text
#: (labels, buttons, group and tab titles, column headers, hints, window titles) must be Hindi.
ALLOWED_LATIN: dict[str, str] = {
    "iGOT": "the portal's name (iGOT Karmayogi), as on its own Hindi pages",
    "PDF": "a file type users know by this name", "XLSX": "a file type", "CSV": "a file type",
    "QR": "the code's name", "USB": "the stick's name", "URL": "an address's name",
    "HTTPS": "an address's scheme", "OK": "Qt's standard button, as Hindi Windows shows it",
    "Admin": "the demo desk's user *name* (data; the role beside it is Hindi)",
    "UPAAM": "the institute's code (data)",
    "Ctrl": "a key's legend as printed on the keyboard", "Shift": "a key's legend",
    "Esc": "a key's legend", "Enter": "a key's legend", "Alt": "a key's legend",
    "Windows": "the product name, as on a Hindi Windows", "Excel": "the product name",
    "https": "an address shown as an example of what to type",
    "English": "the language's own name on the first-run language choice (each language is "
               "offered in its own script, so that a reader of either finds it)",
}
_LATIN_WORD = None


def _latin_words(text: str, data_words: frozenset[str] = frozenset()) -> list[str]:
    """Latin words of `text` that are neither allowed nor data: a word found in the walked
    database's own text (a person's or an office's name) is data the user typed."""
    import re

    global _LATIN_WORD
    if _LATIN_WORD is None:
        _LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
    # file extensions (.xlsx), identifiers and formats (do_…, kdv1/…) are what to type
    text = re.sub(r"\.\w+|\b\w+_\S*|\b\w+\d/\S*", " ", text)
    words = []
    for word in _LATIN_WORD.findall(text):
        if word in ALLOWED_LATIN or word in data_words:
            continue
        if word.isupper() and len(word) <= 6:  # a code (LKO, EOFF, A/B…): data, not chrome
            continue
        words.append(word)
    return words


def _data_like(text: str) -> bool:
    """Paths, addresses, e-mails, fingerprints and numbers shown as values, not chrome."""
    import re

    return bool(re.fullmatch(r"[\w .:/\\@+~…-]*[/\\@][\w .:/\\@+~…-]*|[0-9A-F]{4}(-[0-9A-F]{4})+",
                             text.strip()))


def data_words_of(db_path) -> frozenset[str]:
    """Every Latin word in the text of a (demo) database: names, offices, designations."""
    import re
    import sqlite3

    words: set[str] = set()
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'")]
        for table in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                       if (r[2] or "").upper() in ("TEXT", "")]
            for column in columns:
                for (value,) in conn.execute(f'SELECT DISTINCT "{column}" FROM "{table}" '
                                             f'WHERE typeof("{column}") = \'text\''):
                    words.update(re.findall(r"[A-Za-z]+", value))
    return frozenset(words)


def latin_texts(root: QWidget, data_words: frozenset[str] = frozenset()) -> list[str]:
    """The window's own visible texts with Latin words that are not on `ALLOWED_LATIN`.
    Data is left out: table and list cells, line-edit contents, combo items and labels showing
    a path, an address or a fingerprint."""
    from PySide6.QtWidgets import QGroupBox, QLineEdit, QTabWidget

    texts: list[tuple[str, str]] = []
    if root.isWindow() and root.windowTitle():
        texts.append(("window title", root.windowTitle()))
    for label in root.findChildren(QLabel):
        if label.isVisible() and label.text() and not _data_like(label.text()):
            if label.textFormat() == Qt.TextFormat.RichText or QtGui.Qt.mightBeRichText(
                label.text()
            ):
                doc = QtGui.QTextDocument()
                doc.setHtml(label.text())
                texts.append((f"label {label.objectName()}", doc.toPlainText()))
            else:
                texts.append((f"label {label.objectName()}", label.text()))
    for button in root.findChildren(QAbstractButton):
        if button.isVisible() and button.text():
            texts.append((f"button {button.objectName()}", _plain(button.text())))
    for group in root.findChildren(QGroupBox):
        if group.isVisible() and group.title():
            texts.append((f"group {group.objectName()}", _plain(group.title())))
    for tabs in root.findChildren(QTabWidget):
        if tabs.isVisible():
            texts += [(f"tab of {tabs.objectName()}", _plain(tabs.tabText(i)))
                      for i in range(tabs.count()) if tabs.isTabVisible(i)]
    for header in root.findChildren(QHeaderView):
        if header.isVisible() and header.orientation() == Qt.Orientation.Horizontal:
            model = header.model()
            for column in range(model.columnCount() if model is not None else 0):
                if not header.isSectionHidden(column):
                    title = model.headerData(column, Qt.Orientation.Horizontal)
                    texts.append((f"column header of {header.parent().objectName()}",
                                  str(title or "")))
    for edit in root.findChildren(QLineEdit):
        if edit.isVisible() and edit.placeholderText() and not _data_like(edit.placeholderText()):
            texts.append((f"hint of {edit.objectName()}", edit.placeholderText()))
    found = []
    for where, text in texts:
        words = _latin_words(text, data_words)
        if words:
            found.append(f"{where} shows English in Hindi: {text[:80]!r} "
                         f"({', '.join(sorted(set(words))[:5])})")
    return found
