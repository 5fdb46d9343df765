"""The hub's change feed without HTTP: cursors, own records left out, a rewound database."""

from __future__ import annotations

from desktop.core.venue import relay


def test_feed_pages_leave_out_the_asking_desk_and_survive_a_rewound_hub(store):
    ids = [store.insert("participant", {"name_en": f"P {i}", "mobile": f"98765{i:05d}"})
           for i in range(5)]
    page = relay.changes(store, "", "someone-else", limit=3)
    assert [r["id"] for r in page["records"]] == ids[:3]
    page = relay.changes(store, page["cursor"], "someone-else", limit=3)
    assert [r["id"] for r in page["records"]] == ids[3:]
    assert relay.changes(store, page["cursor"], "someone-else")["records"] == []
    assert not relay.has_news(store, page["cursor"], "someone-else")
    # the hub's own desk asking (a joined desk never does): its records are left out
    assert relay.changes(store, "", store.device_id)["records"] == []
    # a cursor beyond what the database holds (restored from an older backup): start over
    ahead = f"{store.device_id}:999999:999999"
    assert len(relay.changes(store, ahead, "someone-else", limit=10)["records"]) == 5
    # a cursor of another hub: start over too
    assert len(relay.changes(store, "other-hub:3:0", "someone-else")["records"]) == 5
