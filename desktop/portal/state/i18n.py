"""The state's view in English and Hindi: one catalogue, key → (English, Hindi).

The portal has no Qt, so its strings live here rather than in `resources/i18n/*.ts`;
`tests/portal/state` checks that every key has both texts."""

from __future__ import annotations

LANGS = ("en", "hi")

STRINGS: dict[str, tuple[str, str]] = {
    "title": ("Mission Karmayogi — the state's view", "मिशन कर्मयोगी — राज्य का परिदृश्य"),
    "subtitle": ("Training across all institutes of Uttar Pradesh",
                 "उत्तर प्रदेश के सभी संस्थानों का प्रशिक्षण"),
    "login": ("Log in", "लॉग इन करें"),
    "logout": ("Log out", "लॉग आउट"),
    "name": ("Admin name", "व्यवस्थापक नाम"),
    "password": ("Password", "पासवर्ड"),
    "bad_login": ("Wrong name or password.", "नाम या पासवर्ड ग़लत है।"),
    "locked": ("Too many wrong passwords for this name. Try again after {minutes} minutes.",
               "इस नाम के लिए बहुत बार ग़लत पासवर्ड दिया गया। {minutes} मिनट बाद फिर प्रयास करें।"),
    "signed_in_as": ("Signed in as", "लॉग इन:"),
    "language": ("हिन्दी", "English"),
    "month": ("From month", "माह से"),
    "to_month": ("To month", "माह तक"),
    "month_col": ("Month", "माह"),
    "department": ("Department", "विभाग"),
    "district": ("District", "जनपद"),
    "institute": ("Institute", "संस्थान"),
    "group": ("Service group", "सेवा समूह"),
    "mode": ("Mode", "प्रकार"),
    "mode_institute": ("At the institute", "संस्थान में"),
    "mode_field": ("In the field", "क्षेत्र में"),
    "all": ("All", "सभी"),
    "apply": ("Show", "दिखाएँ"),
    "quiet_days": ("Desks silent for more than (days)", "इतने दिन से अधिक शांत डेस्क (दिन)"),
    "funnel": ("The funnel", "प्रशिक्षण क्रम"),
    "by_department": ("By department", "विभागवार"),
    "by_district": ("By district", "जनपदवार"),
    "by_institute": ("By institute", "संस्थानवार"),
    "by_month": ("Month by month", "माहवार"),
    "quiet_desks": ("Desks that have not synced", "जिन डेस्क ने सिंक नहीं किया"),
    "registered": ("Registered", "पंजीकृत"),
    "enrolled": ("Enrolled", "नामांकित"),
    "attended": ("Attended", "उपस्थित"),
    "completed": ("Completed", "पूर्ण"),
    "certified": ("Certified", "प्रमाणित"),
    "share": ("of the step before", "पिछले चरण का"),
    "total": ("Total", "कुल"),
    "desk": ("Desk", "डेस्क"),
    "last_batch": ("Last batch", "अंतिम बैच"),
    "never": ("never (enrolled {when})", "कभी नहीं (नामांकन {when})"),
    "days_silent": ("Days silent", "शांत दिन"),
    "no_quiet": ("Every desk has synced within {days} days.",
                 "सभी डेस्क ने पिछले {days} दिनों में सिंक किया है।"),
    "read_at": ("Figures read at {when} UTC.", "आँकड़े {when} UTC पर पढ़े गए।"),
    "period": ("Period {first} to {last}", "अवधि {first} से {last}"),
    "not_for_institute": ("Registration belongs to no institute: “—”.",
                          "पंजीकरण किसी संस्थान का नहीं होता: “—”।"),
    "definitions": (
        "Definitions as in the desk's monthly review: registered = on the roster; enrolled = "
        "an enrolment (not withdrawn) in a workshop in the period; attended = a present or "
        "late mark in a session dated in the period; completed = found eligible by the "
        "completion rule in a workshop that ended by the period's end; certified = a "
        "certificate issued by the period's end, not revoked or superseded. A person counts "
        "once per row.",
        "परिभाषाएँ डेस्क की मासिक समीक्षा जैसी: पंजीकृत = रोस्टर में; नामांकित = अवधि की किसी "
        "कार्यशाला में नामांकन (वापस नहीं लिया); उपस्थित = अवधि में किसी सत्र में उपस्थित या "
        "विलंब से उपस्थित; पूर्ण = अवधि के अंत तक समाप्त कार्यशाला में पूर्णता नियम से पात्र; "
        "प्रमाणित = अवधि के अंत तक जारी प्रमाण-पत्र, जो निरस्त या प्रतिस्थापित नहीं हुआ। एक व्यक्ति "
        "एक पंक्ति में एक बार गिना जाता है।",
    ),
    "bad_request": ("Please check: {problem}", "कृपया जाँचें: {problem}"),
    "download": ("Download", "डाउनलोड"),
}


def text(key: str, lang: str, **values: object) -> str:
    """The string for `key` in `lang` ('en' or 'hi'), with `{name}` values filled in."""
    en, hi = STRINGS[key]
    chosen = hi if lang == "hi" else en
    return chosen.format(**values) if values else chosen
