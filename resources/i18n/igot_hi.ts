<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>IgotPanel</name>
    <message>
        <source>The batch is not ongoing on iGOT</source>
        <translation>iGOT पर यह बैच चालू नहीं है</translation>
    </message>
    <message>
        <source>iGOT does not know this batch</source>
        <translation>iGOT इस बैच को नहीं जानता</translation>
    </message>
    <message>
        <source>iGOT's answer did not mention this session</source>
        <translation>iGOT के उत्तर में इस सत्र का उल्लेख नहीं था</translation>
    </message>
    <message>
        <source>now marked absent</source>
        <translation>अब अनुपस्थित चिह्नित</translation>
    </message>
    <message>
        <source>now marked excused</source>
        <translation>अब छूट प्राप्त चिह्नित</translation>
    </message>
    <message>
        <source>mark removed</source>
        <translation>उपस्थिति हटाई गई</translation>
    </message>
    <message>
        <source>Connected: the batch {0} is ongoing on iGOT.</source>
        <translation>जुड़ गया: iGOT पर बैच {0} चालू है।</translation>
    </message>
    <message>
        <source>This workshop is not linked to an iGOT batch yet.</source>
        <translation>यह कार्यशाला अभी किसी iGOT बैच से जुड़ी नहीं है।</translation>
    </message>
    <message>
        <source>iGOT does not accept the coordinator's access token or the API key: enter a new token.</source>
        <translation>iGOT समन्वयक का एक्सेस टोकन या API कुंजी स्वीकार नहीं करता: नया टोकन दर्ज करें।</translation>
    </message>
    <message>
        <source>No connection to iGOT: check the network and the address.</source>
        <translation>iGOT से कनेक्शन नहीं: नेटवर्क और पता जाँचें।</translation>
    </message>
    <message>
        <source>iGOT does not know the batch {0}: check the batch id.</source>
        <translation>iGOT बैच {0} को नहीं जानता: बैच आईडी जाँचें।</translation>
    </message>
    <message>
        <source>The batch {0} belongs to another course on iGOT: check the course id.</source>
        <translation>बैच {0} iGOT पर किसी अन्य पाठ्यक्रम का है: पाठ्यक्रम आईडी जाँचें।</translation>
    </message>
    <message>
        <source>The batch {0} has not started yet on iGOT.</source>
        <translation>iGOT पर बैच {0} अभी शुरू नहीं हुआ है।</translation>
    </message>
    <message>
        <source>The batch {0} has ended on iGOT.</source>
        <translation>iGOT पर बैच {0} समाप्त हो चुका है।</translation>
    </message>
    <message>
        <source>The batch {0} is not ongoing on iGOT.</source>
        <translation>iGOT पर बैच {0} चालू नहीं है।</translation>
    </message>
    <message>
        <source>iGOT Karmayogi</source>
        <translation>iGOT कर्मयोगी</translation>
    </message>
    <message>
        <source>Workshops linked to iGOT: {0}</source>
        <translation>iGOT से जुड़ी कार्यशालाएँ: {0}</translation>
    </message>
    <message>
        <source>Missing for forwarding</source>
        <translation>भेजने के लिए कमी</translation>
    </message>
    <message>
        <source>Refused by iGOT</source>
        <translation>iGOT द्वारा अस्वीकृत</translation>
    </message>
    <message>
        <source>Needs action on iGOT</source>
        <translation>iGOT पर कार्रवाई आवश्यक</translation>
    </message>
    <message>
        <source>Forward to iGOT</source>
        <translation>iGOT को भेजें</translation>
    </message>
    <message>
        <source>iGOT settings…</source>
        <translation>iGOT सेटिंग्स…</translation>
    </message>
    <message>
        <source>Forwarding to iGOT…</source>
        <translation>iGOT को भेजा जा रहा है…</translation>
    </message>
    <message>
        <source>What</source>
        <translation>क्या</translation>
    </message>
    <message>
        <source>Who or which session</source>
        <translation>कौन या कौन-सा सत्र</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>कमी</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>व्यक्ति</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>सत्र</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>क्या करें</translation>
    </message>
    <message>
        <source>Not linked to an iGOT batch yet: enter the course id and batch id of the iGOT blended programme in the workshop.</source>
        <translation>अभी किसी iGOT बैच से नहीं जुड़ी: कार्यशाला में iGOT ब्लेंडेड कार्यक्रम की पाठ्यक्रम आईडी और बैच आईडी दर्ज करें।</translation>
    </message>
    <message>
        <source>iGOT session id</source>
        <translation>iGOT सत्र आईडी</translation>
    </message>
    <message>
        <source>iGOT user id</source>
        <translation>iGOT उपयोगकर्ता आईडी</translation>
    </message>
    <message>
        <source>iGOT refused the coordinator's access token. Nothing more was sent: enter a new token in the iGOT settings.</source>
        <translation>iGOT ने समन्वयक का एक्सेस टोकन अस्वीकार कर दिया। आगे कुछ नहीं भेजा गया: iGOT सेटिंग्स में नया टोकन दर्ज करें।</translation>
    </message>
    <message>
        <source>Forwarding stopped: {0}</source>
        <translation>भेजना रुक गया: {0}</translation>
    </message>
    <message>
        <source>Forwarded as attended, {0}: correct it on iGOT by hand.</source>
        <translation>उपस्थित के रूप में भेजा गया, {0}: iGOT पर स्वयं सुधारें।</translation>
    </message>
    <message>
        <source>No connection to iGOT: {0} marks wait for the next try.</source>
        <translation>iGOT से कनेक्शन नहीं: {0} उपस्थितियाँ अगले प्रयास की प्रतीक्षा में हैं।</translation>
    </message>
    <message>
        <source>Linked to iGOT course {0}, batch {1}.</source>
        <translation>iGOT पाठ्यक्रम {0}, बैच {1} से जुड़ी है।</translation>
    </message>
    <message>
        <source>Forwarded {0} marks to iGOT; {1} refused, {2} skipped.</source>
        <translation>iGOT को {0} उपस्थितियाँ भेजी गईं; {1} अस्वीकृत, {2} छोड़ी गईं।</translation>
    </message>
    <message>
        <source>Forwarded: {0}  ·  Waiting: {1}  ·  Refused: {2}  ·  Skipped: {3}  ·  Needs action on iGOT: {4}</source>
        <translation>भेजी गईं: {0}  ·  प्रतीक्षा में: {1}  ·  अस्वीकृत: {2}  ·  छोड़ी गईं: {3}  ·  iGOT पर कार्रवाई आवश्यक: {4}</translation>
    </message>
    <message>
        <source>Link to iGOT</source>
        <translation>iGOT से जोड़ें</translation>
    </message>
    <message>
        <source>Link to iGOT…</source>
        <translation>iGOT से जोड़ें…</translation>
    </message>
    <message>
        <source>iGOT course id</source>
        <translation>iGOT पाठ्यक्रम आईडी</translation>
    </message>
    <message>
        <source>iGOT batch id</source>
        <translation>iGOT बैच आईडी</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>दिनांक</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>विषय</translation>
    </message>
    <message>
        <source>Each session's iGOT session id (content id, do_…):</source>
        <translation>हर सत्र की iGOT सत्र आईडी (कंटेंट आईडी, do_…):</translation>
    </message>
    <message>
        <source>Not linked: {0}</source>
        <translation>नहीं जुड़ा: {0}</translation>
    </message>
</context>
<context>
    <name>IgotSettings</name>
    <message>
        <source>(saved; leave empty to keep it)</source>
        <translation>(सहेजा हुआ; बनाए रखने के लिए खाली छोड़ें)</translation>
    </message>
    <message>
        <source>Use an https:// address: plain http is allowed only to this computer.</source>
        <translation>https:// पता उपयोग करें: सादा http केवल इसी कंप्यूटर के लिए अनुमत है।</translation>
    </message>
    <message>
        <source>This is not a web address (expected https://host/path).</source>
        <translation>यह वेब पता नहीं है (अपेक्षित https://host/path)।</translation>
    </message>
    <message>
        <source>iGOT settings</source>
        <translation>iGOT सेटिंग्स</translation>
    </message>
    <message>
        <source>The API key and the access token are kept on this laptop outside the database, readable only by you. They are never shown again.</source>
        <translation>API कुंजी और एक्सेस टोकन इस लैपटॉप पर डेटाबेस के बाहर रखे जाते हैं, जिन्हें केवल आप पढ़ सकते हैं। वे फिर कभी दिखाए नहीं जाते।</translation>
    </message>
    <message>
        <source>iGOT address:</source>
        <translation>iGOT पता:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API कुंजी:</translation>
    </message>
    <message>
        <source>Coordinator's access token:</source>
        <translation>समन्वयक का एक्सेस टोकन:</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>कनेक्शन जाँचें</translation>
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
        <source>Testing…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
    <message>
        <source>Fill in the address, the API key and the access token.</source>
        <translation>पता, API कुंजी और एक्सेस टोकन भरें।</translation>
    </message>
</context>
</TS>
