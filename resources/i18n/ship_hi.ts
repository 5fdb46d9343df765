<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<!-- Issue 19 (ship it): About's build line, the error dialog, the integrity check at start. -->
<context>
    <name>Ship</name>
    <message><source>Running from the source code (not an installed build).</source><translation>सोर्स कोड से चल रहा है (इंस्टॉल किया गया बिल्ड नहीं)।</translation></message>
    <message><source>Built on %1</source><translation>%1 को बनाया गया</translation></message>
    <message><source>Karmayogi Desk met an unexpected error</source><translation>कर्मयोगी डेस्क में एक अनपेक्षित त्रुटि हुई</translation></message>
    <message><source>Something went wrong and the last action may not have finished.</source><translation>कुछ गड़बड़ हुई और हो सकता है कि पिछला कार्य पूरा न हुआ हो।</translation></message>
    <message><source>Open the log folder</source><translation>लॉग फ़ोल्डर खोलें</translation></message>
    <message><source>Work saved before this moment is safe: every mark and change is saved when it is made.

What to do: close this message and try the action again. If the error comes back, close Karmayogi Desk, start it again, and send this log file to your administrator:
%1</source><translation>इस क्षण से पहले सहेजा गया कार्य सुरक्षित है: हर उपस्थिति और हर बदलाव उसी समय सहेजा जाता है।

क्या करें: यह संदेश बंद करें और कार्य फिर से करें। यदि त्रुटि फिर आए, तो कर्मयोगी डेस्क बंद करें, फिर से शुरू करें, और यह लॉग फ़ाइल अपने व्यवस्थापक को भेजें:
%1</translation></message>
    <message><source>The database file is damaged</source><translation>डेटाबेस फ़ाइल क्षतिग्रस्त है</translation></message>
    <message><source>Karmayogi Desk found damage in its database file:
%1

SQLite reports: %2</source><translation>कर्मयोगी डेस्क को अपनी डेटाबेस फ़ाइल में क्षति मिली:
%1

SQLite का संदेश: %2</translation></message>
    <message><source>The newest backup is %1 (made %2). Restoring it brings back the data as it was then; the damaged file is kept aside, not deleted. Work done after the backup must be entered again.</source><translation>सबसे नया बैकअप %1 है (%2 को बना)। इसे पुनर्स्थापित करने पर डेटा वैसा हो जाएगा जैसा उस समय था; क्षतिग्रस्त फ़ाइल अलग रख दी जाती है, हटाई नहीं जाती। बैकअप के बाद किया गया कार्य फिर से दर्ज करना होगा।</translation></message>
    <message><source>Restore this backup</source><translation>यह बैकअप पुनर्स्थापित करें</translation></message>
    <message><source>No backup was found beside the database. Copy the newest backup (a .kdbackup file, for example from the backup USB stick) into the folder %1 and start Karmayogi Desk again, or ask your administrator. Nothing was changed.</source><translation>डेटाबेस के पास कोई बैकअप नहीं मिला। सबसे नया बैकअप (एक .kdbackup फ़ाइल, उदाहरण के लिए बैकअप USB स्टिक से) फ़ोल्डर %1 में कॉपी करें और कर्मयोगी डेस्क फिर से शुरू करें, या अपने व्यवस्थापक से पूछें। कुछ भी नहीं बदला गया।</translation></message>
    <message><source>Not now</source><translation>अभी नहीं</translation></message>
    <message><source>Quit</source><translation>बंद करें</translation></message>
    <message><source>Restoring %1 …</source><translation>%1 पुनर्स्थापित किया जा रहा है …</translation></message>
    <message><source>The backup could not be restored</source><translation>बैकअप पुनर्स्थापित नहीं हो सका</translation></message>
    <message><source>Backup restored</source><translation>बैकअप पुनर्स्थापित हुआ</translation></message>
    <message><source>The backup %1 was restored. Check the last day's work.</source><translation>बैकअप %1 पुनर्स्थापित किया गया। पिछले दिन का कार्य जाँच लें।</translation></message>
    <message><source>Checking the database file after an unexpected end …</source><translation>अनपेक्षित रूप से बंद होने के बाद डेटाबेस फ़ाइल की जाँच हो रही है …</translation></message>
</context>
</TS>
