"""Certificates in the audit log (issue 16): issue, re-issue and revoke each append an
entry naming the person acting, the certificate, the participant and the workshop."""

from __future__ import annotations

from desktop.core import audit
from desktop.core.certificates.issue import issue_certificates, revoke


def test_issue_reissue_and_revoke_are_audited(file_store, workshop):
    file_store.actor = "coordinator one"
    first = issue_certificates(file_store, workshop["workshop"]).issued[0]
    again = issue_certificates(file_store, workshop["workshop"],
                               participant_ids=[first.participant_id],
                               reissue_reason="name misspelt").issued[0]
    revoke(file_store, again.number, "wrong person")
    entries = [e for e in reversed(audit.query(file_store)) if e.action.startswith("certificate")]
    issued = [e for e in entries if e.action == "certificate.issue"]
    assert first.number in {e.target for e in issued}
    reissue = next(e for e in entries if e.action == "certificate.reissue")
    assert (reissue.target, reissue.details["supersedes"], reissue.details["reason"]) == (
        again.number, first.certificate_id, "name misspelt")
    last = entries[-1]
    assert (last.action, last.target, last.actor) == (
        "certificate.revoke", again.number, "coordinator one")
    assert (last.participant_id, last.workshop_id) == (first.participant_id,
                                                       workshop["workshop"])
    assert last.details["reason"] == "wrong person"
    assert audit.verify(file_store).intact
