#!/usr/bin/env python3
# Writes the reader fixtures that are binary files: a Word interview in Word's own package shape, a corrupt
# .docx, a zip bomb named .docx, and PDFs printed by Chromium (a two-column report, an image-only page, the
# report encrypted by qpdf). Run from the repository root: python3 scripts/make-reader-fixtures.py
import os, subprocess, zipfile, zlib

OUT = 'packages/extract/test/fixtures/documents'
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'

def run(text, bold=False):
    props = '<w:rPr><w:b/><w:bCs/></w:rPr>' if bold else '<w:rPr><w:lang w:val="en-GB"/></w:rPr>'
    space = ' xml:space="preserve"' if text != text.strip() else ''
    return f'<w:r>{props}<w:t{space}>{text}</w:t></w:r>'

def paragraph(runs, style=None, numbered=False, rsid='00A1B2C3'):
    ppr = ''
    if style or numbered:
        ppr = '<w:pPr>' + (f'<w:pStyle w:val="{style}"/>' if style else '') + ('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' if numbered else '') + '</w:pPr>'
    return f'<w:p w14:paraId="1A2B3C4D" w:rsidR="{rsid}" w:rsidRDefault="{rsid}">{ppr}{"".join(runs)}</w:p>'

def turn(label, words):
    # Word splits a paragraph into runs at formatting and proofing marks: the bold label, a proofErr, the rest.
    first, rest = words.split(' ', 1)
    return paragraph([run(label + ':', bold=True), run(' ' + first + ' '), '<w:proofErr w:type="spellStart"/>', run(rest), '<w:proofErr w:type="spellEnd"/>'])

def make_docx():
    body = [
        paragraph([run('Interview with the Special Representative for South Sudan')], style='Title'),
        paragraph([run('Juba,'), '<w:bookmarkStart w:id="0" w:name="_GoBack"/>', run(' 14 February 2024'), '<w:bookmarkEnd w:id="0"/>']),
        turn('Interviewer', 'Thank you for joining us. The Security Council renewed the mandate of UNMISS last year. What changed on the ground?'),
        turn('Nicholas Haysom', 'The mission has moved more of its patrols to Jonglei and the Upper Nile, where the violence between communities has been worst. We also work closely with the African Union on the elections planned for December.'),
        turn('Interviewer', 'Are the elections still possible?'),
        turn('Nicholas Haysom', 'They are possible if the parties agree on the security arrangements. The Revitalized Agreement on the Resolution of the Conflict in South Sudan set out the steps, and several of them are late.'),
        paragraph([run('Unification of forces')], style='ListParagraph', numbered=True),
        paragraph([run('Voter registration')], style='ListParagraph', numbered=True),
        paragraph([run('A permanent constitution')], style='ListParagraph', numbered=True),
        paragraph([]),
    ]
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document {W}><w:body>{"".join(body)}<w:sectPr w:rsidR="00A1B2C3"><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>'
    files = {
        '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
        '_rels/.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        'word/document.xml': document,
        'word/_rels/document.xml.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
        'word/styles.xml': f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:styles {W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style></w:styles>',
        'word/numbering.xml': f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>',
        'docProps/core.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Interview</dc:title><dc:creator>Desk officer</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2024-02-15T09:12:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-02-15T10:02:00Z</dcterms:modified></cp:coreProperties>',
        'docProps/app.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><Pages>1</Pages></Properties>',
    }
    path = f'{OUT}/interview-haysom-2024-02-14.docx'
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode('utf-8'))
    data = open(path, 'rb').read()
    # A .docx cut short in transfer: the central directory is gone.
    open(f'{OUT}/corrupt-cut-short.docx', 'wb').write(data[: len(data) // 2])

def make_zip_bomb():
    # 256 MB of one byte in word/document.xml, deflated to about 250 KB, named .docx.
    path = f'{OUT}/zip-bomb.docx'
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        info = zipfile.ZipInfo('[Content_Types].xml', date_time=(1980, 1, 1, 0, 0, 0))
        archive.writestr(info, '<Types/>')
        info = zipfile.ZipInfo('word/document.xml', date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, 'w', force_zip64=False) as entry:
            chunk = b' ' * (1024 * 1024)
            for _ in range(256):
                entry.write(chunk)

def chromium_pdf(html, pdf):
    subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', f'--print-to-pdf={pdf}', html], check=True, capture_output=True)

def make_pdfs():
    chromium_pdf(f'{OUT}/un-report-s-2023-648.html', f'{OUT}/un-report-s-2023-648.pdf')
    chromium_pdf(f'{OUT}/image-only.html', f'{OUT}/image-only.pdf')
    subprocess.run(['qpdf', '--encrypt', 'reader-password', 'owner-password', '256', '--', f'{OUT}/un-report-s-2023-648.pdf', f'{OUT}/encrypted.pdf'], check=True)

if __name__ == '__main__':
    make_docx()
    make_zip_bomb()
    make_pdfs()
