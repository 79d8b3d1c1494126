//! XLSX workbooks from plain tables: bold frozen headers with filters, sensible column widths,
//! numbers as numbers, and drop-down lists where a column takes one of a few values.

#[cfg(any(test, feature = "testing"))]
pub mod hostile;
mod read;

pub use read::{LIMITS, Limits, XlsxReadError, read_workbook_within};
use rust_xlsxwriter::{DataValidation, Format, Workbook, XlsxError};

/// A cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// Nothing.
    Empty,
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Self::Text(s.to_owned())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Self::Text(s)
    }
}

/// One worksheet.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    /// Its name (at most 31 characters; Excel refuses `[]:*?/\`).
    pub name: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows, each as long as the headers at most.
    pub rows: Vec<Vec<Cell>>,
    /// Columns whose cells must be one of these values: (column index, allowed values); the
    /// drop-down also covers 500 empty rows below the data, for rows people add.
    pub choices: Vec<(u16, Vec<String>)>,
}

/// Why a workbook could not be written.
#[derive(Debug, thiserror::Error)]
#[error("spreadsheet: {0}")]
pub struct XlsxReportError(#[from] XlsxError);

/// Writes `sheets` as an XLSX file in memory.
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxReportError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold().set_text_wrap();
    let wrap = Format::new().set_text_wrap().set_align(rust_xlsxwriter::FormatAlign::Top);
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(&sheet.name))?;
        let mut widths: Vec<usize> = sheet.headers.iter().map(|h| h.chars().count()).collect();
        for (col, header) in sheet.headers.iter().enumerate() {
            ws.write_with_format(0, col as u16, header, &bold)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (col, cell) in row.iter().enumerate().take(sheet.headers.len()) {
                let c = col as u16;
                match cell {
                    Cell::Text(t) => {
                        ws.write_with_format(r, c, t.as_str(), &wrap)?;
                        if let Some(w) = widths.get_mut(col) {
                            *w = (*w).max(t.chars().count());
                        }
                    }
                    Cell::Number(n) if n.is_finite() => {
                        ws.write_number(r, c, *n)?;
                    }
                    Cell::Number(_) | Cell::Empty => {}
                }
            }
        }
        for (col, w) in widths.iter().enumerate() {
            ws.set_column_width(col as u16, (*w as f64 + 2.0).clamp(8.0, 60.0))?;
        }
        if !sheet.headers.is_empty() {
            ws.set_freeze_panes(1, 0)?;
            ws.autofilter(0, 0, sheet.rows.len() as u32, sheet.headers.len() as u16 - 1)?;
        }
        let last = sheet.rows.len() as u32 + 500;
        for (col, values) in &sheet.choices {
            let refs: Vec<&str> = values.iter().map(String::as_str).collect();
            let validation = DataValidation::new().allow_list_strings(&refs)?;
            ws.add_data_validation(1, *col, last, *col, &validation)?;
        }
    }
    Ok(book.save_to_buffer()?)
}

/// A worksheet read back: its name and its rows of cells (dates as Excel serial numbers).
#[derive(Debug, Clone, PartialEq)]
pub struct ReadSheet {
    /// The sheet's name.
    pub name: String,
    /// Its rows, from the first (the headers, in Cap's files).
    pub rows: Vec<Vec<Cell>>,
}

/// Reads every worksheet of an XLSX file within [`LIMITS`]: text as text, numbers and dates as
/// numbers. A file beyond a limit is refused with the limit, never read whole.
pub fn read_workbook(bytes: &[u8]) -> Result<Vec<ReadSheet>, XlsxReadError> {
    read_workbook_within(bytes, &LIMITS)
}

/// A name Excel accepts: forbidden characters replaced, at most 31 characters, never empty.
fn sheet_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') { '-' } else { c })
        .take(31)
        .collect();
    if cleaned.trim().is_empty() { "Feuille".to_owned() } else { cleaned }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn part(bytes: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut text = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
        text
    }

    #[test]
    fn tables_become_sheets_with_drop_downs() {
        let sheets = vec![
            Sheet {
                name: "Plan de progrès".into(),
                headers: vec!["Titre".into(), "Statut".into(), "Avancement".into()],
                rows: vec![
                    vec!["Former l'équipe".into(), "En cours".into(), Cell::Number(40.0)],
                    vec!["Accueillir".into(), "À faire".into(), Cell::Empty],
                ],
                choices: vec![(1, vec!["À faire".into(), "En cours".into(), "Faite".into()])],
            },
            Sheet { name: "Résultats [2027]".into(), headers: vec!["Code".into()], rows: vec![], choices: vec![] },
        ];
        let bytes = workbook(&sheets).unwrap();
        assert_eq!(&bytes[..2], b"PK", "a zip file");
        let book = part(&bytes, "xl/workbook.xml");
        assert!(book.contains("Plan de progrès") && book.contains("Résultats -2027-"), "{book}");
        let strings = part(&bytes, "xl/sharedStrings.xml");
        assert!(strings.contains("Former l&apos;équipe") || strings.contains("Former l'équipe"));
        let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
        assert!(sheet.contains("<dataValidation") && sheet.contains("À faire,En cours,Faite"), "{sheet}");
        assert!(sheet.contains("<v>40</v>"), "numbers stay numbers");
        assert!(sheet.contains("<pane") && sheet.contains("<autoFilter"), "frozen, filterable headers");
    }

    #[test]
    fn what_is_written_reads_back() {
        let sheets = vec![Sheet {
            name: "Plan".into(),
            headers: vec!["N°".into(), "Titre".into()],
            rows: vec![
                vec![Cell::Number(7.0), "Former l'équipe".into()],
                vec![Cell::Number(8.0), Cell::Empty],
                vec![Cell::Number(9.0), "Typé dans un navigateur\r\nsur deux lignes _x000D_ & <tout>".into()],
            ],
            choices: vec![],
        }];
        let read = read_workbook(&workbook(&sheets).unwrap()).unwrap();
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].name, "Plan");
        assert_eq!(read[0].rows[0], vec![Cell::Text("N°".into()), Cell::Text("Titre".into())]);
        assert_eq!(read[0].rows[1], vec![Cell::Number(7.0), Cell::Text("Former l'équipe".into())]);
        assert_eq!(read[0].rows[2][0], Cell::Number(8.0));
        assert_eq!(
            read[0].rows[3][1],
            Cell::Text("Typé dans un navigateur\r\nsur deux lignes _x000D_ & <tout>".into()),
            "a carriage return and a literal escape read back exactly as written"
        );
        assert!(read_workbook(b"not a workbook").is_err(), "a refusal, not a panic");
    }
}
