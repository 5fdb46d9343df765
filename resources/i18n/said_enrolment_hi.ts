<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<!-- The core's enrolment messages (desktop/text/said.py) -->
<context>
    <name>Said</name>
    <message><source>This person is not enrolled in the workshop.</source><translation>यह व्यक्ति इस कार्यशाला में नामांकित नहीं है।</translation></message>
</context>
</TS>
