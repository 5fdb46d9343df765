"""Field visits: validating, saving, listing, and action points that carry over.

A field visit is the academy team's record of a day in a district office. The record itself
is the synced `field_visit` kind (SYNC-PROTOCOL.md §4); this module is the only place that
decides what a valid one is, so the form, the CLI and the demo refuse the same things with the
same messages. Action points live inside the visit that raised them; when a later visit to the
same office closes one, the earlier visit gets a new version (that is what syncs).

One job per module: `rules` (what a valid visit is), `writing` (saving), `reading` (the list,
one visit, carried-over points, lookups). Import from here; the names below are the API."""

from __future__ import annotations

from desktop.core.field_visits.reading import (
    CarriedPoint,
    VisitSummary,
    carried_over_points,
    decode_visit,
    departments,
    district_code,
    districts,
    is_open,
    is_overdue,
    list_visits,
    load_visit,
    offices,
    participant_label,
    participant_labels,
    search_participants,
    visit_months,
    visited_districts,
)
from desktop.core.field_visits.rules import (
    AP_DONE,
    AP_DROPPED,
    AP_IN_PROGRESS,
    AP_OPEN,
    AP_STATUSES,
    FIELD_LABELS,
    MESSAGES,
    OPEN_STATUSES,
    REQUIRED,
    STATUS_FILTERS,
    VisitError,
    clean_action_point,
    normalize_office,
    problem,
    today_iso,
    validate_visit,
)
from desktop.core.field_visits.writing import (
    create_visit,
    delete_visit,
    quick_add_participant,
    save_visit,
    update_action_point,
    update_visit,
)

__all__ = [
    "AP_DONE",
    "AP_DROPPED",
    "AP_IN_PROGRESS",
    "AP_OPEN",
    "AP_STATUSES",
    "CarriedPoint",
    "FIELD_LABELS",
    "MESSAGES",
    "OPEN_STATUSES",
    "REQUIRED",
    "STATUS_FILTERS",
    "VisitError",
    "VisitSummary",
    "carried_over_points",
    "decode_visit",
    "clean_action_point",
    "create_visit",
    "delete_visit",
    "departments",
    "district_code",
    "districts",
    "is_open",
    "is_overdue",
    "list_visits",
    "load_visit",
    "normalize_office",
    "offices",
    "participant_label",
    "participant_labels",
    "problem",
    "quick_add_participant",
    "save_visit",
    "search_participants",
    "today_iso",
    "update_action_point",
    "update_visit",
    "validate_visit",
    "visit_months",
    "visited_districts",
]
