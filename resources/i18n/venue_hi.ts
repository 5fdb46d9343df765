<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>MainWindow</name>
    <message>
        <source>Venue</source>
        <translation>आयोजन स्थल</translation>
    </message>
</context>
<context>
    <name>VenuePanel</name>
    <message>
        <source>Certificate: {0}</source>
        <translation>प्रमाण-पत्र: {0}</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>डेस्क</translation>
    </message>
    <message>
        <source>Desk {0}</source>
        <translation>डेस्क {0}</translation>
    </message>
    <message>
        <source>Host a venue</source>
        <translation>आयोजन स्थल होस्ट करें</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>हब</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>जुड़ें</translation>
    </message>
    <message>
        <source>Join a venue</source>
        <translation>आयोजन स्थल से जुड़ें</translation>
    </message>
    <message>
        <source>Joined desk</source>
        <translation>जुड़ी हुई डेस्क</translation>
    </message>
    <message>
        <source>Joining code</source>
        <translation>जुड़ने का कोड</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>अंतिम संपर्क</translation>
    </message>
    <message>
        <source>Leave the venue</source>
        <translation>आयोजन स्थल छोड़ें</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>भूमिका</translation>
    </message>
    <message>
        <source>Scan or type the code shown at the host desk:</source>
        <translation>होस्ट डेस्क पर दिखाया गया कोड स्कैन करें या टाइप करें:</translation>
    </message>
    <message>
        <source>Scan the QR code or type the code at the joining desk. A code works once: a new one appears here after each desk joins.</source>
        <translation>जुड़ने वाली डेस्क पर QR कोड स्कैन करें या कोड टाइप करें। एक कोड एक ही बार चलता है: हर डेस्क के जुड़ने के बाद यहाँ नया कोड दिखता है।</translation>
    </message>
    <message>
        <source>Several desks at one venue share marks and walk-ins over the local network, without internet. One desk hosts; the others join with its code.</source>
        <translation>एक आयोजन स्थल की कई डेस्कें स्थानीय नेटवर्क पर, बिना इंटरनेट के, उपस्थिति और वॉक-इन साझा करती हैं। एक डेस्क होस्ट करती है; बाकी उसके कोड से जुड़ती हैं।</translation>
    </message>
    <message>
        <source>Stop hosting</source>
        <translation>होस्ट करना बंद करें</translation>
    </message>
    <message>
        <source>This desk hosts the venue at {0}.</source>
        <translation>यह डेस्क {0} पर आयोजन स्थल होस्ट कर रही है।</translation>
    </message>
    <message>
        <source>This desk is in the venue at {0}. Last contact: {1}.</source>
        <translation>यह डेस्क {0} के आयोजन स्थल से जुड़ी है। अंतिम संपर्क: {1}।</translation>
    </message>
    <message>
        <source>This desk is not in a venue.</source>
        <translation>यह डेस्क किसी आयोजन स्थल से नहीं जुड़ी है।</translation>
    </message>
    <message>
        <source>This is not a joining code: {0}</source>
        <translation>यह जुड़ने का कोड नहीं है: {0}</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>आयोजन स्थल</translation>
    </message>
    <message>
        <source>Waiting to go to the hub: {0} · At the hub, waiting for the portal: {1} · Held here for the portal from other desks: {2} · Not applied here: {3}</source>
        <translation>हब को भेजने के लिए प्रतीक्षारत: {0} · हब पर, पोर्टल के लिए प्रतीक्षारत: {1} · दूसरी डेस्कों से पोर्टल के लिए यहाँ रखे: {2} · यहाँ लागू नहीं हुए: {3}</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>अभी नहीं</translation>
    </message>
    <message>
        <source>A laptop with this desk number is already in the venue. Give this laptop another desk number in the centre's set-up, then join again.</source>
        <translation>इस डेस्क संख्या वाला लैपटॉप पहले से आयोजन स्थल में है। केंद्र की सेटिंग में इस लैपटॉप को दूसरी डेस्क संख्या दें, फिर दोबारा जुड़ें।</translation>
    </message>
    <message>
        <source>The hub cannot be reached. This desk keeps marking and catches up when the hub is back.</source>
        <translation>हब तक नहीं पहुँचा जा सका। यह डेस्क उपस्थिति दर्ज करती रहती है और हब लौटने पर सब मिला लेती है।</translation>
    </message>
    <message>
        <source>The hub no longer knows this desk. Leave the venue and join again.</source>
        <translation>हब अब इस डेस्क को नहीं पहचानता। आयोजन स्थल छोड़ें और दोबारा जुड़ें।</translation>
    </message>
    <message>
        <source>The venue belongs to another institute: this desk cannot join it.</source>
        <translation>यह आयोजन स्थल किसी दूसरे संस्थान का है: यह डेस्क इससे नहीं जुड़ सकती।</translation>
    </message>
    <message>
        <source>This is not the hub of the venue: its certificate is different from the one the code names (or the one this desk joined). Nothing was sent.</source>
        <translation>यह आयोजन स्थल का हब नहीं है: इसका प्रमाण-पत्र कोड में बताए (या जुड़ते समय मिले) प्रमाण-पत्र से अलग है। कुछ नहीं भेजा गया।</translation>
    </message>
    <message>
        <source>This joining code is wrong or was used already. Ask the host desk for the code it shows now.</source>
        <translation>यह जुड़ने का कोड गलत है या पहले ही इस्तेमाल हो चुका है। होस्ट डेस्क पर अभी दिख रहा कोड माँगें।</translation>
    </message>
</context>
</TS>
