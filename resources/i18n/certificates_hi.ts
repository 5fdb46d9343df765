<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>CertificatesPage</name>
    <message>
      <source>Select a certificate to preview it</source>
      <translation>पूर्वावलोकन के लिए कोई प्रमाण-पत्र चुनें</translation>
    </message>
    <message><source>A re-issue needs a reason.</source><translation>पुनः जारी करने के लिए कारण आवश्यक है।</translation></message>
    <message><source>All</source><translation>सभी</translation></message>
    <message><source>All workshops</source><translation>सभी कार्यशालाएँ</translation></message>
    <message><source>Cancelled: the rest were not issued.</source><translation>रद्द किया गया: शेष जारी नहीं किए गए।</translation></message>
    <message><source>Certificate No.</source><translation>प्रमाण-पत्र सं.</translation></message>
    <message><source>Certificate PDF or photo</source><translation>प्रमाण-पत्र PDF या फ़ोटो</translation></message>
    <message><source>Certificate {0} revoked.</source><translation>प्रमाण-पत्र {0} निरस्त किया गया।</translation></message>
    <message><source>Certificates</source><translation>प्रमाण-पत्र</translation></message>
    <message><source>Employee code</source><translation>कर्मचारी कोड</translation></message>
    <message><source>Export register</source><translation>पंजिका निर्यात करें</translation></message>
    <message><source>Field</source><translation>विवरण</translation></message>
    <message><source>Issue</source><translation>जारी करें</translation></message>
    <message><source>Issued</source><translation>जारी</translation></message>
    <message><source>Issuing…</source><translation>जारी किए जा रहे हैं…</translation></message>
    <message><source>NOT VALID</source><translation>मान्य नहीं</translation></message>
    <message><source>Name</source><translation>नाम</translation></message>
    <message><source>Name (Hindi)</source><translation>नाम (हिन्दी)</translation></message>
    <message><source>PDF or image</source><translation>PDF या चित्र</translation></message>
    <message><source>QR text</source><translation>QR पाठ</translation></message>
    <message><source>Re-issue to those who already hold one (new number)</source><translation>जिनके पास पहले से है उन्हें पुनः जारी करें (नई संख्या)</translation></message>
    <message><source>Register</source><translation>पंजिका</translation></message>
    <message><source>Revoke certificate</source><translation>प्रमाण-पत्र निरस्त करें</translation></message>
    <message><source>Revoked</source><translation>निरस्त</translation></message>
    <message><source>Saved {0}</source><translation>{0} सहेजा गया</translation></message>
    <message><source>Search number, name or employee code</source><translation>संख्या, नाम या कर्मचारी कोड खोजें</translation></message>
    <message><source>Signing key</source><translation>हस्ताक्षर कुंजी</translation></message>
    <message><source>Status</source><translation>स्थिति</translation></message>
    <message><source>Stopping after the current group…</source><translation>वर्तमान समूह के बाद रोका जा रहा है…</translation></message>
    <message><source>Valid</source><translation>मान्य</translation></message>
    <message><source>Valid certificate</source><translation>मान्य प्रमाण-पत्र</translation></message>
    <message><source>Value</source><translation>मान</translation></message>
    <message><source>Verify</source><translation>सत्यापित करें</translation></message>
    <message><source>Why is certificate {0} revoked?</source><translation>प्रमाण-पत्र {0} क्यों निरस्त किया जा रहा है?</translation></message>
    <message><source>Workshop</source><translation>कार्यशाला</translation></message>
    <message><source>{0} certificates</source><translation>{0} प्रमाण-पत्र</translation></message>
    <message><source>{0} enrolled, {1} completed the workshop, {2} already hold a certificate.</source><translation>{0} नामांकित, {1} ने कार्यशाला पूर्ण की, {2} के पास पहले से प्रमाण-पत्र है।</translation></message>
    <message><source>{0} issued, {1} skipped.</source><translation>{0} जारी, {1} छोड़े गए।</translation></message>
    <message><source>{0} of {1} certificates issued</source><translation>{1} में से {0} प्रमाण-पत्र जारी</translation></message>
    <message><source>Export XLSX…</source><translation>XLSX निर्यात करें…</translation></message>
    <message><source>Open</source><translation>खोलें</translation></message>
    <message><source>Print…</source><translation>मुद्रित करें…</translation></message>
    <message><source>Revoke…</source><translation>निरस्त करें…</translation></message>
    <message><source>Issue certificates</source><translation>प्रमाण-पत्र जारी करें</translation></message>
    <message><source>Cancel</source><translation>रद्द करें</translation></message>
    <message><source>Open print file</source><translation>मुद्रण फ़ाइल खोलें</translation></message>
    <message><source>Preview template</source><translation>प्रारूप का पूर्वावलोकन</translation></message>
    <message><source>Preparing the preview…</source><translation>पूर्वावलोकन तैयार किया जा रहा है…</translation></message>
    <message><source>This template cannot be used: {0}</source><translation>यह प्रारूप प्रयोग नहीं किया जा सकता: {0}</translation></message>
    <message><source>Nothing was re-issued.</source><translation>कुछ भी पुनः जारी नहीं किया गया।</translation></message>
    <message><source>Re-issue certificates</source><translation>प्रमाण-पत्र पुनः जारी करें</translation></message>
    <message><source>Re-issue all {0} certificates of this workshop? Each holder gets a new number and the old certificate is revoked.</source><translation>इस कार्यशाला के सभी {0} प्रमाण-पत्र पुनः जारी करें? प्रत्येक धारक को नई संख्या मिलेगी और पुराना प्रमाण-पत्र निरस्त हो जाएगा।</translation></message>
    <message><source>Print all…</source><translation>सभी मुद्रित करें…</translation></message>
    <message><source>PDF or photo…</source><translation>PDF या फ़ोटो…</translation></message>
    <message><source>Workshop:</source><translation>कार्यशाला:</translation></message>
    <message><source>Template:</source><translation>प्रारूप:</translation></message>
    <message><source>Reason:</source><translation>कारण:</translation></message>
    <message><source>Scan the certificate's QR code (the scanner types it here), paste its text, or choose a PDF or a photo of the certificate.</source><translation>प्रमाण-पत्र का QR कोड स्कैन करें (स्कैनर यहाँ टाइप करता है), उसका पाठ चिपकाएँ, या प्रमाण-पत्र की PDF या फ़ोटो चुनें।</translation></message>
    <message><source>Programme</source><translation>कार्यक्रम</translation></message>
    <message><source>Hours</source><translation>घंटे</translation></message>
    <message><source>From</source><translation>से</translation></message>
    <message><source>To</source><translation>तक</translation></message>
    <message><source>Institute</source><translation>संस्थान</translation></message>
    <message><source>Issue to:</source><translation>किसे जारी करें:</translation></message>
    <message><source>Everyone who completed the workshop</source><translation>कार्यशाला पूर्ण करने वाले सभी</translation></message>
    <message><source>NOT VALID: the certificate's details do not match its signature — it was changed after issue, or forged</source><translation>मान्य नहीं: प्रमाण-पत्र का विवरण उसके हस्ताक्षर से मेल नहीं खाता — जारी होने के बाद इसे बदला गया है, या यह जाली है</translation></message>
    <message><source>NOT VERIFIED: signed by a centre this desk does not know. Import that centre's trust list to check it.</source><translation>सत्यापित नहीं: ऐसे केंद्र ने हस्ताक्षर किए हैं जिसे यह डेस्क नहीं जानता। जाँचने के लिए उस केंद्र की विश्वसनीय-सूची आयात करें।</translation></message>
    <message><source>REVOKED: this certificate was withdrawn by the issuing centre</source><translation>निरस्त: जारी करने वाले केंद्र ने यह प्रमाण-पत्र वापस ले लिया है</translation></message>
    <message><source>NOT VALID: this QR code is not a Karmayogi certificate</source><translation>मान्य नहीं: यह QR कोड कर्मयोगी प्रमाण-पत्र का नहीं है</translation></message>
    <message><source>This is a certificate number, not its QR code. Scan the QR code, or find the number in the Register tab.</source><translation>यह प्रमाण-पत्र संख्या है, उसका QR कोड नहीं। QR कोड स्कैन करें, या पंजिका टैब में यह संख्या खोजें।</translation></message>
    <message><source>Only a PDF or a photo of a certificate can be checked.</source><translation>केवल प्रमाण-पत्र की PDF या फ़ोटो ही जाँची जा सकती है।</translation></message>
    <message><source>No QR code was found in this file. Try the certificate's PDF or a sharper, straight photo of the whole QR code.</source><translation>इस फ़ाइल में कोई QR कोड नहीं मिला। प्रमाण-पत्र की PDF, या पूरे QR कोड की साफ़, सीधी फ़ोटो से प्रयास करें।</translation></message>
    <message><source>Revoked on {0}: {1}</source><translation>{0} को निरस्त: {1}</translation></message>
    <message><source>Signing key: {0}</source><translation>हस्ताक्षर कुंजी: {0}</translation></message>
    <message><source>No certificate has this number. Did you mean {0}?</source><translation>इस संख्या का कोई प्रमाण-पत्र नहीं है। क्या आपका आशय {0} था?</translation></message>
    <message><source> or </source><translation> या </translation></message>
</context>
</TS>
