"""Hindi / English: compiling and loading Qt translations, the saved choice, live switching.

Each area keeps its Hindi strings in `resources/i18n/<area>_hi.ts` (Qt TS XML, the source).
Compiled `.qm` files are build output: made by `pyside6-lrelease` at start-up when missing or
older than their `.ts` (and by `build.spec` for the bundle). Switching the language installs or
removes the translators; Qt then sends `QEvent.LanguageChange` to every widget, and forms
loaded from `.ui` files re-apply their texts through `bind_form` (QUiLoader has no
`retranslateUi`, so the source strings are read back from the `.ui` XML).

Adding strings: mark them with `QCoreApplication.translate("Context", "text")` (or
`QT_TRANSLATE_NOOP` for tables of texts), then update the area's file, keeping what is
already translated, and fill in the Hindi (Qt Linguist, or the XML by hand):

    pyside6-lupdate -no-obsolete -locations none desktop/ui/<area>/*.py forms/<area>*.ui \
        -ts resources/i18n/<area>_hi.ts -target-language hi_IN

Retranslating, one pattern:
- A widget loaded from a `.ui` form calls `bind_form(form, FORM, after=self._retranslate)`
  once, when built, then `self._retranslate()` if it has code texts to set at start. The
  form's own texts (labels, buttons, tab titles, placeholders) come back from the `.ui`;
  `_retranslate` sets only what code builds (table headers, combo items, messages) and
  never repeats a form text. Such a widget has no `changeEvent` of its own.
- A widget built in code, with no form, has one `retranslate()`
  that it calls at the end of `__init__` and from `changeEvent` on `LanguageChange`.
Texts in code that depend on the language (e.g. names of districts) follow
`current_language()` and are refreshed from that method. Tests switch the language by
installing a translator and delivering the posted `LanguageChange`
(`QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QTabWidget, QWidget

from desktop.paths import data_dir, forms_path, resource_path

LANGUAGES = ("en", "hi")
SETTINGS_ENV_VAR = "KARMAYOGI_DESK_SETTINGS"
_SETTINGS_KEY = "ui/language"
_current = "en"


def current_language() -> str:
    """The language the GUI shows now ("en" or "hi"), for texts built in code."""
    return _current


# -- settings ----------------------------------------------------------------------------------
def settings() -> QSettings:
    """The user's GUI settings: an INI file in the data folder (tests point the env var at a
    temporary file so they never touch the real one)."""
    path = os.environ.get(SETTINGS_ENV_VAR) or str(data_dir() / "settings.ini")
    return QSettings(path, QSettings.Format.IniFormat)


def saved_language() -> str:
    value = settings().value(_SETTINGS_KEY, "en")
    return value if value in LANGUAGES else "en"


def save_language(lang: str) -> None:
    s = settings()
    s.setValue(_SETTINGS_KEY, lang)
    s.sync()


# -- compiling -----------------------------------------------------------------------------------
def lrelease_command() -> list[str] | None:
    """`lrelease` shipped inside the PySide6 wheel, else `pyside6-lrelease`/`lrelease` on PATH."""
    try:
        import PySide6

        folder = Path(PySide6.__file__).parent
        for name in ("lrelease", "lrelease.exe"):
            if (folder / name).is_file():
                return [str(folder / name)]
    except ImportError:  # pragma: no cover - PySide6 is always there when Qt runs
        pass
    for name in ("pyside6-lrelease", "lrelease"):
        found = shutil.which(name)
        if found:
            return [found]
    return None


def ts_sources() -> list[Path]:
    return sorted(resource_path("i18n").glob("*_hi.ts"))


def _writable(folder: Path) -> bool:
    return folder.is_dir() and os.access(folder, os.W_OK) and not getattr(sys, "frozen", False)


def qm_cache_dir() -> Path:
    """Beside the sources when that folder is writable (a checkout), else the data folder."""
    folder = resource_path("i18n")
    if _writable(folder):
        return folder
    cache = data_dir() / "i18n"
    cache.mkdir(parents=True, exist_ok=True)
    return cache


def compile_ts(source: Path, target: Path) -> bool:
    command = lrelease_command()
    if command is None:
        return False
    result = subprocess.run(
        [*command, "-silent", str(source), "-qm", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode == 0 and target.is_file()


def compiled_translations(lang: str = "hi") -> list[Path]:
    """Every `*_<lang>.qm` to load, compiling stale or missing ones first.

    A `.qm` shipped beside its `.ts` (the bundle) is used as is when it cannot be rebuilt."""
    out: list[Path] = []
    if getattr(sys, "frozen", False):
        # A bundle ships .qm files compiled by build.spec; never look for lrelease there.
        return sorted(resource_path("i18n").glob(f"*_{lang}.qm"))
    cache = qm_cache_dir()
    for source in sorted(resource_path("i18n").glob(f"*_{lang}.ts")):
        target = cache / (source.stem + ".qm")
        if not target.is_file() or target.stat().st_mtime < source.stat().st_mtime:
            if not compile_ts(source, target):
                shipped = source.with_suffix(".qm")
                target = shipped if shipped.is_file() else target
        if target.is_file():
            out.append(target)
    # .qm files shipped without a .ts (e.g. built into a bundle)
    seen = {p.name for p in out}
    for shipped in sorted(resource_path("i18n").glob(f"*_{lang}.qm")):
        if shipped.name not in seen:
            out.append(shipped)
    return out


def qt_base_translation(lang: str) -> Path | None:
    """Qt's own strings (OK/Cancel in standard dialogs), when PySide6 ships them."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for name in (f"qtbase_{lang}.qm", f"qt_{lang}.qm"):
        if (folder / name).is_file():
            return folder / name
    return None


# -- switching -----------------------------------------------------------------------------------
class Translations:
    """Owns the installed translators; `apply(lang)` switches the whole application live."""

    _instance: Translations | None = None

    @classmethod
    def shared(cls, app: QCoreApplication) -> Translations:
        """The application's one instance: translators are application-wide, so two owners
        would leave each other's translators installed."""
        if cls._instance is None or cls._instance.app is not app:
            cls._instance = cls(app)
        return cls._instance

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.language = "en"
        self._installed: list[QTranslator] = []
        self.loaded: list[Path] = []

    def apply(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed.clear()
        self.loaded = []
        if lang != "en":
            files = compiled_translations(lang)
            base = qt_base_translation(lang)
            if base is not None:
                files.append(base)
            for path in files:
                translator = QTranslator(self.app)
                if translator.load(str(path)):
                    self.app.installTranslator(translator)
                    self._installed.append(translator)
                    self.loaded.append(path)
        QLocale.setDefault(
            QLocale(
                QLocale.Language.Hindi if lang == "hi" else QLocale.Language.English,
                QLocale.Country.India,
            )
        )
        self.language = lang
        global _current
        _current = lang
        if not self._installed:
            # Removing every translator (back to English) must still retranslate the widgets.
            QCoreApplication.sendEvent(self.app, QEvent(QEvent.Type.LanguageChange))


# -- forms -----------------------------------------------------------------------------------------
_TEXT_PROPERTIES = ("text", "title", "windowTitle", "placeholderText", "toolTip", "statusTip")


@dataclass(frozen=True)
class _FormText:
    object_name: str
    prop: str  # a property name, or "tab:title" for a QTabWidget page title
    source: str
    comment: str | None


@lru_cache(maxsize=64)
def form_texts(name: str) -> tuple[str, tuple[_FormText, ...]]:
    """(translation context, translatable strings) of `forms/<name>`, read from its XML."""
    root = ET.parse(forms_path(name)).getroot()
    context = (root.findtext("class") or "").strip()
    texts: list[_FormText] = []
    for element in root.iter():
        if element.tag not in ("widget", "action"):
            continue
        object_name = element.get("name")
        if not object_name:
            continue
        for child in element:
            if child.tag not in ("property", "attribute"):
                continue
            string = child.find("string")
            if string is None or string.get("notr") == "true" or not (string.text or ""):
                continue
            prop = child.get("name", "")
            if child.tag == "attribute":
                if prop != "title":
                    continue
                prop = "tab:title"
            elif prop not in _TEXT_PROPERTIES:
                continue
            texts.append(_FormText(object_name, prop, string.text, string.get("comment")))
    return context, tuple(texts)


def retranslate_form(root: QWidget, name: str) -> None:
    """Re-apply every translatable text of the form `name` loaded into `root`."""
    context, texts = form_texts(name)
    for item in texts:
        target = root if root.objectName() == item.object_name else None
        if target is None:
            # Optional on purpose, the one lookup that is not `uiload.child`: a page may
            # take a form's part away (the main window adopts its form's menus and central
            # widget and drops the rest), and a text with nowhere to go is simply not shown.
            target = root.findChild(QObject, item.object_name)
        if target is None:
            continue
        value = QCoreApplication.translate(context, item.source, item.comment)
        if item.prop == "tab:title":
            parent = target.parentWidget()
            tabs = parent.parentWidget() if parent is not None else None
            if isinstance(tabs, QTabWidget) and isinstance(target, QWidget):
                index = tabs.indexOf(target)
                if index >= 0:
                    tabs.setTabText(index, value)
            continue
        if isinstance(target, QAction) and item.prop == "text":
            target.setText(value)
        else:
            target.setProperty(item.prop, value)


class _LanguageFilter(QObject):
    """Re-reads a form's texts when the language changes. The filter, its form and the page
    whose method `after` is can be one reference cycle, and the cycle collector may clear
    the filter's attributes while Qt still delivers the form's events (a GUI test's teardown
    saw "'_LanguageFilter' object has no attribute 'root'"): so the form is the watched
    object itself, and a filter whose attributes are gone does nothing."""

    def __init__(self, root: QWidget, name: str, after) -> None:
        super().__init__(root)
        self.name, self.after = name, after

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange and isinstance(watched, QWidget):
            name = self.__dict__.get("name")
            if name is not None:
                retranslate_form(watched, name)
                after = self.__dict__.get("after")
                if after is not None:
                    after()
        return False


def bind_form(root: QWidget, name: str, after=None) -> None:
    """Keep a `.ui`-loaded widget translated: on every language change its texts are re-read
    from the form's source strings, then `after()` runs for texts set in code."""
    retranslate_form(root, name)
    root.installEventFilter(_LanguageFilter(root, name, after))


# -- standard buttons ------------------------------------------------------------------------------
# Qt ships no qtbase_hi.qm, so the standard buttons' texts are translated here (context
# "Buttons" in shell_hi.ts) and set explicitly.
_BUTTON_TEXTS = {
    "Ok": QT_TRANSLATE_NOOP("Buttons", "OK"),
    "Save": QT_TRANSLATE_NOOP("Buttons", "Save"),
    "Cancel": QT_TRANSLATE_NOOP("Buttons", "Cancel"),
    "Close": QT_TRANSLATE_NOOP("Buttons", "Close"),
    "Yes": QT_TRANSLATE_NOOP("Buttons", "Yes"),
    "No": QT_TRANSLATE_NOOP("Buttons", "No"),
    "Apply": QT_TRANSLATE_NOOP("Buttons", "Apply"),
    "Open": QT_TRANSLATE_NOOP("Buttons", "Open"),
}


def translate_buttons(box: QDialogButtonBox | QMessageBox) -> None:
    """Give a button box's (or message box's) standard buttons texts in the current language."""
    enum = (
        QDialogButtonBox.StandardButton
        if isinstance(box, QDialogButtonBox)
        else QMessageBox.StandardButton
    )
    for name, text in _BUTTON_TEXTS.items():
        button = box.button(getattr(enum, name))
        if button is not None:
            button.setText(QCoreApplication.translate("Buttons", text))


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """A Yes/No question whose buttons follow the GUI language (No is the default)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    translate_buttons(box)
    return box.exec() == QMessageBox.StandardButton.Yes
