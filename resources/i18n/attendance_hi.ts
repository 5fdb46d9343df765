<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
  <context>
    <name>AttendanceDesk</name>
    <message>
      <source>Attendance desk</source>
      <translation>उपस्थिति डेस्क</translation>
    </message>
    <message>
      <source>Session (F4):</source>
      <translation>सत्र (F4):</translation>
    </message>
    <message>
      <source>Late after (min):</source>
      <translation>विलंब इसके बाद (मिनट):</translation>
    </message>
    <message>
      <source>Scan a badge, or type a name or employee code, then Enter</source>
      <translation>बैज स्कैन करें, या नाम अथवा कर्मचारी कोड लिखकर Enter दबाएँ</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>तैयार</translation>
    </message>
    <message>
      <source>Waiting for the first scan.</source>
      <translation>पहले स्कैन की प्रतीक्षा है।</translation>
    </message>
    <message>
      <source>Next mark (F5–F8):</source>
      <translation>अगली उपस्थिति (F5–F8):</translation>
    </message>
    <message>
      <source>Register walk-in (F2)</source>
      <translation>बिना नामांकन आए व्यक्ति का पंजीकरण (F2)</translation>
    </message>
    <message>
      <source>Attendance detail (F3)</source>
      <translation>उपस्थिति विवरण (F3)</translation>
    </message>
    <message>
      <source>Undo last mark (Ctrl+Z)</source>
      <translation>अंतिम प्रविष्टि वापस लें (Ctrl+Z)</translation>
    </message>
    <message>
      <source>Reopen session (Ctrl+Shift+R)</source>
      <translation>सत्र पुनः खोलें (Ctrl+Shift+R)</translation>
    </message>
    <message>
      <source>Close session: mark the rest absent (Ctrl+Shift+X)</source>
      <translation>सत्र बंद करें: शेष को अनुपस्थित चिह्नित करें (Ctrl+Shift+X)</translation>
    </message>
    <message>
      <source>Register a walk-in (Enter saves, Esc cancels)</source>
      <translation>बिना नामांकन आए व्यक्ति का पंजीकरण (Enter सहेजें, Esc रद्द करें)</translation>
    </message>
    <message>
      <source>Name (English)*</source>
      <translation>नाम (अंग्रेज़ी)*</translation>
    </message>
    <message>
      <source>Name (Hindi)</source>
      <translation>नाम (हिन्दी)</translation>
    </message>
    <message>
      <source>Employee code</source>
      <translation>कर्मचारी कोड</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>मोबाइल</translation>
    </message>
    <message>
      <source>Designation</source>
      <translation>पदनाम</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>विभाग</translation>
    </message>
    <message>
      <source>Cancel (Esc)</source>
      <translation>रद्द करें (Esc)</translation>
    </message>
    <message>
      <source>Register and mark (Enter)</source>
      <translation>पंजीकरण कर उपस्थिति लगाएँ (Enter)</translation>
    </message>
    <message>
      <source>Latest marks (double-click for detail)</source>
      <translation>हाल की प्रविष्टियाँ (विवरण हेतु डबल-क्लिक करें)</translation>
    </message>
  </context>
  <context>
    <name>AttendanceDetail</name>
    <message>
      <source>Attendance detail — {name}</source>
      <translation>उपस्थिति विवरण — {name}</translation>
    </message>
    <message>
      <source>Recorded</source>
      <translation>दर्ज समय</translation>
    </message>
    <message>
      <source>Session</source>
      <translation>सत्र</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>कार्य</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>स्थिति</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>पहले</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>विधि</translation>
    </message>
    <message>
      <source>By</source>
      <translation>द्वारा</translation>
    </message>
    <message>
      <source>Desk</source>
      <translation>डेस्क</translation>
    </message>
    <message>
      <source>Mark time</source>
      <translation>उपस्थिति का समय</translation>
    </message>
    <message>
      <source>marked</source>
      <translation>दर्ज</translation>
    </message>
    <message>
      <source>changed</source>
      <translation>बदली गई</translation>
    </message>
    <message>
      <source>undone</source>
      <translation>वापस ली गई</translation>
    </message>
    <message>
      <source>rest marked absent</source>
      <translation>शेष अनुपस्थित चिह्नित</translation>
    </message>
    <message>
      <source>received by sync</source>
      <translation>सिंक से प्राप्त</translation>
    </message>
    <message>
      <source>present</source>
      <translation>उपस्थित</translation>
    </message>
    <message>
      <source>late</source>
      <translation>विलंब से</translation>
    </message>
    <message>
      <source>excused</source>
      <translation>अवकाश स्वीकृत</translation>
    </message>
    <message>
      <source>absent</source>
      <translation>अनुपस्थित</translation>
    </message>
    <message>
      <source>scan</source>
      <translation>स्कैन</translation>
    </message>
    <message>
      <source>search</source>
      <translation>खोज</translation>
    </message>
    <message>
      <source>bulk</source>
      <translation>सामूहिक</translation>
    </message>
    <message>
      <source>import</source>
      <translation>आयात</translation>
    </message>
  </context>
  <context>
    <name>AttendancePage</name>
    <message>
      <source>Automatic (present / late)</source>
      <extracomment>confirmation hook (tests replace it; the GUI asks with a message box)</extracomment>
      <translation>स्वतः (उपस्थित / विलंब)</translation>
    </message>
    <message>
      <source>Present</source>
      <translation>उपस्थित</translation>
    </message>
    <message>
      <source>Late</source>
      <translation>विलंब से</translation>
    </message>
    <message>
      <source>Excused</source>
      <translation>अवकाश स्वीकृत</translation>
    </message>
    <message>
      <source>Absent</source>
      <translation>अनुपस्थित</translation>
    </message>
    <message>
      <source>No session today. Plan one in Workshops.</source>
      <translation>आज कोई सत्र नहीं है। कार्यशालाएँ में सत्र बनाएँ।</translation>
    </message>
    <message>
      <source>open</source>
      <translation>खुला</translation>
    </message>
    <message>
      <source>closed</source>
      <translation>बंद</translation>
    </message>
    <message>
      <source>not started</source>
      <translation>अभी शुरू नहीं</translation>
    </message>
    <message>
      <source>{title} · {date} {start}–{end} · late after {late} · {state}</source>
      <translation>{title} · {date} {start}–{end} · {late} के बाद विलंब · {state}</translation>
    </message>
    <message>
      <source> — not enrolled</source>
      <translation> — नामांकित नहीं</translation>
    </message>
    <message>
      <source>No session selected</source>
      <translation>कोई सत्र चुना नहीं गया</translation>
    </message>
    <message>
      <source>Pick a session with F4.</source>
      <translation>F4 से सत्र चुनें।</translation>
    </message>
    <message>
      <source>Not saved</source>
      <translation>सहेजा नहीं गया</translation>
    </message>
    <message>
      <source>The mark could not be saved: {error}</source>
      <translation>उपस्थिति सहेजी नहीं जा सकी: {error}</translation>
    </message>
    <message>
      <source>Marked {status} at {time}</source>
      <translation>{time} पर {status} दर्ज</translation>
    </message>
    <message>
      <source>Changed: {old} → {new}</source>
      <translation>बदला गया: {old} → {new}</translation>
    </message>
    <message>
      <source>not marked</source>
      <translation>दर्ज नहीं</translation>
    </message>
    <message>
      <source>Already marked {status} at {time} — nothing changed</source>
      <translation>{time} पर पहले ही {status} दर्ज है — कुछ नहीं बदला</translation>
    </message>
    <message>
      <source>Already marked {status} at desk {desk} at {time} — nothing changed</source>
      <translation>डेस्क {desk} पर {time} पर पहले ही {status} दर्ज है — कुछ नहीं बदला</translation>
    </message>
    <message>
      <source>Not enrolled in this workshop. F2: register as walk-in</source>
      <translation>इस कार्यशाला में नामांकित नहीं। F2: मौके पर पंजीकरण करें</translation>
    </message>
    <message>
      <source>Withdrew from this workshop. F2: register again as walk-in</source>
      <translation>इस कार्यशाला से नाम वापस लिया गया है। F2: फिर से पंजीकरण करें</translation>
    </message>
    <message>
      <source>Enrolled in another workshop today. Wrong session selected?</source>
      <translation>आज किसी अन्य कार्यशाला में नामांकित। क्या गलत सत्र चुना है?</translation>
    </message>
    <message>
      <source>Unknown code</source>
      <translation>अज्ञात कोड</translation>
    </message>
    <message>
      <source>{text} is not in the roster. F2: register as walk-in</source>
      <translation>{text} सूची में नहीं है। F2: मौके पर पंजीकरण करें</translation>
    </message>
    <message>
      <source>Unreadable scan</source>
      <translation>स्कैन पढ़ा नहीं जा सका</translation>
    </message>
    <message>
      <source>Scan the badge again.</source>
      <translation>बैज फिर से स्कैन करें।</translation>
    </message>
    <message>
      <source>Session not started</source>
      <translation>सत्र अभी शुरू नहीं हुआ</translation>
    </message>
    <message>
      <source>This session is on {date} at {time}. Is the right session selected?</source>
      <translation>यह सत्र {date} को {time} बजे है। क्या सही सत्र चुना गया है?</translation>
    </message>
    <message>
      <source>Session closed</source>
      <translation>सत्र बंद</translation>
    </message>
    <message>
      <source>Nothing was marked. Reopen the session or pick today's.</source>
      <translation>कुछ दर्ज नहीं हुआ। सत्र पुनः खोलें या आज का सत्र चुनें।</translation>
    </message>
    <message>
      <source>(no name)</source>
      <translation>(नाम नहीं)</translation>
    </message>
    <message>
      <source>present</source>
      <translation>उपस्थित</translation>
    </message>
    <message>
      <source>late</source>
      <translation>विलंब से</translation>
    </message>
    <message>
      <source>excused</source>
      <translation>अवकाश स्वीकृत</translation>
    </message>
    <message>
      <source>absent</source>
      <translation>अनुपस्थित</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>तैयार</translation>
    </message>
    <message>
      <source>Scan a badge or type a name.</source>
      <translation>बैज स्कैन करें या नाम लिखें।</translation>
    </message>
    <message>
      <source>{marked} / {enrolled} marked</source>
      <translation>{marked} / {enrolled} दर्ज</translation>
    </message>
    <message>
      <source>present {present} · late {late} · excused {excused} · absent {absent}</source>
      <translation>उपस्थित {present} · विलंब {late} · अवकाश {excused} · अनुपस्थित {absent}</translation>
    </message>
    <message>
      <source>Nothing to undo</source>
      <translation>वापस लेने को कुछ नहीं</translation>
    </message>
    <message>
      <source>No mark made here yet.</source>
      <translation>इस डेस्क से अभी कोई प्रविष्टि नहीं हुई।</translation>
    </message>
    <message>
      <source>Undone: now {status}</source>
      <translation>वापस लिया गया: अब {status}</translation>
    </message>
    <message>
      <source>Cannot undo</source>
      <translation>वापस नहीं लिया जा सकता</translation>
    </message>
    <message>
      <source>This mark was changed since (another desk or a later mark).</source>
      <translation>यह प्रविष्टि बाद में बदली जा चुकी है (दूसरी डेस्क या बाद की प्रविष्टि)।</translation>
    </message>
    <message>
      <source>Close this session and mark the {rest} people without a mark absent?</source>
      <translation>सत्र बंद कर बिना प्रविष्टि वाले {rest} लोगों को अनुपस्थित चिह्नित करें?</translation>
    </message>
    <message>
      <source>{made} people marked absent. Scans are now refused.</source>
      <translation>{made} लोग अनुपस्थित चिह्नित। अब स्कैन स्वीकार नहीं होंगे।</translation>
    </message>
    <message>
      <source>Attendance desk</source>
      <translation>उपस्थिति डेस्क</translation>
    </message>
    <message>
      <source>Type the person's name in English.</source>
      <translation>व्यक्ति का नाम अंग्रेज़ी में लिखें।</translation>
    </message>
    <message>
      <source>Give an employee code (up to 30 letters/digits, no spaces) or a mobile.</source>
      <translation>कर्मचारी कोड (अधिकतम 30 अक्षर/अंक, बिना रिक्त स्थान) या मोबाइल नंबर दें।</translation>
    </message>
    <message>
      <source>A mobile number has 10 digits and starts with 6–9.</source>
      <translation>मोबाइल नंबर 10 अंकों का होता है और 6–9 से शुरू होता है।</translation>
    </message>
    <message>
      <source>No one selected</source>
      <translation>कोई व्यक्ति चुना नहीं गया</translation>
    </message>
    <message>
      <source>Scan or pick a person first.</source>
      <translation>पहले किसी व्यक्ति को स्कैन करें या चुनें।</translation>
    </message>
    <message>
      <source>Session open</source>
      <translation>सत्र खुला है</translation>
    </message>
    <message>
      <source>This session is not closed; there is nothing to reopen.</source>
      <translation>यह सत्र बंद नहीं है; पुनः खोलने को कुछ नहीं है।</translation>
    </message>
    <message>
      <source>Session reopened</source>
      <translation>सत्र पुनः खोला गया</translation>
    </message>
    <message>
      <source>Scans are accepted again.</source>
      <translation>स्कैन फिर से स्वीकार किए जा रहे हैं।</translation>
    </message>
  </context>
</TS>