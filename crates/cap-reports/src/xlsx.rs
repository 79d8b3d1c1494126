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
    /// A calendar day or a moment, written as a real date Excel sorts and filters.
    Date(Stamp),
    /// Nothing.
    Empty,
}

/// A calendar day, with a time of day or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// Year.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u32,
    /// Day, 1 to 31.
    pub day: u32,
    /// Hour and minute, for a moment.
    pub time: Option<(u32, u32)>,
}

impl Stamp {
    /// A stored day (`YYYY-MM-DD`), or none when it is not one.
    pub fn day(stored: &str) -> Option<Self> {
        let mut parts = stored.splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        let (year, month, day) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        ((1900..=9999).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Self {
            year,
            month,
            day,
            time: None,
        })
    }

    /// The day and time as Excel counts them: days since 30 December 1899, the time a fraction.
    pub fn serial(&self) -> f64 {
        let days = days_from_civil(self.year, self.month, self.day) - days_from_civil(1899, 12, 30);
        let fraction = self.time.map_or(0.0, |(h, m)| f64::from(h * 60 + m) / 1440.0);
        days as f64 + fraction
    }

    /// `15/03/2027`, or `15/03/2027 10:00`, as French Excel reads it back.
    pub fn french(&self) -> String {
        let day = format!("{:02}/{:02}/{:04}", self.day, self.month, self.year);
        match self.time {
            Some((h, m)) => format!("{day} {h:02}:{m:02}"),
            None => day,
        }
    }
}

/// Days from 1 January 1970 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
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
    let day = Format::new().set_num_format("dd/mm/yyyy").set_align(rust_xlsxwriter::FormatAlign::Top);
    let moment = Format::new().set_num_format("dd/mm/yyyy hh:mm").set_align(rust_xlsxwriter::FormatAlign::Top);
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
                    Cell::Date(stamp) => {
                        let format = if stamp.time.is_some() { &moment } else { &day };
                        ws.write_number_with_format(r, c, stamp.serial(), format)?;
                        if let Some(w) = widths.get_mut(col) {
                            *w = (*w).max(if stamp.time.is_some() { 16 } else { 10 });
                        }
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

    #[test]
    fn dates_are_real_dates() {
        let day = Stamp::day("2027-03-15").unwrap();
        assert_eq!(day.serial(), 46461.0, "Excel's serial for 15 March 2027");
        assert_eq!(Stamp::day("1900-03-01").unwrap().serial(), 61.0);
        let moment = Stamp { time: Some((10, 30)), ..day };
        assert_eq!(moment.serial(), 46461.4375);
        assert_eq!((day.french(), moment.french()), ("15/03/2027".to_owned(), "15/03/2027 10:30".to_owned()));
        for bad in ["", "2027-13-01", "27-03-15", "2027-03", "demain"] {
            assert_eq!(Stamp::day(bad), None, "{bad}");
        }
        let sheets = vec![Sheet {
            name: "Dates".into(),
            headers: vec!["Jour".into(), "Moment".into()],
            rows: vec![vec![Cell::Date(day), Cell::Date(moment)]],
            choices: vec![],
        }];
        let bytes = workbook(&sheets).unwrap();
        let read = read_workbook(&bytes).unwrap();
        assert_eq!(
            read[0].rows[1],
            vec![Cell::Number(46461.0), Cell::Number(46461.4375)],
            "numbers with a date format"
        );
        let csv = String::from_utf8(crate::csv::sheet_to_csv(&sheets[0])).unwrap();
        assert!(csv.contains("15/03/2027;15/03/2027 10:30"));
    }
}
