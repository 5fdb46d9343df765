<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<!-- Issue 19 (daily safety): the automatic daily backup's line in the status bar. -->
<context>
    <name>AutomaticBackups</name>
    <message><source>Backup: none yet</source><translation>बैकअप: अभी कोई नहीं</translation></message>
    <message><source>Backup: today %1</source><translation>बैकअप: आज %1</translation></message>
    <message><source>Backup: yesterday %1</source><translation>बैकअप: कल %1</translation></message>
    <message><source>No backup for %1 days</source><translation>%1 दिन से कोई बैकअप नहीं</translation></message>
    <message><source>backup stick not found</source><translation>बैकअप स्टिक नहीं मिली</translation></message>
    <message><source>Backup failed: see the log</source><translation>बैकअप विफल: लॉग देखें</translation></message>
</context>
<context>
    <name>BackupsDialog</name>
    <message><source>Automatic backups</source><translation>स्वचालित बैकअप</translation></message>
    <message><source>Every day the desk is used, a full encrypted backup is made by itself: at start and then once a day while it stays open.</source><translation>जिस दिन भी डेस्क चलता है, एक पूरा एन्क्रिप्टेड बैकअप अपने आप बनता है: शुरू होने पर, और फिर खुला रहने तक दिन में एक बार।</translation></message>
    <message><source>Backups are kept in</source><translation>बैकअप यहाँ रखे जाते हैं</translation></message>
    <message><source>Keep backups of the last</source><translation>पिछले इतने दिनों के बैकअप रखें</translation></message>
    <message><source>days</source><translation>दिन</translation></message>
    <message><source>Also copy to (USB stick)</source><translation>यहाँ भी कॉपी करें (यूएसबी स्टिक)</translation></message>
    <message><source>no second folder</source><translation>कोई दूसरा फ़ोल्डर नहीं</translation></message>
    <message><source>Choose…</source><translation>चुनें…</translation></message>
    <message><source>Clear</source><translation>हटाएँ</translation></message>
    <message><source>Made</source><translation>बनाया गया</translation></message>
    <message><source>Size</source><translation>आकार</translation></message>
    <message><source>Back up now</source><translation>अभी बैकअप लें</translation></message>
    <message><source>No automatic backup yet.</source><translation>अभी तक कोई स्वचालित बैकअप नहीं।</translation></message>
    <message><source>Second backup folder</source><translation>दूसरा बैकअप फ़ोल्डर</translation></message>
    <message><source>Backing up…</source><translation>बैकअप लिया जा रहा है…</translation></message>
    <message><source>Backup written: %1</source><translation>बैकअप लिखा गया: %1</translation></message>
    <message><source>second folder not found</source><translation>दूसरा फ़ोल्डर नहीं मिला</translation></message>
    <message><source>The backup failed: %1</source><translation>बैकअप विफल: %1</translation></message>
</context>
</TS>
