<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<!-- The core's sync messages (desktop/text/said.py) -->
<context>
    <name>Said</name>
    <message><source>{url!r} is not a portal address (expected https://host/path).</source><translation>{url!r} पोर्टल का पता नहीं है (अपेक्षित: https://host/path)।</translation></message>
    <message><source>{url}: plain http is only allowed to this computer (127.0.0.1); use https:// so names and mobile numbers are encrypted on the way.</source><translation>{url}: सादा http केवल इसी कंप्यूटर (127.0.0.1) के लिए अनुमत है; https:// का उपयोग करें, ताकि नाम और मोबाइल नंबर रास्ते में एन्क्रिप्ट रहें।</translation></message>
    <message><source>The portal did not answer in time ({kind}).</source><translation>पोर्टल ने समय पर उत्तर नहीं दिया ({kind})।</translation></message>
    <message><source>The portal's certificate could not be verified: {error}. Check the address, or configure the organisation's CA bundle.</source><translation>पोर्टल का सुरक्षा प्रमाण-पत्र सत्यापित नहीं हो सका: {error}। पता जाँचें, या संगठन का CA बंडल सेट करें।</translation></message>
    <message><source>The portal could not be reached ({error}).</source><translation>पोर्टल से संपर्क नहीं हो सका ({error})।</translation></message>
    <message><source>The portal no longer accepts this desk's token (401). Sync has stopped: enrol this desk again with a new one-time code.</source><translation>पोर्टल अब इस डेस्क का टोकन स्वीकार नहीं करता (401)। सिंक रुक गया है: नए एक बार उपयोग होने वाले कोड से इस डेस्क को फिर से पंजीकृत करें।</translation></message>
    <message><source>The portal is busy (HTTP {status}).</source><translation>पोर्टल व्यस्त है (HTTP {status})।</translation></message>
    <message><source>The portal had an internal problem (HTTP {status}).</source><translation>पोर्टल में आंतरिक समस्या आई (HTTP {status})।</translation></message>
    <message><source>The portal refused the request (HTTP {status}: {detail}).</source><translation>पोर्टल ने अनुरोध अस्वीकार कर दिया (HTTP {status}: {detail})।</translation></message>
    <message><source>The enrolment code is wrong or was already used.</source><translation>पंजीकरण कोड गलत है या पहले ही उपयोग हो चुका है।</translation></message>
    <message><source>This desk is not enrolled with a portal. Run `karmayogi-desk enrol --portal URL --code CODE` (or use Enrol on the Sync screen).</source><translation>यह डेस्क किसी पोर्टल से पंजीकृत नहीं है। सिंक पेज पर “इस डेस्क को पंजीकृत करें” का उपयोग करें (या `karmayogi-desk enrol --portal URL --code CODE` चलाएँ)।</translation></message>
    <message><source>The portal refused this desk's token earlier. Enrol this desk again with a new one-time code; until then sync stays stopped.</source><translation>पोर्टल ने पहले इस डेस्क का टोकन अस्वीकार कर दिया था। नए एक बार उपयोग होने वाले कोड से इस डेस्क को फिर से पंजीकृत करें; तब तक सिंक रुका रहेगा।</translation></message>
    <message><source>A sync is already running.</source><translation>एक सिंक पहले से चल रहा है।</translation></message>
    <message><source>Cancelled.</source><translation>रद्द किया गया।</translation></message>
    <message><source>The portal asked this desk to wait until {until} (Retry-After); sync resumes then.</source><translation>पोर्टल ने इस डेस्क को {until} तक रुकने को कहा है (Retry-After); सिंक तब फिर शुरू होगा।</translation></message>
    <message><source>Set up this centre first (`karmayogi-desk init`).</source><translation>पहले इस केंद्र को सेट करें (`karmayogi-desk init`)।</translation></message>
    <message><source>The portal speaks sync protocol {theirs!r}; this desk speaks {ours}.</source><translation>पोर्टल सिंक प्रोटोकॉल {theirs!r} का उपयोग करता है; यह डेस्क {ours} का।</translation></message>
    <message><source>The portal's enrolment answer lacks a token or institute.</source><translation>पोर्टल के पंजीकरण उत्तर में टोकन या संस्थान नहीं है।</translation></message>
    <message><source>This code enrols a desk of institute {code}, but this desk belongs to {institute_code}. Ask the portal administrator for the right code.</source><translation>यह कोड संस्थान {code} के डेस्क को पंजीकृत करता है, पर यह डेस्क {institute_code} का है। पोर्टल व्यवस्थापक से सही कोड लें।</translation></message>
    <message><source>The portal's answer for batch {batch_id} has {results} results for {records} records.</source><translation>बैच {batch_id} के लिए पोर्टल के उत्तर में {records} रिकॉर्ड के लिए {results} परिणाम हैं।</translation></message>
    <message><source>The portal's answer for batch {batch_id} is not in the order sent (expected {id} at position {position}).</source><translation>बैच {batch_id} के लिए पोर्टल का उत्तर भेजे गए क्रम में नहीं है (स्थान {position} पर {id} अपेक्षित था)।</translation></message>
    <message><source>Unknown record status {status!r} in batch {batch_id}.</source><translation>बैच {batch_id} में अज्ञात रिकॉर्ड स्थिति {status!r}।</translation></message>
    <message><source>unknown bundle encryption {alg!r}</source><translation>बंडल का अज्ञात एन्क्रिप्शन {alg!r}</translation></message>
    <message><source>{where}: a record is not an object.</source><translation>{where}: एक रिकॉर्ड ऑब्जेक्ट नहीं है।</translation></message>
    <message><source>{where}: unknown record kind {kind!r}.</source><translation>{where}: अज्ञात रिकॉर्ड प्रकार {kind!r}।</translation></message>
    <message><source>{where}: record {id!r} lacks {key}.</source><translation>{where}: रिकॉर्ड {id!r} में {key} नहीं है।</translation></message>
    <message><source>{where}: record {id} has no boolean 'deleted'.</source><translation>{where}: रिकॉर्ड {id} में बूलियन 'deleted' नहीं है।</translation></message>
    <message><source>{where}: record {id} has no data object.</source><translation>{where}: रिकॉर्ड {id} में डेटा ऑब्जेक्ट नहीं है।</translation></message>
    <message><source>{where}: record {id} ({kind}) has unknown field(s) {fields}.</source><translation>{where}: रिकॉर्ड {id} ({kind}) में अज्ञात फ़ील्ड हैं: {fields}।</translation></message>
    <message><source>{name} record {number}</source><translation>{name} का रिकॉर्ड {number}</translation></message>
    <message><source>{path} cannot be opened ({reason}).</source><translation>{path} खोली नहीं जा सकी ({reason})।</translation></message>
    <message><source>{path}: not a {format} bundle.</source><translation>{path}: {format} बंडल नहीं है।</translation></message>
    <message><source>{path}: the manifest lacks its file or batch list.</source><translation>{path}: मैनिफ़ेस्ट में फ़ाइलों या बैचों की सूची नहीं है।</translation></message>
    <message><source>{path} holds files the manifest does not list: {names}.</source><translation>{path} में ऐसी फ़ाइलें हैं जो मैनिफ़ेस्ट में नहीं हैं: {names}।</translation></message>
    <message><source>{path} was made by this desk; import it on another desk.</source><translation>{path} इसी डेस्क पर बना है; इसे किसी दूसरे डेस्क पर आयात करें।</translation></message>
    <message><source>{path} comes from institute {theirs}; this desk is {institute_code}. Only desks of one institute exchange bundles.</source><translation>{path} संस्थान {theirs} से आया है; यह डेस्क {institute_code} का है। बंडल केवल एक ही संस्थान के डेस्कों के बीच आदान-प्रदान होते हैं।</translation></message>
    <message><source>{path} is encrypted for another desk (key {key}…).</source><translation>{path} किसी दूसरे डेस्क के लिए एन्क्रिप्ट किया गया है (कुंजी {key}…)।</translation></message>
    <message><source>{path}: {error}.</source><translation>फ़ाइल {path}: {error}।</translation></message>
    <message><source>{path}: {name} cannot be decrypted.</source><translation>{path}: {name} डिक्रिप्ट नहीं हो सकी।</translation></message>
    <message><source>{path}: batch {batch_id} is listed but has no file.</source><translation>{path}: बैच {batch_id} सूची में है, पर उसकी फ़ाइल नहीं है।</translation></message>
    <message><source>{path}: {name} is not valid JSON.</source><translation>{path}: {name} मान्य JSON नहीं है।</translation></message>
    <message><source>{path}: {name} is not a protocol-1 batch with that id.</source><translation>{path}: {name} उस आईडी वाला प्रोटोकॉल-1 बैच नहीं है।</translation></message>
    <message><source>{path}: batch {batch_id} belongs to another institute.</source><translation>{path}: बैच {batch_id} किसी दूसरे संस्थान का है।</translation></message>
    <message><source>{path}: batch {batch_id} differs from the copy this desk already holds.</source><translation>{path}: बैच {batch_id} इस डेस्क पर पहले से रखी प्रति से अलग है।</translation></message>
    <message><source>{path}: attachment {sha} does not match its name.</source><translation>{path}: संलग्नक {sha} अपने नाम से मेल नहीं खाता।</translation></message>
    <message><source>{path} is not a {format} receipt.</source><translation>{path} {format} रसीद नहीं है।</translation></message>
    <message><source>{path}: not a {format} receipt.</source><translation>{path}: {format} रसीद नहीं है।</translation></message>
    <message><source>{path} is for desk {theirs}, not this one ({device_id}).</source><translation>{path} डेस्क {theirs} के लिए है, इस डेस्क ({device_id}) के लिए नहीं।</translation></message>
    <message><source>{path} was signed by a desk of another institute.</source><translation>{path} पर किसी दूसरे संस्थान के डेस्क के हस्ताक्षर हैं।</translation></message>
    <message><source>{path}: {error}</source><translation>फ़ाइल {path}: {error}</translation></message>
    <message><source>bundle</source><translation>बंडल</translation></message>
    <message><source>receipt</source><translation>रसीद</translation></message>
    <message><source>file</source><translation>फ़ाइल</translation></message>
    <message><source>desk {device_id}</source><translation>डेस्क {device_id}</translation></message>
    <message><source>desk {device_id} of institute {institute_code}</source><translation>संस्थान {institute_code} का डेस्क {device_id}</translation></message>
    <message><source>{path} is signed by {desk} with key fingerprint {fingerprint}, not the fingerprint {given} that was confirmed. Nothing was changed.</source><translation>{path} पर {desk} के हस्ताक्षर कुंजी फ़िंगरप्रिंट {fingerprint} से हैं, पुष्टि किए गए फ़िंगरप्रिंट {given} से नहीं। कुछ भी नहीं बदला गया।</translation></message>
    <message><source>{path} claims to come from {desk}, but is signed with a different key (fingerprint {fingerprint}) than the one this desk knows for that desk: it may be forged. Nothing was changed. Import it only if the operator of that desk confirms this fingerprint (for example, that desk was reinstalled).</source><translation>{path} कहता है कि यह {desk} से आया है, पर इस पर उस कुंजी से अलग कुंजी (फ़िंगरप्रिंट {fingerprint}) के हस्ताक्षर हैं जो यह डेस्क उस डेस्क के लिए जानता है: यह जाली हो सकता है। कुछ भी नहीं बदला गया। इसे तभी आयात करें जब उस डेस्क का संचालक इस फ़िंगरप्रिंट की पुष्टि करे (उदाहरण के लिए, उस डेस्क को फिर से इंस्टॉल किया गया हो)।</translation></message>
    <message><source>{path} is signed by {desk}, which this desk does not trust yet (key fingerprint {fingerprint}). Nothing was changed. Ask the operator of that desk to read out its key fingerprint, and import the {what} again, confirming the fingerprint, only if they match.</source><translation>{path} पर {desk} के हस्ताक्षर हैं, जिस पर यह डेस्क अभी भरोसा नहीं करता (कुंजी का फ़िंगरप्रिंट {fingerprint})। कुछ भी नहीं बदला गया। उस डेस्क के संचालक से उसकी कुंजी का फ़िंगरप्रिंट पढ़कर सुनाने को कहें, और दोनों मेल खाएँ तभी फ़िंगरप्रिंट की पुष्टि करते हुए {what} फिर से आयात करें।</translation></message>
    <message><source>No such file or directory</source><translation>ऐसी कोई फ़ाइल या फ़ोल्डर नहीं है</translation></message>
    <message><source>Permission denied</source><translation>अनुमति नहीं है</translation></message>
    <message><source>Is a directory</source><translation>यह एक फ़ोल्डर है</translation></message>
</context>
</TS>
