<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>App</name>
    <message>
        <source>Karmayogi Desk cannot open the database</source>
        <translation>कर्मयोगी डेस्क डेटाबेस नहीं खोल सका</translation>
    </message>
    <message>
        <source>Updating the database for this version of Karmayogi Desk. A backup copy is made first; with a large roster this can take a few minutes.</source>
        <translation>कर्मयोगी डेस्क के इस संस्करण के लिए डेटाबेस अद्यतन किया जा रहा है। पहले एक बैकअप प्रति बनाई जाती है; बड़े रोस्टर में इसमें कुछ मिनट लग सकते हैं।</translation>
    </message>
    <message>
        <source>Institute code: use 2 to 16 capital letters, digits or '-' (e.g. UPAAM).</source>
        <translation>संस्थान कोड: 2 से 16 बड़े अक्षर (A–Z), अंक या '-' लिखें (जैसे UPAAM)।</translation>
    </message>
    <message>
        <source>Institute name (English) must not be empty.</source>
        <translation>संस्थान का नाम (अंग्रेज़ी) खाली नहीं हो सकता।</translation>
    </message>
    <message>
        <source>Institute name (Hindi): write it in Devanagari, or leave it empty.</source>
        <translation>संस्थान का नाम (हिन्दी): देवनागरी में लिखें, या खाली छोड़ दें।</translation>
    </message>
    <message>
        <source>Desk number: use a whole number from 1 to 9.</source>
        <translation>डेस्क संख्या: 1 से 9 तक की पूर्ण संख्या लिखें।</translation>
    </message>
    <message>
        <source>The centre could not be set up: {error}</source>
        <translation>केंद्र स्थापित नहीं हो सका: {error}</translation>
    </message>
</context>
<context>
    <name>Buttons</name>
    <message>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>सहेजें</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>हाँ</translation>
    </message>
    <message>
        <source>No</source>
        <translation>नहीं</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>लागू करें</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>खोलें</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Roster</source>
        <extracomment>(module name under desktop.ui.pages, English label, Hindi label); labels are translated through the "MainWindow" context, the other language is kept for the tooltip.</extracomment>
        <translation>रोस्टर</translation>
    </message>
    <message>
        <source>Workshops</source>
        <translation>कार्यशालाएँ</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>उपस्थिति</translation>
    </message>
    <message>
        <source>Field visits</source>
        <translation>क्षेत्र भ्रमण</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>प्रमाण-पत्र</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>सिंक</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>डैशबोर्ड</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>रिपोर्ट</translation>
    </message>
    <message>
        <source>This screen could not be opened. Please report this message:</source>
        <translation>यह स्क्रीन नहीं खुल सकी। कृपया यह संदेश सूचित करें:</translation>
    </message>
    <message>
        <source>Coming soon: this part of Karmayogi Desk is not in this version yet.</source>
        <translation>जल्द आ रहा है: कर्मयोगी डेस्क का यह भाग अभी इस संस्करण में नहीं है।</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>डेटाबेस का बैकअप लें</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>बैकअप</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>बैकअप %1 में सहेजा गया</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Full backup: database, keys and files (*.kdbackup)</source>
        <translation>पूर्ण बैकअप: डेटाबेस, कुंजियाँ और फ़ाइलें (*.kdbackup)</translation>
    </message>
    <message>
        <source>Database only (*.db)</source>
        <translation>केवल डेटाबेस (*.db)</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>बैकअप लिखा जा रहा है…</translation>
    </message>
    <message>
        <source>It holds the database, the certificate signing keys and the files (photos). Keep it as safe as this laptop: whoever has it can sign certificates in this centre's name.</source>
        <translation>इसमें डेटाबेस, प्रमाण-पत्र हस्ताक्षर कुंजियाँ और फ़ाइलें (फ़ोटो) हैं। इसे इस लैपटॉप जितना ही सुरक्षित रखें: जिसके पास यह है, वह इस केंद्र के नाम से प्रमाण-पत्र पर हस्ताक्षर कर सकता है।</translation>
    </message>
    <message>
        <source>Only the database is in this file: the signing keys and the photos are not. Choose a full backup (.kdbackup) to keep them too.</source>
        <translation>इस फ़ाइल में केवल डेटाबेस है: हस्ताक्षर कुंजियाँ और फ़ोटो नहीं हैं। उन्हें भी रखने के लिए पूर्ण बैकअप (.kdbackup) चुनें।</translation>
    </message>
    <message>
        <source>The backup was cancelled; nothing was written.</source>
        <translation>बैकअप रद्द कर दिया गया; कुछ भी नहीं लिखा गया।</translation>
    </message>
    <message>
        <source>Backups (*.kdbackup *.db *.bak)</source>
        <translation>बैकअप (*.kdbackup *.db *.bak)</translation>
    </message>
    <message>
        <source>Database only (*.db *.bak)</source>
        <translation>केवल डेटाबेस (*.db *.bak)</translation>
    </message>
    <message>
        <source>Replace the current data (database, signing keys and files such as photos) with this backup?
%1

The backup is checked completely first, and the current data is saved as a full backup before anything is replaced.</source>
        <translation>क्या वर्तमान डेटा (डेटाबेस, हस्ताक्षर कुंजियाँ और फ़ोटो जैसी फ़ाइलें) को इस बैकअप से बदलना है?
%1

पहले बैकअप की पूरी जाँच होती है, और कुछ भी बदलने से पहले वर्तमान डेटा पूर्ण बैकअप के रूप में सहेजा जाता है।</translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation>बैकअप की जाँच और पुनर्स्थापना हो रही है…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>बैकअप पुनर्स्थापित करें</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>पुनर्स्थापना</translation>
    </message>
    <message>
        <source>Replace the current database with this backup?
%1

The current file is saved as a backup first.</source>
        <translation>क्या वर्तमान डेटाबेस को इस बैकअप से बदलना है?
%1

वर्तमान फ़ाइल पहले बैकअप के रूप में सहेजी जाएगी।</translation>
    </message>
    <message>
        <source>The backup was restored.</source>
        <translation>बैकअप पुनर्स्थापित हो गया।</translation>
    </message>
    <message>
        <source>The previous file was saved as %1</source>
        <translation>पिछली फ़ाइल %1 के रूप में सहेजी गई</translation>
    </message>
    <message>
        <source>Karmayogi Desk</source>
        <translation>कर्मयोगी डेस्क</translation>
    </message>
    <message>
        <source>About Karmayogi Desk</source>
        <translation>कर्मयोगी डेस्क के बारे में</translation>
    </message>
    <message>
        <source>Karmayogi Desk %1

Offline desk for Mission Karmayogi training centres in Uttar Pradesh: roster, workshops, attendance, field visits, certificates and sync.</source>
        <translation>कर्मयोगी डेस्क %1

उत्तर प्रदेश के मिशन कर्मयोगी प्रशिक्षण केंद्रों के लिए ऑफ़लाइन डेस्क: रोस्टर, कार्यशालाएँ, उपस्थिति, क्षेत्र भ्रमण, प्रमाण-पत्र और सिंक।</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>फ़ाइल (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>भाषा (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>सहायता (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Backup…</source>
        <translation>बैकअप (&amp;B)…</translation>
    </message>
    <message>
        <source>Write the database, signing keys and files (photos) to one backup file</source>
        <translation>डेटाबेस, हस्ताक्षर कुंजियाँ और फ़ाइलें (फ़ोटो) एक बैकअप फ़ाइल में लिखें</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>पुनर्स्थापना (&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>सेटिंग्स (&amp;S)…</translation>
    </message>
    <message>
        <source>The centre's names, this desk's number, the signing key</source>
        <translation>केंद्र के नाम, इस डेस्क की संख्या, हस्ताक्षर कुंजी</translation>
    </message>
    <message>
        <source>&amp;Automatic backups…</source>
        <translation>स्वचालित बैकअप (&amp;A)…</translation>
    </message>
    <message>
        <source>Where the daily backups go, how many days are kept, a second folder</source>
        <translation>दैनिक बैकअप कहाँ जाते हैं, कितने दिन रखे जाते हैं, दूसरा फ़ोल्डर</translation>
    </message>
    <message>
        <source>Replace the data with a backup (the current data is saved first)</source>
        <translation>डेटा को बैकअप से बदलें (वर्तमान डेटा पहले सहेजा जाता है)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>बंद करें (&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Karmayogi Desk</source>
        <translation>कर्मयोगी डेस्क के बारे में (&amp;A)</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Karmayogi Desk</source>
        <translation>कर्मयोगी डेस्क</translation>
    </message>
</context>
<context>
    <name>ClockNotice</name>
    <message>
        <source>1 year</source>
        <translation>1 वर्ष</translation>
    </message>
    <message>
        <source>{0} years</source>
        <translation>{0} वर्ष</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 दिन</translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation>{0} दिन</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 घंटा</translation>
    </message>
    <message>
        <source>{0} hours</source>
        <translation>{0} घंटे</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 मिनट</translation>
    </message>
    <message>
        <source>{0} minutes</source>
        <translation>{0} मिनट</translation>
    </message>
    <message>
        <source>{0} seconds</source>
        <translation>{0} सेकंड</translation>
    </message>
    <message>
        <source>the portal</source>
        <translation>पोर्टल</translation>
    </message>
    <message>
        <source>a bundle from another desk</source>
        <translation>दूसरे डेस्क का बंडल</translation>
    </message>
    <message>
        <source>a receipt from another desk</source>
        <translation>दूसरे डेस्क की रसीद</translation>
    </message>
    <message>
        <source>the venue hub</source>
        <translation>स्थल का हब</translation>
    </message>
    <message>
        <source>This laptop's clock says {0}, but this desk already holds a record made at {1}, {2} later. The clock was set back (or another desk's clock runs ahead). Set the date and time in the computer's settings; marks and certificates made meanwhile are flagged.</source>
        <translation>इस लैपटॉप की घड़ी {0} बता रही है, पर इस डेस्क में {1} पर बना एक रिकॉर्ड पहले से है, जो {2} बाद का है। घड़ी पीछे कर दी गई है (या किसी दूसरे डेस्क की घड़ी आगे चल रही है)। कंप्यूटर की सेटिंग में तारीख और समय ठीक करें; इस बीच लगी उपस्थिति और बने प्रमाण-पत्र चिह्नित किए जाते हैं।</translation>
    </message>
    <message>
        <source>This laptop's clock seems to be {0} behind {1} (this laptop: {2}; {1}: {3}).</source>
        <translation>इस लैपटॉप की घड़ी {1} से {0} पीछे लगती है (यह लैपटॉप: {2}; {1}: {3})।</translation>
    </message>
    <message>
        <source>This laptop's clock seems to be {0} ahead of {1} (this laptop: {2}; {1}: {3}).</source>
        <translation>इस लैपटॉप की घड़ी {1} से {0} आगे लगती है (यह लैपटॉप: {2}; {1}: {3})।</translation>
    </message>
    <message>
        <source>Check the date and time in the computer's settings; marks and certificates made meanwhile are flagged.</source>
        <translation>कंप्यूटर की सेटिंग में तारीख और समय जाँचें; इस बीच लगी उपस्थिति और बने प्रमाण-पत्र चिह्नित किए जाते हैं।</translation>
    </message>
    <message>
        <source>⚠ This laptop's clock looks wrong</source>
        <translation>⚠ इस लैपटॉप की घड़ी गलत लगती है</translation>
    </message>
    <message>
        <source>Made while this laptop's clock was wrong ({0}).</source>
        <translation>यह तब बना जब इस लैपटॉप की घड़ी गलत थी ({0})।</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <source>Export…</source>
        <translation>निर्यात करें…</translation>
    </message>
    <message>
        <source>Save this list as an Excel workbook or a CSV file (Ctrl+E)</source>
        <translation>यह सूची Excel वर्कबुक या CSV फ़ाइल के रूप में सहेजें (Ctrl+E)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel वर्कबुक (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV फ़ाइल, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export list</source>
        <translation>सूची निर्यात करें</translation>
    </message>
    <message>
        <source>Exporting the list to {0}…</source>
        <translation>सूची {0} में निर्यात की जा रही है…</translation>
    </message>
    <message>
        <source>{0} rows exported to {1}</source>
        <translation>{0} पंक्तियाँ {1} में निर्यात की गईं</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>निर्यात रद्द किया गया; कोई फ़ाइल नहीं लिखी गई।</translation>
    </message>
    <message>
        <source>The list could not be exported: {0}</source>
        <translation>सूची निर्यात नहीं हो सकी: {0}</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>रोस्टर</translation>
    </message>
    <message>
        <source>Workshops</source>
        <translation>कार्यशालाएँ</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>सत्र</translation>
    </message>
    <message>
        <source>Enrolled people</source>
        <translation>नामांकित व्यक्ति</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>पूर्णता</translation>
    </message>
    <message>
        <source>Marked at the desk</source>
        <translation>डेस्क पर अंकित उपस्थिति</translation>
    </message>
    <message>
        <source>Attendance history</source>
        <translation>उपस्थिति इतिहास</translation>
    </message>
    <message>
        <source>Field visits</source>
        <translation>क्षेत्र भ्रमण</translation>
    </message>
    <message>
        <source>Certificates register</source>
        <translation>प्रमाण-पत्र पंजिका</translation>
    </message>
    <message>
        <source>Rejected records</source>
        <translation>अस्वीकृत रिकॉर्ड</translation>
    </message>
    <message>
        <source>Held updates</source>
        <translation>रोके गए अद्यतन</translation>
    </message>
    <message>
        <source>Sync history</source>
        <translation>सिंक इतिहास</translation>
    </message>
    <message>
        <source>Trusted desks</source>
        <translation>भरोसेमंद डेस्क</translation>
    </message>
    <message>
        <source>Desks at this venue</source>
        <translation>इस स्थल की डेस्क</translation>
    </message>
    <message>
        <source>Differences with the portal</source>
        <translation>पोर्टल से अंतर</translation>
    </message>
    <message>
        <source>iGOT - still missing</source>
        <translation>iGOT - अभी बाकी</translation>
    </message>
    <message>
        <source>iGOT - refused</source>
        <translation>iGOT - अस्वीकृत</translation>
    </message>
    <message>
        <source>iGOT - needs action</source>
        <translation>iGOT - कार्रवाई आवश्यक</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>विभाग</translation>
    </message>
</context>
</TS>
