<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>ReportsPage</name>
    <message><source>Monthly department review</source><translation>मासिक विभागीय समीक्षा</translation></message>
    <message><source>Month:</source><translation>माह:</translation></message>
    <message><source>Show</source><translation>दिखाएँ</translation></message>
    <message><source>Export XLSX…</source><translation>XLSX निर्यात करें…</translation></message>
    <message><source>Export PDF…</source><translation>PDF निर्यात करें…</translation></message>
    <message><source>Department</source><translation>विभाग</translation></message>
    <message><source>Department (Hindi)</source><translation>विभाग (हिन्दी)</translation></message>
    <message><source>Registered</source><translation>पंजीकृत</translation></message>
    <message><source>Enrolled</source><translation>नामांकित</translation></message>
    <message><source>Completed</source><translation>पूर्ण</translation></message>
    <message><source>Attended</source><translation>उपस्थित</translation></message>
    <message><source>Certified</source><translation>प्रमाणित</translation></message>
    <message><source>Registered {0} → enrolled {1} → attended {2} → completed {3} → certified {4}</source><translation>पंजीकृत {0} → नामांकित {1} → उपस्थित {2} → पूर्ण {3} → प्रमाणित {4}</translation></message>
    <message><source>Completion %</source><translation>पूर्णता %</translation></message>
    <message><source>Report</source><translation>रिपोर्ट</translation></message>
    <message><source>Saved {0}</source><translation>{0} सहेजा गया</translation></message>
    <message><source>Save report</source><translation>रिपोर्ट सहेजें</translation></message>
</context>
</TS>
