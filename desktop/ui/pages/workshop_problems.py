"""Moved to desktop.ui.workshops.problems (issue 12): kept only for
desktop/ui/pages/field_visits.py, which is being split at the same time; its new home
imports desktop.ui.workshops.problems instead, and this file then goes."""

from desktop.ui.workshops.problems import WORKSHOP_PROBLEMS, problem_lines

__all__ = ["WORKSHOP_PROBLEMS", "problem_lines"]
