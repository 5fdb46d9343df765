"""Issue 13 item 4: Kruti Dev / Chanakya / DevLys cells are converted to Unicode, counted,
and a cell that does not convert cleanly is reported with its row and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.roster.importer import import_roster
from desktop.text.krutidev import to_unicode

FILES = Path(__file__).parent / "files"

#: Kruti Dev 010 as typed, and the Unicode it stands for (names, posts, districts, offices).
PAIRS = [
    ("jes'k dqekj", "रमेश कुमार"),
    ("jke", "राम"),
    ("lhrk", "सीता"),
    ("'kekZ", "शर्मा"),
    ("flag", "सिंह"),
    ("oekZ", "वर्मा"),
    ("dkuiqj", "कानपुर"),
    ("iznhi", "प्रदीप"),
    ("fot;", "विजय"),
    ("xqIrk", "गुप्ता"),
    ("JhokLro", "श्रीवास्तव"),
    ("f=ikBh", "त्रिपाठी"),
    ("feJk", "मिश्रा"),
    (";kno", "यादव"),
    ("vfuy", "अनिल"),
    ("lquhrk", "सुनीता"),
    ("fgUnh", "हिन्दी"),
    ("jkts'k", "राजेश"),
    ("nsoh", "देवी"),
    ("eksgu yky", "मोहन लाल"),
    ("y[kuÅ", "लखनऊ"),
    ("okjk.klh", "वाराणसी"),
    ("y{eh", "लक्ष्मी"),
    ("Kkusanz", "ज्ञानेंद्र"),
    ("f'koe", "शिवम"),
    ("vkxjk", "आगरा"),
    ("iz;kxjkt", "प्रयागराज"),
    ("jktLo", "राजस्व"),
    ("fyfid", "लिपिक"),
    ("v/;kid", "अध्यापक"),
    ("fLFkfr", "स्थिति"),
    ("deZpkjh", "कर्मचारी"),
    ("/kesZUæ", "धर्मेन्द्र"),
    ("vkS|ksfxd", "औद्योगिक"),
    ("lfpo", "सचिव"),
    ("iapk;r", "पंचायत"),
    ("f'k{kk", "शिक्षा"),
    ("xkSre", "गौतम"),
    ("cgjkbp", "बहराइच"),
]


@pytest.mark.parametrize(("legacy", "unicode"), PAIRS)
def test_kruti_dev_text_converts_to_the_right_unicode(legacy, unicode):
    assert to_unicode(legacy) == unicode


@pytest.mark.parametrize("broken", ["kjes'k", "jes'k dqekj f", "~jke", "Z"])
def test_text_that_does_not_convert_cleanly_gives_none(broken):
    assert to_unicode(broken) is None


def test_kruti_dev_cells_are_converted_and_counted(store):
    result = import_roster(store, FILES / "kruti_dev.csv")
    # row 4 has Kruti Dev in the English name column: Hindi there is still an error
    assert (result.created, result.rejected, result.converted_legacy) == (3, 1, 3)
    assert [(e["row"], e["field"]) for e in result.errors] == [(4, "name_en")]
    rows = {
        r[0]: (r[1], r[2])
        for r in store.conn.execute("SELECT employee_code, name_hi, designation FROM participant")
    }
    assert rows["UP4001"] == ("रमेश कुमार", "Clerk")
    assert rows["UP4002"] == ("सीता देवी", "Clerk")
    assert rows["UP4004"] == ("अच्छा व्यक्ति", "सहायक अध्यापक")
    assert result.as_dict()["converted_legacy"] == 3


def test_a_cell_that_does_not_convert_is_reported_with_row_and_field(store, tmp_path):
    path = tmp_path / "kd_broken.csv"
    path.write_text(
        "Name (English),Name (Hindi),Employee Code,District\n"
        "Ramesh Kumar,jes'k dqekj,UP4101,y[kuÅ\n"
        "Suresh Kumar,kls'k dqekj,UP4102,Lucknow\n",
        encoding="utf-8",
    )
    result = import_roster(store, path)
    assert (result.created, result.rejected, result.converted_legacy) == (1, 1, 2)
    assert [(e["row"], e["field"]) for e in result.errors] == [(3, "name_hi")]
    assert "does not convert cleanly" in result.errors[0]["message"]
    assert "kls'k dqekj" in result.errors[0]["message"]
    district = store.conn.execute("SELECT district_code FROM participant").fetchone()[0]
    assert district == "LKO"
