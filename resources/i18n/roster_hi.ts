<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>PersonDialog</name>
    <message>
        <source>Name (English)</source>
        <translation>नाम (अंग्रेज़ी)</translation>
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
        <source>Email</source>
        <translation>ईमेल</translation>
    </message>
    <message>
        <source>%1: required.</source>
        <translation>%1: आवश्यक है।</translation>
    </message>
    <message>
        <source>%1: must be 10 digits starting with 6, 7, 8 or 9 (got %2).</source>
        <translation>%1: 6, 7, 8 या 9 से शुरू होने वाले 10 अंक होने चाहिए (मिला: %2)।</translation>
    </message>
    <message>
        <source>%1: not a valid email address (got %2).</source>
        <translation>%1: मान्य ईमेल पता नहीं है (मिला: %2)।</translation>
    </message>
    <message>
        <source>%1: at most 30 characters.</source>
        <translation>%1: अधिकतम 30 अक्षर।</translation>
    </message>
    <message>
        <source>%1: must not contain spaces.</source>
        <translation>%1: इसमें रिक्त स्थान नहीं होना चाहिए।</translation>
    </message>
    <message>
        <source>%1: %2 already belongs to %3.</source>
        <translation>%1: %2 पहले से %3 का है।</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>व्यक्ति जोड़ें</translation>
    </message>
    <message>
        <source>Edit person</source>
        <translation>व्यक्ति का विवरण बदलें</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>महिला</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>पुरुष</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>अन्य</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>सहेजा नहीं जा सका: %1</translation>
    </message>
    <message>
        <source>Name (English) *</source>
        <translation>नाम (अंग्रेज़ी) *</translation>
    </message>
    <message>
        <source>iGOT user id</source>
        <translation>iGOT उपयोगकर्ता आईडी</translation>
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
        <source>District</source>
        <translation>ज़िला</translation>
    </message>
    <message>
        <source>10 digits, starting with 6, 7, 8 or 9</source>
        <translation>10 अंक, 6, 7, 8 या 9 से शुरू</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>लिंग</translation>
    </message>
    <message>
        <source>Service group</source>
        <translation>सेवा समूह</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Name (Hindi)</source>
        <extracomment>(header, attribute) in display order</extracomment>
        <translation>नाम (हिन्दी)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>नाम (अंग्रेज़ी)</translation>
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
        <source>Department</source>
        <translation>विभाग</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ज़िला</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>मोबाइल</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>Delete person</source>
        <translation>व्यक्ति हटाएँ</translation>
    </message>
    <message>
        <source>Delete %1 from the roster?

The deletion is kept as a record so that it reaches the portal at the next sync.</source>
        <translation>क्या %1 को रोस्टर से हटाना है?

हटाने का रिकॉर्ड रखा जाता है ताकि अगले सिंक में यह पोर्टल तक पहुँचे।</translation>
    </message>
    <message>
        <source>No one matches “%1”.</source>
        <translation>“%1” से कोई मेल नहीं खाता।</translation>
    </message>
    <message>
        <source>%1 people shown.</source>
        <translation>%1 व्यक्ति दिखाए गए।</translation>
    </message>
    <message>
        <source>%1 people shown; scroll down for more.</source>
        <translation>%1 व्यक्ति दिखाए गए; और देखने के लिए नीचे स्क्रॉल करें।</translation>
    </message>
    <message>
        <source>Roster of participants</source>
        <translation>प्रतिभागियों का रोस्टर</translation>
    </message>
    <message>
        <source>Search: name in Hindi or English, employee code or mobile</source>
        <translation>खोजें: हिन्दी या अंग्रेज़ी में नाम, कर्मचारी कोड या मोबाइल</translation>
    </message>
    <message>
        <source>Add person…</source>
        <translation>व्यक्ति जोड़ें…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>बदलें…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>हटाएँ…</translation>
    </message>
    <message>
        <source>Import list…</source>
        <translation>सूची आयात करें…</translation>
    </message>
</context>
</TS>
