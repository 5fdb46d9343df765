<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>Users</name>
    <message>
        <source>Add a user</source>
        <translation>उपयोगकर्ता जोड़ें</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>प्रशासक</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>भूमिका बदलें</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>समन्वयक</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>निष्क्रिय करें</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>सक्रिय करें</translation>
    </message>
    <message>
        <source>Five wrong PINs: this user is locked until %1. An admin can set a new PIN.</source>
        <translation>पाँच बार गलत पिन: यह उपयोगकर्ता %1 तक लॉक है। प्रशासक नया पिन दे सकता है।</translation>
    </message>
    <message>
        <source>Lock the desk</source>
        <translation>डेस्क लॉक करें</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Name: a user needs a name.</source>
        <translation>नाम: उपयोगकर्ता का नाम आवश्यक है।</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>नया पिन</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>कोई साइन इन नहीं है</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>ऑपरेटर</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>पिन</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation>पिन या पासवर्ड</translation>
    </message>
    <message>
        <source>PIN: at least %1 characters.</source>
        <translation>पिन: कम से कम %1 अक्षर।</translation>
    </message>
    <message>
        <source>PIN: no space at the start or the end.</source>
        <translation>पिन: शुरू या अंत में खाली जगह न हो।</translation>
    </message>
    <message>
        <source>PIN: the two entries differ.</source>
        <translation>पिन: दोनों प्रविष्टियाँ अलग हैं।</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>भूमिका</translation>
    </message>
    <message>
        <source>State</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Switch user: choose your name and enter your PIN.</source>
        <translation>उपयोगकर्ता बदलें: अपना नाम चुनें और पिन डालें।</translation>
    </message>
    <message>
        <source>Switch user…</source>
        <translation>उपयोगकर्ता बदलें…</translation>
    </message>
    <message>
        <source>The desk is locked. Sign in to go on.</source>
        <translation>डेस्क लॉक है। आगे बढ़ने के लिए साइन इन करें।</translation>
    </message>
    <message>
        <source>The desk's first user is its admin (leave the name empty to set up users later).</source>
        <translation>डेस्क का पहला उपयोगकर्ता उसका प्रशासक होता है (उपयोगकर्ता बाद में बनाने हों तो नाम खाली छोड़ें)।</translation>
    </message>
    <message>
        <source>The same again</source>
        <translation>फिर से वही</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>प्रशिक्षक</translation>
    </message>
    <message>
        <source>Users…</source>
        <translation>उपयोगकर्ता…</translation>
    </message>
    <message>
        <source>Who is at the desk? Choose your name and enter your PIN.</source>
        <translation>डेस्क पर कौन है? अपना नाम चुनें और पिन डालें।</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation>गलत पिन। फिर से प्रयास करें।</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>आपका नाम</translation>
    </message>
    <message>
        <source>active</source>
        <translation>सक्रिय</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>निष्क्रिय</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>%1 तक लॉक</translation>
    </message>
    <message>
        <source>no</source>
        <translation>नहीं</translation>
    </message>
    <message>
        <source>no PIN</source>
        <translation>पिन नहीं</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>हाँ</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Sign in</source>
        <translation>साइन इन</translation>
    </message>
    <message>
        <source>User</source>
        <translation>उपयोगकर्ता</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation>पिन या पासवर्ड</translation>
    </message>
</context>
<context>
    <name>UserEdit</name>
    <message>
        <source>User</source>
        <translation>उपयोगकर्ता</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>नाम *</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>भूमिका</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation>पिन या पासवर्ड</translation>
    </message>
    <message>
        <source>The same again</source>
        <translation>फिर से वही</translation>
    </message>
    <message>
        <source>No PIN (anyone at the desk can act as this user)</source>
        <translation>पिन नहीं (डेस्क पर कोई भी इस उपयोगकर्ता के रूप में काम कर सकता है)</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users of this desk</source>
        <translation>इस डेस्क के उपयोगकर्ता</translation>
    </message>
    <message>
        <source>Each person signs in with their own name, so that every change says who made it. Roles: operator (attendance desk, walk-ins); trainer (+ workshops, sessions, enrolment, field visits); coordinator (+ roster import, completion rules, certificates, sync and bundles, iGOT); admin (+ users, keys, settings, restore).</source>
        <translation>हर व्यक्ति अपने नाम से साइन इन करता है, ताकि हर बदलाव बताए कि किसने किया। भूमिकाएँ: ऑपरेटर (उपस्थिति डेस्क, बिना नामांकन आए व्यक्ति); प्रशिक्षक (+ कार्यशालाएँ, सत्र, नामांकन, क्षेत्र भ्रमण); समन्वयक (+ रोस्टर आयात, पूर्णता नियम, प्रमाण-पत्र, सिंक और बंडल, iGOT); प्रशासक (+ उपयोगकर्ता, कुंजियाँ, सेटिंग्स, पुनर्स्थापना)।</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>उपयोगकर्ता जोड़ें…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>भूमिका बदलें…</translation>
    </message>
    <message>
        <source>New PIN…</source>
        <translation>नया पिन…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>निष्क्रिय करें</translation>
    </message>
    <message>
        <source>Lock the desk after this many idle minutes (0: never)</source>
        <translation>इतने मिनट कोई काम न हो तो डेस्क लॉक करें (0: कभी नहीं)</translation>
    </message>
</context>
</TS>
