<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<!-- The core's certificates messages (desktop/text/said.py) -->
<context>
    <name>Said</name>
    <message><source>not eligible (completion rule not met or not enrolled)</source><translation>पात्र नहीं (पूर्णता का नियम पूरा नहीं हुआ या नामांकित नहीं)</translation></message>
    <message><source>already holds {number} (valid); choose re-issue</source><translation>पहले से प्रमाण-पत्र {number} (मान्य) है; पुनः जारी करना चुनें</translation></message>
    <message><source>already holds {number} (revoked); choose re-issue</source><translation>पहले से प्रमाण-पत्र {number} (निरस्त) है; पुनः जारी करना चुनें</translation></message>
    <message><source>An in-memory database has no files folder; pass out_dir.</source><translation>मेमोरी में बने डेटाबेस का कोई फ़ाइल फ़ोल्डर नहीं होता; out_dir दें।</translation></message>
    <message><source>A re-issue needs a reason.</source><translation>पुनः जारी करने के लिए कारण आवश्यक है।</translation></message>
    <message><source>Run init first: this database has no institute code.</source><translation>पहले init चलाएँ: इस डेटाबेस में संस्थान कोड नहीं है।</translation></message>
    <message><source>A revocation needs a reason.</source><translation>निरस्त करने के लिए कारण आवश्यक है।</translation></message>
    <message><source>Certificate {number} was already revoked on {date}.</source><translation>प्रमाण-पत्र {number} {date} को पहले ही निरस्त किया जा चुका है।</translation></message>
    <message><source>The issued file of {number} is not on this desk ({path}); it was issued elsewhere or the files folder was not restored.</source><translation>{number} की जारी की गई फ़ाइल इस डेस्क पर नहीं है ({path}); यह कहीं और जारी हुआ था या फ़ाइल फ़ोल्डर पुनर्स्थापित नहीं किया गया।</translation></message>
    <message><source>The stored file of {number} does not match the one issued (SHA-256 differs); it has been altered. Restore it from a backup.</source><translation>{number} की रखी गई फ़ाइल जारी की गई फ़ाइल से मेल नहीं खाती (SHA-256 अलग है); इसमें बदलाव किया गया है। इसे बैकअप से पुनर्स्थापित करें।</translation></message>
    <message><source>An in-memory database has no keys folder.</source><translation>मेमोरी में बने डेटाबेस का कोई कुंजी फ़ोल्डर नहीं होता।</translation></message>
    <message><source>Desk {desk} has used all its {count} signing-key numbers ({institute}:{first} to {institute}:{final}); no new key can be made.</source><translation>डेस्क {desk} अपनी सभी {count} हस्ताक्षर-कुंजी संख्याएँ ({institute}:{first} से {institute}:{final} तक) उपयोग कर चुका है; कोई नई कुंजी नहीं बन सकती।</translation></message>
    <message><source>The signing key {kid} is not available in this session.</source><translation>हस्ताक्षर कुंजी {kid} इस सत्र में उपलब्ध नहीं है।</translation></message>
    <message><source>The signing key {kid} is missing ({path}). Restore the keys folder from a backup or run `keys rotate` to make a new key.</source><translation>हस्ताक्षर कुंजी {kid} नहीं मिली ({path})। कुंजी फ़ोल्डर बैकअप से पुनर्स्थापित करें या नई कुंजी बनाने के लिए `keys rotate` चलाएँ।</translation></message>
    <message><source>{path} is not an Ed25519 key.</source><translation>{path} Ed25519 कुंजी नहीं है।</translation></message>
    <message><source>Desk {desk} has used all {count:,} certificate numbers for {year} ({prefix}{first:06d} to {prefix}{final:06d}). Issue these certificates from another desk of the institute, or give this laptop an unused desk number (init --desk N).</source><translation>डेस्क {desk} वर्ष {year} की सभी {count:,} प्रमाण-पत्र संख्याएँ ({prefix}{first:06d} से {prefix}{final:06d} तक) उपयोग कर चुका है। ये प्रमाण-पत्र संस्थान के किसी दूसरे डेस्क से जारी करें, या इस लैपटॉप को कोई अप्रयुक्त डेस्क संख्या दें (init --desk N)।</translation></message>
    <message><source>No certificate template named {name!r}.</source><translation>{name!r} नाम का कोई प्रमाण-पत्र प्रारूप नहीं है।</translation></message>
    <message><source>{path}: not readable JSON ({error})</source><translation>{path}: पढ़ने योग्य JSON नहीं है ({error})</translation></message>
    <message><source>{path}: page.size must be one of {sizes}</source><translation>{path}: page.size इनमें से एक होना चाहिए: {sizes}</translation></message>
    <message><source>{path}: page.orientation must be landscape or portrait</source><translation>{path}: page.orientation landscape या portrait होना चाहिए</translation></message>
    <message><source>{where} has no {key!r}</source><translation>{where} में {key!r} नहीं है</translation></message>
    <message><source>{where}: unknown placeholder(s) {unknown}; known: {known}</source><translation>{where}: अज्ञात प्लेसहोल्डर {unknown}; ज्ञात: {known}</translation></message>
    <message><source>{where}: font must be regular or bold</source><translation>{where}: font regular या bold होना चाहिए</translation></message>
    <message><source>{where}: align must be left, center or right</source><translation>{where}: align left, center या right होना चाहिए</translation></message>
    <message><source>{path}: images[{i}] file {file!r} not found</source><translation>{path}: images[{i}] की फ़ाइल {file!r} नहीं मिली</translation></message>
    <message><source>{path}: signatories[{i}] file {signature!r} not found</source><translation>{path}: signatories[{i}] की फ़ाइल {signature!r} नहीं मिली</translation></message>
    <message><source>{path}: a certificate template needs a 'qr' position</source><translation>{path}: प्रमाण-पत्र प्रारूप में 'qr' का स्थान होना चाहिए</translation></message>
</context>
</TS>
