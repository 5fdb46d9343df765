<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>DashboardPage</name>
    <message><source>Dashboard</source><translation>डैशबोर्ड</translation></message>
    <message><source>Month:</source><translation>माह:</translation></message>
    <message><source>Department:</source><translation>विभाग:</translation></message>
    <message><source>District:</source><translation>जनपद:</translation></message>
    <message><source>Mode:</source><translation>प्रकार:</translation></message>
    <message><source>Group:</source><translation>समूह:</translation></message>
    <message><source>The funnel</source><translation>प्रगति</translation></message>
    <message><source>Departments: top and bottom by completion</source><translation>विभाग: पूर्णता में सबसे आगे और सबसे पीछे</translation></message>
    <message><source>The last 12 months</source><translation>पिछले 12 माह</translation></message>
    <message><source>All</source><translation>सभी</translation></message>
    <message><source>Institute</source><translation>संस्थान</translation></message>
    <message><source>Field</source><translation>क्षेत्रीय</translation></message>
    <message><source>Officers (A/B)</source><translation>अधिकारी (A/B)</translation></message>
    <message><source>Staff (C/D)</source><translation>कर्मचारी (C/D)</translation></message>
    <message><source>Reading…</source><translation>पढ़ा जा रहा है…</translation></message>
    <message><source>Registered</source><translation>पंजीकृत</translation></message>
    <message><source>Enrolled</source><translation>नामांकित</translation></message>
    <message><source>Attended</source><translation>उपस्थित</translation></message>
    <message><source>Completed</source><translation>पूर्ण</translation></message>
    <message><source>Certified</source><translation>प्रमाणित</translation></message>
    <message><source>Nobody enrolled in this month</source><translation>इस माह कोई नामांकित नहीं</translation></message>
    <message><source>Month {0}: completed is the share of enrolled; numbers beside the bars.</source><translation>माह {0}: पूर्णता नामांकितों का प्रतिशत है; संख्याएँ पट्टियों के पास हैं।</translation></message>
</context>
</TS>
