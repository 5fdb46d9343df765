<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN" sourcelanguage="en">
<context>
    <name>FieldVisitList</name>
    <message>
        <location filename="../../forms/field_visits.ui"/>
        <source>Field visits</source>
        <translation>क्षेत्र भ्रमण</translation>
    </message>
    <message>
        <location filename="../../forms/field_visits.ui"/>
        <source>District</source>
        <translation>जनपद</translation>
    </message>
    <message>
        <location filename="../../forms/field_visits.ui"/>
        <source>Department</source>
        <translation>विभाग</translation>
    </message>
    <message>
        <location filename="../../forms/field_visits.ui"/>
        <source>Month</source>
        <translation>माह</translation>
    </message>
    <message>
        <location filename="../../forms/field_visits.ui"/>
        <source>Action points</source>
        <translation>कार्रवाई बिंदु</translation>
    </message>
    <message>
        <location filename="../../forms/field_visits.ui"/>
        <source>Date</source>
        <translation>तिथि</translation>
    </message>
    <message>
        <location filename="../../forms/field_visits.ui"/>
        <source>Office</source>
        <translation>कार्यालय</translation>
    </message>
    <message>
        <location filename="../../forms/field_visits.ui"/>
        <source>Purpose</source>
        <translation>उद्देश्य</translation>
    </message>
    <message>
        <location filename="../../forms/field_visits.ui"/>
        <source>People met</source>
        <translation>भेंट</translation>
    </message>
    <message>
        <location filename="../../forms/field_visits.ui"/>
        <source>Attachments</source>
        <translation>संलग्नक</translation>
    </message>
    <message>
        <location filename="../../forms/field_visits.ui"/>
        <source>Monthly review PDF…</source>
        <translation>मासिक समीक्षा PDF…</translation>
    </message>
    <message>
        <location filename="../../forms/field_visits.ui"/>
        <source>All visits of the chosen month in the chosen district, for the monthly review meeting</source>
        <translation>चुने गए जनपद में चुने गए माह के सभी भ्रमण, मासिक समीक्षा बैठक के लिए</translation>
    </message>
    <message>
        <location filename="../../forms/field_visits.ui"/>
        <source>Open</source>
        <translation>खोलें</translation>
    </message>
    <message>
        <location filename="../../forms/field_visits.ui"/>
        <source>New visit</source>
        <translation>नया भ्रमण</translation>
    </message>
</context>
<context>
    <name>FieldVisitForm</name>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Field visit</source>
        <translation>क्षेत्र भ्रमण</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>New field visit</source>
        <translation>नया क्षेत्र भ्रमण</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Visit</source>
        <translation>भ्रमण</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>District *</source>
        <translation>जनपद *</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Office *</source>
        <translation>कार्यालय *</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>e.g. Vikas Bhawan, Tehsil Sadar</source>
        <translation>जैसे विकास भवन, तहसील सदर</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Department</source>
        <translation>विभाग</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Visit date *</source>
        <translation>भ्रमण तिथि *</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Purpose *</source>
        <translation>उद्देश्य *</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>People met (number)</source>
        <translation>जिनसे भेंट हुई (संख्या)</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Team</source>
        <translation>दल</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Member's name</source>
        <translation>सदस्य का नाम</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Add</source>
        <translation>जोड़ें</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Remove</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Participants met</source>
        <translation>भेंट किए गए प्रतिभागी</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Search the roster: name, employee code, mobile</source>
        <translation>सूची में खोजें: नाम, कर्मचारी कोड, मोबाइल</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Link selected</source>
        <translation>चुने गए जोड़ें</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Quick add…</source>
        <translation>तुरंत जोड़ें…</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Add a person who is not on the roster yet</source>
        <translation>ऐसा व्यक्ति जोड़ें जो अभी सूची में नहीं है</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Findings</source>
        <translation>निष्कर्ष</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>What the team saw and heard</source>
        <translation>दल ने क्या देखा और सुना</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Action points</source>
        <translation>कार्रवाई बिंदु</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Action</source>
        <translation>कार्य</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Owner</source>
        <translation>उत्तरदायी</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Due date</source>
        <translation>नियत तिथि</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Add action point</source>
        <translation>कार्रवाई बिंदु जोड़ें</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>From earlier visits</source>
        <translation>पिछले भ्रमणों से</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Open action points of earlier visits to this office. Change the status to close them; saving updates the earlier visit.</source>
        <translation>इस कार्यालय के पिछले भ्रमणों के खुले कार्रवाई बिंदु। बंद करने के लिए स्थिति बदलें; सहेजने पर पिछला भ्रमण भी अद्यतन होगा।</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Photos and documents</source>
        <translation>फ़ोटो और दस्तावेज़</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Attach files…</source>
        <translation>फ़ाइलें संलग्न करें…</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Keep location (GPS) data</source>
        <translation>स्थान (GPS) जानकारी रखें</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Photos usually carry where they were taken. It is removed unless you tick this.</source>
        <translation>फ़ोटो में प्रायः यह दर्ज रहता है कि वे कहाँ ली गईं। जब तक आप इसे न चुनें, यह जानकारी हटा दी जाती है।</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Plan field workshop…</source>
        <translation>क्षेत्रीय कार्यशाला की योजना…</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>A workshop in this office, with the same sessions, desk and certificates as at the institute</source>
        <translation>इसी कार्यालय में कार्यशाला — संस्थान जैसे ही सत्र, उपस्थिति डेस्क और प्रमाण-पत्र</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Report PDF…</source>
        <translation>प्रतिवेदन PDF…</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Back to list</source>
        <translation>सूची पर लौटें</translation>
    </message>
    <message>
        <location filename="../../forms/field_visit.ui"/>
        <source>Save</source>
        <translation>सहेजें</translation>
    </message>
</context>
<context>
    <name>FieldQuickPerson</name>
    <message>
        <location filename="../../forms/field_quick_person.ui"/>
        <source>Quick add a person met</source>
        <translation>भेंट किए गए व्यक्ति को तुरंत जोड़ें</translation>
    </message>
    <message>
        <location filename="../../forms/field_quick_person.ui"/>
        <source>Name (English) *</source>
        <translation>नाम (अंग्रेज़ी) *</translation>
    </message>
    <message>
        <location filename="../../forms/field_quick_person.ui"/>
        <source>Name (Hindi)</source>
        <translation>नाम (हिन्दी)</translation>
    </message>
    <message>
        <location filename="../../forms/field_quick_person.ui"/>
        <source>Designation</source>
        <translation>पदनाम</translation>
    </message>
    <message>
        <location filename="../../forms/field_quick_person.ui"/>
        <source>Mobile</source>
        <translation>मोबाइल</translation>
    </message>
</context>
<context>
    <name>FieldPlanWorkshop</name>
    <message>
        <location filename="../../forms/field_plan_workshop.ui"/>
        <source>Plan a field workshop</source>
        <translation>क्षेत्रीय कार्यशाला की योजना बनाएँ</translation>
    </message>
    <message>
        <location filename="../../forms/field_plan_workshop.ui"/>
        <source>The workshop is held in the visited office: district, office and department come from the visit. It has the same sessions, attendance desk and certificates as a workshop at the institute.</source>
        <translation>कार्यशाला भ्रमण किए गए कार्यालय में होगी: जनपद, कार्यालय और विभाग भ्रमण से लिए जाते हैं। इसमें संस्थान की कार्यशाला जैसे ही सत्र, उपस्थिति डेस्क और प्रमाण-पत्र होते हैं।</translation>
    </message>
    <message>
        <location filename="../../forms/field_plan_workshop.ui"/>
        <source>Programme *</source>
        <translation>कार्यक्रम *</translation>
    </message>
    <message>
        <location filename="../../forms/field_plan_workshop.ui"/>
        <source>Title (English)</source>
        <translation>शीर्षक (अंग्रेज़ी)</translation>
    </message>
    <message>
        <location filename="../../forms/field_plan_workshop.ui"/>
        <source>Programme title — office</source>
        <translation>कार्यक्रम का शीर्षक — कार्यालय</translation>
    </message>
    <message>
        <location filename="../../forms/field_plan_workshop.ui"/>
        <source>First day</source>
        <translation>पहला दिन</translation>
    </message>
    <message>
        <location filename="../../forms/field_plan_workshop.ui"/>
        <source>Days</source>
        <translation>दिन</translation>
    </message>
</context>
<context>
    <name>FieldVisits</name>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>LANG</source>
        <translation>hi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>none</source>
        <translation>कोई नहीं</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>— choose —</source>
        <translation>— चुनें —</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>New field visit</source>
        <translation>नया क्षेत्र भ्रमण</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Field visit: %1, %2</source>
        <translation>क्षेत्र भ्रमण: %1, %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Overdue</source>
        <translation>समय-सीमा पार</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>From earlier visits (%1 open)</source>
        <translation>पिछले भ्रमणों से (%1 खुले)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Attach photos or documents</source>
        <translation>फ़ोटो या दस्तावेज़ संलग्न करें</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Photos and documents (*.jpg *.jpeg *.heic *.heif *.png *.webp *.pdf *.docx *.xlsx)</source>
        <translation>फ़ोटो और दस्तावेज़ (*.jpg *.jpeg *.heic *.heif *.png *.webp *.pdf *.docx *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>All files (*)</source>
        <translation>सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>%1 is already attached.</source>
        <translation>%1 पहले से संलग्न है।</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Location data removed from %1.</source>
        <translation>%1 से स्थान की जानकारी हटा दी गई।</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>%1 (HEIC) is stored as the JPEG %2, which every computer can show.</source>
        <translation>%1 (HEIC) को JPEG %2 के रूप में रखा गया है, जिसे हर कंप्यूटर पर देखा जा सकता है।</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>missing</source>
        <translation>नहीं मिली</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Saved.</source>
        <translation>सहेज लिया गया।</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Not saved — please correct:</source>
        <translation>सहेजा नहीं गया — कृपया सुधारें:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Workshop not planned — please correct:</source>
        <translation>कार्यशाला नियोजित नहीं हुई — कृपया सुधारें:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Save the visit first.</source>
        <translation>पहले भ्रमण सहेजें।</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Field workshops: %1</source>
        <translation>क्षेत्रीय कार्यशालाएँ: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Field workshop planned: %1</source>
        <translation>क्षेत्रीय कार्यशाला नियोजित: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>There is no programme yet: add one under Workshops first.</source>
        <translation>अभी कोई कार्यक्रम नहीं है: पहले कार्यशालाएँ में एक कार्यक्रम जोड़ें।</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Report written: %1</source>
        <translation>प्रतिवेदन बनाया गया: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>%1 attachment(s) are missing from disk.</source>
        <translation>%1 संलग्नक डिस्क पर नहीं मिले।</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Save report</source>
        <translation>प्रतिवेदन सहेजें</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>All districts</source>
        <translation>सभी जनपद</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>All departments</source>
        <translation>सभी विभाग</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>All months</source>
        <translation>सभी माह</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>All</source>
        <translation>सभी</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>%1 open of %2</source>
        <translation>%2 में से %1 खुले</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>%1 overdue</source>
        <translation>%1 समय-सीमा पार</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Has overdue action points</source>
        <translation>समय-सीमा पार कार्रवाई बिंदु हैं</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>%1 visits, %2 with overdue action points</source>
        <translation>%1 भ्रमण, %2 में समय-सीमा पार कार्रवाई बिंदु</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Choose a district and a month for the monthly review.</source>
        <translation>मासिक समीक्षा के लिए जनपद और माह चुनें।</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Save monthly review</source>
        <translation>मासिक समीक्षा सहेजें</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Open</source>
        <translation>खुला</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>In progress</source>
        <translation>प्रगति में</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Done</source>
        <translation>पूर्ण</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Dropped</source>
        <translation>निरस्त</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Closed</source>
        <translation>बंद</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>District</source>
        <translation>जनपद</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Office</source>
        <translation>कार्यालय</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Department</source>
        <translation>विभाग</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Visit date</source>
        <translation>भ्रमण तिथि</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Purpose</source>
        <translation>उद्देश्य</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Team</source>
        <translation>दल</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>People met</source>
        <translation>भेंट</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Participants met</source>
        <translation>भेंट किए गए प्रतिभागी</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Findings</source>
        <translation>निष्कर्ष</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Action points</source>
        <translation>कार्रवाई बिंदु</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>Attachments</source>
        <translation>संलग्नक</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>required</source>
        <translation>आवश्यक है</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/field_visits.py"/>
        <source>cannot be negative</source>
        <translation>ऋणात्मक नहीं हो सकती</translation>
    </message>
    <message>
      <source>{value} is not a UP district code</source>
      <translation>{value} उत्तर प्रदेश के किसी जनपद का कोड नहीं है</translation>
    </message>
    <message>
      <source>{value} is not a whole number</source>
      <translation>{value} पूर्ण संख्या नहीं है</translation>
    </message>
    <message>
      <source>{value} is not a date (YYYY-MM-DD)</source>
      <translation>{value} मान्य तिथि नहीं है (YYYY-MM-DD)</translation>
    </message>
    <message>
      <source>{value} is in the future, but the visit already has findings, people met or participants: a completed visit cannot be dated after today ({today})</source>
      <translation>{value} भविष्य की तिथि है, परंतु भ्रमण में निष्कर्ष, भेंट या प्रतिभागी पहले से दर्ज हैं: पूर्ण हुए भ्रमण की तिथि आज ({today}) के बाद की नहीं हो सकती</translation>
    </message>
    <message>
      <source>row {row}: the text is missing</source>
      <translation>पंक्ति {row}: कार्य का विवरण नहीं लिखा गया है</translation>
    </message>
    <message>
      <source>row {row}: the owner is missing</source>
      <translation>पंक्ति {row}: उत्तरदायी का नाम नहीं लिखा गया है</translation>
    </message>
    <message>
      <source>row {row}: due date {value} is not a date (YYYY-MM-DD)</source>
      <translation>पंक्ति {row}: नियत तिथि {value} मान्य तिथि नहीं है (YYYY-MM-DD)</translation>
    </message>
    <message>
      <source>row {row}: status {value} is not one of {options}</source>
      <translation>पंक्ति {row}: स्थिति {value} इनमें से नहीं है: {options}</translation>
    </message>
    <message>
      <source>row {row}: not a SHA-256 reference</source>
      <translation>पंक्ति {row}: मान्य SHA-256 संदर्भ नहीं है</translation>
    </message>
    <message>
      <source>unknown participant(s) {ids}</source>
      <translation>अज्ञात प्रतिभागी {ids}</translation>
    </message>
    <message>
      <source>the visit has no action point {n}</source>
      <translation>इस भ्रमण में कार्रवाई बिंदु {n} नहीं है</translation>
    </message>
    <message>
      <source>the new person's name (English) is required</source>
      <translation>नए व्यक्ति का नाम (अंग्रेज़ी) आवश्यक है</translation>
    </message>
    <message>
      <source>mobile {value}: 10 digits starting 6–9</source>
      <translation>मोबाइल {value}: 6 से 9 से शुरू होने वाले 10 अंक होने चाहिए</translation>
    </message>
    <message>
      <source>month {value} is not YYYY-MM</source>
      <translation>माह {value} YYYY-MM प्रारूप में नहीं है</translation>
    </message>
    <message>
      <source>status filter {value} is not one of {options}</source>
      <translation>स्थिति फ़िल्टर {value} इनमें से नहीं है: {options}</translation>
    </message>
    <message>
      <source>this desk has no institute yet (run init)</source>
      <translation>इस डेस्क पर अभी कोई संस्थान नहीं है (पहले init चलाएँ)</translation>
    </message>
    <message>
      <source>choose the programme the field workshop belongs to</source>
      <translation>क्षेत्रीय कार्यशाला किस कार्यक्रम के अंतर्गत है, उसे चुनें</translation>
    </message>
    <message>
      <source>a workshop lasts at least one day</source>
      <translation>कार्यशाला कम से कम एक दिन की होनी चाहिए</translation>
    </message>
    <message>
      <source>Workshop</source>
      <translation>कार्यशाला</translation>
    </message>
    <message>
      <source>Programme</source>
      <translation>कार्यक्रम</translation>
    </message>
    <message>
      <source>Days</source>
      <translation>दिन</translation>
    </message>
    <message><source>{value} is not a UP district (give its code, or its English or Hindi name)</source><translation>{value} उत्तर प्रदेश का कोई जनपद नहीं है (उसका कोड, या अंग्रेज़ी या हिन्दी नाम दें)</translation></message>
    <message><source>district {value} could be {options}; give the full name or code</source><translation>जनपद {value} इनमें से कोई भी हो सकता है: {options}; पूरा नाम या कोड दें</translation></message>
</context>
</TS>
