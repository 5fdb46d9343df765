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
</TS>
