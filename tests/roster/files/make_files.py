"""Writes the small roster fixtures in this folder (run once; the files are committed).

Each file is one edge case of the importer; the tests name them."""

from __future__ import annotations

from pathlib import Path

import openpyxl

HERE = Path(__file__).parent

KD_HEADER = (
    "Name (English),Name (Hindi),Employee Code,Mobile,District,Gender,Group,Designation,Department"
)
GOOD = [
    "Ramesh Kumar,रमेश कुमार,UP1001,9876543210,Lucknow,Male,Group C,Clerk,Revenue",
    "Sita Devi,सीता देवी,UP1002,+91 98765-43211,Allahabad,Female,B,Teacher,Basic Education",
    "Rima Singh,रीमा सिंह,UP1003,09876543212,Faizabad,F,ग,Lekhpal,Revenue",
    "Mohan Lal,मोहन लाल,UP1004,9876543213,Bara Banki,M,Group D,Peon,Finance",
]


def write(name: str, text: str, encoding: str = "utf-8") -> None:
    (HERE / name).write_bytes(text.encode(encoding))


def main() -> None:
    body = "\n".join([KD_HEADER, *GOOD]) + "\n"
    write("utf8_bom.csv", body, "utf-8-sig")
    write("utf8_no_bom.csv", body)
    # Excel "Unicode text": UTF-16 LE with BOM, tab-separated, CRLF.
    tab = "\r\n".join(line.replace(",", "\t") for line in [KD_HEADER, *GOOD]) + "\r\n"
    write("utf16le_tab.txt", tab, "utf-16")  # Python's utf-16 writes the BOM (LE here)
    write("utf16be_tab.csv", "\ufeff" + tab, "utf-16-be")
    write("semicolon.csv", body.replace(",", ";"))
    hindi = (
        "क्रम संख्या,नाम (अंग्रेज़ी),नाम हिंदी,कर्मचारी कोड,मोबाइल,जनपद/जिला,पदनाम,विभाग,लिंग,समूह\n"
        "1,Ramesh Kumar,रमेश कुमार,UP2001,9876500001,लखनऊ,लिपिक,राजस्व,पुरुष,ग\n"
        "2,Sunita Verma,सुनीता वर्मा,UP2002,9876500002,प्रयागराज,अध्यापक,बेसिक शिक्षा,महिला,ख\n"
        "3,Anil Yadav,अनिल यादव,UP2003,9876500003,बाँदा,लेखपाल,राजस्व,पुरुष,समूह ग\n"
    )
    write("hindi_headers.csv", hindi, "utf-8-sig")
    igot = (
        "Full Name,Email,Mobile Number,Group,Designation,Gender,Category,Date of Birth,"
        "Mother Tongue,Employee ID,Office Pin Code,External System ID,External System,Tags\n"
        "Priya Sharma,priya.sharma@up.gov.in,9811100001,Group A,Deputy Collector,Female,General,"
        "01-01-1985,Hindi,IG3001,226001,EXT1,HRMS,batch1\n"
        "Rakesh Gupta,RAKESH.G@Up.Gov.In,9811100002,Group B,Tehsildar,Male,OBC,02-02-1980,Hindi,"
        "IG3002,226002,,,\n"
    )
    write("igot_layout.csv", igot)
    kruti = (
        KD_HEADER + "\n"
        "Ramesh Kumar,jes'k dqekj,UP4001,9876540001,Lucknow,Male,C,Clerk,Revenue\n"
        "Sita Devi,lhrk nsoh,UP4002,9876540002,Lucknow,Female,C,Clerk,Revenue\n"
        "jke flag ;kno,राम सिंह यादव,UP4003,9876540003,Lucknow,Male,C,Clerk,Revenue\n"
        "Good Person,अच्छा व्यक्ति,UP4004,9876540004,Lucknow,Male,C,lgk;d v/;kid,Revenue\n"
    )
    write("kruti_dev.csv", kruti)
    bad = (
        "Name (English),Mobile,Email,District,Employee Code\n"
        "Ok Person,9876541001,ok@example.com,Lucknow,UP5001\n"
        "Short Mobile,98765,,Lucknow,UP5002\n"
        "Starts Five,5876541003,,Lucknow,UP5003\n"
        "Excel Float,9876541004.0,,Lucknow,UP5004\n"
        "Bad Email,9876541005,not-an-email,Lucknow,UP5005\n"
        "Bad District,9876541006,,Atlantis,UP5006\n"
        "Long Code,9876541007,,Lucknow,UP5007AAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"
        "Spaced Code,9876541008,,Lucknow,UP 5008\n"
        ",9876541009,,Lucknow,UP5009\n"
        "Kanpur Person,9876541010,,Kanpur,UP5010\n"
        "Kheri Person,9876541011,,Kheri,UP5011\n"
    )
    write("bad_values.csv", bad)
    dup = (
        "Name (English),Employee Code,Mobile\n"
        "First One,UP6001,9876542001\n"
        "Same Code,UP6001,9876542002\n"
        "Same Mobile,UP6003,9876542001\n"
        "Fine,UP6004,9876542004\n"
    )
    write("duplicates.csv", dup)
    write("empty.csv", "")
    write("header_only.csv", KD_HEADER + "\n")
    write("missing_required.csv", "Employee Code,Mobile\nUP7001,9876543000\n")
    (HERE / "binary_garbage.csv").write_bytes(bytes(range(256)) * 8)
    write("latin1.csv", "Name (English),District\nJos\u00e9 Pe\u00f1a,Lucknow\n", "latin-1")
    title = "Employees of Lucknow district,,\n,,\nName,Employee Code,Mobile\nTitle Row Person,UP8001,9876548001\n"
    write("title_above_header.csv", title)

    import zipfile

    with zipfile.ZipFile(HERE / "not_a_workbook.xlsx", "w") as fake:
        fake.writestr("readme.txt", "a zip file, but not an Excel workbook")
    (HERE / "old_excel.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Name (English)", "Name (Hindi)", "Employee Code", "Mobile", "District"])
    ws.append(["Ramesh Kumar", "रमेश कुमार", "UPX001", 9876543210, "Lucknow"])
    ws.append(["Sita Devi", "सीता देवी", 12345, 9876543211.0, "गोरखपुर"])
    ws.append([None, None, None, None, None])
    ws.append(["Bad Mobile", None, "UPX003", 123, "Lucknow"])
    wb.save(HERE / "roster.xlsx")
    office_files()


def office_files() -> None:
    """Issue 13 item 5: encodings and old Excel as offices send them (needs xlwt, a test-only
    writer of .xls; the reader is xlrd)."""
    # Excel's "CSV" on an English Windows: Windows-1252 ("ANSI"); é ñ and a Kruti Dev name
    # whose Å (ऊ) is a Windows-1252 byte.
    ansi = (
        "Name (English),Name (Hindi),Employee Code,District\r\n"
        "Jos\u00e9 Pe\u00f1a,,UPA001,Lucknow\r\n"
        "Ramesh Kumar,jes'k dqekj,UPA002,y[kuÅ\r\n"
        "Smart \u201cQuotes\u201d,,UPA003,Agra\r\n"
    )
    write("cp1252.csv", ansi, "cp1252")
    # Neither UTF-8 nor Windows-1252: DOS code page 437 (É is 0x90, undefined in 1252).
    write("cp437.csv", "Name (English),District\nJ\u00c9R\u00c9MIE,Lucknow\n", "cp437")
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    notes = book.add_sheet("Notes")
    notes.write(0, 0, "List sent by the Revenue department")
    people = book.add_sheet("Staff")
    rows = [
        ["Name (English)", "नाम (हिन्दी)", "कर्मचारी कोड", "मोबाइल नं.", "जनपद"],
        ["Ramesh Kumar", "रमेश कुमार", "XLS001", 9876543210.0, "Lucknow"],
        ["", "शिवम मिश्र", "XLS002", 9876543211.0, "वाराणसी"],
    ]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            people.write(r, c, value)
    book.save(str(HERE / "old_excel_real.xls"))


if __name__ == "__main__":
    main()
