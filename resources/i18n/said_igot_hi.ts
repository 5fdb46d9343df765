<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<!-- The core's igot messages (desktop/text/said.py) -->
<context>
    <name>Said</name>
    <message><source>iGOT refused the coordinator's access token or the API key (HTTP {status}). Nothing more was sent: get a new token from iGOT and enter it in the iGOT settings (CLI: igot settings --token-file F).</source><translation>iGOT ने समन्वयक का एक्सेस टोकन या API कुंजी अस्वीकार कर दी (HTTP {status})। आगे कुछ नहीं भेजा गया: iGOT से नया टोकन लें और उसे iGOT सेटिंग्स में दर्ज करें (CLI: igot settings --token-file F)।</translation></message>
    <message><source>iGOT refused the request (HTTP {status}: {code}).</source><translation>iGOT ने अनुरोध अस्वीकार कर दिया (HTTP {status}: {code})।</translation></message>
    <message><source>iGOT did not answer in time ({kind}).</source><translation>iGOT ने समय पर उत्तर नहीं दिया ({kind})।</translation></message>
    <message><source>iGOT's certificate at {base_url} could not be verified.</source><translation>{base_url} पर iGOT का सुरक्षा प्रमाण-पत्र सत्यापित नहीं हो सका।</translation></message>
    <message><source>iGOT could not be reached at {base_url} ({kind}): is there a network connection?</source><translation>{base_url} पर iGOT से संपर्क नहीं हो सका ({kind}): क्या नेटवर्क कनेक्शन है?</translation></message>
    <message><source>iGOT is busy (HTTP {status}).</source><translation>iGOT व्यस्त है (HTTP {status})।</translation></message>
    <message><source>iGOT had an internal problem (HTTP {status}).</source><translation>iGOT में आंतरिक समस्या आई (HTTP {status})।</translation></message>
    <message><source>iGOT answered without a result map; trying again later.</source><translation>iGOT के उत्तर में परिणाम नहीं थे; बाद में फिर प्रयास होगा।</translation></message>
    <message><source>Workshop {workshop_id} is not linked to an iGOT batch (workshop link ID --igot-course DO_ID --igot-batch BATCH_ID).</source><translation>कार्यशाला {workshop_id} किसी iGOT बैच से जुड़ी नहीं है (workshop link ID --igot-course DO_ID --igot-batch BATCH_ID)।</translation></message>
    <message><source>cannot read {path}: {error}</source><translation>{path} पढ़ी नहीं जा सकी: {error}</translation></message>
    <message><source>{path}: the first row must be the columns batchId,userIds (found {found}).</source><translation>{path}: पहली पंक्ति में batchId,userIds कॉलम होने चाहिए (मिले: {found})।</translation></message>
    <message><source>{error} The rest waits for the next run.</source><translation>{error} बाकी अगली बार भेजा जाएगा।</translation></message>
    <message><source>--session {pair!r}: expected SESSION_ID=DO_ID.</source><translation>--session {pair!r}: SESSION_ID=DO_ID अपेक्षित है।</translation></message>
    <message><source>iGOT batch id</source><translation>iGOT बैच आईडी</translation></message>
    <message><source>iGOT course id</source><translation>iGOT पाठ्यक्रम आईडी</translation></message>
    <message><source>iGOT session id for session {sid}</source><translation>सत्र {sid} की iGOT सत्र आईडी</translation></message>
    <message><source>session {sid}: not a session of workshop {workshop_id}.</source><translation>सत्र {sid}: कार्यशाला {workshop_id} का सत्र नहीं है।</translation></message>
    <message><source>{path}: the first row must name a userId column and at least one of employee code, e-mail or mobile.</source><translation>{path}: पहली पंक्ति में userId कॉलम और कर्मचारी कोड, ई-मेल या मोबाइल में से कम से कम एक कॉलम होना चाहिए।</translation></message>
    <message><source>{what}: {value!r} is not an iGOT content id (they start with do_).</source><translation>{what}: {value!r} iGOT सामग्री आईडी नहीं है (ये do_ से शुरू होती हैं)।</translation></message>
    <message><source>{what}: {value!r} is not an iGOT id (letters, digits, _ - . :).</source><translation>{what}: {value!r} iGOT आईडी नहीं है (अक्षर, अंक, _ - . :)।</translation></message>
    <message><source>iGOT settings need the coordinator's token (--token-file).</source><translation>iGOT सेटिंग्स के लिए समन्वयक का टोकन चाहिए (--token-file)।</translation></message>
    <message><source>iGOT settings need the API key the first time (--api-key-file).</source><translation>पहली बार iGOT सेटिंग्स के लिए API कुंजी चाहिए (--api-key-file)।</translation></message>
    <message><source>iGOT settings need the base URL the first time (--base).</source><translation>पहली बार iGOT सेटिंग्स के लिए मूल पता (base URL) चाहिए (--base)।</translation></message>
    <message><source>{what}: cannot read {path} ({reason}).</source><translation>{what}: {path} पढ़ी नहीं जा सकी ({reason})।</translation></message>
    <message><source>{what}: the first line of {path} holds spaces; expected one value.</source><translation>{what}: {path} की पहली पंक्ति में रिक्त स्थान हैं; एक ही मान अपेक्षित है।</translation></message>
    <message><source>{what}: the first line of {path} is empty.</source><translation>{what}: {path} की पहली पंक्ति खाली है।</translation></message>
    <message><source>no reason given</source><translation>कोई कारण नहीं बताया गया</translation></message>
</context>
</TS>
