<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>ImportDialog</name>
    <message>
        <source>Name (English)</source>
        <translation>नाम (अंग्रेज़ी)</translation>
    </message>
    <message>
        <source>Name (Hindi)</source>
        <translation>नाम (हिन्दी)</translation>
    </message>
    <message>
        <source>Employee code</source>
        <translation>कर्मचारी कोड</translation>
    </message>
    <message>
        <source>iGOT user id</source>
        <translation>iGOT उपयोगकर्ता आईडी</translation>
    </message>
    <message>
        <source>Designation</source>
        <translation>पदनाम</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>विभाग</translation>
    </message>
    <message>
        <source>District</source>
        <translation>जनपद</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>मोबाइल</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ईमेल</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>लिंग</translation>
    </message>
    <message>
        <source>Service group</source>
        <translation>सेवा समूह</translation>
    </message>
    <message>
        <source>New</source>
        <translation>नया</translation>
    </message>
    <message>
        <source>In roster</source>
        <translation>रोस्टर में है</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>त्रुटि</translation>
    </message>
    <message>
        <source>Step 1 of 4: choose the file</source>
        <translation>चरण 1/4: फ़ाइल चुनें</translation>
    </message>
    <message>
        <source>Step 2 of 4: match the columns</source>
        <translation>चरण 2/4: कॉलम मिलाएँ</translation>
    </message>
    <message>
        <source>Step 3 of 4: check and import</source>
        <translation>चरण 3/4: जाँचें और आयात करें</translation>
    </message>
    <message>
        <source>Step 4 of 4: result</source>
        <translation>चरण 4/4: परिणाम</translation>
    </message>
    <message>
        <source>Import a roster list</source>
        <translation>रोस्टर सूची आयात करें</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>आयात करें</translation>
    </message>
    <message>
        <source>Cancelling… nothing will be changed.</source>
        <translation>रद्द किया जा रहा है… कुछ भी नहीं बदलेगा।</translation>
    </message>
    <message>
        <source>Choose a roster list</source>
        <translation>रोस्टर सूची चुनें</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>पहले एक फ़ाइल चुनें।</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>फ़ाइल पढ़ी नहीं जा सकी: %1</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>फ़ाइल का कॉलम</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>उदाहरण</translation>
    </message>
    <message>
        <source>Imports into</source>
        <translation>किस फ़ील्ड में</translation>
    </message>
    <message>
        <source>Do not import</source>
        <translation>आयात न करें</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>चुनें…</translation>
    </message>
    <message>
        <source>This column holds data that matches no field: choose a field for it, or “Do not import”.</source>
        <translation>इस कॉलम में डेटा है जो किसी फ़ील्ड से मेल नहीं खाता: इसके लिए फ़ील्ड चुनें, या “आयात न करें”।</translation>
    </message>
    <message>
        <source>Column “%1” holds data that matches no field: choose a field for it, or “Do not import”.</source>
        <translation>कॉलम “%1” में डेटा है जो किसी फ़ील्ड से मेल नहीं खाता: इसके लिए फ़ील्ड चुनें, या “आयात न करें”।</translation>
    </message>
    <message>
        <source>Choose the column that holds the name in English.</source>
        <translation>वह कॉलम चुनें जिसमें अंग्रेज़ी में नाम है।</translation>
    </message>
    <message>
        <source>Two columns import into “%1”; keep one.</source>
        <translation>दो कॉलम “%1” में जा रहे हैं; केवल एक रखें।</translation>
    </message>
    <message>
        <source>The first %1 rows of the file: %2 new people, %3 already in the roster (their changed fields will be updated), %4 with errors. Import checks the whole file and writes every accepted row in one step; rows with errors are left out and listed in the report.</source>
        <translation>फ़ाइल की पहली %1 पंक्तियाँ: %2 नए व्यक्ति, %3 पहले से रोस्टर में (उनके बदले हुए फ़ील्ड अद्यतन होंगे), %4 में त्रुटियाँ। आयात पूरी फ़ाइल जाँचता है और सभी स्वीकृत पंक्तियों को एक साथ सहेजता है; त्रुटि वाली पंक्तियाँ छोड़ दी जाती हैं और रिपोर्ट में दिखाई जाती हैं।</translation>
    </message>
    <message>
        <source>Checked %1 rows…</source>
        <translation>%1 पंक्तियाँ जाँची गईं…</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>फ़ील्ड</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>पंक्ति</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>समस्याएँ</translation>
    </message>
    <message>
        <source>Importing… Cancel leaves the roster as it was.</source>
        <translation>आयात हो रहा है… रद्द करने पर रोस्टर पहले जैसा रहेगा।</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was changed.</source>
        <translation>आयात रद्द कर दिया गया। कुछ भी नहीं बदला।</translation>
    </message>
    <message>
        <source>The import failed and nothing was changed: %1</source>
        <translation>आयात विफल रहा और कुछ भी नहीं बदला: %1</translation>
    </message>
    <message>
        <source>%1 rows read: %2 people added, %3 updated, %4 already up to date. %5 rows had errors and were not imported.</source>
        <translation>%1 पंक्तियाँ पढ़ी गईं: %2 व्यक्ति जोड़े गए, %3 अद्यतन हुए, %4 पहले से अद्यतन थे। %5 पंक्तियों में त्रुटियाँ थीं और वे आयात नहीं हुईं।</translation>
    </message>
    <message>
        <source>Save the report, correct those rows and import it again.</source>
        <translation>रिपोर्ट सहेजें, उन पंक्तियों को ठीक करें और फिर से आयात करें।</translation>
    </message>
    <message>
        <source>Save the import report</source>
        <translation>आयात रिपोर्ट सहेजें</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>रिपोर्ट %1 में सहेजी गई</translation>
    </message>
    <message>
        <source>Choose the list a department sent: CSV (UTF-8, UTF-16 or Windows &quot;ANSI&quot;) or Excel (.xlsx, old .xls). Headers in English or Hindi and the iGOT bulk-onboarding layout are recognised; Hindi-only lists and Kruti Dev text are accepted.</source>
        <translation>विभाग से आई सूची चुनें: CSV (UTF-8, UTF-16 या Windows &quot;ANSI&quot;) या Excel (.xlsx, पुरानी .xls)। अंग्रेज़ी या हिन्दी के शीर्षक और iGOT बल्क-ऑनबोर्डिंग प्रारूप पहचाने जाते हैं; केवल हिन्दी नामों वाली सूचियाँ और कृतिदेव में टाइप किया पाठ भी लिए जाते हैं।</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>आयात की जाने वाली फ़ाइल</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>फ़ाइल चुनें…</translation>
    </message>
    <message>
        <source>Check which field each column fills. Columns set to “Do not import” are left out.</source>
        <translation>जाँचें कि हर कॉलम किस फ़ील्ड में जाएगा। “आयात न करें” वाले कॉलम छोड़ दिए जाते हैं।</translation>
    </message>
    <message>
        <source>Save report (CSV)…</source>
        <translation>रिपोर्ट सहेजें (CSV)…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>पीछे</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>आगे</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message><source>%1 has a header but no data rows: nothing to import.</source><translation>%1 में शीर्ष-पंक्ति तो है, पर डेटा की कोई पंक्ति नहीं: आयात करने को कुछ नहीं है।</translation></message>
    <message>
        <source>%1 (written from the Hindi)</source>
        <translation>%1 (हिन्दी से लिखा गया)</translation>
    </message>
    <message>
        <source>%1 English names were written from the Hindi: check them.</source>
        <translation>%1 अंग्रेज़ी नाम हिन्दी से लिखे गए: इन्हें जाँच लें।</translation>
    </message>
    <message>
        <source>%1 blank or numbered-only rows were skipped.</source>
        <translation>%1 खाली या केवल क्रमांक वाली पंक्तियाँ छोड़ दी गईं।</translation>
    </message>
    <message>
        <source>%1 (legacy font: %2)</source>
        <translation>%1 (पुराना फ़ॉन्ट: %2)</translation>
    </message>
    <message>
        <source>%1 cells typed in a legacy font (Kruti Dev…) were turned into Unicode.</source>
        <translation>पुराने फ़ॉन्ट (कृतिदेव…) में टाइप किए गए %1 खाने यूनिकोड में बदले गए।</translation>
    </message>
    <message>
        <source>This workbook has several sheets: choose the one with the list, then Next.</source>
        <translation>इस वर्कबुक में कई शीट हैं: सूची वाली शीट चुनें, फिर आगे बढ़ें।</translation>
    </message>
    <message>
        <source>Roster lists (*.csv *.txt *.tsv *.xlsx *.xls)</source>
        <translation>रोस्टर सूचियाँ (*.csv *.txt *.tsv *.xlsx *.xls)</translation>
    </message>
    <message>
        <source>The columns are matched as you chose for a file with these headers on %1.</source>
        <translation>कॉलम वैसे ही मिलाए गए हैं जैसे आपने %1 को इन्हीं शीर्षकों वाली फ़ाइल के लिए चुने थे।</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Name (English)</source>
        <translation>नाम (अंग्रेज़ी)</translation>
    </message>
    <message>
        <source>Name (Hindi)</source>
        <translation>नाम (हिन्दी)</translation>
    </message>
    <message>
        <source>Employee code</source>
        <translation>कर्मचारी कोड</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>मोबाइल</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ईमेल</translation>
    </message>
    <message>
        <source>%1: required.</source>
        <translation>%1: आवश्यक है।</translation>
    </message>
    <message>
        <source>%1: must be 10 digits starting with 6, 7, 8 or 9 (got %2).</source>
        <translation>%1: 6, 7, 8 या 9 से शुरू होने वाले 10 अंक होने चाहिए (मिला: %2)।</translation>
    </message>
    <message>
        <source>%1: not a valid email address (got %2).</source>
        <translation>%1: मान्य ईमेल पता नहीं है (मिला: %2)।</translation>
    </message>
    <message>
        <source>%1: at most 30 characters.</source>
        <translation>%1: अधिकतम 30 अक्षर।</translation>
    </message>
    <message>
        <source>%1: must not contain spaces.</source>
        <translation>%1: इसमें रिक्त स्थान नहीं होना चाहिए।</translation>
    </message>
    <message>
        <source>%1: %2 already belongs to %3.</source>
        <translation>%1: %2 पहले से %3 का है।</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>व्यक्ति जोड़ें</translation>
    </message>
    <message>
        <source>Edit person</source>
        <translation>व्यक्ति का विवरण बदलें</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>महिला</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>पुरुष</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>अन्य</translation>
    </message>
    <message>
        <source>Contractual</source>
        <translation>संविदा</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>सहेजा नहीं जा सका: %1</translation>
    </message>
    <message>
        <source>Name (English) *</source>
        <translation>नाम (अंग्रेज़ी) *</translation>
    </message>
    <message>
        <source>iGOT user id</source>
        <translation>iGOT उपयोगकर्ता आईडी</translation>
    </message>
    <message>
        <source>Designation</source>
        <translation>पदनाम</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>विभाग</translation>
    </message>
    <message>
        <source>District</source>
        <translation>जनपद</translation>
    </message>
    <message>
        <source>10 digits, starting with 6, 7, 8 or 9</source>
        <translation>10 अंक, 6, 7, 8 या 9 से शुरू</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>लिंग</translation>
    </message>
    <message>
        <source>Service group</source>
        <translation>सेवा समूह</translation>
    </message>
    <message>
        <source>The English name was written from the Hindi name by an import: check it. Saving marks it as checked.</source>
        <translation>अंग्रेज़ी नाम आयात के समय हिन्दी नाम से लिखा गया है: इसे जाँच लें। सहेजने पर इसे जाँचा हुआ माना जाएगा।</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Name (Hindi)</source>
        <extracomment>(header, attribute) in display order</extracomment>
        <translation>नाम (हिन्दी)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>नाम (अंग्रेज़ी)</translation>
    </message>
    <message>
        <source>Employee code</source>
        <translation>कर्मचारी कोड</translation>
    </message>
    <message>
        <source>Designation</source>
        <translation>पदनाम</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>विभाग</translation>
    </message>
    <message>
        <source>District</source>
        <translation>जनपद</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>मोबाइल</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>Delete person</source>
        <translation>व्यक्ति हटाएँ</translation>
    </message>
    <message>
        <source>Delete %1 from the roster?

The deletion is kept as a record so that it reaches the portal at the next sync.</source>
        <translation>क्या %1 को रोस्टर से हटाना है?

हटाने का रिकॉर्ड रखा जाता है ताकि अगले सिंक में यह पोर्टल तक पहुँचे।</translation>
    </message>
    <message>
        <source>No one matches “%1”.</source>
        <translation>“%1” से कोई मेल नहीं खाता।</translation>
    </message>
    <message>
        <source>The best %1 matches are shown; type more to narrow the search.</source>
        <translation>सबसे उपयुक्त %1 परिणाम दिखाए गए हैं; खोज सीमित करने के लिए और टाइप करें।</translation>
    </message>
    <message>
        <source>%1 people match.</source>
        <translation>%1 व्यक्ति मेल खाते हैं।</translation>
    </message>
    <message>
        <source>%1 people shown.</source>
        <translation>%1 व्यक्ति दिखाए गए।</translation>
    </message>
    <message>
        <source>%1 people shown; scroll down for more.</source>
        <translation>%1 व्यक्ति दिखाए गए; और देखने के लिए नीचे स्क्रॉल करें।</translation>
    </message>
    <message>
        <source>Roster of participants</source>
        <translation>प्रतिभागियों का रोस्टर</translation>
    </message>
    <message>
        <source>Search: name in Hindi or English, employee code or mobile</source>
        <translation>खोजें: हिन्दी या अंग्रेज़ी में नाम, कर्मचारी कोड या मोबाइल</translation>
    </message>
    <message>
        <source>Add person…</source>
        <translation>व्यक्ति जोड़ें…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>बदलें…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>हटाएँ…</translation>
    </message>
    <message>
        <source>Import list…</source>
        <translation>सूची आयात करें…</translation>
    </message>
</context>
  <context>
    <name>RosterProblems</name>
    <message>
      <source>{label} is longer than {max} characters</source>
      <translation>{label} {max} अक्षरों से अधिक लंबा है</translation>
    </message>
    <message>
      <source>{label} {value} looks like Hindi typed in a legacy font (Kruti Dev/Chanakya), not Unicode; convert the file to Unicode (e.g. with a Kruti Dev to Unicode converter) and import again</source>
      <translation>{label} {value} पुराने फ़ॉन्ट (कृतिदेव/चाणक्य) में टाइप की गई हिन्दी लगती है, यूनिकोड में नहीं; फ़ाइल को यूनिकोड में बदलें (जैसे कृतिदेव से यूनिकोड कन्वर्टर द्वारा) और फिर से आयात करें</translation>
    </message>
    <message>
      <source>{label} is in Devanagari; give the name in English letters</source>
      <translation>{label} देवनागरी में है; नाम अंग्रेज़ी अक्षरों में लिखें</translation>
    </message>
    <message>
      <source>{label} {value} is not in Devanagari script</source>
      <translation>{label} {value} देवनागरी लिपि में नहीं है</translation>
    </message>
    <message>
      <source>{label} {value} contains spaces</source>
      <translation>{label} {value} में रिक्त स्थान (स्पेस) हैं</translation>
    </message>
    <message>
      <source>{label} {value} is not a valid id</source>
      <translation>{label} {value} मान्य आईडी नहीं है</translation>
    </message>
    <message>
      <source>{label} {value} was turned into a rounded number by Excel; format the column as Text and type the number again</source>
      <translation>{label} {value} को Excel ने पूर्णांकित संख्या में बदल दिया है; कॉलम का प्रारूप Text करें और नंबर दोबारा टाइप करें</translation>
    </message>
    <message>
      <source>{label} {value} is not a 10-digit Indian mobile number starting 6-9</source>
      <translation>{label} {value} 6 से 9 से शुरू होने वाला 10 अंकों का भारतीय मोबाइल नंबर नहीं है</translation>
    </message>
    <message>
      <source>{label} {value} is not a valid address</source>
      <translation>{label} {value} मान्य ईमेल पता नहीं है</translation>
    </message>
    <message>
      <source>district {value} is ambiguous ({options}); write the full name or code</source>
      <translation>जनपद {value} स्पष्ट नहीं है ({options}); पूरा नाम या कोड लिखें</translation>
    </message>
    <message>
      <source>unknown district {value} (use a UP district name in English or Hindi, or its code)</source>
      <translation>जनपद {value} पहचाना नहीं गया (उत्तर प्रदेश के जनपद का नाम अंग्रेज़ी या हिन्दी में, अथवा उसका कोड लिखें)</translation>
    </message>
    <message>
      <source>{label} {value} is not one of male, female, other</source>
      <translation>{label} {value} पुरुष, महिला या अन्य में से कोई नहीं है</translation>
    </message>
    <message>
      <source>{label} {value} is not one of A, B, C, D, contractual, other</source>
      <translation>{label} {value} समूह क, ख, ग, घ (A, B, C, D), संविदा या अन्य में से कोई नहीं है</translation>
    </message>
    <message>
      <source>{label} is required</source>
      <translation>{label} आवश्यक है</translation>
    </message>
    <message>
      <source>same {label} {value} as row {row} (duplicate in file)</source>
      <translation>{label} {value} पंक्ति {row} के समान है (फ़ाइल में दोहराव)</translation>
    </message>
    <message>
      <source>{label} {value} already belongs to another person: {who}</source>
      <translation>{label} {value} पहले से किसी अन्य व्यक्ति का है: {who}</translation>
    </message>
    <message>
      <source>{label} {value} belongs to {name} whose {other_label} is {theirs}, not {mine}</source>
      <translation>{label} {value} {name} का है, जिनका {other_label} {theirs} है, {mine} नहीं</translation>
    </message>
    <message>
      <source>Name (English)</source>
      <translation>नाम (अंग्रेज़ी)</translation>
    </message>
    <message>
      <source>Name (Hindi)</source>
      <translation>नाम (हिन्दी)</translation>
    </message>
    <message>
      <source>Employee code</source>
      <translation>कर्मचारी कोड</translation>
    </message>
    <message>
      <source>iGOT user id</source>
      <translation>iGOT उपयोगकर्ता आईडी</translation>
    </message>
    <message>
      <source>Designation</source>
      <translation>पदनाम</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>विभाग</translation>
    </message>
    <message>
      <source>District</source>
      <translation>जनपद</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>मोबाइल</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>ईमेल</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>लिंग</translation>
    </message>
    <message>
      <source>Service group</source>
      <translation>सेवा समूह</translation>
    </message>
    <message>
        <source>{label} {value} looks like Hindi typed in a legacy font (Kruti Dev/Chanakya) and does not convert cleanly to Unicode; type it again in Unicode</source>
        <translation>{label} {value} पुराने फ़ॉन्ट (कृतिदेव/चाणक्य) में टाइप की गई हिन्दी लगती है, पर यूनिकोड में ठीक से नहीं बदलती; इसे यूनिकोड में फिर से टाइप करें</translation>
    </message>
  </context>
</TS>
