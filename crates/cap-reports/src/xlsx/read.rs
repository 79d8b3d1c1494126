//! Reading a workbook a person sends back, within fixed limits checked as the file is read.
//!
//! The archive's entry count is checked before the archive is opened, every part is inflated
//! through a reader that stops at the remaining byte budget (the sizes the archive declares are
//! never trusted), and the sheets are read cell by cell: a cell beyond the row or column limit,
//! too many cells, a text too long or too many shared strings stop the reading with an error
//! naming the limit. Nothing is ever allocated from a size or a count the file declares, and the
//! XML is streamed, so its depth costs nothing.

use super::{Cell, ReadSheet};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::{Read, Seek};

/// The bounds a workbook must stay within.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Entries in the archive.
    pub entries: usize,
    /// Bytes of all the parts read, once uncompressed.
    pub uncompressed_bytes: u64,
    /// Rows per sheet (a row beyond it, declared or used, refuses the file).
    pub rows: u32,
    /// Columns per sheet.
    pub columns: u32,
    /// Cells kept over the whole workbook, empty cells before a value in its row included.
    pub cells: usize,
    /// Characters in one cell (Excel's own limit is 32,767).
    pub cell_chars: usize,
    /// Bytes of text kept over the whole workbook.
    pub text_bytes: usize,
    /// Entries of the shared strings table.
    pub shared_strings: usize,
}

/// The limits for the workbooks Cap takes back: far above a campaign's own export (a few
/// thousand rows of at most 14 columns), far below what would strain the server.
pub const LIMITS: Limits = Limits {
    entries: 200,
    uncompressed_bytes: 32 * 1024 * 1024,
    rows: 100_000,
    columns: 64,
    cells: 600_000,
    cell_chars: 32_767,
    text_bytes: 32 * 1024 * 1024,
    shared_strings: 500_000,
};

/// Why a workbook was not read. Each limit variant carries the limit, to tell the person.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum XlsxReadError {
    /// Not an XLSX file, or a damaged one.
    #[error("unreadable workbook: {0}")]
    Unreadable(String),
    /// More entries in the archive than allowed.
    #[error("more than {0} entries in the archive")]
    TooManyEntries(usize),
    /// The parts, once uncompressed, exceed the byte limit.
    #[error("more than {0} bytes once uncompressed")]
    TooLarge(u64),
    /// A sheet uses or declares a row beyond the limit.
    #[error("a sheet goes beyond row {0}")]
    TooManyRows(u32),
    /// A sheet uses or declares a column beyond the limit.
    #[error("a sheet goes beyond column {0}")]
    TooManyColumns(u32),
    /// More cells than allowed.
    #[error("more than {0} cells")]
    TooManyCells(usize),
    /// A cell's text is too long, or all the text together is.
    #[error("a text longer than {0} characters")]
    TextTooLong(usize),
    /// The shared strings table has too many entries.
    #[error("more than {0} shared texts")]
    TooManySharedStrings(usize),
}

impl From<quick_xml::Error> for XlsxReadError {
    fn from(e: quick_xml::Error) -> Self {
        match &e {
            quick_xml::Error::Io(io) if io.kind() == std::io::ErrorKind::FileTooLarge => Self::TooLarge(0),
            _ => Self::Unreadable(e.to_string()),
        }
    }
}

impl From<zip::result::ZipError> for XlsxReadError {
    fn from(e: zip::result::ZipError) -> Self {
        Self::Unreadable(e.to_string())
    }
}

/// Reads every worksheet within `limits`: text as text, numbers and dates as numbers (dates as
/// Excel serial numbers), booleans as `true`/`false`, errors as empty cells.
pub fn read_workbook_within(bytes: &[u8], limits: &Limits) -> Result<Vec<ReadSheet>, XlsxReadError> {
    check_entry_count(bytes, limits.entries)?;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))?;
    if archive.len() > limits.entries {
        return Err(XlsxReadError::TooManyEntries(limits.entries));
    }
    let mut budget = Budget { bytes_left: limits.uncompressed_bytes, cells: 0, text: 0, limits: *limits };
    let sheets = sheet_list(&mut archive, &mut budget)?;
    let strings = match part(&mut archive, "xl/sharedStrings.xml", &mut budget)? {
        Some(xml) => shared_strings(xml, &mut budget)?,
        None => Vec::new(),
    };
    let mut read = Vec::new();
    for (name, path) in sheets {
        let Some(xml) = part(&mut archive, &path, &mut budget)? else { continue };
        let rows = sheet_rows(xml, &strings, &mut budget)?;
        read.push(ReadSheet { name, rows });
    }
    Ok(read)
}

/// What has been spent so far.
struct Budget {
    bytes_left: u64,
    cells: usize,
    text: usize,
    limits: Limits,
}

impl Budget {
    fn fix(&self, e: XlsxReadError) -> XlsxReadError {
        match e {
            XlsxReadError::TooLarge(_) => XlsxReadError::TooLarge(self.limits.uncompressed_bytes),
            other => other,
        }
    }

    fn text(&mut self, text: &str) -> Result<(), XlsxReadError> {
        let too_long = XlsxReadError::TextTooLong(self.limits.cell_chars);
        if text.len() > self.limits.cell_chars * 4 || text.chars().count() > self.limits.cell_chars {
            return Err(too_long);
        }
        self.text += text.len();
        if self.text > self.limits.text_bytes {
            Err(XlsxReadError::TooLarge(self.limits.uncompressed_bytes))
        } else {
            Ok(())
        }
    }
}

/// Refuses an archive whose end record declares more entries than allowed, before the zip
/// reader sizes anything from that count.
fn check_entry_count(bytes: &[u8], limit: usize) -> Result<(), XlsxReadError> {
    const END: [u8; 4] = [0x50, 0x4b, 0x05, 0x06];
    const LOCATOR: [u8; 4] = [0x50, 0x4b, 0x06, 0x07];
    const END64: [u8; 4] = [0x50, 0x4b, 0x06, 0x06];
    let unreadable = || XlsxReadError::Unreadable("no end of central directory".into());
    let from = bytes.len().saturating_sub(22 + 65_535);
    let at = (from..bytes.len().saturating_sub(21)).rev().find(|&i| bytes[i..i + 4] == END).ok_or_else(unreadable)?;
    let u16_at = |i: usize| bytes.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]) as u64);
    let u64_at = |i: usize| bytes.get(i..i + 8).and_then(|b| b.try_into().ok()).map(u64::from_le_bytes);
    let mut declared = u16_at(at + 10).ok_or_else(unreadable)?.max(u16_at(at + 8).ok_or_else(unreadable)?);
    if at >= 20 && bytes[at - 20..at - 16] == LOCATOR {
        let record = u64_at(at - 12).and_then(|o| usize::try_from(o).ok()).ok_or_else(unreadable)?;
        if bytes.get(record..record + 4) != Some(&END64[..]) {
            return Err(unreadable());
        }
        declared =
            declared.max(u64_at(record + 24).ok_or_else(unreadable)?).max(u64_at(record + 32).ok_or_else(unreadable)?);
    }
    if declared > limit as u64 { Err(XlsxReadError::TooManyEntries(limit)) } else { Ok(()) }
}

/// A reader that fails with `FileTooLarge` once more than `left` bytes were read.
struct Bounded<R> {
    inner: R,
    left: u64,
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n as u64 > self.left {
            return Err(std::io::Error::from(std::io::ErrorKind::FileTooLarge));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

/// A part of the archive read into memory within what remains of the byte budget; `None` when
/// the archive has no such part.
fn part<R: Read + Seek>(
    archive: &mut zip::ZipArchive<R>,
    path: &str,
    budget: &mut Budget,
) -> Result<Option<Vec<u8>>, XlsxReadError> {
    let index = match archive.index_for_name(path) {
        Some(i) => i,
        None => match (0..archive.len())
            .find(|&i| archive.name_for_index(i).is_some_and(|n| n.eq_ignore_ascii_case(path)))
        {
            Some(i) => i,
            None => return Ok(None),
        },
    };
    let entry = archive.by_index(index)?;
    let mut reader = Bounded { inner: entry, left: budget.bytes_left };
    let mut out = Vec::new();
    match reader.read_to_end(&mut out) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::FileTooLarge => {
            return Err(XlsxReadError::TooLarge(budget.limits.uncompressed_bytes));
        }
        Err(e) => return Err(XlsxReadError::Unreadable(e.to_string())),
    }
    budget.bytes_left = reader.left;
    Ok(Some(out))
}

fn xml_reader(xml: &[u8]) -> Reader<&[u8]> {
    let mut reader = Reader::from_reader(xml);
    let config = reader.config_mut();
    // No stack of open elements: depth costs nothing, and sloppy writers are still read.
    config.check_end_names = false;
    config.expand_empty_elements = false;
    reader
}

fn attribute(e: &BytesStart<'_>, local: &[u8]) -> Result<Option<String>, XlsxReadError> {
    for a in e.attributes() {
        let a = a.map_err(|e| XlsxReadError::Unreadable(e.to_string()))?;
        if a.key.local_name().as_ref() == local {
            let value = a.unescape_value().map_err(|e| XlsxReadError::Unreadable(e.to_string()))?;
            return Ok(Some(value.into_owned()));
        }
    }
    Ok(None)
}

/// The worksheets in workbook order: (name, path in the archive).
fn sheet_list<R: Read + Seek>(
    archive: &mut zip::ZipArchive<R>,
    budget: &mut Budget,
) -> Result<Vec<(String, String)>, XlsxReadError> {
    let missing = || XlsxReadError::Unreadable("no workbook part".into());
    let rels_xml = part(archive, "xl/_rels/workbook.xml.rels", budget)?.ok_or_else(missing)?;
    let mut targets = Vec::new();
    let mut reader = xml_reader(&rels_xml);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).map_err(|e| budget.fix(e.into()))? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                let kind = attribute(&e, b"Type")?.unwrap_or_default();
                if let (Some(id), Some(target), true) =
                    (attribute(&e, b"Id")?, attribute(&e, b"Target")?, kind.ends_with("/worksheet"))
                {
                    let path = match target.strip_prefix('/') {
                        Some(absolute) => absolute.to_owned(),
                        None => format!("xl/{target}"),
                    };
                    targets.push((id, path));
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    let book_xml = part(archive, "xl/workbook.xml", budget)?.ok_or_else(missing)?;
    let mut reader = xml_reader(&book_xml);
    let mut sheets = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).map_err(|e| budget.fix(e.into()))? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"sheet" => {
                let (Some(name), Some(id)) = (attribute(&e, b"name")?, attribute(&e, b"id")?) else { continue };
                if let Some((_, path)) = targets.iter().find(|(i, _)| *i == id) {
                    budget.text(&name)?;
                    sheets.push((name, path.clone()));
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(sheets)
}

/// Appends the text of a reference (`&amp;`, `&#233;`) to `out`.
fn push_reference(out: &mut String, reference: &quick_xml::events::BytesRef<'_>) -> Result<(), XlsxReadError> {
    if let Some(c) = reference.resolve_char_ref().map_err(|e| XlsxReadError::Unreadable(e.to_string()))? {
        out.push(c);
        return Ok(());
    }
    let name = reference.decode().map_err(|e| XlsxReadError::Unreadable(e.to_string()))?;
    match quick_xml::escape::resolve_predefined_entity(&name) {
        Some(text) => out.push_str(text),
        None => return Err(XlsxReadError::Unreadable(format!("unknown entity {name}"))),
    }
    Ok(())
}

/// Appends a text event to `out`, failing as soon as `out` is longer than `limit` bytes.
fn push_text(out: &mut String, text: &[u8], limit: usize) -> Result<(), XlsxReadError> {
    if out.len() + text.len() > limit {
        return Err(XlsxReadError::TextTooLong(limit / 4));
    }
    out.push_str(std::str::from_utf8(text).map_err(|e| XlsxReadError::Unreadable(e.to_string()))?);
    Ok(())
}

/// Text with the spreadsheet's character escapes resolved: writers store characters XML cannot
/// carry as `_xHHHH_` (a carriage return is `_x000D_`, and a literal `_x` sequence is protected as
/// `_x005F_`), so a multi-line text typed in a browser (CRLF) reads back exactly as it was stored.
fn unescape_characters(text: &str) -> String {
    if !text.contains("_x") {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        let candidate = &rest[at..];
        let escaped = candidate
            .get(2..6)
            .filter(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .filter(|_| candidate.as_bytes().get(6) == Some(&b'_'))
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .and_then(char::from_u32);
        match escaped {
            Some(c) => {
                out.push(c);
                rest = &candidate[7..];
            }
            None => {
                out.push_str("_x");
                rest = &candidate[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every entry of the shared strings table: the `<t>` texts of each `<si>`, phonetic runs left out.
fn shared_strings(xml: Vec<u8>, budget: &mut Budget) -> Result<Vec<String>, XlsxReadError> {
    let limit = budget.limits.cell_chars * 4;
    let mut reader = xml_reader(&xml);
    let mut buf = Vec::new();
    let mut strings = Vec::new();
    let (mut current, mut in_t, mut phonetic) = (None::<String>, false, false);
    loop {
        match reader.read_event_into(&mut buf).map_err(|e| budget.fix(e.into()))? {
            Event::Start(e) => match e.local_name().as_ref() {
                b"si" => current = Some(String::new()),
                b"t" => in_t = true,
                b"rPh" => phonetic = true,
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == b"si" => {
                if strings.len() >= budget.limits.shared_strings {
                    return Err(XlsxReadError::TooManySharedStrings(budget.limits.shared_strings));
                }
                strings.push(String::new());
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"si" => {
                    if let Some(text) = current.take() {
                        if strings.len() >= budget.limits.shared_strings {
                            return Err(XlsxReadError::TooManySharedStrings(budget.limits.shared_strings));
                        }
                        budget.text(&text)?;
                        strings.push(unescape_characters(&text));
                    }
                }
                b"t" => in_t = false,
                b"rPh" => phonetic = false,
                _ => {}
            },
            Event::Text(t) if in_t && !phonetic => {
                if let Some(s) = current.as_mut() {
                    push_text(s, &t, limit)?;
                }
            }
            Event::CData(t) if in_t && !phonetic => {
                if let Some(s) = current.as_mut() {
                    push_text(s, &t, limit)?;
                }
            }
            Event::GeneralRef(r) if in_t && !phonetic => {
                if let Some(s) = current.as_mut() {
                    push_reference(s, &r)?;
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(strings)
}

/// A cell reference such as `N12` as 0-based (row, column), checked against the limits.
fn position(reference: &str, limits: &Limits) -> Result<(u32, u32), XlsxReadError> {
    let bad = || XlsxReadError::Unreadable(format!("bad cell reference {reference}"));
    let letters = reference.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (col_text, row_text) = reference.split_at(letters);
    let mut col: u64 = 0;
    for c in col_text.bytes() {
        col = col * 26 + u64::from(c.to_ascii_uppercase() - b'A') + 1;
        if col > u64::from(limits.columns) {
            return Err(XlsxReadError::TooManyColumns(limits.columns));
        }
    }
    if row_text.is_empty() || !row_text.bytes().all(|b| b.is_ascii_digit()) || col == 0 {
        return Err(bad());
    }
    let row_text = row_text.trim_start_matches('0');
    if row_text.len() > 9 {
        return Err(XlsxReadError::TooManyRows(limits.rows));
    }
    let row: u32 = row_text.parse().map_err(|_| bad())?;
    if row == 0 {
        return Err(bad());
    }
    if row > limits.rows {
        return Err(XlsxReadError::TooManyRows(limits.rows));
    }
    Ok((row - 1, (col - 1) as u32))
}

/// A row number (`<row r="12">`) as a 0-based index, checked against the limit.
fn row_number(text: &str, limits: &Limits) -> Result<u32, XlsxReadError> {
    position(&format!("A{text}"), limits).map(|(row, _)| row)
}

/// The cell being read.
struct Pending {
    at: (u32, u32),
    kind: String,
    value: String,
    has_value: bool,
}

/// A sheet's rows; a row holds its cells up to its last value.
fn sheet_rows(xml: Vec<u8>, strings: &[String], budget: &mut Budget) -> Result<Vec<Vec<Cell>>, XlsxReadError> {
    let limits = budget.limits;
    let text_limit = limits.cell_chars * 4;
    let mut reader = xml_reader(&xml);
    let mut buf = Vec::new();
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let (mut row, mut next_col) = (0u32, 0u32);
    let mut cell: Option<Pending> = None;
    // Inside `<v>`, or inside `<is>`'s `<t>` (outside phonetic runs).
    let (mut in_v, mut in_is, mut in_t, mut phonetic) = (false, false, false, false);
    let mut started_rows = false;
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| budget.fix(e.into()))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                match e.local_name().as_ref() {
                    b"dimension" => {
                        if let Some(range) = attribute(e, b"ref")? {
                            for corner in range.split(':') {
                                position(corner, &limits)?;
                            }
                        }
                    }
                    b"row" => {
                        row = match attribute(e, b"r")? {
                            Some(r) => row_number(&r, &limits)?,
                            None if started_rows => {
                                row.checked_add(1).ok_or(XlsxReadError::TooManyRows(limits.rows))?
                            }
                            None => 0,
                        };
                        if row >= limits.rows {
                            return Err(XlsxReadError::TooManyRows(limits.rows));
                        }
                        started_rows = true;
                        next_col = 0;
                    }
                    b"c" => {
                        let at = match attribute(e, b"r")? {
                            Some(r) => position(&r, &limits)?,
                            None => (row, next_col),
                        };
                        if at.1 >= limits.columns {
                            return Err(XlsxReadError::TooManyColumns(limits.columns));
                        }
                        next_col = at.1 + 1;
                        let kind = attribute(e, b"t")?.unwrap_or_default();
                        if !empty {
                            cell = Some(Pending { at, kind, value: String::new(), has_value: false });
                        }
                    }
                    b"v" if !empty => in_v = true,
                    b"is" if !empty => in_is = true,
                    b"t" if !empty && in_is => in_t = true,
                    b"rPh" if !empty => phonetic = true,
                    _ => {}
                }
            }
            Event::End(ref e) => match e.local_name().as_ref() {
                b"v" => in_v = false,
                b"is" => in_is = false,
                b"t" => in_t = false,
                b"rPh" => phonetic = false,
                b"row" => row = row.saturating_add(1).min(limits.rows),
                b"c" => {
                    if let Some(pending) = cell.take().filter(|p| p.has_value) {
                        let value = cell_value(pending.kind.as_str(), pending.value, strings)?;
                        store(&mut rows, pending.at, value, budget)?;
                    }
                }
                b"sheetData" => break,
                _ => {}
            },
            Event::Text(ref t) if (in_v || (in_is && in_t && !phonetic)) => {
                if let Some(p) = cell.as_mut() {
                    push_text(&mut p.value, t, text_limit)?;
                    p.has_value = true;
                }
            }
            Event::CData(ref t) if (in_v || (in_is && in_t && !phonetic)) => {
                if let Some(p) = cell.as_mut() {
                    push_text(&mut p.value, t, text_limit)?;
                    p.has_value = true;
                }
            }
            Event::GeneralRef(ref r) if (in_v || (in_is && in_t && !phonetic)) => {
                if let Some(p) = cell.as_mut() {
                    push_reference(&mut p.value, r)?;
                    p.has_value = true;
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(rows)
}

fn cell_value(kind: &str, value: String, strings: &[String]) -> Result<Cell, XlsxReadError> {
    Ok(match kind {
        "s" => {
            let index: usize =
                value.trim().parse().map_err(|_| XlsxReadError::Unreadable("bad shared string".into()))?;
            let text = strings.get(index).ok_or_else(|| XlsxReadError::Unreadable("missing shared string".into()))?;
            Cell::Text(text.clone())
        }
        "str" | "inlineStr" => Cell::Text(unescape_characters(&value)),
        "d" => Cell::Text(value),
        "b" => Cell::Text((value.trim() == "1").to_string()),
        "e" => Cell::Empty,
        _ => match value.trim().parse::<f64>() {
            Ok(n) if n.is_finite() => Cell::Number(n),
            _ => Cell::Text(value),
        },
    })
}

/// Puts `value` at `at`, padding the rows and the row with empty cells, within the budget.
fn store(rows: &mut Vec<Vec<Cell>>, at: (u32, u32), value: Cell, budget: &mut Budget) -> Result<(), XlsxReadError> {
    let limit = budget.limits.cells;
    let too_many = || XlsxReadError::TooManyCells(limit);
    if let Cell::Text(t) = &value {
        budget.text(t)?;
    }
    let (r, c) = (at.0 as usize, at.1 as usize);
    if rows.len() <= r {
        // Empty rows before this one cost like cells: many sheets of one far cell stay bounded.
        budget.cells += r + 1 - rows.len();
        if budget.cells > budget.limits.cells {
            return Err(too_many());
        }
        rows.resize_with(r + 1, Vec::new);
    }
    let row = &mut rows[r];
    if row.len() <= c {
        let added = c + 1 - row.len();
        budget.cells += added;
        if budget.cells > budget.limits.cells {
            return Err(too_many());
        }
        row.resize(c + 1, Cell::Empty);
    }
    row[c] = value;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::hostile;
    use super::*;

    fn small() -> Limits {
        Limits { rows: 50, columns: 14, cells: 200, cell_chars: 100, shared_strings: 20, ..LIMITS }
    }

    #[test]
    fn character_escapes_are_resolved() {
        assert_eq!(unescape_characters("a_x000D_\nb"), "a\r\nb");
        assert_eq!(unescape_characters("_x005F_x000D_"), "_x000D_");
        assert_eq!(unescape_characters("plain_x_text _x12_ _xZZZZ_"), "plain_x_text _x12_ _xZZZZ_");
        assert_eq!(unescape_characters("é_x00E9_"), "éé");
    }

    #[test]
    fn a_far_cell_is_refused_without_allocating_its_range() {
        assert_eq!(read_workbook_within(&hostile::far_cell(), &LIMITS), Err(XlsxReadError::TooManyColumns(64)));
        assert_eq!(
            read_workbook_within(&hostile::far_cell_undeclared(), &LIMITS),
            Err(XlsxReadError::TooManyRows(100_000))
        );
    }

    #[test]
    fn dense_cells_are_counted() {
        assert!(read_workbook_within(&hostile::dense(10, 14), &small()).is_ok());
        assert_eq!(read_workbook_within(&hostile::dense(20, 14), &small()), Err(XlsxReadError::TooManyCells(200)));
        assert_eq!(read_workbook_within(&hostile::dense(2, 15), &small()), Err(XlsxReadError::TooManyColumns(14)));
        assert_eq!(read_workbook_within(&hostile::dense(51, 1), &small()), Err(XlsxReadError::TooManyRows(50)));
    }

    #[test]
    fn deep_xml_costs_nothing() {
        let read = read_workbook_within(&hostile::deep(200_000), &LIMITS).unwrap();
        assert_eq!(read[0].rows, vec![vec![Cell::Text("x".into())]]);
    }

    #[test]
    fn shared_strings_are_not_sized_from_their_declared_count() {
        let read = read_workbook_within(&hostile::huge_shared_strings(5, 10), &small()).unwrap();
        assert_eq!(read[0].rows[0][0], Cell::Text("a".repeat(10)));
        assert_eq!(
            read_workbook_within(&hostile::huge_shared_strings(50, 10), &small()),
            Err(XlsxReadError::TooManySharedStrings(20))
        );
        assert_eq!(
            read_workbook_within(&hostile::huge_shared_strings(1, 101), &small()),
            Err(XlsxReadError::TextTooLong(100))
        );
    }

    #[test]
    fn a_zip_bomb_stops_at_the_byte_limit() {
        let bomb = hostile::zip_bomb(256 * 1024 * 1024);
        assert!(bomb.len() < 2 * 1024 * 1024, "{} bytes", bomb.len());
        assert_eq!(read_workbook_within(&bomb, &LIMITS), Err(XlsxReadError::TooLarge(LIMITS.uncompressed_bytes)));
        let limits = Limits { uncompressed_bytes: 1000, ..LIMITS };
        assert_eq!(read_workbook_within(&hostile::dense(100, 10), &limits), Err(XlsxReadError::TooLarge(1000)));
    }

    #[test]
    fn bad_references_are_refused_not_panicking() {
        for bad in ["A0", "1", "A", "AAAAAAAAAAAAAAAAAAAA1", "A99999999999999999999", "A-1", "A1B", "é1"] {
            assert!(position(bad, &LIMITS).is_err(), "{bad}");
        }
        assert_eq!(position("N12", &LIMITS), Ok((11, 13)));
        assert_eq!(position("a001", &LIMITS), Ok((0, 0)));
    }

    #[test]
    fn too_many_entries_are_refused_before_opening() {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for i in 0..201 {
            zip.start_file(format!("f{i}"), zip::write::SimpleFileOptions::default()).unwrap();
        }
        let bytes = zip.finish().unwrap().into_inner();
        assert_eq!(read_workbook_within(&bytes, &LIMITS), Err(XlsxReadError::TooManyEntries(200)));
    }
}
