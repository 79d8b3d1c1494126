//! Hostile workbooks for tests and fuzzing corpora: each is small to send and built quickly, and
//! each would cost a careless reader far more memory or time than its size.

use std::io::Write;

/// A workbook of one sheet named `Plan` whose sheet XML is `sheet` and shared strings table
/// `strings` (none when `None`).
pub fn workbook_with(sheet: &str, strings: Option<&str>) -> Vec<u8> {
    let mut parts = vec![
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_owned(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_owned(),
        ),
        ("xl/worksheets/sheet1.xml", sheet.to_owned()),
    ];
    if let Some(strings) = strings {
        parts.push(("xl/sharedStrings.xml", strings.to_owned()));
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        // Writing into memory cannot fail.
        let _ = zip.start_file(name, options);
        let _ = zip.write_all(text.as_bytes());
    }
    zip.finish().map(|c| c.into_inner()).unwrap_or_default()
}

fn sheet_xml(dimension: &str, data: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{data}</sheetData></worksheet>"#
    )
}

/// The workbook that once brought the server down: cells `A1` and `XFD1048576`, the sheet
/// declaring the whole range.
pub fn far_cell() -> Vec<u8> {
    workbook_with(
        &sheet_xml(
            "A1:XFD1048576",
            r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>"#,
        ),
        None,
    )
}

/// The same far cell without the declared dimension, so only the cell itself gives it away.
pub fn far_cell_undeclared() -> Vec<u8> {
    workbook_with(
        &sheet_xml(
            "A1",
            r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>2</v></c></row>"#,
        ),
        None,
    )
}

/// `rows` rows of `columns` numeric cells each.
pub fn dense(rows: u32, columns: u32) -> Vec<u8> {
    let mut data = String::new();
    for r in 1..=rows {
        data.push_str(&format!("<row r=\"{r}\">"));
        for _ in 0..columns {
            data.push_str("<c><v>1</v></c>");
        }
        data.push_str("</row>");
    }
    workbook_with(&sheet_xml("A1", &data), None)
}

/// One inline-string cell nested `depth` elements deep.
pub fn deep(depth: usize) -> Vec<u8> {
    let data = format!(
        r#"<row r="1"><c r="A1" t="inlineStr"><is>{}<t>x</t>{}</is></c></row>"#,
        "<x>".repeat(depth),
        "</x>".repeat(depth)
    );
    workbook_with(&sheet_xml("A1", &data), None)
}

/// A shared strings table declaring four billion entries and holding `count` empty ones, and one
/// of `long` characters.
pub fn huge_shared_strings(count: usize, long: usize) -> Vec<u8> {
    let strings = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4000000000" uniqueCount="4000000000"><si><t>{}</t></si>{}</sst>"#,
        "a".repeat(long),
        "<si/>".repeat(count)
    );
    workbook_with(&sheet_xml("A1", r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#), Some(&strings))
}

/// A zip archive whose one entry, the workbook's relationships, inflates to `zeros` zero bytes
/// (a fixed-Huffman deflate stream written directly: about 160 bytes of output per byte sent).
pub fn zip_bomb(zeros: u64) -> Vec<u8> {
    let data = deflated_zeros(zeros);
    let name = b"xl/_rels/workbook.xml.rels";
    let size = u32::try_from(zeros).unwrap_or(u32::MAX);
    let mut out = Vec::new();
    let header = |out: &mut Vec<u8>, signature: u32, central: bool| {
        out.extend(signature.to_le_bytes());
        if central {
            out.extend(20u16.to_le_bytes()); // made by
        }
        out.extend(20u16.to_le_bytes()); // version needed
        out.extend(0u16.to_le_bytes()); // flags
        out.extend(8u16.to_le_bytes()); // deflate
        out.extend(0u32.to_le_bytes()); // time and date
        out.extend(0u32.to_le_bytes()); // crc (never reached)
        out.extend((data.len() as u32).to_le_bytes());
        out.extend(size.to_le_bytes());
        out.extend((name.len() as u16).to_le_bytes());
        out.extend(0u16.to_le_bytes()); // extra
    };
    header(&mut out, 0x0403_4b50, false);
    out.extend(name);
    out.extend(&data);
    let directory = out.len() as u32;
    header(&mut out, 0x0201_4b50, true);
    out.extend([0u8; 10]); // comment length, disk, attributes
    out.extend(0u32.to_le_bytes()); // local header offset
    out.extend(name);
    let directory_size = out.len() as u32 - directory;
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend(1u16.to_le_bytes());
    out.extend(1u16.to_le_bytes());
    out.extend(directory_size.to_le_bytes());
    out.extend(directory.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// A raw deflate stream of `zeros` zero bytes: one fixed-Huffman block, a literal zero then
/// copies of 258 bytes at distance 1.
fn deflated_zeros(zeros: u64) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        fn put(&mut self, value: u64, count: u32) {
            self.acc |= value << self.n;
            self.n += count;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// Huffman codes go most significant bit first.
        fn code(&mut self, code: u64, len: u32) {
            let reversed = (0..len).fold(0, |r, i| r | (((code >> i) & 1) << (len - 1 - i)));
            self.put(reversed, len);
        }
    }
    let mut bits = Bits { out: Vec::new(), acc: 0, n: 0 };
    bits.put(1, 1); // last block
    bits.put(1, 2); // fixed Huffman
    bits.code(0b0011_0000, 8); // literal 0
    let mut left = zeros.saturating_sub(1);
    while left >= 258 {
        bits.code(0b1100_0101, 8); // length 258 (code 285)
        bits.code(0, 5); // distance 1
        left -= 258;
    }
    for _ in 0..left {
        bits.code(0b0011_0000, 8);
    }
    bits.code(0, 7); // end of block
    bits.put(0, 7);
    bits.out
}
