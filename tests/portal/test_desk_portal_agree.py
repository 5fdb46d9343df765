"""The desk and the portal agree on what a mobile and an e-mail address are.

Each input is run through the desk's roster import check (RowValidator, which the person form
also uses) and, as typed, through the portal's record check. The desk may accept more forms
than the portal (it cleans `+91 98765-43210` into `9876543210`), but what it stores the portal
accepts, and whatever the portal accepts the desk keeps as it is. Before the shared rule
(desktop.protocol.fields) the portal took any 10 digits and anything like `a@b.c`."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.roster.districts import DistrictMatcher
from desktop.core.roster.validate import RowValidator
from desktop.portal.validate import check_record
from desktop.protocol import fields
from desktop.protocol.ids import new_id

from .samples import record, valid_data

_VALIDATOR = RowValidator(DistrictMatcher([("LKO", "Lucknow", "लखनऊ")]))


def desk(field: str, value: str) -> str | None:
    """What the desk's import stores for `value`, or None when it refuses the cell."""
    data, errors = _VALIDATOR.validate({"name_en": "Asha Verma", field: value})
    assert [f for f, _ in errors] in ([], [field])
    return None if errors else data[field]


def portal_accepts(field: str, value: str) -> bool:
    data = valid_data("participant", **{field: value})
    problems = check_record(record("participant", data, origin=new_id()))
    assert all(p.message.startswith(f"{field}:") for p in problems), problems
    return not problems


MOBILES = [
    # (as typed, what the desk stores or None, whether the portal takes it as it is)
    ("9876543210", "9876543210", True),
    ("6000000000", "6000000000", True),
    ("+91 98765-43210", "9876543210", False),
    ("+91-9876543210", "9876543210", False),
    ("919876543210", "9876543210", False),
    ("00919876543210", "9876543210", False),
    ("09876543210", "9876543210", False),
    ("(98765) 43210", "9876543210", False),
    ("9876543210.0", "9876543210", False),  # Excel's number
    ("९८७६५४३२१०", "9876543210", False),  # Devanagari digits
    ("0123456789", None, False),  # the portal took any 10 digits before
    ("5123456789", None, False),
    ("1234567890", None, False),
    ("98765", None, False),
    ("98765432101", None, False),
    ("9.87654E+09", None, False),
]

EMAILS = [
    ("ramesh@example.in", "ramesh@example.in", True),
    ("Ramesh.Kumar@UP.gov.in", "ramesh.kumar@up.gov.in", True),
    ("o'neil+desk@mail.example.com", "o'neil+desk@mail.example.com", True),
    ("a@b", None, False),
    ("not-an-email", None, False),
    ("x@y.c", None, False),  # the portal took `a@b.c` shapes before
    ("name@domain.123", None, False),
    ("a..b@example.in", None, False),
    ("राम@उदाहरण.भारत", None, False),
    ("a@b@example.in", None, False),
]


@pytest.mark.parametrize(("typed", "stored", "portal_as_typed"), MOBILES)
def test_mobile_desk_and_portal_agree(typed, stored, portal_as_typed):
    assert desk("mobile", typed) == stored
    assert portal_accepts("mobile", typed) is portal_as_typed
    if stored is not None:
        assert portal_accepts("mobile", stored)


@pytest.mark.parametrize(("typed", "stored", "portal_as_typed"), EMAILS)
def test_email_desk_and_portal_agree(typed, stored, portal_as_typed):
    assert desk("email", typed) == stored
    assert portal_accepts("email", typed) is portal_as_typed
    if stored is not None:
        assert portal_accepts("email", stored)


_MOBILE_CHARS = st.sampled_from(list("0123456789+-() .E९६") + ["91", "0091", "98765"])


@given(st.lists(_MOBILE_CHARS, max_size=8).map("".join))
def test_any_mobile_the_desk_stores_the_portal_accepts(typed):
    stored = fields.normalise_mobile(typed)
    if stored is not None:
        assert fields.is_mobile(stored) and fields.normalise_mobile(stored) == stored
    if fields.is_mobile(typed):  # the stored form is its own normal form
        assert stored == typed


@given(st.from_regex(r"[A-Za-z0-9.'+@\-]{1,12}\.[a-zA-Z0-9]{1,3}", fullmatch=True))
def test_any_email_the_desk_stores_the_portal_accepts(typed):
    stored = fields.normalise_email(typed)
    assert (stored is not None) == fields.is_email(typed)
    if stored is not None:
        assert fields.is_email(stored) and fields.normalise_email(stored) == stored


def test_the_desks_other_doors_use_the_same_rule(store):
    """The walk-in form and the field-visit quick add store the cleaned number too."""
    from desktop.core import enrolment, field_visits

    assert enrolment.validate_walk_in(enrolment.WalkIn(name_en="Ravi", mobile="+91 70000-00001"))\
        is None
    with pytest.raises(enrolment.EnrolmentError):
        enrolment.validate_walk_in(enrolment.WalkIn(name_en="Ravi", mobile="0123456789"))
    pid = field_visits.quick_add_participant(store, "Sita", mobile="091234 56789")
    assert store.get("participant", pid)["mobile"] == "9123456789"
    with pytest.raises(field_visits.VisitError):
        field_visits.quick_add_participant(store, "Gita", mobile="5123456789")
