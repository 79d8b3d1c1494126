//! The workbook reader used by the plan import, on any bytes.
fn main() {
    afl::fuzz!(|data: &[u8]| {
        let _ = cap_reports::xlsx::read_workbook(data);
    });
}
