//! CSV the way French Excel opens it: a UTF-8 byte-order mark, `;` between cells, CRLF line ends,
//! quotes around cells that need them, and text that could start a formula made inert.

/// The UTF-8 byte-order mark Excel needs to read accents right.
pub const BOM: &str = "\u{feff}";

/// Writes `rows` (the first being the headers) as a CSV document.
pub fn to_csv(rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = String::from(BOM);
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// Writes a worksheet's table as CSV: its headers, then its rows, numbers with a decimal comma.
pub fn sheet_to_csv(sheet: &crate::xlsx::Sheet) -> Vec<u8> {
    use crate::xlsx::Cell;
    let mut rows = vec![sheet.headers.clone()];
    rows.extend(sheet.rows.iter().map(|row| {
        row.iter()
            .map(|c| match c {
                Cell::Text(t) => t.clone(),
                Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
                Cell::Number(n) if n.is_finite() => format!("{n}").replace('.', ","),
                Cell::Date(stamp) => stamp.french(),
                Cell::Number(_) | Cell::Empty => String::new(),
            })
            .collect()
    }));
    to_csv(&rows)
}

fn cell(value: &str) -> String {
    // A cell starting with = + - @ (or a tab or carriage return) would run as a formula in a
    // spreadsheet; a leading apostrophe keeps it text. Numbers such as -3 or -1,5 stay numbers.
    let is_number = value.replace(',', ".").parse::<f64>().is_ok();
    let value = if !is_number && value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([';', '"', '\n', '\r']) { format!("\"{}\"", value.replace('"', "\"\"")) } else { value }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_excel_reads_it() {
        let rows = vec![
            vec!["Code".to_owned(), "Titre".to_owned(), "Avancement".to_owned()],
            vec!["SR.1".to_owned(), "Former l'équipe; puis \"suivre\"".to_owned(), "40".to_owned()],
            vec!["SR.2".to_owned(), "deux\nlignes".to_owned(), "-1,5".to_owned()],
            vec!["SR.3".to_owned(), "=HYPERLINK(\"x\")".to_owned(), "@SUM(A1)".to_owned()],
        ];
        let text = String::from_utf8(to_csv(&rows)).unwrap();
        assert!(text.starts_with(BOM), "byte-order mark first");
        let lines: Vec<&str> = text.trim_start_matches(BOM).split("\r\n").collect();
        assert_eq!(lines[0], "Code;Titre;Avancement");
        assert_eq!(lines[1], "SR.1;\"Former l'équipe; puis \"\"suivre\"\"\";40");
        assert_eq!(lines[2], "SR.2;\"deux\nlignes\";-1,5", "a negative number stays a number");
        assert_eq!(lines[3], "SR.3;\"'=HYPERLINK(\"\"x\"\")\";'@SUM(A1)", "formulas made inert");
        assert_eq!(lines[4], "", "CRLF after the last row");
    }

    #[test]
    fn sheets_write_numbers_the_french_way() {
        use crate::xlsx::{Cell, Sheet};
        let sheet = Sheet {
            name: "Plan".into(),
            headers: vec!["Titre".into(), "Avancement".into(), "Score".into(), "Vide".into()],
            rows: vec![vec!["A".into(), Cell::Number(40.0), Cell::Number(62.5), Cell::Empty]],
            choices: vec![],
        };
        let text = String::from_utf8(sheet_to_csv(&sheet)).unwrap();
        assert_eq!(text, format!("{BOM}Titre;Avancement;Score;Vide\r\nA;40;62,5;\r\n"));
    }
}
