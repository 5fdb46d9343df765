<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>FirstRun</name>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>Institute and desk</source>
        <translation>संस्थान और डेस्क</translation>
    </message>
    <message>
        <source>Institute code: use 2 to 16 capital letters, digits or '-' (e.g. UPAAM).</source>
        <translation>संस्थान कोड: 2 से 16 बड़े अक्षर, अंक या '-' लिखें (जैसे UPAAM)।</translation>
    </message>
    <message>
        <source>Institute name (English) must not be empty.</source>
        <translation>संस्थान का नाम (अंग्रेज़ी) खाली नहीं हो सकता।</translation>
    </message>
    <message>
        <source>Institute name (Hindi): write it in Devanagari, or leave it empty.</source>
        <translation>संस्थान का नाम (हिन्दी): इसे देवनागरी में लिखें, या खाली छोड़ दें।</translation>
    </message>
    <message>
        <source>Desk number: use a whole number from 1 to 9.</source>
        <translation>डेस्क संख्या: 1 से 9 तक की कोई पूर्ण संख्या लिखें।</translation>
    </message>
    <message>
        <source>The folder {0} does not exist.</source>
        <translation>फ़ोल्डर {0} मौजूद नहीं है।</translation>
    </message>
    <message>
        <source>{0} is a file, not a folder.</source>
        <translation>{0} एक फ़ाइल है, फ़ोल्डर नहीं।</translation>
    </message>
    <message>
        <source>The folder {0} cannot be written to (no permission, or a read-only drive). Choose a folder you can save files in.</source>
        <translation>फ़ोल्डर {0} में लिखा नहीं जा सकता (अनुमति नहीं है, या ड्राइव केवल पढ़ने के लिए है)। ऐसा फ़ोल्डर चुनें जिसमें आप फ़ाइलें सहेज सकें।</translation>
    </message>
    <message>
        <source>The folder {0} already holds a Karmayogi Desk database. Choose an empty folder, or start the program on that database.</source>
        <translation>फ़ोल्डर {0} में पहले से कर्मयोगी डेस्क का डेटाबेस है। कोई खाली फ़ोल्डर चुनें, या प्रोग्राम को उसी डेटाबेस पर शुरू करें।</translation>
    </message>
    <message>
        <source>Where the data lives</source>
        <translation>डेटा कहाँ रहेगा</translation>
    </message>
    <message>
        <source>Where should the data live?</source>
        <translation>डेटा कहाँ रखा जाए?</translation>
    </message>
    <message>
        <source>in memory (not saved)</source>
        <translation>केवल मेमोरी में (सहेजा नहीं जाता)</translation>
    </message>
    <message>
        <source>This place was given with --db or KARMAYOGI_DESK_DB, or the file was there already, so it stays. To move the data later: make a full backup (File ▸ Backup), then restore it in the new place (README, “For administrators”).</source>
        <translation>यह स्थान प्रोग्राम शुरू करते समय दिया गया था, या फ़ाइल पहले से मौजूद थी, इसलिए यही रहेगा। डेटा को बाद में कहीं और ले जाने के लिए: पूर्ण बैकअप बनाएँ (फ़ाइल ▸ बैकअप), फिर उसे नए स्थान पर पुनर्स्थापित करें (प्रशासकों के लिए निर्देश देखें)।</translation>
    </message>
    <message>
        <source>The database is made in this folder when you set up the centre, and every later start opens it from there (--db or KARMAYOGI_DESK_DB still win).</source>
        <translation>केंद्र स्थापित करते समय डेटाबेस इसी फ़ोल्डर में बनेगा, और आगे हर बार प्रोग्राम इसे यहीं से खोलेगा (प्रोग्राम शुरू करते समय दिया गया स्थान फिर भी मान्य रहता है)।</translation>
    </message>
    <message>
        <source>Keep the default unless this laptop keeps its data on another drive. Backups and the signing key are kept beside the database.</source>
        <translation>जब तक यह लैपटॉप अपना डेटा किसी दूसरी ड्राइव पर न रखता हो, डिफ़ॉल्ट स्थान ही रखें। बैकअप और हस्ताक्षर कुंजी डेटाबेस के साथ ही रखी जाती हैं।</translation>
    </message>
    <message>
        <source>The first admin</source>
        <translation>पहला प्रशासक</translation>
    </message>
    <message>
        <source>The database could not be made in {0}: {1}</source>
        <translation>{0} में डेटाबेस नहीं बन सका: {1}</translation>
    </message>
    <message>
        <source>The centre could not be set up: {0}</source>
        <translation>केंद्र स्थापित नहीं हो सका: {0}</translation>
    </message>
    <message>
        <source>The certificate signing key</source>
        <translation>प्रमाण-पत्र हस्ताक्षर कुंजी</translation>
    </message>
    <message>
        <source>Portal enrolment (optional)</source>
        <translation>पोर्टल पर पंजीकरण (वैकल्पिक)</translation>
    </message>
    <message>
        <source>Enter both the portal address and the code, or skip this page with Next.</source>
        <translation>पोर्टल का पता और कोड दोनों लिखें, या “आगे” दबाकर यह पृष्ठ छोड़ दें।</translation>
    </message>
    <message>
        <source>Enrolled with {0} ({1}). The desk syncs when the main window is open.</source>
        <translation>{0} ({1}) पर पंजीकृत हो गया। मुख्य विंडो खुली रहने पर डेस्क सिंक करेगा।</translation>
    </message>
    <message>
        <source>Enrolment did not work: {0} Nothing else was changed; try again, or skip and enrol later on the Sync page.</source>
        <translation>पंजीकरण नहीं हो सका: {0} और कुछ नहीं बदला गया; फिर से प्रयास करें, या अभी छोड़ दें और बाद में सिंक पृष्ठ पर पंजीकरण करें।</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>पंजीकरण हो रहा है…</translation>
    </message>
    <message>
        <source>iGOT Karmayogi (optional)</source>
        <translation>iGOT कर्मयोगी (वैकल्पिक)</translation>
    </message>
    <message>
        <source>iGOT is set: {0}</source>
        <translation>iGOT सेट है: {0}</translation>
    </message>
    <message>
        <source>Not set: Finish without it, or set it now.</source>
        <translation>सेट नहीं है: इसके बिना “पूरा करें” दबाएँ, या अभी सेट करें।</translation>
    </message>
    <message>
        <source>Set up this centre</source>
        <translation>इस केंद्र को स्थापित करें</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; पीछे</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>आगे &gt;</translation>
    </message>
    <message>
        <source>Set up the centre</source>
        <translation>केंद्र स्थापित करें</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>पूरा करें</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
</context>
<context>
    <name>FirstRunAdmin</name>
    <message>
        <source>“Set up the centre” writes the institute, this desk's number and the admin, and makes the certificate signing key.</source>
        <translation>“केंद्र स्थापित करें” संस्थान, इस डेस्क की संख्या और प्रशासक को सहेजता है, और प्रमाण-पत्र हस्ताक्षर कुंजी बनाता है।</translation>
    </message>
</context>
<context>
    <name>FirstRunCentre</name>
    <message>
        <source>Enter your institute as the state portal knows it. The code cannot be changed later.</source>
        <translation>अपना संस्थान वैसे ही लिखें जैसे राज्य पोर्टल पर दर्ज है। कोड बाद में बदला नहीं जा सकता।</translation>
    </message>
    <message>
        <source>Institute code *</source>
        <translation>संस्थान कोड *</translation>
    </message>
    <message>
        <source>e.g. UPAAM</source>
        <translation>जैसे UPAAM</translation>
    </message>
    <message>
        <source>Institute name (English) *</source>
        <translation>संस्थान का नाम (अंग्रेज़ी) *</translation>
    </message>
    <message>
        <source>Institute name (Hindi)</source>
        <translation>संस्थान का नाम (हिन्दी)</translation>
    </message>
    <message>
        <source>Desk number of this laptop</source>
        <translation>इस लैपटॉप की डेस्क संख्या</translation>
    </message>
    <message>
        <source>Every laptop of one institute needs a different desk number (1 to 9), because certificate numbers and signing keys are divided by desk.</source>
        <translation>एक संस्थान के हर लैपटॉप की डेस्क संख्या (1 से 9) अलग होनी चाहिए, क्योंकि प्रमाण-पत्र संख्याएँ और हस्ताक्षर कुंजियाँ डेस्क के अनुसार बँटी होती हैं।</translation>
    </message>
</context>
<context>
    <name>FirstRunData</name>
    <message>
        <source>Your data is kept in:</source>
        <translation>आपका डेटा यहाँ रखा है:</translation>
    </message>
    <message>
        <source>The default place:</source>
        <translation>डिफ़ॉल्ट स्थान:</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>दूसरा फ़ोल्डर चुनें…</translation>
    </message>
    <message>
        <source>Use the default place</source>
        <translation>डिफ़ॉल्ट स्थान रखें</translation>
    </message>
</context>
<context>
    <name>FirstRunIgot</name>
    <message>
        <source>Optional: the iGOT Karmayogi address, API key and access token, so that attendance can go on to iGOT. You can skip this and set them later on the Sync page (iGOT Karmayogi tab).</source>
        <translation>वैकल्पिक: iGOT कर्मयोगी का पता, API कुंजी और एक्सेस टोकन, ताकि उपस्थिति iGOT तक पहुँच सके। आप इसे छोड़कर बाद में सिंक पृष्ठ (iGOT कर्मयोगी टैब) पर सेट कर सकते हैं।</translation>
    </message>
    <message>
        <source>iGOT settings…</source>
        <translation>iGOT सेटिंग्स…</translation>
    </message>
</context>
<context>
    <name>FirstRunKey</name>
    <message>
        <source>This desk signs its certificates with its own key, made just now. Anyone can check a certificate against this fingerprint.</source>
        <translation>यह डेस्क अपने प्रमाण-पत्रों पर अपनी कुंजी से हस्ताक्षर करता है, जो अभी बनी है। कोई भी इस फ़िंगरप्रिंट से प्रमाण-पत्र की जाँच कर सकता है।</translation>
    </message>
    <message>
        <source>Key id:</source>
        <translation>कुंजी आईडी:</translation>
    </message>
    <message>
        <source>Key fingerprint:</source>
        <translation>कुंजी का फ़िंगरप्रिंट:</translation>
    </message>
    <message>
        <source>Keep a full backup (File ▸ Backup) on a USB stick that is locked away: whoever has the key can sign certificates in the centre's name.</source>
        <translation>पूर्ण बैकअप (फ़ाइल ▸ बैकअप) एक USB स्टिक पर रखें जो ताले में बंद रहे: जिसके पास कुंजी है, वह केंद्र के नाम से प्रमाण-पत्रों पर हस्ताक्षर कर सकता है।</translation>
    </message>
</context>
<context>
    <name>FirstRunLanguage</name>
    <message>
        <source>Welcome to Karmayogi Desk. This short set-up asks for your centre once; everything can be changed later in File ▸ Settings…</source>
        <translation>कर्मयोगी डेस्क में आपका स्वागत है। यह छोटा सेट-अप आपके केंद्र की जानकारी एक बार पूछता है; सब कुछ बाद में फ़ाइल ▸ सेटिंग्स… में बदला जा सकता है।</translation>
    </message>
    <message>
        <source>Choose the language of the program (the Language menu changes it later):</source>
        <translation>प्रोग्राम की भाषा चुनें (बाद में भाषा मेनू से बदली जा सकती है):</translation>
    </message>
</context>
<context>
    <name>FirstRunPortal</name>
    <message>
        <source>Optional: enrol this desk with the state portal now, so that it can sync when there is a network. You can skip this and enrol later on the Sync page.</source>
        <translation>वैकल्पिक: इस डेस्क को अभी राज्य पोर्टल पर पंजीकृत करें, ताकि नेटवर्क होने पर यह सिंक कर सके। आप इसे छोड़कर बाद में सिंक पृष्ठ पर पंजीकरण कर सकते हैं।</translation>
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
        <source>Enrol now</source>
        <translation>अभी पंजीकरण करें</translation>
    </message>
</context>
</TS>
