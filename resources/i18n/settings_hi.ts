<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<!-- Issue 19, item 2: File ▸ Settings… -->
<context>
    <name>SettingsDialog</name>
    <message><source>Settings</source><translation>सेटिंग्स</translation></message>
    <message><source>This centre and this desk</source><translation>यह केंद्र और यह डेस्क</translation></message>
    <message><source>Institute code</source><translation>संस्थान कोड</translation></message>
    <message><source>Name (English)</source><translation>नाम (अंग्रेज़ी)</translation></message>
    <message><source>Name (Hindi)</source><translation>नाम (हिन्दी)</translation></message>
    <message><source>Desk number</source><translation>डेस्क संख्या</translation></message>
    <message><source>Every laptop of one institute needs its own desk number, so that their certificate numbers and signing keys never clash. Changing it gives this desk a new signing key; certificates already issued keep verifying.</source><translation>एक संस्थान के हर लैपटॉप की अपनी डेस्क संख्या होनी चाहिए, ताकि उनके प्रमाण-पत्र क्रमांक और हस्ताक्षर कुंजियाँ कभी न टकराएँ। इसे बदलने पर इस डेस्क को नई हस्ताक्षर कुंजी मिलती है; पहले जारी प्रमाण-पत्र सत्यापित होते रहते हैं।</translation></message>
    <message><source>Certificate signing key</source><translation>प्रमाण-पत्र हस्ताक्षर कुंजी</translation></message>
    <message><source>Key</source><translation>कुंजी</translation></message>
    <message><source>Fingerprint</source><translation>फ़िंगरप्रिंट</translation></message>
    <message><source>Automatic backups…</source><translation>स्वचालित बैकअप…</translation></message>
    <message><source>none yet</source><translation>अभी कोई नहीं</translation></message>
    <message><source>Also chosen at the first start</source><translation>पहली बार शुरू करते समय चुनी गई अन्य बातें</translation></message>
    <message><source>Language</source><translation>भाषा</translation></message>
    <message><source>Where the data lives</source><translation>डेटा कहाँ रखा है</translation></message>
    <message><source>To move it to another folder or laptop: File ▸ Backup…, then File ▸ Restore… there.</source><translation>इसे किसी दूसरे फ़ोल्डर या लैपटॉप पर ले जाने के लिए: फ़ाइल ▸ बैकअप…, फिर वहाँ फ़ाइल ▸ पुनर्स्थापना… चुनें।</translation></message>
    <message><source>Portal enrolment…</source><translation>पोर्टल पंजीकरण…</translation></message>
    <message><source>iGOT settings…</source><translation>iGOT सेटिंग्स…</translation></message>
    <message><source>a database in memory (not kept)</source><translation>मेमोरी में डेटाबेस (सहेजा नहीं जाता)</translation></message>
</context>
</TS>
