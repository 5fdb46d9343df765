<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<!-- The core's messages (desktop/text/said.py) -->
<context>
    <name>Said</name>
    <message><source>unknown participant field(s) in the mapping: {bad}</source><translation>मिलान में अज्ञात प्रतिभागी फ़ील्ड: {bad}</translation></message>
    <message><source>more than one column is mapped to: {fields}</source><translation>एक से अधिक कॉलम इससे मिलाए गए हैं: {fields}</translation></message>
    <message><source>missing required column(s): {names}. Columns found: {found}. Rename the column (e.g. 'Name (English)', 'Full Name', 'नाम (अंग्रेज़ी)', or 'नाम (हिन्दी)' for a list with Hindi names only) or map it.</source><translation>आवश्यक कॉलम नहीं मिले: {names}। फ़ाइल में मिले कॉलम: {found}। कॉलम का नाम बदलें (जैसे 'Name (English)', 'Full Name', 'नाम (अंग्रेज़ी)', या केवल हिन्दी नामों वाली सूची के लिए 'नाम (हिन्दी)') या उसे किसी फ़ील्ड से मिलाएँ।</translation></message>
    <message><source>--map names a column the file does not have: {name!r}</source><translation>--map ऐसा कॉलम बताता है जो फ़ाइल में नहीं है: {name!r}</translation></message>
    <message><source>--map {name}={target}: no such field (fields: {value})</source><translation>--map {name}={target}: ऐसा कोई फ़ील्ड नहीं है (फ़ील्ड: {value})</translation></message>
    <message><source>--ignore names a column the file does not have: {name!r}</source><translation>--ignore ऐसा कॉलम बताता है जो फ़ाइल में नहीं है: {name!r}</translation></message>
    <message><source>the mapping names columns the file does not have: {unknown}</source><translation>मिलान में ऐसे कॉलम हैं जो फ़ाइल में नहीं हैं: {unknown}</translation></message>
    <message><source>import cancelled; nothing was changed</source><translation>आयात रद्द किया गया; कुछ भी नहीं बदला गया</translation></message>
    <message><source>cannot write the report {path}: {strerror}</source><translation>रिपोर्ट {path} नहीं लिखी जा सकी: {strerror}</translation></message>
    <message><source>column(s) {names} hold data but map to no participant field; nothing was imported. Map each to a field or leave it out by name.</source><translation>कॉलम {names} में डेटा है, पर वे किसी प्रतिभागी फ़ील्ड से नहीं मिलाए गए हैं; कुछ भी आयात नहीं हुआ। हर एक को किसी फ़ील्ड से मिलाएँ या नाम से छोड़ दें।</translation></message>
    <message><source>{path} is empty.</source><translation>{path} खाली है।</translation></message>
    <message><source>{path} is a text file, not a workbook: it has no sheets.</source><translation>{path} एक टेक्स्ट फ़ाइल है, वर्कबुक नहीं: इसमें कोई शीट नहीं है।</translation></message>
    <message><source>{path} is not a text or spreadsheet file (binary data).</source><translation>{path} टेक्स्ट या स्प्रेडशीट फ़ाइल नहीं है (बाइनरी डेटा)।</translation></message>
    <message><source>{path} has no header row.</source><translation>{path} में शीर्षक पंक्ति नहीं है।</translation></message>
    <message><source>{path} is empty (no sheet holds any data).</source><translation>{path} खाली है (किसी शीट में डेटा नहीं है)।</translation></message>
    <message><source>{path} is an old Excel (.xls) workbook of {value} MB, more than any roster; save it as .xlsx or CSV UTF-8 and import that.</source><translation>{path} पुरानी Excel (.xls) वर्कबुक है, {value} MB की — किसी भी सूची से बहुत बड़ी; इसे .xlsx या CSV UTF-8 के रूप में सहेजें और वह आयात करें।</translation></message>
    <message><source>{path} has no sheet {sheet!r}; its sheets: {sheets}</source><translation>{path} में {sheet!r} नाम की शीट नहीं है; इसकी शीटें: {sheets}</translation></message>
    <message><source>{path} is a folder, not a file.</source><translation>{path} एक फ़ोल्डर है, फ़ाइल नहीं।</translation></message>
    <message><source>{path}: no such file.</source><translation>{path}: ऐसी कोई फ़ाइल नहीं है।</translation></message>
    <message><source>{path} cannot be read: {value}.</source><translation>{path} पढ़ी नहीं जा सकती: {value}।</translation></message>
    <message><source>{path} is neither UTF-8 nor Windows-1252 ("ANSI") text (byte {value} is invalid). Hindi would be lost: in Excel choose Save As → 'CSV UTF-8' or 'Unicode Text', or save as .xlsx.</source><translation>{path} न UTF-8 टेक्स्ट है, न Windows-1252 ("ANSI") (बाइट {value} अमान्य है)। हिन्दी खो जाती: Excel में Save As → 'CSV UTF-8' या 'Unicode Text' चुनें, या .xlsx के रूप में सहेजें।</translation></message>
    <message><source>{path} is not a readable Excel workbook ({error}). Save it again from Excel as .xlsx or CSV UTF-8.</source><translation>{path} पढ़ने योग्य Excel वर्कबुक नहीं है ({error})। इसे Excel से फिर से .xlsx या CSV UTF-8 के रूप में सहेजें।</translation></message>
    <message><source>{path} is not a readable Excel workbook ({error}).</source><translation>{path} पढ़ने योग्य Excel वर्कबुक नहीं है ({error})।</translation></message>
    <message><source>{path} is an old Excel (.xls) workbook that cannot be read ({error}). Open it in Excel and save it as Excel Workbook (.xlsx) or CSV UTF-8.</source><translation>{path} पुरानी Excel (.xls) वर्कबुक है जो पढ़ी नहीं जा सकती ({error})। इसे Excel में खोलें और Excel Workbook (.xlsx) या CSV UTF-8 के रूप में सहेजें।</translation></message>
    <message><source>{path}: row {bad} is not valid {encoding} text. Save the file as 'CSV UTF-8' or '.xlsx' and try again.</source><translation>{path}: पंक्ति {bad} मान्य {encoding} टेक्स्ट नहीं है। फ़ाइल को 'CSV UTF-8' या '.xlsx' के रूप में सहेजें और फिर से प्रयास करें।</translation></message>
    <message><source>{path}: row {value} cannot be read ({error}).</source><translation>{path}: पंक्ति {value} पढ़ी नहीं जा सकती ({error})।</translation></message>
    <message><source>{path} cannot be read as an .xls workbook ({error}).</source><translation>{path} को .xls वर्कबुक के रूप में पढ़ा नहीं जा सकता ({error})।</translation></message>
    <message><source>{name} ({size}) unpacks to {total} ({entry} alone is {entry_size}), far more than a roster holds: it was not opened. If it really is a roster, open it in Excel and save it as CSV UTF-8, then import that.</source><translation>{name} ({size}) खुलकर {total} हो जाती है (अकेले {entry} {entry_size} है), किसी भी सूची से कहीं अधिक: इसे खोला नहीं गया। यदि यह सचमुच सूची है, तो इसे Excel में खोलकर CSV UTF-8 के रूप में सहेजें, फिर वह आयात करें।</translation></message>
    <message><source>{name} is busy with a restore or a large first import in another Karmayogi Desk right now. Open it again when that has finished; nothing was changed.</source><translation>{name} इस समय दूसरे कर्मयोगी डेस्क में पुनर्स्थापन या बड़े पहले आयात में व्यस्त है। वह पूरा होने पर इसे फिर से खोलें; कुछ भी नहीं बदला गया।</translation></message>
    <message><source>{name} is open in another Karmayogi Desk right now (another window, a command, or the venue hub on this computer). Close it there first, then restore again. Nothing was changed.</source><translation>{name} इस समय दूसरे कर्मयोगी डेस्क में खुला है (दूसरी विंडो, कोई कमांड, या इस कंप्यूटर पर स्थल का हब)। पहले उसे वहाँ बंद करें, फिर दोबारा पुनर्स्थापित करें। कुछ भी नहीं बदला गया।</translation></message>
</context>
</TS>
