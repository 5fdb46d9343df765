<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
  <context>
    <name>ProgrammeDialog</name>
    <message>
      <source>(new programme)</source>
      <translation>(नया कार्यक्रम)</translation>
    </message>
    <message>
      <source>Programme</source>
      <translation>कार्यक्रम</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>संपादित करें</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>कोड</translation>
    </message>
    <message>
      <source>Title (English)</source>
      <translation>शीर्षक (अंग्रेज़ी)</translation>
    </message>
    <message>
      <source>Title (Hindi)</source>
      <translation>शीर्षक (हिन्दी)</translation>
    </message>
    <message>
      <source>Hours</source>
      <translation>घंटे</translation>
    </message>
    <message>
      <source>Minimum attendance %</source>
      <translation>न्यूनतम उपस्थिति %</translation>
    </message>
    <message>
      <source>iGOT course id</source>
      <translation>आईगॉट पाठ्यक्रम आईडी</translation>
    </message>
  </context>
  <context>
    <name>Workshops</name>
    <message>
      <source>Workshops</source>
      <translation>कार्यशालाएँ</translation>
    </message>
    <message>
      <source>Search title or venue</source>
      <translation>शीर्षक या स्थान खोजें</translation>
    </message>
    <message>
      <source>New workshop</source>
      <translation>नई कार्यशाला</translation>
    </message>
    <message>
      <source>Copy plan to</source>
      <translation>योजना की प्रति इस तिथि पर</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>योजना</translation>
    </message>
    <message>
      <source>Programme</source>
      <translation>कार्यक्रम</translation>
    </message>
    <message>
      <source>Programmes…</source>
      <translation>कार्यक्रम…</translation>
    </message>
    <message>
      <source>Title (English)</source>
      <translation>शीर्षक (अंग्रेज़ी)</translation>
    </message>
    <message>
      <source>Title (Hindi)</source>
      <translation>शीर्षक (हिन्दी)</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>प्रकार</translation>
    </message>
    <message>
      <source>Venue</source>
      <translation>स्थान</translation>
    </message>
    <message>
      <source>District</source>
      <translation>जनपद</translation>
    </message>
    <message>
      <source>Department (field)</source>
      <translation>विभाग (क्षेत्रीय)</translation>
    </message>
    <message>
      <source>From / to</source>
      <translation>से / तक</translation>
    </message>
    <message>
      <source>Trainers (comma-separated)</source>
      <translation>प्रशिक्षक (अल्पविराम से अलग)</translation>
    </message>
    <message>
      <source>Sessions</source>
      <translation>सत्र</translation>
    </message>
    <message>
      <source>Add session</source>
      <translation>सत्र जोड़ें</translation>
    </message>
    <message>
      <source>Add a day like the last</source>
      <translation>पिछले दिन जैसा एक दिन जोड़ें</translation>
    </message>
    <message>
      <source>Remove session</source>
      <translation>सत्र हटाएँ</translation>
    </message>
    <message>
      <source>Save workshop</source>
      <translation>कार्यशाला सहेजें</translation>
    </message>
    <message>
      <source>Participants</source>
      <translation>प्रतिभागी</translation>
    </message>
    <message>
      <source>Find in the roster: name, code or mobile</source>
      <translation>सूची में खोजें: नाम, कोड या मोबाइल</translation>
    </message>
    <message>
      <source>Enrol selected</source>
      <translation>चुने हुए का नामांकन करें</translation>
    </message>
    <message>
      <source>Withdraw selected</source>
      <translation>चुने हुए का नाम वापस लें</translation>
    </message>
    <message>
      <source>Import nomination list…</source>
      <translation>नामांकन सूची आयात करें…</translation>
    </message>
    <message>
      <source>Badges PDF</source>
      <translation>बैज PDF</translation>
    </message>
    <message>
      <source>Attendance and completion</source>
      <translation>उपस्थिति एवं पूर्णता</translation>
    </message>
    <message>
      <source>Late counts as present</source>
      <translation>विलंब को उपस्थित गिनें</translation>
    </message>
    <message>
      <source>Leave excused sessions out of the count</source>
      <translation>अवकाश वाले सत्र गणना से बाहर रखें</translation>
    </message>
    <message>
      <source>Attendance register PDF</source>
      <translation>उपस्थिति पंजिका PDF</translation>
    </message>
    <message>
      <source>Workshop summary PDF</source>
      <translation>कार्यशाला सारांश PDF</translation>
    </message>
  </context>
  <context>
    <name>WorkshopsPage</name>
    <message>
      <source>To come</source>
      <translation>आगामी</translation>
    </message>
    <message>
      <source>Attended so far</source>
      <translation>अब तक उपस्थित</translation>
    </message>
    <message>
      <source>% so far</source>
      <translation>अब तक %</translation>
    </message>
    <message>
      <source>Can complete</source>
      <translation>पूर्ण कर सकते हैं</translation>
    </message>
    <message>
      <source>What it takes</source>
      <translation>आवश्यक</translation>
    </message>
    <message>
      <source>Minimum attendance {pct}%. The workshop has not ended: {held} of {sessions} sessions held so far. Can still complete: {can} of {total} (minimum already reached: {reached}).</source>
      <translation>न्यूनतम उपस्थिति {pct}%। कार्यशाला अभी समाप्त नहीं हुई है: {sessions} में से {held} सत्र अब तक हुए हैं। अब भी पूर्ण कर सकते हैं: {total} में से {can} (न्यूनतम पहले ही पूरा: {reached})।</translation>
    </message>
    <message>
      <source>can no longer reach {min}%</source>
      <translation>अब {min}% तक नहीं पहुँच सकते</translation>
    </message>
    <message>
      <source>Attended {attended} of {counted} sessions held so far ({pct}%): even at every session to come ({remaining}) the {min}% minimum cannot be reached.</source>
      <translation>अब तक हुए {counted} सत्रों में से {attended} में उपस्थित ({pct}%): आगामी सभी ({remaining}) सत्रों में उपस्थित रहने पर भी न्यूनतम {min}% तक नहीं पहुँचा जा सकता।</translation>
    </message>
    <message>
      <source>minimum reached</source>
      <translation>न्यूनतम पूरा</translation>
    </message>
    <message>
      <source>Attended {attended} of {counted} sessions held so far ({pct}%): the {min}% minimum is reached whatever happens in the {remaining} to come.</source>
      <translation>अब तक हुए {counted} सत्रों में से {attended} में उपस्थित ({pct}%): आगामी {remaining} सत्रों में जो भी हो, न्यूनतम {min}% पूरा है।</translation>
    </message>
    <message>
      <source>must attend {needed} of {remaining}</source>
      <translation>{remaining} में से {needed} में उपस्थिति आवश्यक</translation>
    </message>
    <message>
      <source>Attended {attended} of {counted} sessions held so far ({pct}%): must attend {needed} of the {remaining} sessions to come to reach {min}%.</source>
      <translation>अब तक हुए {counted} सत्रों में से {attended} में उपस्थित ({pct}%): {min}% तक पहुँचने के लिए आगामी {remaining} सत्रों में से {needed} में उपस्थित होना आवश्यक है।</translation>
    </message>
    <message>
      <source>All</source>
      <translation>सभी</translation>
    </message>
    <message>
      <source>Upcoming</source>
      <translation>आगामी</translation>
    </message>
    <message>
      <source>Running</source>
      <translation>चल रही</translation>
    </message>
    <message>
      <source>Past</source>
      <translation>पूर्ण</translation>
    </message>
    <message>
      <source>Institute and field</source>
      <translation>संस्थान एवं क्षेत्रीय</translation>
    </message>
    <message>
      <source>Institute</source>
      <translation>संस्थान</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>क्षेत्रीय</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>शीर्षक</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>प्रकार</translation>
    </message>
    <message>
      <source>Sessions</source>
      <translation>सत्र</translation>
    </message>
    <message>
      <source>Enrolled</source>
      <translation>नामांकित</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>स्थिति</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>दिनांक</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>आरंभ</translation>
    </message>
    <message>
      <source>End</source>
      <translation>समाप्ति</translation>
    </message>
    <message>
      <source>Topic (English)</source>
      <translation>विषय (अंग्रेज़ी)</translation>
    </message>
    <message>
      <source>Topic (Hindi)</source>
      <translation>विषय (हिन्दी)</translation>
    </message>
    <message>
      <source>Trainer</source>
      <translation>प्रशिक्षक</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>नाम</translation>
    </message>
    <message>
      <source>Employee code</source>
      <translation>कर्मचारी कोड</translation>
    </message>
    <message>
      <source>Designation</source>
      <translation>पदनाम</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>स्रोत</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>कोड</translation>
    </message>
    <message>
      <source>Attended</source>
      <translation>उपस्थिति</translation>
    </message>
    <message>
      <source>%</source>
      <translation>%</translation>
    </message>
    <message>
      <source>Eligible</source>
      <translation>पात्र</translation>
    </message>
    <message>
      <source>Why not</source>
      <translation>कारण</translation>
    </message>
    <message>
      <source>{code} — {title} (min. {pct}%)</source>
      <translation>{code} — {title} (न्यूनतम {pct}%)</translation>
    </message>
    <message>
      <source>upcoming</source>
      <translation>आगामी</translation>
    </message>
    <message>
      <source>running</source>
      <translation>चल रही</translation>
    </message>
    <message>
      <source>past</source>
      <translation>पूर्ण</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>सहेजा गया।</translation>
    </message>
    <message>
      <source>nominated</source>
      <translation>नामित</translation>
    </message>
    <message>
      <source>walk-in</source>
      <translation>मौके पर</translation>
    </message>
    <message>
      <source>imported</source>
      <translation>आयातित</translation>
    </message>
    <message>
      <source>enrolled</source>
      <translation>नामांकित</translation>
    </message>
    <message>
      <source>withdrawn</source>
      <translation>नाम वापस</translation>
    </message>
    <message>
      <source>{n} enrolled</source>
      <translation>{n} नामांकित</translation>
    </message>
    <message>
      <source>Nomination list</source>
      <translation>नामांकन सूची</translation>
    </message>
    <message>
      <source>Lists (*.csv *.xlsx *.txt);;All files (*)</source>
      <translation>सूचियाँ (*.csv *.xlsx *.txt);;सभी फ़ाइलें (*)</translation>
    </message>
    <message>
      <source>{enrolled} enrolled, {already} already enrolled, {new} new in the roster, {rejected} rejected</source>
      <translation>{enrolled} नामांकित, {already} पहले से नामांकित, {new} सूची में नए, {rejected} अस्वीकृत</translation>
    </message>
    <message>
      <source>row {row}: {message}</source>
      <translation>पंक्ति {row}: {message}</translation>
    </message>
    <message>
      <source>Minimum attendance {pct}%. Eligible: {eligible} of {total}.</source>
      <translation>न्यूनतम उपस्थिति {pct}%। पात्र: {total} में से {eligible}।</translation>
    </message>
    <message>
      <source>attended {attended} of {counted} ({pct}%), below {min}%</source>
      <translation>{counted} में से {attended} सत्र ({pct}%), {min}% से कम</translation>
    </message>
    <message>
      <source>excused from every session</source>
      <translation>सभी सत्रों से अवकाश</translation>
    </message>
    <message>
      <source>the workshop has no sessions</source>
      <translation>कार्यशाला में कोई सत्र नहीं</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>हाँ</translation>
    </message>
    <message>
      <source>no</source>
      <translation>नहीं</translation>
    </message>
    <message>
      <source>Dates</source>
      <translation>तिथियाँ</translation>
    </message>
    <message>
      <source>below the {min}% minimum</source>
      <translation>न्यूनतम {min}% से कम</translation>
    </message>
  </context>
  <context>
    <name>WorkshopProblems</name>
    <message>
      <source>a programme needs a short code, e.g. KSK-01</source>
      <translation>कार्यक्रम का एक संक्षिप्त कोड आवश्यक है, जैसे KSK-01</translation>
    </message>
    <message>
      <source>programme code {value} is already used</source>
      <translation>कार्यक्रम कोड {value} पहले से प्रयोग में है</translation>
    </message>
    <message>
      <source>the English title must not be empty</source>
      <translation>अंग्रेज़ी शीर्षक रिक्त नहीं छोड़ा जा सकता</translation>
    </message>
    <message>
      <source>hours must be a number above 0</source>
      <translation>घंटे 0 से अधिक की संख्या होनी चाहिए</translation>
    </message>
    <message>
      <source>minimum attendance must be a whole number 0–100</source>
      <translation>न्यूनतम उपस्थिति 0 से 100 के बीच की पूर्ण संख्या होनी चाहिए</translation>
    </message>
    <message>
      <source>choose the programme this workshop belongs to</source>
      <translation>यह कार्यशाला किस कार्यक्रम के अंतर्गत है, उसे चुनें</translation>
    </message>
    <message>
      <source>mode must be 'institute' or 'field'</source>
      <translation>प्रकार 'संस्थान' या 'क्षेत्रीय' होना चाहिए</translation>
    </message>
    <message>
      <source>say where the workshop is held</source>
      <translation>कार्यशाला का स्थान लिखें</translation>
    </message>
    <message>
      <source>unknown district code {value}</source>
      <translation>जनपद कोड {value} मान्य नहीं है</translation>
    </message>
    <message>
      <source>{value} is not a date (YYYY-MM-DD)</source>
      <translation>{value} मान्य तिथि नहीं है (YYYY-MM-DD)</translation>
    </message>
    <message>
      <source>the workshop cannot end before it starts</source>
      <translation>कार्यशाला की समाप्ति तिथि आरंभ तिथि से पहले नहीं हो सकती</translation>
    </message>
    <message>
      <source>a workshop longer than a year is surely a typing mistake</source>
      <translation>एक वर्ष से लंबी कार्यशाला — संभवतः टंकण की त्रुटि है</translation>
    </message>
    <message>
      <source>remove the empty trainer name</source>
      <translation>प्रशिक्षक का रिक्त नाम हटाएँ</translation>
    </message>
    <message>
      <source>{value} is outside the workshop's dates {start} to {end}</source>
      <translation>{value} कार्यशाला की तिथियों ({start} से {end}) से बाहर है</translation>
    </message>
    <message>
      <source>{value} is not a time (HH:MM, 24-hour)</source>
      <translation>{value} मान्य समय नहीं है (HH:MM, 24 घंटे वाला)</translation>
    </message>
    <message>
      <source>a session must end after it starts</source>
      <translation>सत्र का समाप्ति समय आरंभ समय के बाद होना चाहिए</translation>
    </message>
    <message>
      <source>give the session a topic</source>
      <translation>सत्र का विषय लिखें</translation>
    </message>
    <message>
      <source>overlaps session {other} on {date}</source>
      <translation>{date} को सत्र {other} के समय से टकराता है</translation>
    </message>
    <message>
      <source>add at least one session</source>
      <translation>कम से कम एक सत्र जोड़ें</translation>
    </message>
    <message>
      <source>the session of {date} {time} already has {marks} attendance marks and cannot be removed</source>
      <translation>{date} {time} के सत्र में {marks} उपस्थिति दर्ज हो चुकी है, इसलिए इसे हटाया नहीं जा सकता</translation>
    </message>
    <message>
      <source>the original workshop has no valid start date</source>
      <translation>मूल कार्यशाला की आरंभ तिथि मान्य नहीं है</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>कोड</translation>
    </message>
    <message>
      <source>Title (English)</source>
      <translation>शीर्षक (अंग्रेज़ी)</translation>
    </message>
    <message>
      <source>Hours</source>
      <translation>घंटे</translation>
    </message>
    <message>
      <source>Minimum attendance %</source>
      <translation>न्यूनतम उपस्थिति %</translation>
    </message>
    <message>
      <source>Programme</source>
      <translation>कार्यक्रम</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>प्रकार</translation>
    </message>
    <message>
      <source>Venue</source>
      <translation>स्थान</translation>
    </message>
    <message>
      <source>District</source>
      <translation>जनपद</translation>
    </message>
    <message>
      <source>Start date</source>
      <translation>आरंभ तिथि</translation>
    </message>
    <message>
      <source>End date</source>
      <translation>समाप्ति तिथि</translation>
    </message>
    <message>
      <source>Trainers</source>
      <translation>प्रशिक्षक</translation>
    </message>
    <message>
      <source>Sessions</source>
      <translation>सत्र</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>दिनांक</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>आरंभ</translation>
    </message>
    <message>
      <source>End</source>
      <translation>समाप्ति</translation>
    </message>
    <message>
      <source>Topic (English)</source>
      <translation>विषय (अंग्रेज़ी)</translation>
    </message>
    <message>
      <source>Session {n}</source>
      <translation>सत्र {n}</translation>
    </message>
  </context>
</TS>