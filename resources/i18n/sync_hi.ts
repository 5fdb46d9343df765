<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>SyncPage</name>
    <message>
        <source>Another laptop of {0} also uses desk number {1}: certificate {2} was made on device {3}. Two laptops with the same desk number give the same certificate numbers. Set one of them up again with a desk number no other laptop of the institute uses (karmayogi-desk init … --desk N) before issuing more certificates.</source>
        <translation>{0} का एक और लैपटॉप भी डेस्क संख्या {1} का उपयोग करता है: प्रमाण-पत्र {2} डिवाइस {3} पर बना था। एक ही डेस्क संख्या वाले दो लैपटॉप एक जैसे प्रमाण-पत्र नंबर देते हैं। और प्रमाण-पत्र जारी करने से पहले इनमें से एक को ऐसी डेस्क संख्या के साथ फिर से सेट करें जिसका संस्थान का कोई अन्य लैपटॉप उपयोग नहीं करता (karmayogi-desk init … --desk N)।</translation>
    </message>
    <message>
        <source>Sync with the portal</source>
        <translation>पोर्टल के साथ सिंक</translation>
    </message>
    <message>
        <source>Portal:</source>
        <translation>पोर्टल:</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>कनेक्शन:</translation>
    </message>
    <message>
        <source>Waiting to be sent:</source>
        <translation>भेजे जाने की प्रतीक्षा में:</translation>
    </message>
    <message>
        <source>Last successful sync:</source>
        <translation>पिछला सफल सिंक:</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>अभी सिंक करें</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>रोकें</translation>
    </message>
    <message>
        <source>Enrol this desk…</source>
        <translation>इस डेस्क को पंजीकृत करें…</translation>
    </message>
    <message>
        <source>Check with portal</source>
        <translation>पोर्टल से मिलान करें</translation>
    </message>
    <message>
        <source>No network? Use a USB stick:</source>
        <translation>नेटवर्क नहीं है? USB स्टिक का उपयोग करें:</translation>
    </message>
    <message>
        <source>Export bundle…</source>
        <translation>बंडल निर्यात करें…</translation>
    </message>
    <message>
        <source>Import bundle…</source>
        <translation>बंडल आयात करें…</translation>
    </message>
    <message>
        <source>Write receipt…</source>
        <translation>रसीद बनाएँ…</translation>
    </message>
    <message>
        <source>Import receipt…</source>
        <translation>रसीद आयात करें…</translation>
    </message>
    <message>
        <source>The portal did not accept these records; everything else was sent. Fix a record, or choose Send again once the problem is solved (for example, the missing photo is back), and it goes out at the next sync. Or discard it.</source>
        <translation>पोर्टल ने ये रिकॉर्ड स्वीकार नहीं किए; बाकी सब भेज दिया गया है। रिकॉर्ड सुधारें, या समस्या हल हो जाने पर (जैसे गुम फ़ोटो वापस आ जाए) “फिर से भेजें” चुनें, तो वह अगले सिंक में चला जाएगा। या उसे हटा दें।</translation>
    </message>
    <message>
        <source>Fix…</source>
        <translation>सुधारें…</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>हटाएँ…</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>फिर से भेजें</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>प्रतिभागी</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>कार्यक्रम</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>कार्यशाला</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>सत्र</translation>
    </message>
    <message>
        <source>Enrolment</source>
        <translation>नामांकन</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>उपस्थिति</translation>
    </message>
    <message>
        <source>Field visit</source>
        <translation>क्षेत्र भ्रमण</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>प्रमाण-पत्र</translation>
    </message>
    <message>
        <source>Invalid value</source>
        <translation>अमान्य मान</translation>
    </message>
    <message>
        <source>Required field missing</source>
        <translation>आवश्यक जानकारी नहीं है</translation>
    </message>
    <message>
        <source>Unknown field</source>
        <translation>अज्ञात फ़ील्ड</translation>
    </message>
    <message>
        <source>Malformed record</source>
        <translation>रिकॉर्ड का प्रारूप गलत है</translation>
    </message>
    <message>
        <source>Photo or document missing</source>
        <translation>फ़ोटो या दस्तावेज़ नहीं मिला</translation>
    </message>
    <message>
        <source>Too large to send</source>
        <translation>भेजने के लिए बहुत बड़ा</translation>
    </message>
    <message>
        <source>Conflicting version</source>
        <translation>परस्पर विरोधी संस्करण</translation>
    </message>
    <message>
        <source>Certificate number already used</source>
        <translation>प्रमाण-पत्र संख्या पहले से उपयोग में है</translation>
    </message>
    <message>
        <source>Id used for another kind of record</source>
        <translation>यह पहचान किसी दूसरे प्रकार के रिकॉर्ड की है</translation>
    </message>
    <message>
        <source>Interrupted (the app was closed during the sync); it resumes next time.</source>
        <translation>बीच में रुका (सिंक के दौरान ऐप बंद हुआ); अगली बार वहीं से आगे चलेगा।</translation>
    </message>
    <message>
        <source>Enrol this desk</source>
        <translation>इस डेस्क को पंजीकृत करें</translation>
    </message>
    <message>
        <source>Ask the portal administrator for the portal address and a one-time enrolment code.</source>
        <translation>पोर्टल का पता और एक बार उपयोग होने वाला पंजीकरण कोड पोर्टल व्यवस्थापक से लें।</translation>
    </message>
    <message>
        <source>Portal address:</source>
        <translation>पोर्टल का पता:</translation>
    </message>
    <message>
        <source>Enrolment code:</source>
        <translation>पंजीकरण कोड:</translation>
    </message>
    <message>
        <source>Fix rejected record</source>
        <translation>अस्वीकृत रिकॉर्ड सुधारें</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Rejected records</source>
        <translation>अस्वीकृत रिकॉर्ड</translation>
    </message>
    <message>
        <source>History</source>
        <translation>इतिहास</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Syncing… you can keep working.</source>
        <translation>सिंक हो रहा है… आप काम जारी रख सकते हैं।</translation>
    </message>
    <message>
        <source>Discard record</source>
        <translation>रिकॉर्ड हटाएँ</translation>
    </message>
    <message>
        <source>Delete this record on this desk? The deletion is sent to the portal. This cannot be undone.</source>
        <translation>इस डेस्क पर यह रिकॉर्ड हटाएँ? हटाने की सूचना पोर्टल को भेजी जाएगी। इसे वापस नहीं किया जा सकता।</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>बंडल निर्यात</translation>
    </message>
    <message>
        <source>To encrypt, paste the receiving desk's bundle key (leave empty for none):</source>
        <translation>एन्क्रिप्ट करने के लिए पाने वाले डेस्क की बंडल कुंजी चिपकाएँ (न करना हो तो खाली छोड़ें):</translation>
    </message>
    <message>
        <source>Import bundle</source>
        <translation>बंडल आयात</translation>
    </message>
    <message>
        <source>Write receipt</source>
        <translation>रसीद बनाएँ</translation>
    </message>
    <message>
        <source>For which desk?</source>
        <translation>किस डेस्क के लिए?</translation>
    </message>
    <message>
        <source>Import receipt</source>
        <translation>रसीद आयात</translation>
    </message>
    <message>
        <source>Everything was already up to date.</source>
        <translation>सब कुछ पहले से अद्यतन था।</translation>
    </message>
    <message>
        <source>The portal could not be reached; nothing is lost, it will try again.</source>
        <translation>पोर्टल से संपर्क नहीं हो सका; कुछ भी खोया नहीं है, फिर से प्रयास होगा।</translation>
    </message>
    <message>
        <source>Enter both the portal address and the code.</source>
        <translation>पोर्टल का पता और कोड दोनों भरें।</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>रिकॉर्ड</translation>
    </message>
    <message>
        <source>Name / details</source>
        <translation>नाम / विवरण</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>समस्या</translation>
    </message>
    <message>
        <source>Portal's message</source>
        <translation>पोर्टल का संदेश</translation>
    </message>
    <message>
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>क्या हुआ</translation>
    </message>
    <message>
        <source>not enrolled yet</source>
        <translation>अभी पंजीकृत नहीं</translation>
    </message>
    <message>
        <source>stopped: the portal refused this desk; enrol it again</source>
        <translation>रुका हुआ: पोर्टल ने इस डेस्क को अस्वीकार किया; फिर से पंजीकृत करें</translation>
    </message>
    <message>
        <source>never</source>
        <translation>कभी नहीं</translation>
    </message>
    <message>
        <source>Enrol again…</source>
        <translation>फिर से पंजीकृत करें…</translation>
    </message>
    <message>
        <source>No bundles from other desks have been passed on yet.</source>
        <translation>अभी तक दूसरे डेस्क का कोई बंडल आगे नहीं भेजा गया है।</translation>
    </message>
    <message>
        <source>{0} record(s) reached the portal.</source>
        <translation>{0} रिकॉर्ड पोर्टल तक पहुँचे।</translation>
    </message>
    <message>
        <source>{0} record(s) were not accepted; see Rejected records.</source>
        <translation>{0} रिकॉर्ड स्वीकार नहीं हुए; अस्वीकृत रिकॉर्ड देखें।</translation>
    </message>
    <message>
        <source>{0} update(s) received from the portal.</source>
        <translation>पोर्टल से {0} अद्यतन प्राप्त हुए।</translation>
    </message>
    <message>
        <source>The portal no longer accepts this desk. Enrol it again.</source>
        <translation>पोर्टल अब इस डेस्क को स्वीकार नहीं करता। इसे फिर से पंजीकृत करें।</translation>
    </message>
    <message>
        <source>The portal said: {0}</source>
        <translation>पोर्टल का संदेश: {0}</translation>
    </message>
    <message>
        <source>syncing…</source>
        <translation>सिंक हो रहा है…</translation>
    </message>
    <message>
        <source>{0} record(s)</source>
        <translation>{0} रिकॉर्ड</translation>
    </message>
    <message>
        <source>The portal holds exactly what this desk sent.</source>
        <translation>पोर्टल पर ठीक वही है जो इस डेस्क ने भेजा।</translation>
    </message>
    <message>
        <source>This bundle was already imported; nothing changed.</source>
        <translation>यह बंडल पहले ही आयात हो चुका है; कुछ नहीं बदला।</translation>
    </message>
    <message>
        <source>Desk {0}: {1} of {2} batch(es) at the portal</source>
        <translation>डेस्क {0}: {2} में से {1} बैच पोर्टल पर</translation>
    </message>
    <message>
        <source>portal reachable</source>
        <translation>पोर्टल उपलब्ध है</translation>
    </message>
    <message>
        <source>Rejected records ({0})</source>
        <translation>अस्वीकृत रिकॉर्ड ({0})</translation>
    </message>
    <message>
        <source>Batch {0} of {1}</source>
        <translation>बैच {0} / {1}</translation>
    </message>
    <message>
        <source>Enrolled with {0} ({1}).</source>
        <translation>{0} ({1}) के साथ पंजीकृत।</translation>
    </message>
    <message>
        <source>portal not reachable (work is kept and sent later)</source>
        <translation>पोर्टल उपलब्ध नहीं (काम सुरक्षित है, बाद में भेजा जाएगा)</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>अभी जाँचा नहीं गया</translation>
    </message>
    <message>
        <source>Bundle imported: {0} record(s) updated here; {1} batch(es) will be passed on to the portal.</source>
        <translation>बंडल आयात हुआ: यहाँ {0} रिकॉर्ड अद्यतन हुए; {1} बैच पोर्टल को आगे भेजे जाएँगे।</translation>
    </message>
    <message>
        <source>This receipt was already imported; nothing changed.</source>
        <translation>यह रसीद पहले ही आयात हो चुकी है; कुछ नहीं बदला।</translation>
    </message>
    <message>
        <source>{0} record(s) still waiting.</source>
        <translation>{0} रिकॉर्ड अभी प्रतीक्षा में हैं।</translation>
    </message>
    <message>
        <source>Stopped by a problem: {0}</source>
        <translation>एक समस्या के कारण रुका: {0}</translation>
    </message>
    <message>
        <source>Bundle written: {0} record(s) in {1} batch(es) to {2}.</source>
        <translation>बंडल बना: {1} बैच में {0} रिकॉर्ड, {2} में।</translation>
    </message>
    <message>
        <source>Receipt written for {0} batch(es).</source>
        <translation>{0} बैच की रसीद बनाई गई।</translation>
    </message>
    <message>
        <source>{0} batch(es) confirmed as received by the portal.</source>
        <translation>{0} बैच पोर्टल पर प्राप्त होने की पुष्टि हुई।</translation>
    </message>
    <message>
        <source>The portal asked the desk to wait before sending again; nothing is lost, it resumes by itself.</source>
        <translation>पोर्टल ने दोबारा भेजने से पहले रुकने को कहा है; कुछ भी खोया नहीं है, सिंक अपने आप फिर शुरू होगा।</translation>
    </message>
    <message>
        <source>portal busy: it asked to wait until {0}</source>
        <translation>पोर्टल व्यस्त है: उसने {0} तक रुकने को कहा है</translation>
    </message>
    <message>
        <source>The portal sent these updates, but they clash with records on this desk, so they were not applied here. Nothing is lost: once the record here is corrected (for example, a certificate issued here is given another number), they are applied by themselves at the next sync.</source>
        <translation>पोर्टल ने ये अद्यतन भेजे, लेकिन ये इस डेस्क के रिकॉर्ड से टकराते हैं, इसलिए यहाँ लागू नहीं हुए। कुछ खोया नहीं है: यहाँ का रिकॉर्ड सुधारने पर (जैसे यहाँ जारी प्रमाण-पत्र को दूसरा नंबर देने पर) ये अगले सिंक में अपने-आप लागू हो जाएँगे।</translation>
    </message>
    <message>
        <source>Portal updates not applied</source>
        <translation>लागू न हुए पोर्टल अद्यतन</translation>
    </message>
    <message>
        <source>Portal updates not applied ({0})</source>
        <translation>लागू न हुए पोर्टल अद्यतन ({0})</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <source>Another certificate here already has number {0}.</source>
        <translation>यहाँ पहले से एक और प्रमाण-पत्र का नंबर {0} है।</translation>
    </message>
    <message>
        <source>This participant's attendance at this session is already recorded here.</source>
        <translation>इस सत्र में इस प्रतिभागी की उपस्थिति यहाँ पहले से दर्ज है।</translation>
    </message>
    <message>
        <source>Another record here already has the same {0}.</source>
        <translation>यहाँ पहले से एक और रिकॉर्ड में यही {0} है।</translation>
    </message>
    <message>
        <source>The portal's version has no {0}, which this desk needs.</source>
        <translation>पोर्टल के संस्करण में {0} नहीं है, जो इस डेस्क के लिए ज़रूरी है।</translation>
    </message>
    <message>
        <source>It refers to a record this desk does not have.</source>
        <translation>यह ऐसे रिकॉर्ड से जुड़ा है जो इस डेस्क पर नहीं है।</translation>
    </message>
    <message>
        <source>The portal's version has a value this desk does not accept.</source>
        <translation>पोर्टल के संस्करण में ऐसा मान है जिसे यह डेस्क स्वीकार नहीं करता।</translation>
    </message>
    <message>
        <source>This desk could not read the portal's version; a newer Karmayogi Desk may be needed.</source>
        <translation>यह डेस्क पोर्टल का संस्करण पढ़ नहीं सका; कर्मयोगी डेस्क का नया संस्करण चाहिए हो सकता है।</translation>
    </message>
    <message>
        <source>“{0}” will be sent again at the next sync.</source>
        <translation>“{0}” अगले सिंक में फिर से भेजा जाएगा।</translation>
    </message>
    <message>
        <source>This desk's key fingerprint:</source>
        <translation>इस डेस्क की कुंजी का फ़िंगरप्रिंट:</translation>
    </message>
    <message>
        <source>When another desk imports a bundle or receipt from this desk, its operator compares this fingerprint with the one it shows, by phone or in person.</source>
        <translation>जब कोई दूसरा डेस्क इस डेस्क का बंडल या रसीद आयात करता है, तो उसका संचालक फ़ोन पर या आमने-सामने इस फ़िंगरप्रिंट का मिलान अपने डेस्क पर दिखे फ़िंगरप्रिंट से करता है।</translation>
    </message>
    <message>
        <source>Warning: this receipt says it comes from desk {0}, but it is signed with a different key than the one this desk knows for that desk. It may be forged: a forged receipt would make this desk believe its work reached the portal when it did not.</source>
        <translation>चेतावनी: यह रसीद कहती है कि यह डेस्क {0} से आई है, पर इस पर उस कुंजी से अलग कुंजी के हस्ताक्षर हैं जो यह डेस्क उस डेस्क के लिए जानता है। यह जाली हो सकती है: जाली रसीद से यह डेस्क मान लेगा कि इसका काम पोर्टल तक पहुँच गया, जबकि ऐसा नहीं हुआ।</translation>
    </message>
    <message>
        <source>This receipt is signed by desk {0}, which this desk does not trust yet.</source>
        <translation>इस रसीद पर डेस्क {0} के हस्ताक्षर हैं, जिस पर यह डेस्क अभी भरोसा नहीं करता।</translation>
    </message>
    <message>
        <source>Key fingerprint: {0}

Ask the operator of that desk to read out “This desk's key fingerprint” from its Sync page. Trust it only if every character matches; later receipts from that desk are then imported without asking.</source>
        <translation>कुंजी का फ़िंगरप्रिंट: {0}

उस डेस्क के संचालक से कहें कि वे उसके सिंक पेज से “इस डेस्क की कुंजी का फ़िंगरप्रिंट” पढ़कर सुनाएँ। हर अक्षर मिलने पर ही भरोसा करें; उसके बाद उस डेस्क की रसीदें बिना पूछे आयात होंगी।</translation>
    </message>
    <message>
        <source>Fingerprints match: trust</source>
        <translation>फ़िंगरप्रिंट मिलते हैं: भरोसा करें</translation>
    </message>
    <message>
        <source>Do not import</source>
        <translation>आयात न करें</translation>
    </message>
    <message>
        <source>Receipt not imported; nothing changed.</source>
        <translation>रसीद आयात नहीं हुई; कुछ नहीं बदला।</translation>
    </message>
    <message>
        <source>Trusted desks</source>
        <translation>भरोसेमंद डेस्क</translation>
    </message>
    <message>
        <source>Bundles and receipts are imported only from these desks' keys. A key is added when you confirm its fingerprint while importing. Remove a key you no longer trust (for example, of a desk that was replaced): its files are then refused until its fingerprint is confirmed again.</source>
        <translation>बंडल और रसीदें केवल इन डेस्कों की कुंजियों से आयात होती हैं। आयात करते समय फ़िंगरप्रिंट की पुष्टि करने पर कुंजी यहाँ जुड़ती है। जिस कुंजी पर अब भरोसा नहीं (जैसे, बदले गए डेस्क की), उसे हटाएँ: फिर उसकी फ़ाइलें तब तक अस्वीकार होंगी जब तक उसके फ़िंगरप्रिंट की फिर से पुष्टि न हो।</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>हटाएँ…</translation>
    </message>
    <message>
        <source>fingerprint confirmed</source>
        <translation>फ़िंगरप्रिंट की पुष्टि हुई</translation>
    </message>
    <message>
        <source>bundles imported before this version asked (bundles only)</source>
        <translation>इस संस्करण के पूछने से पहले बंडल आयात हुए थे (केवल बंडल)</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>डेस्क</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>कुंजी का फ़िंगरप्रिंट</translation>
    </message>
    <message>
        <source>Trusted since</source>
        <translation>कब से भरोसा</translation>
    </message>
    <message>
        <source>How</source>
        <translation>कैसे</translation>
    </message>
    <message>
        <source>Remove trusted desk</source>
        <translation>भरोसेमंद डेस्क हटाएँ</translation>
    </message>
    <message>
        <source>Stop trusting desk {0} (key fingerprint {1})? Its bundles and receipts are then refused until its fingerprint is confirmed again.</source>
        <translation>डेस्क {0} (कुंजी का फ़िंगरप्रिंट {1}) पर भरोसा बंद करें? फिर उसके बंडल और रसीदें तब तक अस्वीकार होंगी जब तक उसके फ़िंगरप्रिंट की फिर से पुष्टि न हो।</translation>
    </message>
    <message>
        <source>Desk {0} is no longer trusted.</source>
        <translation>डेस्क {0} पर अब भरोसा नहीं है।</translation>
    </message>
    <message>
        <source>Warning: this bundle says it comes from desk {0}, but it is signed with a different key than the one this desk knows for that desk. It may be forged: a forged bundle would overwrite records here and be passed on to the portal.</source>
        <translation>चेतावनी: यह बंडल कहता है कि यह डेस्क {0} से आया है, पर इस पर उस कुंजी से अलग कुंजी के हस्ताक्षर हैं जो यह डेस्क उस डेस्क के लिए जानता है। यह जाली हो सकता है: जाली बंडल यहाँ के रिकॉर्ड बदल देगा और पोर्टल तक भी भेजा जाएगा।</translation>
    </message>
    <message>
        <source>This bundle is signed by desk {0} of institute {1}, which this desk does not trust yet.</source>
        <translation>इस बंडल पर संस्थान {1} के डेस्क {0} के हस्ताक्षर हैं, जिस पर यह डेस्क अभी भरोसा नहीं करता।</translation>
    </message>
    <message>
        <source>Key fingerprint: {0}

Ask the operator of that desk to read out “This desk's key fingerprint” from its Sync page. Trust it only if every character matches; later bundles from that desk are then imported without asking.</source>
        <translation>कुंजी का फ़िंगरप्रिंट: {0}

उस डेस्क के संचालक से कहें कि वे उसके सिंक पेज से “इस डेस्क की कुंजी का फ़िंगरप्रिंट” पढ़कर सुनाएँ। हर अक्षर मिलने पर ही भरोसा करें; उसके बाद उस डेस्क के बंडल बिना पूछे आयात होंगे।</translation>
    </message>
    <message>
        <source>Bundle not imported; nothing changed.</source>
        <translation>बंडल आयात नहीं हुआ; कुछ नहीं बदला।</translation>
    </message>
    <message>
        <source>cannot be read (bad checksum)</source>
        <translation>पढ़ा नहीं जा सकता (चेकसम ग़लत है)</translation>
    </message>
    <message>
        <source>cannot be read (its compressed data is broken)</source>
        <translation>पढ़ा नहीं जा सकता (उसका संपीड़ित डेटा टूटा हुआ है)</translation>
    </message>
    <message>
        <source>cannot be read (it ends too early)</source>
        <translation>पढ़ा नहीं जा सकता (वह बीच में ही समाप्त हो जाता है)</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>पढ़ा नहीं जा सकता</translation>
    </message>
    <message>
        <source>cannot be read (it is cut short or not valid JSON)</source>
        <translation>पढ़ा नहीं जा सकता (वह अधूरा है या मान्य JSON नहीं है)</translation>
    </message>
    <message>
        <source>cannot be opened (it is cut short, damaged or not a bundle)</source>
        <translation>खोला नहीं जा सकता (वह अधूरा है, क्षतिग्रस्त है या बंडल ही नहीं है)</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>मौजूद नहीं है</translation>
    </message>
    <message>
        <source>does not match the manifest (bad checksum)</source>
        <translation>मैनिफ़ेस्ट से मेल नहीं खाता (चेकसम ग़लत है)</translation>
    </message>
    <message>
        <source>does not match its signature</source>
        <translation>अपने हस्ताक्षर से मेल नहीं खाता</translation>
    </message>
    <message>
        <source>The bundle {0} is damaged: its part {1} {2}. Copy it again from the other desk; nothing was changed.</source>
        <translation>बंडल {0} क्षतिग्रस्त है: उसका भाग {1} {2}। इसे दूसरी डेस्क से फिर से कॉपी करें; यहाँ कुछ नहीं बदला।</translation>
    </message>
    <message>
        <source>The bundle {0} is damaged: the file {2}. Copy it again from the other desk; nothing was changed.</source>
        <translation>बंडल {0} क्षतिग्रस्त है: पूरा बंडल {2}। इसे दूसरी डेस्क से फिर से कॉपी करें; यहाँ कुछ नहीं बदला।</translation>
    </message>
    <message>
        <source>The receipt {0} is damaged: its part {1} {2}. Copy it again from the other desk; nothing was changed.</source>
        <translation>रसीद {0} क्षतिग्रस्त है: उसका भाग {1} {2}। इसे दूसरी डेस्क से फिर से कॉपी करें; यहाँ कुछ नहीं बदला।</translation>
    </message>
    <message>
        <source>The receipt {0} is damaged: the file {2}. Copy it again from the other desk; nothing was changed.</source>
        <translation>रसीद {0} क्षतिग्रस्त है: उसका पूरा पाठ {2}। इसे दूसरी डेस्क से फिर से कॉपी करें; यहाँ कुछ नहीं बदला।</translation>
    </message>
    <message>
        <source>Desk and portal still differ after sending again ({0}), but no single record could be named: the portal may hold records from this desk that it does not have.</source>
        <translation>दोबारा भेजने के बाद भी डेस्क और पोर्टल में अंतर है ({0}), पर कोई एक रिकॉर्ड बताया नहीं जा सका: हो सकता है पोर्टल के पास इस डेस्क के ऐसे रिकॉर्ड हों जो इस डेस्क पर नहीं हैं।</translation>
    </message>
    <message>
        <source>Desk and portal still differ after sending again: {0} record(s), listed under “Differences with the portal”.</source>
        <translation>दोबारा भेजने के बाद भी डेस्क और पोर्टल में अंतर है: {0} रिकॉर्ड, जो “पोर्टल से अंतर” में दिए गए हैं।</translation>
    </message>
    <message>
        <source>Differences with the portal</source>
        <translation>पोर्टल से अंतर</translation>
    </message>
    <message>
        <source>Differences with the portal ({0})</source>
        <translation>पोर्टल से अंतर ({0})</translation>
    </message>
    <message>
        <source>Not checked yet: “Check with portal” compares this desk with the portal and lists here what still differs.</source>
        <translation>अभी जाँच नहीं हुई: “पोर्टल से मिलान करें” इस डेस्क की पोर्टल से तुलना करता है और जो अंतर बचा रहे, उसे यहाँ दिखाता है।</translation>
    </message>
    <message>
        <source>This desk's version</source>
        <translation>इस डेस्क का संस्करण</translation>
    </message>
    <message>
        <source>What the portal holds</source>
        <translation>पोर्टल के पास क्या है</translation>
    </message>
    <message>
        <source>another version: {0}</source>
        <translation>दूसरा संस्करण: {0}</translation>
    </message>
    <message>
        <source>refused this desk's version: {0}</source>
        <translation>इस डेस्क का संस्करण अस्वीकार किया: {0}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>अज्ञात</translation>
    </message>
    <message>
        <source>{0} record(s) were queued again, but not all could be sent, so nothing was checked again. Sync, then check with the portal again.</source>
        <translation>{0} रिकॉर्ड फिर से कतार में लगाए गए, पर सब भेजे नहीं जा सके, इसलिए दोबारा जाँच नहीं हुई। सिंक करें, फिर पोर्टल से दोबारा मिलान करें।</translation>
    </message>
    <message>
        <source>{0} record(s) were sent again; checked again, the portal now holds exactly what this desk has.</source>
        <translation>{0} रिकॉर्ड फिर से भेजे गए; दोबारा जाँचने पर पोर्टल के पास अब ठीक वही है जो इस डेस्क पर है।</translation>
    </message>
    <message>
        <source>{0}, made by {1}</source>
        <translation>{0}, {1} द्वारा बनाया गया</translation>
    </message>
    <message>
        <source>{0}, made on this desk</source>
        <translation>{0}, इसी डेस्क पर बनाया गया</translation>
    </message>
    <message>
        <source>Sent again and checked: the portal still holds another version of these records, or refused this desk's. Sending again cannot change that. Edit the record here to send a new version, or ask the portal's administrator which version is right.</source>
        <translation>फिर से भेजकर जाँचा गया: पोर्टल के पास इन रिकॉर्ड का दूसरा संस्करण है, या उसने इस डेस्क का संस्करण अस्वीकार किया। फिर से भेजने से यह नहीं बदलेगा। नया संस्करण भेजने के लिए रिकॉर्ड यहाँ संपादित करें, या पोर्टल के व्यवस्थापक से पूछें कि कौन-सा संस्करण सही है।</translation>
    </message>
    <message>
        <source>Nodal officer</source>
        <translation>नोडल अधिकारी</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Sync now</source>
        <translation>अभी सिंक करें</translation>
    </message>
    <message>
        <source>Not enrolled with a portal</source>
        <translation>किसी पोर्टल से पंजीकृत नहीं</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>कभी सिंक नहीं हुआ</translation>
    </message>
    <message>
        <source>Sync stopped: enrol again</source>
        <translation>सिंक रुका: फिर से पंजीकृत करें</translation>
    </message>
    <message>
        <source>{0} waiting</source>
        <translation>{0} प्रतीक्षा में</translation>
    </message>
    <message>
        <source>Sending… {0} of {1}</source>
        <translation>भेजा जा रहा है… {0} / {1}</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>सिंक हो रहा है…</translation>
    </message>
    <message>
        <source>{0} rejected</source>
        <translation>{0} अस्वीकृत</translation>
    </message>
    <message>
        <source>last sync {0}</source>
        <translation>पिछला सिंक {0}</translation>
    </message>
    <message>
        <source>Portal not reachable</source>
        <translation>पोर्टल उपलब्ध नहीं</translation>
    </message>
    <message>
        <source>Portal reachable</source>
        <translation>पोर्टल उपलब्ध</translation>
    </message>
    <message>
        <source>Portal not checked yet</source>
        <translation>पोर्टल अभी जाँचा नहीं गया</translation>
    </message>
    <message>
        <source>Portal busy: next try at {0}</source>
        <translation>पोर्टल व्यस्त है: अगला प्रयास {0} पर</translation>
    </message>
</context>
</TS>
