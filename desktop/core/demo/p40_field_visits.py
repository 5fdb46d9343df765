"""Demo part: field visits to district offices, with action points that carry over from one
visit to the next, people met from the roster, and small generated photos (some with fake GPS
EXIF so that location stripping has something to strip). Same seed, same visits."""

from __future__ import annotations

import io
import random
from datetime import date, timedelta
from typing import Any

from desktop.core import attachments as att
from desktop.core import lookups
from desktop.core.demo.ids import demo_id
from desktop.core.field_visits import validate_visit
from desktop.core.field_workshops import SessionPlan, plan_field_workshop
from desktop.store import Store
from desktop.store.bulk import insert_many

ANCHOR = date(2026, 11, 23)  # visits are dated in the months before this day
DISTRICTS = ("LKO", "VNS", "GKP", "PRY", "BBK")
OFFICES = (
    ("Vikas Bhawan", "Rural Development"),
    ("Collectorate", "Revenue"),
    ("Tehsil Sadar", "Revenue"),
    ("CMO Office", "Medical Health and Family Welfare"),
    ("BSA Office", "Basic Education"),
    ("Block Office", "Panchayati Raj"),
)
TEAM = (
    "Anita Singh",
    "Rajesh Tripathi",
    "अजय वर्मा",
    "Sunita Yadav",
    "प्रदीप मिश्र",
    "Meena Gupta",
)
PURPOSES = (
    "प्रशिक्षण आवश्यकता का आकलन / Training needs assessment",
    "iGOT पंजीकरण की समीक्षा / Review of iGOT onboarding",
    "क्षेत्रीय कार्यशाला की तैयारी / Preparing a field workshop",
    "पिछली कार्यशाला के बाद अनुवर्ती भ्रमण / Follow-up after the last workshop",
)
FINDINGS = (
    "कार्यालय में {n} कर्मचारियों से भेंट हुई। iGOT पर केवल {k} कर्मचारी पंजीकृत हैं।",
    "Staff asked for a Hindi session on e-Office file movement; {k} of {n} have completed "
    "the induction course.",
    "कंप्यूटर कक्ष उपलब्ध है परंतु इंटरनेट धीमा है। {n} लोगों से चर्चा हुई।",
    "Attendance registers of the last workshop were complete; certificates were pending for "
    "{k} participants.",
)
ACTIONS = (
    ("iGOT पंजीकरण पूर्ण कराना", "District Nodal Officer"),
    ("Share the e-Office user manual in Hindi", "Academy team"),
    ("कार्यशाला हेतु कक्ष एवं प्रोजेक्टर की व्यवस्था", "Office head"),
    ("Send the list of nominated staff", "Head clerk"),
    ("लंबित प्रमाण-पत्र वितरित करना", "Academy team"),
    ("Fix the internet connection of the training room", "District IT Manager"),
)
_COUNTER = 40_000_000  # id counters of this part never meet those of other parts


def photo_bytes(rng: random.Random, label: str, gps: bool) -> bytes:
    """A small, recognisable JPEG (a building under a sky, people in front) drawn by Pillow."""
    from PIL import Image, ImageDraw

    w, h = 320, 240
    sky = (rng.randint(120, 170), rng.randint(170, 210), rng.randint(220, 250))
    img = Image.new("RGB", (w, h), sky)
    d = ImageDraw.Draw(img)
    d.rectangle((0, 160, w, h), fill=(rng.randint(90, 130), rng.randint(140, 170), 80))
    bx = rng.randint(30, 120)
    wall = (rng.randint(200, 240), rng.randint(170, 210), rng.randint(120, 160))
    d.rectangle((bx, 70, bx + 170, 170), fill=wall, outline=(90, 60, 40), width=2)
    d.polygon([(bx - 10, 70), (bx + 85, 30), (bx + 180, 70)], fill=(150, 60, 40))
    for i in range(4):
        d.rectangle((bx + 15 + i * 40, 95, bx + 35 + i * 40, 120), fill=(70, 90, 120))
    d.rectangle((bx + 72, 130, bx + 98, 170), fill=(110, 70, 40))
    for _ in range(rng.randint(3, 7)):
        px = rng.randint(10, w - 20)
        color = rng.choice([(200, 40, 60), (240, 160, 30), (40, 90, 170), (250, 250, 250)])
        d.ellipse((px, 172, px + 10, 182), fill=(120, 80, 50))
        d.rectangle((px - 2, 182, px + 12, 205), fill=color)
    d.rectangle((0, 0, w, 18), fill=(0, 0, 0))
    d.text((6, 3), label, fill=(255, 255, 255))
    exif = Image.Exif()
    exif[0x010F] = "DemoCam"
    exif[0x0132] = "2026:10:05 11:30:00"
    if gps:
        lat, lon = 26.0 + rng.random() * 2, 80.0 + rng.random() * 4
        exif[0x8825] = {
            1: "N",
            2: (float(int(lat)), float(int(lat % 1 * 60)), 0.0),
            3: "E",
            4: (float(int(lon)), float(int(lon % 1 * 60)), 0.0),
        }
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=70, exif=exif.tobytes())
    return buffer.getvalue()


def seed(store: Store, rng: random.Random, context: dict[str, Any]) -> None:
    participants: list[str] = list(context.get("participant_ids") or [])
    count = max(8, min(48, int(context.get("participants", 500)) // 60))
    districts = [c for c in DISTRICTS if lookups.district_exists(store, c)]
    # Route: each (district, office) pair is visited again and again, so points carry over.
    places = [(d, o, dept) for d in districts for o, dept in OFFICES]
    rng.shuffle(places)
    places = places[: max(4, count // 2)]
    open_points: dict[tuple[str, str], list[tuple[int, int]]] = {}
    rows: list[dict[str, Any]] = []
    ids: list[str] = []
    photos = 0
    for n in range(count):
        district, office, department = places[n % len(places)]
        day = ANCHOR - timedelta(days=int((count - n) * 100 / count) + rng.randint(0, 3))
        visit_date = day.isoformat()
        people = rng.randint(4, 30)
        # Later visits close some of the points raised before at the same office.
        for row_index, point_index in open_points.get((district, office), []):
            point = rows[row_index]["action_points"][point_index]
            if rng.random() < 0.75 and (point.get("due_date") or "") <= visit_date:
                point["status"] = rng.choice(("done", "done", "dropped"))
            elif rng.random() < 0.3:
                point["status"] = "in_progress"
        points = []
        for text, owner in rng.sample(ACTIONS, k=rng.randint(1, 3)):
            due = day + timedelta(days=rng.choice((7, 14, 21, 30, 45)))
            points.append(
                {
                    "text": text,
                    "owner": owner,
                    "due_date": due.isoformat() if rng.random() < 0.85 else None,
                    "status": "open",
                }
            )
        refs = []
        for k in range(rng.choice((0, 1, 1, 2))):
            gps = rng.random() < 0.5
            data = photo_bytes(rng, f"{district} {office} {visit_date}", gps)
            keep = gps and rng.random() < 0.2
            stored = att.add_bytes(
                store, data, f"{district.lower()}-{visit_date}-{k + 1}.jpg", keep_location=keep
            )
            refs.append(stored.ref())
            photos += 1
        met = rng.sample(participants, k=min(len(participants), rng.randint(0, 3)))
        rows.append(
            {
                "district_code": district,
                "office": office if rng.random() < 0.8 else f" {office.lower()} ",
                "department": department,
                "visit_date": visit_date,
                "purpose": rng.choice(PURPOSES),
                "team": rng.sample(TEAM, k=rng.randint(1, 3)),
                "people_met": people,
                "participant_ids": met,
                "findings": rng.choice(FINDINGS).format(n=people, k=rng.randint(1, people)),
                "action_points": points,
                "attachments": refs,
            }
        )
        ids.append(demo_id(rng, _COUNTER + n))
        open_points.setdefault((district, office), []).extend(
            (len(rows) - 1, i) for i in range(len(points))
        )
    cleaned = [validate_visit(store, row, today=max(ANCHOR, date.today())) for row in rows]
    with store.transaction():
        made = insert_many(store, "field_visit", cleaned, ids=ids)
        att.mark_kept(store, [ref for row in cleaned for ref in row["attachments"]])
    context["field_visit_ids"] = made
    context["field_visit_photos"] = photos
    _plan_workshops(store, rng, made, context)


def _plan_workshops(
    store: Store, rng: random.Random, visits: list[str], context: dict[str, Any]
) -> None:
    """Two field workshops planned from the latest visits, if a programme exists (the
    workshops part makes them); otherwise the demo just has no field workshops."""
    row = store.conn.execute(
        "SELECT id FROM programme WHERE deleted = 0 ORDER BY code LIMIT 1"
    ).fetchone()
    if row is None or not visits:
        return
    planned = []
    for visit_id in visits[-2:]:
        start = (ANCHOR + timedelta(days=rng.randint(7, 20))).isoformat()
        planned.append(
            plan_field_workshop(
                store,
                visit_id,
                row[0],
                start_date=start,
                days=1,
                sessions=[SessionPlan("10:00", "13:00"), SessionPlan("14:00", "16:30")],
            )
        )
    context["field_workshop_ids"] = planned
