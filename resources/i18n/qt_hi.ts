<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<!-- Issue 19, item 4: Qt's own dialogs (file chooser, print dialog, standard buttons) in Hindi. Qt ships no
     Hindi; these are its source texts in its own contexts, found by logging what Qt asks its translators
     for (tests/ui/test_qt_hindi.py does that again and fails on a text left out). -->
<context>
    <name>QAbstractFileIconProvider</name>
    <message><source>Drive</source><translation>ड्राइव</translation></message>
    <message><source>Folder</source><translation>फ़ोल्डर</translation></message>
</context>
<context>
    <name>QFileDialog</name>
    <message><source>&amp;Choose</source><translation>चुनें (&amp;C)</translation></message>
    <message><source>&amp;Delete</source><translation>हटाएँ (&amp;D)</translation></message>
    <message><source>&amp;Look in:</source><translation>यहाँ देखें (&amp;L):</translation></message>
    <message><source>&amp;New Folder</source><translation>नया फ़ोल्डर (&amp;N)</translation></message>
    <message><source>&amp;Open</source><translation>खोलें (&amp;O)</translation></message>
    <message><source>&amp;Rename</source><translation>नाम बदलें (&amp;R)</translation></message>
    <message><source>&amp;Save</source><translation>सहेजें (&amp;S)</translation></message>
    <message><source>All Files (*)</source><translation>सभी फ़ाइलें (*)</translation></message>
    <message><source>Back</source><translation>पीछे</translation></message>
    <message><source>Change to detail view mode</source><translation>विवरण दृश्य में बदलें</translation></message>
    <message><source>Change to list view mode</source><translation>सूची दृश्य में बदलें</translation></message>
    <message><source>Create New Folder</source><translation>नया फ़ोल्डर बनाएँ</translation></message>
    <message><source>Create a New Folder</source><translation>एक नया फ़ोल्डर बनाएँ</translation></message>
    <message><source>Detail View</source><translation>विवरण दृश्य</translation></message>
    <message><source>Directories</source><translation>फ़ोल्डर</translation></message>
    <message><source>Directory:</source><translation>फ़ोल्डर:</translation></message>
    <message><source>File &amp;name:</source><translation>फ़ाइल का नाम (&amp;N):</translation></message>
    <message><source>Files</source><translation>फ़ाइलें</translation></message>
    <message><source>Files of &amp;type:</source><translation>फ़ाइल का प्रकार (&amp;T):</translation></message>
    <message><source>Forward</source><translation>आगे</translation></message>
    <message><source>Go back</source><translation>पीछे जाएँ</translation></message>
    <message><source>Go forward</source><translation>आगे जाएँ</translation></message>
    <message><source>Go to the parent directory</source><translation>ऊपर वाले फ़ोल्डर में जाएँ</translation></message>
    <message><source>List View</source><translation>सूची दृश्य</translation></message>
    <message><source>List of places and bookmarks</source><translation>स्थानों और बुकमार्क की सूची</translation></message>
    <message><source>Parent Directory</source><translation>ऊपर वाला फ़ोल्डर</translation></message>
    <message><source>Show &amp;hidden files</source><translation>छिपी फ़ाइलें दिखाएँ (&amp;H)</translation></message>
    <message><source>Sidebar</source><translation>साइडबार</translation></message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message><source>Computer</source><translation>कंप्यूटर</translation></message>
    <message><source>Date Modified</source><translation>बदलने की तिथि</translation></message>
    <message><source>Name</source><translation>नाम</translation></message>
    <message><source>Size</source><translation>आकार</translation></message>
    <message><source>Type</source><translation>प्रकार</translation></message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message><source>&amp;No</source><translation>नहीं (&amp;N)</translation></message>
    <message><source>&amp;Yes</source><translation>हाँ (&amp;Y)</translation></message>
    <message><source>Apply</source><translation>लागू करें</translation></message>
    <message><source>Cancel</source><translation>रद्द करें</translation></message>
    <message><source>Close</source><translation>बंद करें</translation></message>
    <message><source>OK</source><translation>ठीक है</translation></message>
    <message><source>Open</source><translation>खोलें</translation></message>
    <message><source>Save</source><translation>सहेजें</translation></message>
</context>
<context>
    <name>QPrintDialog</name>
    <message><source>&amp;Options &gt;&gt;</source><translation>विकल्प (&amp;O) &gt;&gt;</translation></message>
    <message><source>&amp;Options &lt;&lt;</source><translation>विकल्प (&amp;O) &lt;&lt;</translation></message>
    <message><source>&amp;Print</source><translation>प्रिंट करें (&amp;P)</translation></message>
    <message><source>All Pages</source><translation>सभी पृष्ठ</translation></message>
    <message><source>Even Pages</source><translation>सम पृष्ठ</translation></message>
    <message><source>Local file</source><translation>स्थानीय फ़ाइल</translation></message>
    <message><source>Odd Pages</source><translation>विषम पृष्ठ</translation></message>
    <message><source>Print</source><translation>प्रिंट</translation></message>
    <message><source>Print to File (PDF)</source><translation>फ़ाइल में प्रिंट करें (PDF)</translation></message>
    <message><source>Write PDF file</source><translation>PDF फ़ाइल लिखें</translation></message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message><source>Collate</source><translation>क्रम से मिलाएँ</translation></message>
    <message><source>Color</source><translation>रंगीन</translation></message>
    <message><source>Color Mode</source><translation>रंग मोड</translation></message>
    <message><source>Copies</source><translation>प्रतियाँ</translation></message>
    <message><source>Copies:</source><translation>प्रतियाँ:</translation></message>
    <message><source>Current Page</source><translation>वर्तमान पृष्ठ</translation></message>
    <message><source>Double Sided Printing</source><translation>दोनों ओर प्रिंट</translation></message>
    <message><source>Grayscale</source><translation>श्वेत-श्याम</translation></message>
    <message><source>Long side binding</source><translation>लंबी ओर से जिल्द</translation></message>
    <message><source>Off</source><translation>बंद</translation></message>
    <message><source>Options</source><translation>विकल्प</translation></message>
    <message><source>Output Settings</source><translation>आउटपुट सेटिंग्स</translation></message>
    <message><source>Page &amp;Set:</source><translation>पृष्ठ समूह (&amp;S):</translation></message>
    <message><source>Pages</source><translation>पृष्ठ</translation></message>
    <message><source>Pages from</source><translation>पृष्ठ</translation></message>
    <message><source>Print all</source><translation>सब प्रिंट करें</translation></message>
    <message><source>Print range</source><translation>प्रिंट सीमा</translation></message>
    <message><source>Reverse</source><translation>उल्टे क्रम में</translation></message>
    <message><source>Selection</source><translation>चयन</translation></message>
    <message><source>Short side binding</source><translation>छोटी ओर से जिल्द</translation></message>
    <message><source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source><translation>पृष्ठ या सीमाएँ अल्पविराम से अलग करके लिखें। सीमा दो संख्याओं के बीच हाइफ़न से लिखें। जैसे: 3,5-7,9 से पृष्ठ 3, 5, 6, 7 और 9 प्रिंट होंगे।</translation></message>
    <message><source>to</source><translation>से</translation></message>
</context>
<context>
    <name>QPrintWidget</name>
    <message><source>&amp;Name:</source><translation>नाम (&amp;N):</translation></message>
    <message><source>Location:</source><translation>स्थान:</translation></message>
    <message><source>Output &amp;file:</source><translation>आउटपुट फ़ाइल (&amp;F):</translation></message>
    <message><source>P&amp;roperties</source><translation>गुण (&amp;R)</translation></message>
    <message><source>Preview</source><translation>पूर्वावलोकन</translation></message>
    <message><source>Printer</source><translation>प्रिंटर</translation></message>
    <message><source>Type:</source><translation>प्रकार:</translation></message>
</context>
<context>
    <name>QTabBar</name>
    <message><source>Scroll Left</source><translation>बाएँ खिसकाएँ</translation></message>
    <message><source>Scroll Right</source><translation>दाएँ खिसकाएँ</translation></message>
</context>
</TS>
