//! Cap's reports: charts drawn on the server as self-contained SVG strings ([`charts`]), tables
//! as CSV for French Excel ([`csv`]) and as XLSX workbooks ([`xlsx`]), a campaign's PDF
//! report and two-page summary typeset with typst ([`pdf`]), and its meetings as iCalendar
//! files for people's agendas ([`ics`]).
//!
//! The SVG is meant to be inlined in HTML pages served under a strict Content-Security-Policy
//! (no inline styles, no scripts) and embedded in the PDFs. Styling therefore relies only on
//! SVG presentation attributes and `chart__…` CSS classes.

#![warn(missing_docs)]
#![forbid(unsafe_code)]

pub mod charts;
pub mod csv;
pub mod ess;
pub mod ics;
pub mod pdf;
pub mod xlsx;
