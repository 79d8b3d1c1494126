//! Charts drawn as SVG strings on the server.
//!
//! Every chart is a self-contained `<svg>` element that:
//!
//! - uses only SVG presentation attributes and `chart__…` CSS classes (no `style` attribute, no
//!   `<style>` element, no script), so it passes a strict Content-Security-Policy and renders the
//!   same in a PDF where no stylesheet applies;
//! - is accessible: `role="img"`, `aria-labelledby` pointing to its own `<title>` and `<desc>`,
//!   whose ids are derived from [`ChartText::id`] so several charts can share one page;
//! - never relies on colour alone: the current series is solid (deep blue), the previous one
//!   dashed (grey) and the target dotted (orange);
//! - never panics: values are shares clamped to `0.0..=1.0`, `NaN` is treated as missing,
//!   labels are XML-escaped and shortened by characters.
//!
//! Since `role="img"` hides the inner texts from assistive technologies, callers should put the
//! figures in [`ChartText::description`] or in a data table next to the chart.

use std::fmt::Write as _;

/// Colour of the current series (deep blue).
const CURRENT: &str = "#1d4e89";
/// Colour of the previous / comparison series (grey, dashed).
const PREVIOUS: &str = "#6b6b6b";
/// Colour of the target series (orange, dotted).
const TARGET: &str = "#b35c00";
/// Light grey grid lines (decorative).
const GRID: &str = "#d9d9d9";
/// Axis lines (≥ 3:1 against white).
const AXIS: &str = "#767676";
/// Text colour (≈ 16:1 against white).
const TEXT: &str = "#1f1f1f";
/// Dash pattern of the previous series.
const DASHED: &str = "6 4";
/// Dot pattern of the target series.
const DOTTED: &str = "2 3";
/// Labels longer than this many characters are shortened with "…".
const LABEL_MAX: usize = 28;
/// Legend entries longer than this many characters are shortened with "…".
const LEGEND_MAX: usize = 60;
/// Width of every chart's viewBox.
const WIDTH: f64 = 800.0;
/// Default font size.
const FONT: f64 = 12.0;
/// At most this many x tick labels on a timeline.
const MAX_TICKS: usize = 8;
/// Above this many points, timeline points are not marked with dots (the line still passes
/// through every point).
const MAX_DOTS: usize = 60;
/// Grid rings / ticks, as shares.
const RINGS: [f64; 4] = [0.25, 0.5, 0.75, 1.0];

/// Writes into a `String`; writing into a `String` cannot fail.
macro_rules! w {
    ($dst:expr, $($arg:tt)*) => {{
        let _ = write!($dst, $($arg)*);
    }};
}

/// One axis/bar of a chart.
///
/// Values are shares in `0.0..=1.0`; out-of-range values are clamped and `NaN` counts as missing.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Series<'a> {
    /// Axis (radar) or row (bars) label, plain text: it is escaped and shortened when drawn.
    pub label: &'a str,
    /// Current share, `None` when not known yet.
    pub value: Option<f64>,
    /// Previous share (earlier campaign), drawn dashed.
    pub previous: Option<f64>,
    /// Target share, drawn dotted.
    pub target: Option<f64>,
}

/// Texts the caller gives in the user's language.
///
/// All of them are plain text: they are XML-escaped when drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ChartText<'a> {
    /// Prefix of the element ids (`{id}-title`, `{id}-desc`); must be unique on the page.
    /// Characters other than ASCII letters, digits, `-` and `_` are replaced by `-`, and the
    /// prefix `chart-` is added when it does not start with a letter.
    pub id: &'a str,
    /// Short accessible name of the chart (`<title>`).
    pub title: &'a str,
    /// Longer accessible description (`<desc>`), ideally with the figures.
    pub description: &'a str,
    /// Legend of the current series.
    pub legend_current: &'a str,
    /// Legend of the previous / comparison series.
    pub legend_previous: &'a str,
    /// Legend of the target series.
    pub legend_target: &'a str,
}

/// Radar (spider) chart: one axis per entry (pillars), rings at 25/50/75/100 %, polygon of
/// current values, optional dashed polygon of previous values and dotted polygon of targets
/// (each drawn only if at least one entry has that value; a missing value on an axis is drawn at
/// the centre for polygons, and its axis label gets " (—)" appended). With fewer than 3 axes,
/// fall back to [`bars`]. Includes a small legend for the series that are drawn.
pub fn radar(series: &[Series], text: &ChartText) -> String {
    let n = series.len();
    if n < 3 {
        return bars(series, text);
    }
    let drawn = Drawn::of(series);
    let (cx, cy, radius) = (WIDTH / 2.0, 235.0, 165.0);
    let point = |i: usize, share: f64| -> (f64, f64) {
        let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n as f64;
        (cx + radius * share * angle.cos(), cy + radius * share * angle.sin())
    };
    let polygon = |get: fn(&Series) -> Option<f64>| -> String {
        let mut points = String::new();
        for (i, s) in series.iter().enumerate() {
            let (x, y) = point(i, share(get(s)).unwrap_or(0.0));
            if i > 0 {
                points.push(' ');
            }
            w!(points, "{},{}", num(x), num(y));
        }
        points
    };

    let mut body = String::new();
    // Grid: rings and spokes.
    body.push_str(r#"<g class="chart__grid">"#);
    for ring in RINGS {
        let mut points = String::new();
        for i in 0..n {
            let (x, y) = point(i, ring);
            if i > 0 {
                points.push(' ');
            }
            w!(points, "{},{}", num(x), num(y));
        }
        w!(body, r#"<polygon points="{points}" fill="none" stroke="{GRID}" stroke-width="1"/>"#);
    }
    for i in 0..n {
        let (x, y) = point(i, 1.0);
        w!(
            body,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{GRID}" stroke-width="1"/>"#,
            num(cx),
            num(cy),
            num(x),
            num(y)
        );
    }
    body.push_str("</g>");
    // Ring values along the first (vertical) axis.
    body.push_str(r#"<g class="chart__ticks">"#);
    for ring in RINGS {
        w!(
            body,
            r#"<text x="{}" y="{}" font-size="10" fill="{TEXT}">{}</text>"#,
            num(cx + 4.0),
            num(cy - radius * ring - 3.0),
            percent(ring)
        );
    }
    body.push_str("</g>");
    // Series, from back to front.
    if drawn.target {
        w!(
            body,
            r#"<polygon class="chart__series chart__series--target" points="{}" fill="none" stroke="{TARGET}" stroke-width="2" stroke-dasharray="{DOTTED}" stroke-linecap="round"/>"#,
            polygon(|s| s.target)
        );
    }
    if drawn.previous {
        w!(
            body,
            r#"<polygon class="chart__series chart__series--previous" points="{}" fill="none" stroke="{PREVIOUS}" stroke-width="2" stroke-dasharray="{DASHED}"/>"#,
            polygon(|s| s.previous)
        );
    }
    if drawn.current {
        w!(
            body,
            r#"<polygon class="chart__series chart__series--current" points="{}" fill="{CURRENT}" fill-opacity="0.2" stroke="{CURRENT}" stroke-width="2.5" stroke-linejoin="round"/>"#,
            polygon(|s| s.value)
        );
        body.push_str(r#"<g class="chart__points">"#);
        for (i, s) in series.iter().enumerate() {
            if let Some(v) = share(s.value) {
                let (x, y) = point(i, v);
                w!(body, r#"<circle cx="{}" cy="{}" r="3.5" fill="{CURRENT}"/>"#, num(x), num(y));
            }
        }
        body.push_str("</g>");
    }
    // Axis labels, with the current value on a second line.
    body.push_str(r#"<g class="chart__labels">"#);
    for (i, s) in series.iter().enumerate() {
        let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n as f64;
        let (c, sin) = (angle.cos(), angle.sin());
        let (lx, ly) = (cx + (radius + 12.0) * c, cy + (radius + 12.0) * sin);
        let anchor = if c > 0.25 {
            "start"
        } else if c < -0.25 {
            "end"
        } else {
            "middle"
        };
        let value = share(s.value);
        let line_height = 15.0;
        let block = if value.is_some() { 2.0 * line_height } else { line_height };
        let top = if sin < -0.25 {
            ly - block
        } else if sin > 0.25 {
            ly
        } else {
            ly - block / 2.0
        };
        let label = Label::new(s.label, LABEL_MAX);
        let marker = if value.is_none() { " (—)" } else { "" };
        w!(
            body,
            r#"<text class="chart__label" x="{x}" y="{y}" text-anchor="{anchor}" font-size="{FONT}" fill="{TEXT}">{title}<tspan x="{x}" y="{y}">{short}{marker}</tspan>"#,
            x = num(lx),
            y = num(top + 11.0),
            title = label.title,
            short = label.short,
        );
        if let Some(v) = value {
            w!(
                body,
                r#"<tspan class="chart__value" x="{}" y="{}" font-weight="bold">{}</tspan>"#,
                num(lx),
                num(top + 11.0 + line_height),
                percent(v)
            );
        }
        body.push_str("</text>");
    }
    body.push_str("</g>");
    let legend_top = cy + radius + 55.0;
    let legend_height = legend(&mut body, text, drawn, Kind::Radar, legend_top);
    let height = legend_top + legend_height + 8.0;
    svg("radar", text, height, &body)
}

/// Horizontal bars (objectives): one row per entry, label on the left, bar length = value,
/// percentage printed at the bar end, a thin dashed bar for previous when present, a short
/// vertical dotted tick for the target when present. Height grows with the number of rows.
/// Same legend rule as [`radar`]: only the series that are drawn are in the legend.
///
/// A missing current value prints "—" instead of a bar. No entry at all draws an empty chart.
pub fn bars(series: &[Series], text: &ChartText) -> String {
    if series.is_empty() {
        return empty("bars", text);
    }
    let drawn = Drawn::of(series);
    let (label_x, x0, bar_width) = (236.0, 244.0, 470.0);
    let (top, row) = (12.0, 34.0);
    let axis_y = top + row * series.len() as f64;

    let mut body = String::new();
    body.push_str(r#"<g class="chart__grid">"#);
    for tick in std::iter::once(0.0).chain(RINGS) {
        let x = num(x0 + bar_width * tick);
        let stroke = if tick == 0.0 { AXIS } else { GRID };
        w!(
            body,
            r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{stroke}" stroke-width="1"/>"#,
            num(top),
            num(axis_y)
        );
    }
    body.push_str("</g>");
    body.push_str(r#"<g class="chart__ticks">"#);
    for tick in std::iter::once(0.0).chain(RINGS) {
        w!(
            body,
            r#"<text x="{}" y="{}" text-anchor="middle" font-size="10" fill="{TEXT}">{}</text>"#,
            num(x0 + bar_width * tick),
            num(axis_y + 14.0),
            percent(tick)
        );
    }
    body.push_str("</g>");

    body.push_str(r#"<g class="chart__rows">"#);
    for (i, s) in series.iter().enumerate() {
        let y = top + row * i as f64;
        let baseline = num(y + 18.0);
        body.push_str(r#"<g class="chart__row">"#);
        let label = Label::new(s.label, LABEL_MAX);
        w!(
            body,
            r#"<text class="chart__label" x="{}" y="{baseline}" text-anchor="end" font-size="{FONT}" fill="{TEXT}">{}{}</text>"#,
            num(label_x),
            label.title,
            label.short
        );
        match share(s.value) {
            Some(v) => {
                let width = bar_width * v;
                w!(
                    body,
                    r#"<rect class="chart__series chart__series--current" x="{}" y="{}" width="{}" height="16" fill="{CURRENT}"/>"#,
                    num(x0),
                    num(y + 6.0),
                    num(width)
                );
                w!(
                    body,
                    r#"<text class="chart__value" x="{}" y="{baseline}" font-size="{FONT}" font-weight="bold" fill="{TEXT}">{}</text>"#,
                    num(x0 + width + 6.0),
                    percent(v)
                );
            }
            None => {
                w!(
                    body,
                    r#"<text class="chart__value" x="{}" y="{baseline}" font-size="{FONT}" fill="{TEXT}">—</text>"#,
                    num(x0 + 6.0)
                );
            }
        }
        if let Some(p) = share(s.previous) {
            w!(
                body,
                r#"<line class="chart__series chart__series--previous" x1="{x}" y1="{y}" x2="{}" y2="{y}" stroke="{PREVIOUS}" stroke-width="3" stroke-dasharray="{DASHED}"/>"#,
                num(x0 + bar_width * p),
                x = num(x0),
                y = num(y + 27.0)
            );
        }
        if let Some(t) = share(s.target) {
            w!(
                body,
                r#"<line class="chart__series chart__series--target" x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{TARGET}" stroke-width="2.5" stroke-dasharray="{DOTTED}" stroke-linecap="round"/>"#,
                num(y + 1.0),
                num(y + 33.0),
                x = num(x0 + bar_width * t)
            );
        }
        body.push_str("</g>");
    }
    body.push_str("</g>");
    let legend_top = axis_y + 24.0;
    let legend_height = legend(&mut body, text, drawn, Kind::Bars, legend_top);
    let height = legend_top + legend_height + 8.0;
    svg("bars", text, height, &body)
}

/// A line chart of a share over time (plan completion): points are (label of the x tick such as
/// "03/2027", share 0..=1); y axis 0–100 % with gridlines; at most 8 x tick labels are shown
/// (thinned evenly) but every point is plotted; a single point draws a dot. The last point's
/// percentage is printed next to it. A `NaN` share leaves a gap in the line.
///
/// Empty input returns an SVG showing "—" (still valid and accessible).
pub fn timeline(points: &[(&str, f64)], text: &ChartText) -> String {
    let n = points.len();
    if n == 0 {
        return empty("timeline", text);
    }
    let (left, right, top, bottom) = (64.0, WIDTH - 40.0, 16.0, 256.0);
    let x_of = |i: usize| {
        if n == 1 { (left + right) / 2.0 } else { left + (right - left) * i as f64 / (n - 1) as f64 }
    };
    let y_of = |v: f64| bottom - (bottom - top) * v;

    let mut body = String::new();
    body.push_str(r#"<g class="chart__grid">"#);
    for tick in std::iter::once(0.0).chain(RINGS) {
        let y = num(y_of(tick));
        let stroke = if tick == 0.0 { AXIS } else { GRID };
        w!(
            body,
            r#"<line x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="{stroke}" stroke-width="1"/>"#,
            num(left),
            num(right)
        );
    }
    body.push_str("</g>");
    body.push_str(r#"<g class="chart__ticks">"#);
    for tick in std::iter::once(0.0).chain(RINGS) {
        w!(
            body,
            r#"<text x="{}" y="{}" text-anchor="end" font-size="10" fill="{TEXT}">{}</text>"#,
            num(left - 8.0),
            num(y_of(tick) + 3.5),
            percent(tick)
        );
    }
    let step = tick_step(n);
    for (i, (label, _)) in points.iter().enumerate().filter(|(i, _)| i % step == 0) {
        let x = num(x_of(i));
        let label = Label::new(label, LABEL_MAX);
        w!(
            body,
            r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{AXIS}" stroke-width="1"/><text class="chart__label" x="{x}" y="{}" text-anchor="middle" font-size="{FONT}" fill="{TEXT}">{}{}</text>"#,
            num(bottom),
            num(bottom + 5.0),
            num(bottom + 20.0),
            label.title,
            label.short
        );
    }
    body.push_str("</g>");

    // Split into runs of known values: NaN leaves a gap.
    let values: Vec<Option<f64>> = points.iter().map(|&(_, v)| share(Some(v))).collect();
    body.push_str(r#"<g class="chart__series chart__series--current">"#);
    let mut run = String::new();
    let mut run_len = 0usize;
    let flush = |body: &mut String, run: &mut String, run_len: &mut usize| {
        if *run_len >= 2 {
            w!(
                body,
                r#"<polyline points="{run}" fill="none" stroke="{CURRENT}" stroke-width="2.5" stroke-linejoin="round"/>"#
            );
        }
        run.clear();
        *run_len = 0;
    };
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => {
                if run_len > 0 {
                    run.push(' ');
                }
                w!(run, "{},{}", num(x_of(i)), num(y_of(*v)));
                run_len += 1;
            }
            None => flush(&mut body, &mut run, &mut run_len),
        }
    }
    flush(&mut body, &mut run, &mut run_len);
    for (i, v) in values.iter().enumerate() {
        let Some(v) = v else { continue };
        let isolated = (i == 0 || values[i - 1].is_none()) && values.get(i + 1).is_none_or(Option::is_none);
        if n <= MAX_DOTS || isolated {
            w!(body, r#"<circle cx="{}" cy="{}" r="4" fill="{CURRENT}"/>"#, num(x_of(i)), num(y_of(*v)));
        }
    }
    body.push_str("</g>");
    if let Some((i, v)) = values.iter().enumerate().rev().find_map(|(i, v)| v.map(|v| (i, v))) {
        let x = x_of(i);
        let (anchor, dx) = if x > right - 40.0 { ("end", -6.0) } else { ("start", 6.0) };
        w!(
            body,
            r#"<text class="chart__value" x="{}" y="{}" text-anchor="{anchor}" font-size="{FONT}" font-weight="bold" fill="{TEXT}">{}</text>"#,
            num(x + dx),
            num((y_of(v) - 8.0).max(top + 4.0)),
            percent(v)
        );
    }
    svg("timeline", text, 290.0, &body)
}

/// Where an action of a schedule stands, said by its bar's look, not its colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanState {
    /// To do or under way: a solid bar.
    Open,
    /// Past its end and still open: a solid bar with a thick outline and a « ! ».
    Late,
    /// Finished: a grey bar with a « ✓ ».
    Done,
    /// Abandoned: a dashed outline only.
    Dropped,
}

/// One bar of a schedule: from `start` to `end`, in days counted from any origin.
#[derive(Debug, Clone, Copy)]
pub struct Span<'a> {
    /// The action's title.
    pub label: &'a str,
    /// First day.
    pub start: i64,
    /// Last day.
    pub end: i64,
    /// Its state.
    pub state: SpanState,
}

/// A schedule (Gantt chart): one row per span, month ticks given as (day, label), and a dotted
/// line on `today` when it falls inside. The legend uses `legend_current` for open actions,
/// `legend_previous` for finished ones and `legend_target` for today.
pub fn schedule(spans: &[Span], ticks: &[(i64, &str)], today: Option<i64>, text: &ChartText) -> String {
    let spans: Vec<&Span> = spans.iter().filter(|s| s.end >= s.start).collect();
    if spans.is_empty() {
        return empty("schedule", text);
    }
    let first = spans.iter().map(|s| s.start).min().unwrap_or(0);
    let last = spans.iter().map(|s| s.end).max().unwrap_or(first).max(first + 1);
    let (left, right, top, row) = (232.0, WIDTH - 24.0, 28.0, 22.0);
    let x_of = |day: i64| left + (right - left) * ((day - first) as f64 / (last - first) as f64).clamp(0.0, 1.0);
    let bottom = top + row * spans.len() as f64;
    let mut body = String::new();
    body.push_str(r#"<g class="chart__grid">"#);
    let shown: Vec<&(i64, &str)> = ticks.iter().filter(|(d, _)| (first..=last).contains(d)).collect();
    let step = tick_step(shown.len());
    for (i, (day, label)) in shown.iter().enumerate() {
        let x = num(x_of(*day));
        w!(
            body,
            r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{GRID}" stroke-width="1"/>"#,
            num(top - 4.0),
            num(bottom)
        );
        if i % step == 0 {
            w!(
                body,
                r#"<text class="chart__label" x="{x}" y="{}" text-anchor="middle" font-size="10" fill="{TEXT}">{}</text>"#,
                num(top - 10.0),
                esc(label)
            );
        }
    }
    body.push_str("</g>");
    body.push_str(r#"<g class="chart__bars">"#);
    for (i, span) in spans.iter().enumerate() {
        let y = top + row * i as f64;
        let label = Label::new(span.label, LABEL_MAX + 8);
        w!(
            body,
            r#"<text class="chart__label" x="{}" y="{}" text-anchor="end" font-size="{FONT}" fill="{TEXT}">{}{}</text>"#,
            num(left - 8.0),
            num(y + 15.0),
            label.title,
            label.short
        );
        let (x0, x1) = (x_of(span.start), x_of(span.end).max(x_of(span.start) + 3.0));
        let (fill, stroke, width, dash, mark) = match span.state {
            SpanState::Open => (CURRENT, CURRENT, 1.0, "", ""),
            SpanState::Late => (CURRENT, "#b42318", 3.0, "", "!"),
            SpanState::Done => (PREVIOUS, PREVIOUS, 1.0, "", "✓"),
            SpanState::Dropped => ("none", PREVIOUS, 1.5, DASHED, ""),
        };
        let dash = if dash.is_empty() { String::new() } else { format!(r#" stroke-dasharray="{dash}""#) };
        w!(
            body,
            r#"<rect x="{}" y="{}" width="{}" height="14" rx="2" fill="{fill}" stroke="{stroke}" stroke-width="{}"{dash}/>"#,
            num(x0),
            num(y + 4.0),
            num(x1 - x0),
            num(width)
        );
        if !mark.is_empty() {
            w!(
                body,
                r#"<text x="{}" y="{}" font-size="{FONT}" font-weight="bold" fill="{TEXT}">{mark}</text>"#,
                num((x1 + 4.0).min(WIDTH - 10.0)),
                num(y + 15.0)
            );
        }
    }
    body.push_str("</g>");
    if let Some(day) = today.filter(|d| (first..=last).contains(d)) {
        let x = num(x_of(day));
        w!(
            body,
            r#"<line class="chart__today" x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{TARGET}" stroke-width="2" stroke-dasharray="{DOTTED}"/>"#,
            num(top - 4.0),
            num(bottom + 4.0)
        );
    }
    let drawn = Drawn {
        current: spans.iter().any(|s| matches!(s.state, SpanState::Open | SpanState::Late)),
        previous: spans.iter().any(|s| s.state == SpanState::Done),
        target: today.is_some_and(|d| (first..=last).contains(&d)),
    };
    let legend_height = legend(&mut body, text, drawn, Kind::Schedule, bottom + 16.0);
    svg("schedule", text, bottom + 16.0 + legend_height + 8.0, &body)
}

/// Formats a share as a French percentage: `0.666` → `"67 %"` with a narrow no-break space
/// (U+202F) before `%`, rounding half away from zero. Not clamped: `1.2` → `"120 %"`.
/// `NaN` and infinities → `"—"`.
pub fn percent(share: f64) -> String {
    if !share.is_finite() {
        return "—".to_owned();
    }
    // `as` saturates on huge values and maps -0.0 to 0.
    let rounded = (share * 100.0).round() as i64;
    format!("{rounded}\u{202F}%")
}

/// Which series are drawn: those with at least one (non-NaN) value.
#[derive(Debug, Clone, Copy)]
struct Drawn {
    current: bool,
    previous: bool,
    target: bool,
}

impl Drawn {
    fn of(series: &[Series]) -> Self {
        Self {
            current: series.iter().any(|s| share(s.value).is_some()),
            previous: series.iter().any(|s| share(s.previous).is_some()),
            target: series.iter().any(|s| share(s.target).is_some()),
        }
    }
}

/// Chart kind, for legend samples that mimic the marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Radar,
    Bars,
    Schedule,
}

/// Clamps a share to `0.0..=1.0`; `NaN` is missing.
fn share(value: Option<f64>) -> Option<f64> {
    value.filter(|v| !v.is_nan()).map(|v| v.clamp(0.0, 1.0))
}

/// Step between shown x tick labels so that at most [`MAX_TICKS`] are shown.
fn tick_step(n: usize) -> usize {
    if n <= MAX_TICKS { 1 } else { (n - 1).div_ceil(MAX_TICKS - 1) }
}

/// Formats a coordinate with at most one decimal place (no "-0", no NaN).
fn num(v: f64) -> String {
    if !v.is_finite() {
        return "0".to_owned();
    }
    let mut s = format!("{v:.1}");
    if s.ends_with(".0") {
        s.truncate(s.len() - 2);
    }
    if s == "-0" {
        s = "0".to_owned();
    }
    s
}

/// Escapes text for XML content and attribute values; drops characters XML 1.0 forbids and turns
/// line breaks and tabs into spaces.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A label ready to be written inside `<text>`: escaped, shortened to `max` characters with "…",
/// with a `<title>` holding the full label when shortened (tooltip).
struct Label {
    title: String,
    short: String,
}

impl Label {
    fn new(label: &str, max: usize) -> Self {
        let label = label.trim();
        if label.chars().count() <= max {
            return Self { title: String::new(), short: esc(label) };
        }
        let mut short: String = label.chars().take(max.saturating_sub(1)).collect();
        short.truncate(short.trim_end().len());
        short.push('…');
        Self { title: format!("<title>{}</title>", esc(label)), short: esc(&short) }
    }
}

/// Makes a valid, predictable XML id prefix from the caller's one.
fn id_prefix(id: &str) -> String {
    let mut s: String =
        id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
    if s.is_empty() {
        s.push_str("chart");
    } else if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        s.insert_str(0, "chart-");
    }
    s
}

/// Wraps a chart body in the accessible root element.
fn svg(kind: &str, text: &ChartText, height: f64, body: &str) -> String {
    let id = id_prefix(text.id);
    let mut out = String::with_capacity(body.len() + 512);
    w!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart chart--{kind}" role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {} {}" width="100%" preserveAspectRatio="xMidYMid meet" font-family="sans-serif"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>{body}</svg>"#,
        num(WIDTH),
        num(height),
        esc(text.title),
        esc(text.description)
    );
    out
}

/// A chart with nothing to draw: still valid and accessible, shows "—".
fn empty(kind: &str, text: &ChartText) -> String {
    let body = format!(
        r#"<text class="chart__empty" x="{}" y="52" text-anchor="middle" font-size="16" fill="{TEXT}">—</text>"#,
        num(WIDTH / 2.0)
    );
    svg(&format!("{kind} chart--empty"), text, 80.0, &body)
}

/// Draws the legend of the drawn series from `top`, wrapping rows; returns its height (0 when
/// no series is drawn).
fn legend(out: &mut String, text: &ChartText, drawn: Drawn, kind: Kind, top: f64) -> f64 {
    let items = [
        (drawn.current, "current", text.legend_current),
        (drawn.previous, "previous", text.legend_previous),
        (drawn.target, "target", text.legend_target),
    ];
    if !items.iter().any(|(on, _, _)| *on) {
        return 0.0;
    }
    let (margin, row) = (16.0, 22.0);
    let (mut x, mut y) = (margin, top);
    out.push_str(r#"<g class="chart__legend">"#);
    for (_, which, label) in items.into_iter().filter(|(on, _, _)| *on) {
        let label = Label::new(label, LEGEND_MAX);
        let item_width = 30.0 + 7.0 * label.short.chars().count().min(LEGEND_MAX) as f64 + 24.0;
        if x > margin && x + item_width > WIDTH - margin {
            x = margin;
            y += row;
        }
        let mid = y + row / 2.0;
        w!(out, r#"<g class="chart__legend-item chart__legend-item--{which}">"#);
        match (which, kind) {
            ("current", Kind::Radar) => w!(
                out,
                r#"<rect x="{}" y="{}" width="24" height="12" fill="{CURRENT}" fill-opacity="0.2" stroke="{CURRENT}" stroke-width="2"/>"#,
                num(x),
                num(mid - 6.0)
            ),
            ("previous", Kind::Schedule) => w!(
                out,
                r#"<rect x="{}" y="{}" width="24" height="12" rx="2" fill="{PREVIOUS}"/>"#,
                num(x),
                num(mid - 6.0)
            ),
            ("current", Kind::Bars | Kind::Schedule) => {
                w!(out, r#"<rect x="{}" y="{}" width="24" height="12" fill="{CURRENT}"/>"#, num(x), num(mid - 6.0))
            }
            ("previous", _) => w!(
                out,
                r#"<line x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="{PREVIOUS}" stroke-width="3" stroke-dasharray="{DASHED}"/>"#,
                num(x),
                num(x + 24.0),
                y = num(mid)
            ),
            (_, Kind::Radar) => w!(
                out,
                r#"<line x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="{TARGET}" stroke-width="2.5" stroke-dasharray="{DOTTED}" stroke-linecap="round"/>"#,
                num(x),
                num(x + 24.0),
                y = num(mid)
            ),
            (_, Kind::Bars | Kind::Schedule) => w!(
                out,
                r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{TARGET}" stroke-width="2.5" stroke-dasharray="{DOTTED}" stroke-linecap="round"/>"#,
                num(mid - 9.0),
                num(mid + 9.0),
                x = num(x + 12.0)
            ),
        }
        w!(
            out,
            r#"<text x="{}" y="{}" font-size="{FONT}" fill="{TEXT}">{}{}</text></g>"#,
            num(x + 30.0),
            num(mid + 4.0),
            label.title,
            label.short
        );
        x += item_width;
    }
    out.push_str("</g>");
    y + row - top
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tiny well-formedness checker: balanced tags, quoted attributes without `<`, no duplicate
    /// attributes, valid entities, a single root element and no text outside it.
    fn check_xml(s: &str) -> Result<(), String> {
        let b = s.as_bytes();
        let name_byte = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':' | b'.');
        let mut stack: Vec<&str> = Vec::new();
        let (mut i, mut roots) = (0usize, 0usize);
        while i < b.len() {
            if b[i] != b'<' {
                let end = s[i..].find('<').map_or(b.len(), |e| i + e);
                let content = &s[i..end];
                if stack.is_empty() && !content.trim().is_empty() {
                    return Err(format!("text outside the root: {content:?}"));
                }
                if content.contains('>') {
                    return Err(format!("raw '>' in text: {content:?}"));
                }
                check_entities(content)?;
                i = end;
                continue;
            }
            if s[i..].starts_with("</") {
                let end = i + s[i..].find('>').ok_or("unterminated end tag")?;
                let name = &s[i + 2..end];
                match stack.pop() {
                    Some(open) if open == name => {}
                    other => return Err(format!("</{name}> closes {other:?}")),
                }
                i = end + 1;
                continue;
            }
            i += 1;
            let start = i;
            while i < b.len() && name_byte(b[i]) {
                i += 1;
            }
            let name = &s[start..i];
            if name.is_empty() {
                return Err(format!("empty tag name at {start}"));
            }
            let mut attributes: Vec<&str> = Vec::new();
            loop {
                let before = i;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i >= b.len() {
                    return Err(format!("unterminated <{name}>"));
                }
                if s[i..].starts_with("/>") {
                    i += 2;
                    roots += usize::from(stack.is_empty());
                    break;
                }
                if b[i] == b'>' {
                    i += 1;
                    roots += usize::from(stack.is_empty());
                    stack.push(name);
                    break;
                }
                if i == before {
                    return Err(format!("no space before attribute in <{name}>"));
                }
                let attribute_start = i;
                while i < b.len() && name_byte(b[i]) {
                    i += 1;
                }
                let attribute = &s[attribute_start..i];
                if attribute.is_empty() || b.get(i) != Some(&b'=') {
                    return Err(format!("bad attribute {attribute:?} in <{name}>"));
                }
                if attributes.contains(&attribute) {
                    return Err(format!("duplicate attribute {attribute} in <{name}>"));
                }
                attributes.push(attribute);
                i += 1;
                let quote = match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => q as char,
                    _ => return Err(format!("unquoted value of {attribute} in <{name}>")),
                };
                i += 1;
                let end = i + s[i..].find(quote).ok_or("unterminated attribute value")?;
                let value = &s[i..end];
                if value.contains('<') {
                    return Err(format!("'<' in value of {attribute}"));
                }
                check_entities(value)?;
                i = end + 1;
            }
        }
        if !stack.is_empty() {
            return Err(format!("unclosed: {stack:?}"));
        }
        if roots != 1 {
            return Err(format!("{roots} root elements"));
        }
        Ok(())
    }

    fn check_entities(s: &str) -> Result<(), String> {
        for (i, _) in s.match_indices('&') {
            let rest = &s[i..];
            let named = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].iter().any(|e| rest.starts_with(e));
            let numeric = rest
                .strip_prefix("&#")
                .and_then(|r| r.split_once(';'))
                .is_some_and(|(digits, _)| !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()));
            if !named && !numeric {
                return Err(format!("bad entity at {:?}", &rest[..rest.len().min(10)]));
            }
        }
        Ok(())
    }

    /// Start tags `<tag ...>` in order.
    fn tags<'s>(svg: &'s str, tag: &str) -> Vec<&'s str> {
        let open = format!("<{tag} ");
        svg.match_indices(&open).filter_map(|(i, _)| svg[i..].find('>').map(|end| &svg[i..=i + end])).collect()
    }

    /// Value of an attribute in a start tag.
    fn attr<'s>(tag: &'s str, name: &str) -> Option<&'s str> {
        let key = format!(" {name}=\"");
        let start = tag.find(&key)? + key.len();
        let end = tag[start..].find('"')?;
        Some(&tag[start..start + end])
    }

    fn text() -> ChartText<'static> {
        ChartText {
            id: "pillars",
            title: "Résultats par pilier",
            description: "Gouvernance 67 %, Environnement 40 %",
            legend_current: "Campagne 2027",
            legend_previous: "Campagne 2026",
            legend_target: "Objectif",
        }
    }

    fn full(label: &str, value: f64) -> Series<'_> {
        Series { label, value: Some(value), previous: Some(value / 2.0), target: Some(0.9) }
    }

    fn five() -> Vec<Series<'static>> {
        vec![
            full("Gouvernance", 0.666),
            full("Environnement", 0.4),
            full("Social & sociétal", 0.8),
            full("Économie", 0.25),
            full("Éthique", 1.0),
        ]
    }

    fn all_outputs() -> Vec<String> {
        let s = five();
        vec![
            radar(&s, &text()),
            radar(&s[..2], &text()),
            radar(&[], &text()),
            bars(&s, &text()),
            bars(&[], &text()),
            timeline(&[("01/2027", 0.1), ("02/2027", 0.5)], &text()),
            timeline(&[("01/2027", 0.1)], &text()),
            timeline(&[], &text()),
        ]
    }

    /// Every coordinate-like attribute has numbers with at most one decimal place.
    fn check_numbers(svg: &str) -> Result<(), String> {
        for name in
            ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "points", "viewBox", "font-size"]
        {
            let key = format!(" {name}=\"");
            for (i, _) in svg.match_indices(&key) {
                let start = i + key.len();
                let value = &svg[start..start + svg[start..].find('"').unwrap_or(0)];
                if value == "100%" {
                    continue;
                }
                for token in value.split([' ', ',']) {
                    if token.parse::<f64>().map_or(true, |v| !v.is_finite()) {
                        return Err(format!("{name}={value:?} is not numeric"));
                    }
                    if token.split_once('.').is_some_and(|(_, decimals)| decimals.len() > 1) || token == "-0" {
                        return Err(format!("{name}={value:?} has more than one decimal"));
                    }
                }
            }
        }
        Ok(())
    }

    #[test]
    fn outputs_are_well_formed_accessible_and_csp_safe() {
        for svg in all_outputs() {
            check_xml(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
            check_numbers(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
            assert!(!svg.contains("style"), "{svg}");
            assert!(!svg.contains("<script"), "{svg}");
            assert!(!svg.contains("NaN"), "{svg}");
            let root = tags(&svg, "svg")[0];
            assert_eq!(attr(root, "role"), Some("img"));
            assert_eq!(attr(root, "aria-labelledby"), Some("pillars-title pillars-desc"));
            assert_eq!(attr(root, "width"), Some("100%"));
            assert!(attr(root, "viewBox").is_some());
            assert_eq!(attr(root, "preserveAspectRatio"), Some("xMidYMid meet"));
            assert!(svg.contains(r#"<title id="pillars-title">Résultats par pilier</title>"#));
            assert!(svg.contains(r#"<desc id="pillars-desc">Gouvernance 67 %, Environnement 40 %</desc>"#));
        }
    }

    #[test]
    fn ids_are_sanitised_and_distinct_per_chart() {
        let a = bars(&five(), &ChartText { id: "a", ..text() });
        let b = bars(&five(), &ChartText { id: "b", ..text() });
        assert!(a.contains(r#"aria-labelledby="a-title a-desc""#) && a.contains(r#"id="a-title""#));
        assert!(b.contains(r#"aria-labelledby="b-title b-desc""#) && b.contains(r#"id="b-desc""#));
        let odd = radar(&five(), &ChartText { id: "1 \"x\"<y>", ..text() });
        check_xml(&odd).unwrap();
        assert!(odd.contains(r#"aria-labelledby="chart-1--x--y--title chart-1--x--y--desc""#), "{odd}");
        let none = timeline(&[], &ChartText { id: "", ..text() });
        assert!(none.contains(r#"id="chart-title""#) && none.contains(r#"id="chart-desc""#));
    }

    #[test]
    fn text_is_escaped_everywhere() {
        let evil = "<script>alert('x') & \"y\"</script>";
        let t = ChartText {
            id: "e",
            title: evil,
            description: evil,
            legend_current: evil,
            legend_previous: evil,
            legend_target: evil,
        };
        let series: Vec<Series> = (0..4).map(|_| full(evil, 0.5)).collect();
        let short = [Series { label: "<b>&</b>", ..full("", 0.5) }; 3];
        for svg in [
            radar(&series, &t),
            bars(&series, &t),
            radar(&short, &t),
            timeline(&[(evil, 0.3), ("a\u{0}b\u{1b}", 0.4)], &t),
            timeline(&[], &t),
        ] {
            check_xml(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
            assert!(!svg.contains("<script"), "{svg}");
            assert!(!svg.contains("<b>"), "{svg}");
            assert!(svg.contains("&lt;script&gt;alert(&apos;x&apos;) &amp; &quot;y&quot;"), "{svg}");
        }
    }

    #[test]
    fn long_labels_are_shortened_by_chars() {
        let long = "Égalité éèêëàâäôöûüç et diversité dans l'organisation";
        let label = Label::new(long, LABEL_MAX);
        assert_eq!(label.short.chars().count(), LABEL_MAX);
        assert!(label.short.ends_with('…'));
        assert!(label.title.contains("diversité dans l&apos;organisation"));
        let svg = bars(&[full(long, 0.5)], &text());
        check_xml(&svg).unwrap();
        assert!(svg.contains(&format!(">{}</text>", label.short)));
        // Exactly at the limit: untouched; multi-byte emoji are never split.
        let exact = "é".repeat(LABEL_MAX);
        assert_eq!(Label::new(&exact, LABEL_MAX).short, exact);
        let emoji = "🌍".repeat(40);
        assert_eq!(Label::new(&emoji, LABEL_MAX).short, format!("{}…", "🌍".repeat(LABEL_MAX - 1)));
    }

    #[test]
    fn radar_with_fewer_than_three_axes_falls_back_to_bars() {
        let s = five();
        for n in 0..3 {
            assert_eq!(radar(&s[..n], &text()), bars(&s[..n], &text()));
        }
        assert!(radar(&s[..2], &text()).contains("chart--bars"));
        assert!(radar(&s[..3], &text()).contains("chart--radar"));
        assert!(radar(&[], &text()).contains("chart--empty"));
    }

    #[test]
    fn radar_polygons_have_one_point_per_axis() {
        for n in [3, 5, 12] {
            let series: Vec<Series> = (0..n).map(|i| full("axe", i as f64 / n as f64)).collect();
            let svg = radar(&series, &text());
            let polygons = tags(&svg, "polygon");
            assert_eq!(polygons.len(), RINGS.len() + 3, "{svg}");
            for polygon in polygons {
                let points = attr(polygon, "points").unwrap();
                assert_eq!(points.split(' ').count(), n, "{polygon}");
                assert!(points.split(' ').all(|p| p.split(',').count() == 2));
            }
        }
    }

    #[test]
    fn radar_missing_values_go_to_the_centre_and_mark_the_label() {
        let mut series = five();
        series[1].value = None;
        series[2].value = Some(f64::NAN);
        let svg = radar(&series, &text());
        check_xml(&svg).unwrap();
        assert_eq!(svg.matches(" (—)").count(), 2, "{svg}");
        assert!(svg.contains(">Environnement (—)</tspan>"));
        let current = tags(&svg, "polygon").into_iter().find(|p| p.contains("chart__series--current")).unwrap();
        let points: Vec<&str> = attr(current, "points").unwrap().split(' ').collect();
        assert_eq!(points[1], "400,235");
        assert_eq!(points[2], "400,235");
        assert_eq!(tags(&svg, "circle").len(), 3);
    }

    #[test]
    fn out_of_range_and_nan_values_are_clamped() {
        let series = [
            Series { label: "a", value: Some(1.7), previous: Some(-3.0), target: Some(f64::INFINITY) },
            Series { label: "b", value: Some(f64::NAN), previous: Some(f64::NAN), target: Some(f64::NEG_INFINITY) },
            Series { label: "c", value: Some(-0.2), previous: Some(f64::NAN), target: None },
        ];
        let t = text();
        for svg in [
            radar(&series, &t),
            bars(&series, &t),
            timeline(&[("a", f64::NAN), ("b", 2.0), ("c", -1.0), ("d", f64::NAN), ("e", 0.5), ("f", f64::NAN)], &t),
            timeline(&[("a", f64::NAN)], &t),
        ] {
            check_xml(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
            check_numbers(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
            assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
            assert!(!svg.contains("170\u{202F}%") && !svg.contains("-20\u{202F}%"), "{svg}");
        }
        let svg = bars(&series, &t);
        let values: Vec<&str> = tags(&svg, "text").into_iter().filter(|t| t.contains("chart__value")).collect();
        assert_eq!(values.len(), 3);
        assert!(svg.contains("bold\" fill=\"#1f1f1f\">100\u{202F}%</text>"), "{svg}");
        assert!(svg.contains("bold\" fill=\"#1f1f1f\">0\u{202F}%</text>"), "{svg}");
        assert!(svg.contains("fill=\"#1f1f1f\">—</text>"), "{svg}");
        // Bar lengths stay within the plotting area.
        for rect in tags(&svg, "rect").into_iter().filter(|r| r.contains("chart__series--current")) {
            let width: f64 = attr(rect, "width").unwrap().parse().unwrap();
            assert!((0.0..=470.0).contains(&width), "{rect}");
        }
    }

    #[test]
    fn percent_cases() {
        assert_eq!(percent(0.0), "0\u{202F}%");
        assert_eq!(percent(1.0), "100\u{202F}%");
        assert_eq!(percent(0.125), "13\u{202F}%");
        assert_eq!(percent(0.666), "67\u{202F}%");
        assert_eq!(percent(0.005), "1\u{202F}%");
        assert_eq!(percent(-0.001), "0\u{202F}%");
        assert_eq!(percent(f64::NAN), "—");
        assert_eq!(percent(f64::INFINITY), "—");
        assert_eq!(percent(1e300), format!("{}\u{202F}%", i64::MAX));
    }

    #[test]
    fn timeline_thins_tick_labels_but_plots_every_point() {
        for n in [1usize, 2, 7, 8, 9, 15, 16, 24, 100, 1000] {
            let labels: Vec<String> = (0..n).map(|i| format!("{:02}/{}", i % 12 + 1, 2027 + i / 12)).collect();
            let points: Vec<(&str, f64)> =
                labels.iter().enumerate().map(|(i, l)| (l.as_str(), i as f64 / n as f64)).collect();
            let svg = timeline(&points, &text());
            check_xml(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
            check_numbers(&svg).unwrap();
            let ticks = tags(&svg, "text").into_iter().filter(|t| t.contains("chart__label")).count();
            assert!(ticks <= MAX_TICKS && ticks >= n.min(MAX_TICKS).min(5), "n={n}: {ticks} ticks");
            if n <= MAX_TICKS {
                assert_eq!(ticks, n);
            }
            if n == 1 {
                assert!(tags(&svg, "polyline").is_empty());
                assert_eq!(tags(&svg, "circle").len(), 1);
            } else {
                let polyline = tags(&svg, "polyline");
                assert_eq!(polyline.len(), 1);
                assert_eq!(attr(polyline[0], "points").unwrap().split(' ').count(), n);
            }
        }
    }

    #[test]
    fn empty_timeline_is_valid_and_accessible() {
        let svg = timeline(&[], &text());
        check_xml(&svg).unwrap();
        assert!(svg.contains("chart--empty") && svg.contains(">—</text>"));
        assert!(svg.contains(r#"aria-labelledby="pillars-title pillars-desc""#));
    }

    #[test]
    fn legend_shows_only_drawn_series() {
        let only_current: Vec<Series> =
            five().into_iter().map(|s| Series { previous: None, target: None, ..s }).collect();
        for svg in [radar(&only_current, &text()), bars(&only_current, &text())] {
            assert!(svg.contains("chart__legend-item--current"));
            assert!(!svg.contains("chart__legend-item--previous") && !svg.contains("Campagne 2026"));
            assert!(!svg.contains("chart__legend-item--target") && !svg.contains("Objectif"));
            assert!(!svg.contains("chart__series--previous") && !svg.contains("chart__series--target"));
        }
        let mut one_target = only_current.clone();
        one_target[3].target = Some(0.5);
        for svg in [radar(&one_target, &text()), bars(&one_target, &text())] {
            assert!(svg.contains("chart__legend-item--target") && svg.contains(">Objectif</text>"));
            assert!(!svg.contains("chart__legend-item--previous"));
        }
        for svg in [radar(&five(), &text()), bars(&five(), &text())] {
            for which in ["current", "previous", "target"] {
                assert!(svg.contains(&format!("chart__legend-item--{which}")));
            }
        }
        let nothing = [Series { label: "x", ..Series::default() }; 4];
        for svg in [radar(&nothing, &text()), bars(&nothing, &text())] {
            check_xml(&svg).unwrap();
            assert!(!svg.contains("chart__legend") && !svg.contains("chart__series"), "{svg}");
        }
    }

    #[test]
    fn series_use_distinct_stroke_patterns_and_colours() {
        for svg in [radar(&five(), &text()), bars(&five(), &text())] {
            assert!(svg.contains(&format!(r#"stroke="{PREVIOUS}" stroke-width="3" stroke-dasharray="{DASHED}""#)));
            assert!(svg.contains(&format!(r#"stroke="{TARGET}""#)) && svg.contains(DOTTED));
            assert!(svg.contains(&format!(r#"fill="{CURRENT}""#)));
            assert!(!svg.contains("fill=\"#000") && svg.contains(&format!(r#"fill="{TEXT}""#)));
        }
    }

    #[test]
    fn bars_height_grows_with_rows_and_huge_inputs_do_not_panic() {
        let height = |svg: &str| -> f64 {
            let view_box = attr(tags(svg, "svg")[0], "viewBox").unwrap();
            view_box.rsplit(' ').next().unwrap().parse().unwrap()
        };
        let few = bars(&five()[..2], &text());
        let many = bars(&five(), &text());
        assert!(height(&many) > height(&few));
        let labels: Vec<String> = (0..10_000).map(|i| format!("Objectif n°{i} <{i}>")).collect();
        let series: Vec<Series> = labels.iter().map(|l| full(l, 0.5)).collect();
        let big = bars(&series, &text());
        check_xml(&big).unwrap();
        check_numbers(&big).unwrap();
        assert!(height(&big) > 10_000.0 * 30.0);
        let big_radar = radar(&series, &text());
        check_xml(&big_radar).unwrap();
        check_numbers(&big_radar).unwrap();
    }

    #[test]
    fn numbers_have_at_most_one_decimal() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.25), "1.2");
        assert_eq!(num(1.26), "1.3");
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(f64::INFINITY), "0");
    }

    #[test]
    fn schedules_draw_one_bar_per_action_and_today() {
        let spans = [
            Span { label: "Former l'équipe <accueil>", start: 0, end: 60, state: SpanState::Done },
            Span { label: "Écrire la procédure", start: 30, end: 90, state: SpanState::Late },
            Span { label: "Abandonnée", start: 40, end: 50, state: SpanState::Dropped },
            Span { label: "À l'envers", start: 50, end: 10, state: SpanState::Open },
        ];
        let ticks = [(0, "01/2027"), (31, "02/2027"), (59, "03/2027"), (400, "hors champ")];
        let text = ChartText {
            id: "plan",
            title: "Calendrier",
            description: "3 actions",
            legend_current: "À faire",
            legend_previous: "Faite",
            legend_target: "Aujourd'hui",
        };
        let out = schedule(&spans, &ticks, Some(45), &text);
        assert_eq!(out.matches("<rect").count(), 3 + 2, "three bars (the reversed one is left out), two legend keys");
        assert!(out.contains("&lt;accueil&gt;") && !out.contains("<accueil>"), "escaped");
        assert!(out.contains("✓") && out.contains(">!<"), "states said by marks too");
        assert!(out.contains("chart__today") && !out.contains("hors champ"));
        assert!(!out.contains("style="));
        assert!(schedule(&[], &ticks, None, &text).contains("chart--empty"));
    }
}
