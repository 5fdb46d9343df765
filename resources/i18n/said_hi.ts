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
    <message><source>{path} is an old Excel (.xls) workbook of {megabytes} MB, more than any roster; save it as .xlsx or CSV UTF-8 and import that.</source><translation>{path} पुरानी Excel (.xls) वर्कबुक है, {megabytes} MB की — किसी भी सूची से बहुत बड़ी; इसे .xlsx या CSV UTF-8 के रूप में सहेजें और वह आयात करें।</translation></message>
    <message><source>{path} has no sheet {sheet!r}; its sheets: {sheets}</source><translation>{path} में {sheet!r} नाम की शीट नहीं है; इसकी शीटें: {sheets}</translation></message>
    <message><source>{path} is a folder, not a file.</source><translation>{path} एक फ़ोल्डर है, फ़ाइल नहीं।</translation></message>
    <message><source>{path}: no such file.</source><translation>{path}: ऐसी कोई फ़ाइल नहीं है।</translation></message>
    <message><source>{path} cannot be read: {reason}.</source><translation>{path} पढ़ी नहीं जा सकती: {reason}।</translation></message>
    <message><source>{path} is neither UTF-8 nor Windows-1252 ("ANSI") text (byte {byte} is invalid). Hindi would be lost: in Excel choose Save As → 'CSV UTF-8' or 'Unicode Text', or save as .xlsx.</source><translation>{path} न UTF-8 टेक्स्ट है, न Windows-1252 ("ANSI") (बाइट {byte} अमान्य है)। हिन्दी खो जाती: Excel में Save As → 'CSV UTF-8' या 'Unicode Text' चुनें, या .xlsx के रूप में सहेजें।</translation></message>
    <message><source>{path} is not a readable Excel workbook ({error}). Save it again from Excel as .xlsx or CSV UTF-8.</source><translation>{path} पढ़ने योग्य Excel वर्कबुक नहीं है ({error})। इसे Excel से फिर से .xlsx या CSV UTF-8 के रूप में सहेजें।</translation></message>
    <message><source>{path} is not a readable Excel workbook ({error}).</source><translation>{path} पढ़ने योग्य Excel वर्कबुक नहीं है ({error})।</translation></message>
    <message><source>{path} is an old Excel (.xls) workbook that cannot be read ({error}). Open it in Excel and save it as Excel Workbook (.xlsx) or CSV UTF-8.</source><translation>{path} पुरानी Excel (.xls) वर्कबुक है जो पढ़ी नहीं जा सकती ({error})। इसे Excel में खोलें और Excel Workbook (.xlsx) या CSV UTF-8 के रूप में सहेजें।</translation></message>
    <message><source>{path}: row {bad} is not valid {encoding} text. Save the file as 'CSV UTF-8' or '.xlsx' and try again.</source><translation>{path}: पंक्ति {bad} मान्य {encoding} टेक्स्ट नहीं है। फ़ाइल को 'CSV UTF-8' या '.xlsx' के रूप में सहेजें और फिर से प्रयास करें।</translation></message>
    <message><source>{path}: row {row} cannot be read ({error}).</source><translation>{path}: पंक्ति {row} पढ़ी नहीं जा सकती ({error})।</translation></message>
    <message><source>{path} cannot be read as an .xls workbook ({error}).</source><translation>{path} को .xls वर्कबुक के रूप में पढ़ा नहीं जा सकता ({error})।</translation></message>
    <message><source>{name} ({size}) unpacks to {total} ({entry} alone is {entry_size}), far more than a roster holds: it was not opened. If it really is a roster, open it in Excel and save it as CSV UTF-8, then import that.</source><translation>{name} ({size}) खुलकर {total} हो जाती है (अकेले {entry} {entry_size} है), किसी भी सूची से कहीं अधिक: इसे खोला नहीं गया। यदि यह सचमुच सूची है, तो इसे Excel में खोलकर CSV UTF-8 के रूप में सहेजें, फिर वह आयात करें।</translation></message>
    <message><source>{name} is busy with a restore or a large first import in another Karmayogi Desk right now. Open it again when that has finished; nothing was changed.</source><translation>{name} इस समय दूसरे कर्मयोगी डेस्क में पुनर्स्थापन या बड़े पहले आयात में व्यस्त है। वह पूरा होने पर इसे फिर से खोलें; कुछ भी नहीं बदला गया।</translation></message>
    <message><source>{name} is open in another Karmayogi Desk right now (another window, a command, or the venue hub on this computer). Close it there first, then restore again. Nothing was changed.</source><translation>{name} इस समय दूसरे कर्मयोगी डेस्क में खुला है (दूसरी विंडो, कोई कमांड, या इस कंप्यूटर पर स्थल का हब)। पहले उसे वहाँ बंद करें, फिर दोबारा पुनर्स्थापित करें। कुछ भी नहीं बदला गया।</translation></message>
    <message><source>{label} is not a usable encrypted backup: {why}. Nothing was changed.</source><translation>{label} उपयोग योग्य एन्क्रिप्टेड बैकअप नहीं है: {why}। कुछ भी नहीं बदला गया।</translation></message>
    <message><source>it does not start like one</source><translation>इसकी शुरुआत वैसी नहीं है</translation></message>
    <message><source>it is cut short</source><translation>यह बीच में कटा हुआ है</translation></message>
    <message><source>its header is implausibly large</source><translation>इसका हेडर असंभव रूप से बड़ा है</translation></message>
    <message><source>its header is not a Karmayogi Desk backup header</source><translation>इसका हेडर कर्मयोगी डेस्क बैकअप का हेडर नहीं है</translation></message>
    <message><source>its header is not readable</source><translation>इसका हेडर पढ़ा नहीं जा सकता</translation></message>
    <message><source>{label} was written by a newer version of Karmayogi Desk. Install the newer version to restore it; nothing was changed.</source><translation>{label} कर्मयोगी डेस्क के नए संस्करण से लिखा गया है। इसे पुनर्स्थापित करने के लिए नया संस्करण इंस्टॉल करें; कुछ भी नहीं बदला गया।</translation></message>
    <message><source>The passphrase does not open {source}. Check it (capital letters, Hindi or English keyboard) and try again; nothing was changed.</source><translation>यह पासफ़्रेज़ {source} को नहीं खोलता। इसे जाँचें (बड़े अक्षर, हिन्दी या अंग्रेज़ी कीबोर्ड) और फिर से प्रयास करें; कुछ भी नहीं बदला गया।</translation></message>
    <message><source>{source} was encrypted with a key kept in {place}, not with a passphrase; nothing was changed.</source><translation>{source} {place} में रखी कुंजी से एन्क्रिप्ट किया गया था, पासफ़्रेज़ से नहीं; कुछ भी नहीं बदला गया।</translation></message>
    <message><source>{source}: its header was changed (unreadable key parameters). Nothing was changed.</source><translation>{source}: इसका हेडर बदला गया है (कुंजी के मान पढ़े नहीं जा सकते)। कुछ भी नहीं बदला गया।</translation></message>
    <message><source>{source}: the passphrase is right but the backup's manifest or header was changed after it was written (forged or tampered). It is refused; nothing was changed.</source><translation>{source}: पासफ़्रेज़ सही है, पर बैकअप का मैनिफ़ेस्ट या हेडर लिखे जाने के बाद बदला गया है (जाली या छेड़छाड़ किया हुआ)। इसे अस्वीकार किया गया; कुछ भी नहीं बदला गया।</translation></message>
    <message><source>{source}: part {part} of the encrypted archive was changed, damaged or cut short. It is refused; nothing was changed.</source><translation>{source}: एन्क्रिप्टेड संग्रह का भाग {part} बदला गया है, क्षतिग्रस्त है या कटा हुआ है। इसे अस्वीकार किया गया; कुछ भी नहीं बदला गया।</translation></message>
    <message><source>the OS keyring</source><translation>ऑपरेटिंग सिस्टम का कीरिंग</translation></message>
    <message><source>No automatic-backup key has been made on this desk yet.</source><translation>इस डेस्क पर अभी तक स्वचालित बैकअप की कोई कुंजी नहीं बनी है।</translation></message>
    <message><source>{variable} is not a backup key (base64 of 32 bytes).</source><translation>{variable} बैकअप कुंजी नहीं है (32 बाइट का base64)।</translation></message>
    <message><source>Keep backups for {days!r} days: use a whole number from 1 to 365.</source><translation>बैकअप {days!r} दिन रखें: 1 से 365 तक की पूर्ण संख्या लिखें।</translation></message>
    <message><source>Second backup folder {folder}: no such folder.</source><translation>दूसरा बैकअप फ़ोल्डर {folder}: ऐसा कोई फ़ोल्डर नहीं है।</translation></message>
    <message><source>Institute name (English) must not be empty.</source><translation>संस्थान का नाम (अंग्रेज़ी) खाली नहीं होना चाहिए।</translation></message>
    <message><source>This database already belongs to institute {existing}; it cannot become {code}.</source><translation>यह डेटाबेस पहले से संस्थान {existing} का है; यह {code} का नहीं बन सकता।</translation></message>
    <message><source>Institute code {code!r}: use 2–16 capital letters, digits or '-' (e.g. UPAAM).</source><translation>संस्थान कोड {code!r}: 2–16 बड़े अंग्रेज़ी अक्षर, अंक या '-' लिखें (जैसे UPAAM)।</translation></message>
    <message><source>Desk number {value!r}: use a whole number from {low} to {high}. Every laptop of one institute needs its own desk number, so that their certificate numbers and signing keys never clash.</source><translation>डेस्क संख्या {value!r}: {low} से {high} तक की पूर्ण संख्या लिखें। एक संस्थान के हर लैपटॉप की अपनी डेस्क संख्या होनी चाहिए, ताकि उनके प्रमाण-पत्र क्रमांक और हस्ताक्षर कुंजियाँ कभी न टकराएँ।</translation></message>
    <message><source>{source} is not a usable Karmayogi Desk backup: {why}. Nothing was changed. Try another backup file (full backups end in .kdbackup; the newest is usually beside the database or on the backup USB stick).</source><translation>{source} उपयोग योग्य कर्मयोगी डेस्क बैकअप नहीं है: {why}। कुछ भी नहीं बदला गया। कोई दूसरी बैकअप फ़ाइल आज़माएँ (पूर्ण बैकअप .kdbackup पर समाप्त होते हैं; सबसे नया प्रायः डेटाबेस के पास या बैकअप की USB स्टिक पर होता है)।</translation></message>
    <message><source>{path} already exists; choose another name.</source><translation>{path} पहले से मौजूद है; कोई दूसरा नाम चुनें।</translation></message>
    <message><source>{target} already exists; choose another name.</source><translation>{target} पहले से मौजूद है; कोई दूसरा नाम चुनें।</translation></message>
    <message><source>the file is empty</source><translation>फ़ाइल खाली है</translation></message>
    <message><source>it fails its integrity check: {problem}</source><translation>यह अखंडता जाँच में विफल है: {problem}</translation></message>
    <message><source>{source} does not exist. Nothing was changed. Check the file name and that the USB stick holding it is plugged in.</source><translation>{source} मौजूद नहीं है। कुछ भी नहीं बदला गया। फ़ाइल का नाम जाँचें, और देखें कि जिस USB स्टिक पर यह है वह लगी हुई है।</translation></message>
    <message><source>not a Karmayogi Desk backup manifest</source><translation>कर्मयोगी डेस्क बैकअप का मैनिफ़ेस्ट नहीं है</translation></message>
    <message><source>{source} was written by a newer version of Karmayogi Desk (backup format {version}). Install the newer version to restore it; nothing was changed.</source><translation>{source} कर्मयोगी डेस्क के नए संस्करण से लिखा गया है (बैकअप प्रारूप {version})। इसे पुनर्स्थापित करने के लिए नया संस्करण इंस्टॉल करें; कुछ भी नहीं बदला गया।</translation></message>
    <message><source>manifest without a list of entries</source><translation>मैनिफ़ेस्ट में प्रविष्टियों की सूची नहीं है</translation></message>
    <message><source>no database in it</source><translation>इसमें कोई डेटाबेस नहीं है</translation></message>
    <message><source>unexpected entry {entry!r}</source><translation>अनपेक्षित प्रविष्टि {entry!r}</translation></message>
    <message><source>its contents do not match its manifest ({which})</source><translation>इसकी सामग्री इसके मैनिफ़ेस्ट से मेल नहीं खाती ({which})</translation></message>
    <message><source>it is neither a full backup (.kdbackup) nor a database file, or it is damaged</source><translation>यह न पूर्ण बैकअप (.kdbackup) है, न डेटाबेस फ़ाइल, या यह क्षतिग्रस्त है</translation></message>
    <message><source>damaged archive: {error}</source><translation>क्षतिग्रस्त संग्रह: {error}</translation></message>
    <message><source>no manifest.json</source><translation>manifest.json नहीं है</translation></message>
    <message><source>unreadable manifest: {error}</source><translation>मैनिफ़ेस्ट पढ़ा नहीं जा सकता: {error}</translation></message>
    <message><source>The backup was cancelled; nothing was written.</source><translation>बैकअप रद्द किया गया; कुछ भी नहीं लिखा गया।</translation></message>
    <message><source>{label} cannot be restored: {error} Nothing was changed.</source><translation>{label} पुनर्स्थापित नहीं किया जा सकता: {error} कुछ भी नहीं बदला गया।</translation></message>
    <message><source>{name} does not match its SHA-256 in the manifest</source><translation>{name} मैनिफ़ेस्ट में दिए अपने SHA-256 से मेल नहीं खाता</translation></message>
    <message><source>A user needs a name.</source><translation>उपयोगकर्ता का नाम होना चाहिए।</translation></message>
    <message><source>A user's name may have at most {most} characters.</source><translation>उपयोगकर्ता के नाम में अधिकतम {most} अक्षर हो सकते हैं।</translation></message>
    <message><source>A user's name may not hold control characters.</source><translation>उपयोगकर्ता के नाम में नियंत्रण वर्ण नहीं हो सकते।</translation></message>
    <message><source>The first user of a desk is its admin: choose the admin role.</source><translation>डेस्क का पहला उपयोगकर्ता उसका प्रशासक होता है: प्रशासक भूमिका चुनें।</translation></message>
    <message><source>No user called {name}.</source><translation>{name} नाम का कोई उपयोगकर्ता नहीं है।</translation></message>
    <message><source>There is already a user called {name}.</source><translation>{name} नाम का उपयोगकर्ता पहले से है।</translation></message>
    <message><source>{name} is the desk's only admin; make another admin first.</source><translation>{name} इस डेस्क का एकमात्र प्रशासक है; पहले किसी और को प्रशासक बनाएँ।</translation></message>
    <message><source>A PIN or password needs at least {least} characters.</source><translation>पिन या पासवर्ड में कम से कम {least} अक्षर होने चाहिए।</translation></message>
    <message><source>A PIN or password may have at most {most} characters.</source><translation>पिन या पासवर्ड में अधिकतम {most} अक्षर हो सकते हैं।</translation></message>
    <message><source>A PIN or password may not begin or end with a space.</source><translation>पिन या पासवर्ड स्पेस से शुरू या समाप्त नहीं हो सकता।</translation></message>
    <message><source>This desk has several users: sign in first (command line: --user NAME).</source><translation>इस डेस्क के कई उपयोगकर्ता हैं: पहले साइन इन करें (कमांड लाइन: --user NAME)।</translation></message>
    <message><source>Wrong PIN for {name} ({left} tries left before a lock).</source><translation>{name} का पिन गलत है (लॉक होने से पहले {left} प्रयास शेष)।</translation></message>
    <message><source>{actor} is not an active user of this desk; sign in again.</source><translation>{actor} इस डेस्क का सक्रिय उपयोगकर्ता नहीं है; फिर से साइन इन करें।</translation></message>
    <message><source>No active user called {name} on this desk.</source><translation>इस डेस्क पर {name} नाम का कोई सक्रिय उपयोगकर्ता नहीं है।</translation></message>
    <message><source>{name} is locked after {attempts} wrong PINs until {until}; try again then, or ask an admin to reset the PIN.</source><translation>{attempts} गलत पिन के बाद {name} {until} तक लॉक है; तब फिर से प्रयास करें, या प्रशासक से पिन रीसेट करवाएँ।</translation></message>
    <message><source>Wrong PIN. {name} is now locked for {minutes} minutes.</source><translation>गलत पिन। {name} अब {minutes} मिनट के लिए लॉक है।</translation></message>
    <message><source>No workshop with id {workshop_id}.</source><translation>आईडी {workshop_id} की कोई कार्यशाला नहीं है।</translation></message>
    <message><source>{path} is a folder, not a database file.</source><translation>{path} एक फ़ोल्डर है, डेटाबेस फ़ाइल नहीं।</translation></message>
    <message><source>{path} cannot be written (read-only file or folder). Copy it to a writable folder or fix its permissions; nothing was changed.</source><translation>{path} में लिखा नहीं जा सकता (केवल-पढ़ने योग्य फ़ाइल या फ़ोल्डर)। इसे किसी लिखने योग्य फ़ोल्डर में कॉपी करें या इसकी अनुमतियाँ ठीक करें; कुछ भी नहीं बदला गया।</translation></message>
    <message><source>No database at {path}. Run `karmayogi-desk init` first.</source><translation>{path} पर कोई डेटाबेस नहीं है। पहले `karmayogi-desk init` चलाएँ।</translation></message>
    <message><source>The folder {parent} does not exist.</source><translation>फ़ोल्डर {parent} मौजूद नहीं है।</translation></message>
    <message><source>Cannot create a database in {parent}: not writable.</source><translation>{parent} में डेटाबेस नहीं बनाया जा सकता: उसमें लिखा नहीं जा सकता।</translation></message>
    <message><source>{path} is not a Karmayogi Desk database (not an SQLite file, or damaged). Restore it from a backup with `karmayogi-desk restore FILE`.</source><translation>{path} कर्मयोगी डेस्क का डेटाबेस नहीं है (SQLite फ़ाइल नहीं है, या क्षतिग्रस्त है)। इसे `karmayogi-desk restore FILE` से बैकअप से पुनर्स्थापित करें।</translation></message>
    <message><source>{db_path} cannot be read as a database ({error}). Restore it from a backup.</source><translation>{db_path} को डेटाबेस के रूप में पढ़ा नहीं जा सकता ({error})। इसे बैकअप से पुनर्स्थापित करें।</translation></message>
    <message><source>grace time must be 0–240 minutes</source><translation>छूट का समय 0–240 मिनट होना चाहिए</translation></message>
    <message><source>opening time must be 0–720 minutes before the start</source><translation>खुलने का समय शुरुआत से 0–720 मिनट पहले होना चाहिए</translation></message>
    <message><source>This database has no centre yet: set it up first.</source><translation>इस डेटाबेस में अभी कोई केंद्र नहीं है: पहले उसे सेट अप करें।</translation></message>
    <message><source>The attachment {digest}… is not on this desk (it was attached on another desk and has not been received yet). The visit record is complete without it.</source><translation>संलग्नक {digest}… इस डेस्क पर नहीं है (यह दूसरे डेस्क पर जोड़ा गया था और अभी तक प्राप्त नहीं हुआ है)। भ्रमण का अभिलेख इसके बिना भी पूरा है।</translation></message>
    <message><source>The attachment {name!r} is no longer on disk (expected at {path}). The visit record is kept; attach the file again to restore it.</source><translation>संलग्नक {name!r} अब डिस्क पर नहीं है ({path} पर होना चाहिए था)। भ्रमण का अभिलेख सुरक्षित है; इसे वापस लाने के लिए फ़ाइल फिर से जोड़ें।</translation></message>
    <message><source>The attachment {name!r} cannot be read: {error}.</source><translation>संलग्नक {name!r} पढ़ा नहीं जा सकता: {error}।</translation></message>
    <message><source>The attachment {name!r} at {path} was changed or damaged on disk (its contents no longer match). The visit record is kept; attach the file again.</source><translation>{path} पर संलग्नक {name!r} डिस्क पर बदला गया है या क्षतिग्रस्त है (उसकी सामग्री अब मेल नहीं खाती)। भ्रमण का अभिलेख सुरक्षित है; फ़ाइल फिर से जोड़ें।</translation></message>
    <message><source>{name!r}: no such file ({source}).</source><translation>{name!r}: ऐसी कोई फ़ाइल नहीं है ({source})।</translation></message>
    <message><source>{name!r} is {size}; an attachment may be at most 10 MiB. Make a smaller copy (e.g. a lower-resolution photo) and attach that.</source><translation>{name!r} {size} की है; संलग्नक अधिकतम 10 MiB का हो सकता है। छोटी प्रति बनाएँ (जैसे कम रिज़ॉल्यूशन की फ़ोटो) और वह जोड़ें।</translation></message>
    <message><source>{name!r} cannot be read: {reason}.</source><translation>{name!r} पढ़ी नहीं जा सकती: {reason}।</translation></message>
    <message><source>{filename!r} is {size}; an attachment may be at most 10 MiB.</source><translation>{filename!r} {size} की है; संलग्नक अधिकतम 10 MiB का हो सकता है।</translation></message>
    <message><source>{filename!r} is a HEIC/HEIF photo and this installation cannot read them (the pillow-heif package is missing). Reinstall Karmayogi Desk, or attach a JPEG copy of the photo.</source><translation>{filename!r} HEIC/HEIF फ़ोटो है और यह इंस्टॉलेशन इन्हें पढ़ नहीं सकता (pillow-heif पैकेज नहीं है)। कर्मयोगी डेस्क फिर से इंस्टॉल करें, या फ़ोटो की JPEG प्रति जोड़ें।</translation></message>
    <message><source>{filename!r} is not a readable image (damaged or not really a {suffix} file): {error}.</source><translation>{filename!r} पढ़ने योग्य चित्र नहीं है (क्षतिग्रस्त है या वास्तव में {suffix} फ़ाइल नहीं है): {error}।</translation></message>
    <message><source>{filename!r} is over 10 MiB once converted to JPEG. Make a smaller copy (e.g. a lower-resolution photo) and attach that.</source><translation>JPEG में बदलने पर {filename!r} 10 MiB से बड़ी हो जाती है। छोटी प्रति बनाएँ (जैसे कम रिज़ॉल्यूशन की फ़ोटो) और वह जोड़ें।</translation></message>
    <message><source>{filename!r} is over 10 MiB after removing location data.</source><translation>स्थान की जानकारी हटाने के बाद भी {filename!r} 10 MiB से बड़ी है।</translation></message>
    <message><source>{filename!r}: the received bytes do not match {digest}….</source><translation>{filename!r}: प्राप्त बाइट {digest}… से मेल नहीं खाते।</translation></message>
    <message><source>{name}: cannot export to a .{suffix} file; name it .xlsx or .csv</source><translation>{name}: .{suffix} फ़ाइल में निर्यात नहीं हो सकता; नाम .xlsx या .csv रखें</translation></message>
    <message><source>The folder {parent} does not exist; nothing was written.</source><translation>फ़ोल्डर {parent} मौजूद नहीं है; कुछ भी नहीं लिखा गया।</translation></message>
</context>
</TS>
