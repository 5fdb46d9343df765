"""The first-run wizard: what a new desk needs before its main window opens (issue 19).

Language, institute and desk number, where the data lives, the first admin (the centre is
written when that page is committed), then the signing key's fingerprint and the optional
portal enrolment and iGOT settings, which work on the centre just set up."""

from desktop.ui.first_run.wizard import FirstRunWizard

__all__ = ["FirstRunWizard"]
