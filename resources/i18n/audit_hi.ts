<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>AuditView</name>
    <message>
        <source>Audit log…</source>
        <translation>ऑडिट लॉग…</translation>
    </message>
    <message>
        <source>(nobody signed in)</source>
        <translation>(कोई साइन इन नहीं)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>कार्य</translation>
    </message>
    <message>
        <source>All workshops</source>
        <translation>सभी कार्यशालाएँ</translation>
    </message>
    <message>
        <source>Attendance marked</source>
        <translation>उपस्थिति दर्ज</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>ऑडिट लॉग</translation>
    </message>
    <message>
        <source>Audit log — who did what on this desk</source>
        <translation>ऑडिट लॉग — इस डेस्क पर किसने क्या किया</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>बैकअप पुनर्स्थापित</translation>
    </message>
    <message>
        <source>Backup written</source>
        <translation>बैकअप सहेजा गया</translation>
    </message>
    <message>
        <source>Bundle exported</source>
        <translation>बंडल निर्यात किया गया</translation>
    </message>
    <message>
        <source>Bundle imported</source>
        <translation>बंडल आयात किया गया</translation>
    </message>
    <message>
        <source>Certificate issued</source>
        <translation>प्रमाण-पत्र जारी</translation>
    </message>
    <message>
        <source>Certificate re-issued</source>
        <translation>प्रमाण-पत्र पुनः जारी</translation>
    </message>
    <message>
        <source>Certificate revoked</source>
        <translation>प्रमाण-पत्र निरस्त</translation>
    </message>
    <message>
        <source>Check the chain</source>
        <translation>शृंखला जाँचें</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>तिथियाँ:</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>विवरण</translation>
    </message>
    <message>
        <source>Enrolment changed</source>
        <translation>नामांकन बदला गया</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>सभी व्यक्ति</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>एक्सेल वर्कबुक (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>ऑडिट लॉग निर्यात करें</translation>
    </message>
    <message>
        <source>Export to XLSX…</source>
        <translation>XLSX में निर्यात करें…</translation>
    </message>
    <message>
        <source>Mark undone</source>
        <translation>उपस्थिति पूर्ववत की गई</translation>
    </message>
    <message>
        <source>Name, employee code or mobile</source>
        <translation>नाम, कर्मचारी कोड या मोबाइल</translation>
    </message>
    <message>
        <source>No participant matches “{0}”.</source>
        <translation>“{0}” से कोई प्रतिभागी मेल नहीं खाता।</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>क्रम</translation>
    </message>
    <message>
        <source>Only between</source>
        <translation>केवल इनके बीच</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>प्रतिभागी</translation>
    </message>
    <message>
        <source>Participant:</source>
        <translation>प्रतिभागी:</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>व्यक्ति</translation>
    </message>
    <message>
        <source>Person added or edited</source>
        <translation>व्यक्ति जोड़ा या संपादित किया गया</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>व्यक्ति:</translation>
    </message>
    <message>
        <source>Roster imported</source>
        <translation>रोस्टर आयात किया गया</translation>
    </message>
    <message>
        <source>Session closed</source>
        <translation>सत्र बंद</translation>
    </message>
    <message>
        <source>Session edited</source>
        <translation>सत्र संपादित</translation>
    </message>
    <message>
        <source>Session reopened</source>
        <translation>सत्र पुनः खोला गया</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>सेटिंग्स बदली गईं</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>दिखाएँ</translation>
    </message>
    <message>
        <source>Sync run</source>
        <translation>सिंक चलाया गया</translation>
    </message>
    <message>
        <source>The chain is BROKEN at entry {0}: the database file was edited outside the program.</source>
        <translation>शृंखला प्रविष्टि {0} पर टूटी है: डेटाबेस फ़ाइल को प्रोग्राम के बाहर बदला गया।</translation>
    </message>
    <message>
        <source>The chain is intact: {0} entries, none changed or removed.</source>
        <translation>शृंखला अखंड है: {0} प्रविष्टियाँ, कोई बदली या हटाई नहीं गई।</translation>
    </message>
    <message>
        <source>The newest {0} entries are shown; narrow the filters to see older ones.</source>
        <translation>नवीनतम {0} प्रविष्टियाँ दिखाई गई हैं; पुरानी देखने के लिए फ़िल्टर सीमित करें।</translation>
    </message>
    <message>
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>कार्यशाला</translation>
    </message>
    <message>
        <source>Workshop created or edited</source>
        <translation>कार्यशाला बनाई या संपादित की गई</translation>
    </message>
    <message>
        <source>Workshop:</source>
        <translation>कार्यशाला:</translation>
    </message>
    <message>
        <source>{0} entries written to {1}</source>
        <translation>{0} प्रविष्टियाँ {1} में सहेजी गईं</translation>
    </message>
    <message>
        <source>{0} entries.</source>
        <translation>{0} प्रविष्टियाँ।</translation>
    </message>
</context>
<context>
    <name>BackupPassphrase</name>
    <message>
        <source>Again:</source>
        <translation>दोबारा:</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>बैकअप पासफ़्रेज़</translation>
    </message>
    <message>
        <source>Do not encrypt this backup (anyone holding the file can read every name and mobile in it)</source>
        <translation>इस बैकअप को एन्क्रिप्ट न करें (फ़ाइल रखने वाला कोई भी इसमें हर नाम और मोबाइल पढ़ सकता है)</translation>
    </message>
    <message>
        <source>It is NOT encrypted: whoever holds the file can read every name, mobile and e-mail in it.</source>
        <translation>यह एन्क्रिप्टेड नहीं है: फ़ाइल रखने वाला कोई भी इसमें हर नाम, मोबाइल और ई-मेल पढ़ सकता है।</translation>
    </message>
    <message>
        <source>It is encrypted with your passphrase: without the passphrase it cannot be restored.</source>
        <translation>यह आपके पासफ़्रेज़ से एन्क्रिप्टेड है: पासफ़्रेज़ के बिना इसे पुनर्स्थापित नहीं किया जा सकता।</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>पासफ़्रेज़:</translation>
    </message>
    <message>
        <source>The backup will be encrypted: without this passphrase nobody can read it, and neither can you. Keep it somewhere safe, away from the backup.</source>
        <translation>बैकअप एन्क्रिप्ट किया जाएगा: इस पासफ़्रेज़ के बिना इसे कोई नहीं पढ़ सकता, आप भी नहीं। इसे बैकअप से अलग किसी सुरक्षित स्थान पर रखें।</translation>
    </message>
    <message>
        <source>The passphrase must be at least {0} characters long.</source>
        <translation>पासफ़्रेज़ कम से कम {0} अक्षरों का होना चाहिए।</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>दोनों पासफ़्रेज़ अलग हैं।</translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation>पासफ़्रेज़ टाइप करें।</translation>
    </message>
    <message>
        <source>{0} is encrypted. Type its passphrase.</source>
        <translation>{0} एन्क्रिप्टेड है। इसका पासफ़्रेज़ टाइप करें।</translation>
    </message>
</context>
</TS>
