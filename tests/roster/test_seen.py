"""The screening of a file's own match keys (`desktop.core.roster.seen`)."""

from __future__ import annotations

from desktop.core.roster.seen import AllMaybe, FileScreen, SeenFilter


def _row(code: str, mobile: str = "") -> tuple[str, ...]:
    return ("id", code, mobile)  # the key positions below: code at 1, mobile at 2


def test_a_value_of_an_earlier_chunk_or_twice_in_one_is_hard_and_the_rest_is_new():
    screen = FileScreen({"employee_code": 1, "mobile": 2}, expected_rows=100)
    maybe, hard = screen.screen([_row("K1", "98"), _row("K2"), None, _row("K3", "98")])
    assert hard == {0, 3}  # the mobile twice in the chunk: both go row by row
    assert maybe == {"employee_code": set(), "mobile": {"98"}}
    maybe, hard = screen.screen([_row("K4"), _row("K2"), _row("K5", "97")])
    assert maybe["employee_code"] == {"K2"} and hard == {1}


def test_a_row_with_errors_is_neither_screened_nor_remembered():
    screen = FileScreen({"employee_code": 1}, expected_rows=10)
    assert screen.screen([None, _row("K1")]) == ({"employee_code": set()}, set())
    assert screen.screen([_row("K1")]) == ({"employee_code": {"K1"}}, {0})


def test_a_clear_bit_proves_a_value_new():
    seen = SeenFilter(1000)
    seen.add_all(f"K{i}" for i in range(1000))
    assert seen.which_maybe(f"K{i}" for i in range(1000)) == {f"K{i}" for i in range(1000)}
    fresh = [f"N{i}" for i in range(1000)]
    # a few false "maybe"s (two probes: ~1 in 1,000 here; one probe gave ~15), never a false
    # "new"
    assert len(seen.which_maybe(fresh)) < 10
    assert AllMaybe().which_maybe(["a", "b"]) == {"a", "b"}


def test_testing_and_adding_in_one_pass_counts_a_repeat_within_the_values():
    seen = SeenFilter(100)
    assert "K1" in seen.maybe_then_add(["K1", "K2", "K1"])
    assert seen.maybe_then_add(["K2", "K1"]) == {"K1", "K2"}  # both were added


def test_the_cycle_collector_is_paused_for_an_import_and_put_back(store, tmp_path):
    import gc

    from desktop.core.roster.importer import collector_paused, import_roster

    source = tmp_path / "r.csv"
    source.write_text("Name (English),Employee Code\nA,K1\nB,K2\n", encoding="utf-8")
    states = []
    import_roster(store, source, progress=lambda *_: states.append(gc.isenabled()))
    assert states and not any(states) and gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def test_a_value_is_maybe_only_when_both_of_its_bits_are_set():
    seen = SeenFilter(10)  # the smallest filter, 2**16 bits: a shared first probe is easy
    seen.add_all(["K1"])
    first, second = hash("K1") & seen.mask, (hash("K1") >> 32) & seen.mask
    other = next(
        value
        for value in (f"X{i}" for i in range(5_000_000))
        if hash(value) & seen.mask == first and (hash(value) >> 32) & seen.mask != second
    )
    assert seen.which_maybe([other, "K1"]) == {"K1"}
    assert seen.maybe_then_add([other]) == set()  # new, and now added
    assert seen.which_maybe([other]) == {other}
