//! Charts drawn as SVG strings on the server.
//!
//! Every chart is a self-contained `<svg>` element that:
//!
//! - uses only SVG presentation attributes and `chart…` CSS classes (no `style` attribute, no
//!   `<style>` element, no script), so it passes a strict Content-Security-Policy and renders the
//!   same in a PDF where no stylesheet applies;
//! - is accessible: `role="img"`, `aria-labelledby` pointing to its own `<title>` and `<desc>`,
//!   whose ids are derived from [`ChartText::id`] so several charts can share one page;
//! - reads at the size of body text on a phone, a laptop, a projector and paper: it is drawn for
//!   a [`Fit`], and web pages embed both fits ([`Responsive`]);
//! - never cuts a label: labels wrap onto up to [`MAX_LINES`] lines ([`wrap`]); only a longer one
//!   ends with « … », with its full text in a `<title>` (tooltip, screen readers);
//! - never relies on colour alone: the current series is solid (deep blue), the previous one
//!   dashed (grey) and the target dotted (orange);
//! - never panics: values are shares clamped to `0.0..=1.0`, `NaN` is treated as missing,
//!   labels are XML-escaped.
//!
//! Since `role="img"` hides the inner texts from assistive technologies, callers should put the
//! figures in [`ChartText::description`] and every label in full in a data table next to the
//! chart.

use std::f64::consts::{FRAC_PI_2, TAU};
use std::fmt::Write as _;

mod wrap;

pub use wrap::{Wrapped, text_width, wrap};

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
/// A white outline under a text's letters, so that a value stays legible where it crosses a line
/// (a target tick, a ring).
const HALO: &str = r##" stroke="#fff" stroke-width="4" stroke-linejoin="round" paint-order="stroke""##;
/// Dash pattern of the previous series.
const DASHED: &str = "6 4";
/// Dot pattern of the target series.
const DOTTED: &str = "2 3";
/// Font size of every text of every chart, in viewBox units; see [`Fit`] for what it shows at.
pub const FONT: f64 = 16.0;
/// Distance between the baselines of a label's lines.
const LINE: f64 = 20.0;
/// From the top of a line to its baseline.
const BASELINE: f64 = 15.0;
/// Empty space along the edges.
const MARGIN: f64 = 8.0;
/// A label takes at most this many lines; a longer one is shortened with « … ».
pub const MAX_LINES: usize = 3;
/// Room for a percentage printed after a bar (« 100 % » in bold and a gap).
const VALUE_ROOM: f64 = 4.0 * FONT;
/// Width of the column of labels on the left of bars and schedules (wide fit): most titles of
/// objectives take two lines.
const LABEL_COLUMN: f64 = 17.0 * FONT;
/// Height of a bar with its previous-value line and its target tick.
const BAR_BLOCK: f64 = 34.0;
/// At most this many x tick labels on a timeline.
const MAX_TICKS: usize = 8;
/// Above this many points, timeline points are not marked with dots (the line still passes
/// through every point).
const MAX_DOTS: usize = 60;
/// Grid rings / ticks, as shares.
const RINGS: [f64; 4] = [0.25, 0.5, 0.75, 1.0];
/// A wide radar with more axes than this numbers them and lists their labels below, as the
/// narrow one always does: labels around the circle would run into each other.
const RADAR_LABELS_MAX: usize = 8;

/// Writes into a `String`; writing into a `String` cannot fail.
macro_rules! w {
    ($dst:expr, $($arg:tt)*) => {{
        let _ = write!($dst, $($arg)*);
    }};
}

/// The layout a chart is drawn for.
///
/// A chart's viewBox is scaled to the width it is shown at, so a text of [`FONT`] units shows
/// at `FONT × shown width / viewBox width`. Each fit sets the viewBox width to a number of label
/// font sizes ([`Fit::ems`]): shown that many ems of body text wide, labels are exactly the size
/// of body text.
///
/// - [`Fit::Wide`] (40 ems) for laptops, projectors and paper. The stylesheet shows it `40em`
///   wide, 760 px at the 19 px body text of wide screens, and larger wherever the text is larger
///   (a projector view); on screens narrower than that it gives way to the narrow fit. The PDF
///   shows it 40 ems of its own text wide (400 pt of the 487 pt of an A4 line at 10 pt).
/// - [`Fit::Narrow`] (18 ems) for phones: labels above the bars, the radar's axes numbered with
///   a key below. It fills the column up to `22em`: 328 px on a 360 px phone, so 18.2 px labels
///   for 18 px body text (16 px on a 320 px phone), and at most a fifth larger than body text.
///
/// The tests check both against these widths, and `cap-web` checks its stylesheet against
/// [`Fit::ems`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Phones: 18 ems wide.
    Narrow,
    /// Laptops, projectors, paper: 40 ems wide.
    Wide,
}

impl Fit {
    /// Both fits, narrow first.
    pub const ALL: [Self; 2] = [Self::Narrow, Self::Wide];

    /// Width of the chart's viewBox in label font sizes.
    pub const fn ems(self) -> f64 {
        match self {
            Self::Narrow => 18.0,
            Self::Wide => 40.0,
        }
    }

    /// Width of the chart's viewBox.
    pub const fn width(self) -> f64 {
        self.ems() * FONT
    }

    /// The name in the root element's class (`chart--narrow`, `chart--wide`).
    pub const fn name(self) -> &'static str {
        match self {
            Self::Narrow => "narrow",
            Self::Wide => "wide",
        }
    }
}

/// A chart drawn in both fits, for a web page. It displays as the narrow `<svg>` followed by the
/// wide one; the stylesheet shows one of them (`svg.chart--narrow`, `svg.chart--wide`), the
/// other is `display: none` and so out of the accessibility tree too.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Responsive {
    /// For phones.
    pub narrow: String,
    /// For wider screens (and paper).
    pub wide: String,
}

impl Responsive {
    /// Draws a chart in both fits.
    pub fn draw(chart: impl Fn(Fit) -> String) -> Self {
        Self { narrow: chart(Fit::Narrow), wide: chart(Fit::Wide) }
    }
}

impl std::fmt::Display for Responsive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.narrow)?;
        f.write_str(&self.wide)
    }
}

/// One axis/bar of a chart.
///
/// Values are shares in `0.0..=1.0`; out-of-range values are clamped and `NaN` counts as missing.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Series<'a> {
    /// Axis (radar) or row (bars) label, plain text: it is escaped and wrapped when drawn.
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
    /// Prefix of the element ids (`{id}-title`, `{id}-desc`; `{id}-narrow-…` for the narrow fit);
    /// must be unique on the page. Characters other than ASCII letters, digits, `-` and `_` are
    /// replaced by `-`, and the prefix `chart-` is added when it does not start with a letter.
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
/// the centre). With fewer than 3 axes, falls back to [`bars`]. Includes a small legend for the
/// series that are drawn.
///
/// The wide fit writes each label, wrapped, beside its axis with the current value beneath it
/// (a missing value appends " (—)" to the label). The narrow fit, and the wide one beyond
/// eight axes, number the axes and list the numbers below the radar with the labels and values.
pub fn radar(series: &[Series], text: &ChartText, fit: Fit) -> String {
    let n = series.len();
    if n < 3 {
        return bars(series, text, fit);
    }
    let drawn = Drawn::of(series);
    let width = fit.width();
    let keyed = fit == Fit::Narrow || n > RADAR_LABELS_MAX;
    let cx = width / 2.0;
    // Room around the circle for the axis numbers (keyed) or first lines of labels.
    let number_room = 1.6 * FONT;
    let radius = if keyed { (cx - MARGIN - number_room).min(8.0 * FONT) } else { 8.0 * FONT };
    let direction = |i: usize| {
        let angle = -FRAC_PI_2 + TAU * i as f64 / n as f64;
        (angle.cos(), angle.sin())
    };

    // Axis labels, placed around the centre (0, 0); the centre then goes as low as the highest
    // label needs.
    struct Placed {
        x: f64,
        top: f64,
        anchor: &'static str,
        label: Label,
        value: Option<f64>,
    }
    let mut placed: Vec<Placed> = Vec::new();
    let (mut above, mut below) = (radius + number_room, radius + number_room);
    if !keyed {
        let gap = 0.75 * FONT;
        for (i, s) in series.iter().enumerate() {
            let (c, sin) = direction(i);
            let (lx, ly) = ((radius + gap) * c, (radius + gap) * sin);
            let side = cx - MARGIN - lx.abs();
            let (anchor, room) = if c > 0.25 {
                ("start", side)
            } else if c < -0.25 {
                ("end", side)
            } else {
                ("middle", (2.0 * side).min(20.0 * FONT))
            };
            let value = share(s.value);
            let marker = if value.is_none() { " (—)" } else { "" };
            let label = Label::new(&format!("{}{marker}", s.label), room, MAX_LINES);
            let block = label.height() + if value.is_some() { LINE } else { 0.0 };
            let top = if sin < -0.25 {
                ly - block
            } else if sin > 0.25 {
                ly
            } else {
                ly - block / 2.0
            };
            above = above.max(-top);
            below = below.max(top + block);
            placed.push(Placed { x: lx, top, anchor, label, value });
        }
    }
    let cy = MARGIN + above;
    let point = |i: usize, share: f64| -> (f64, f64) {
        let (c, sin) = direction(i);
        (cx + radius * share * c, cy + radius * share * sin)
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
    // Every other ring's value, just inside it along the first (vertical) axis.
    body.push_str(r#"<g class="chart__ticks">"#);
    for ring in [0.5, 1.0] {
        w!(
            body,
            r#"<text x="{}" y="{}"{HALO} font-size="{}" fill="{TEXT}">{}</text>"#,
            num(cx + 4.0),
            num(cy - radius * ring + BASELINE),
            num(FONT),
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
    body.push_str(r#"<g class="chart__labels">"#);
    let mut bottom = cy + below;
    if keyed {
        // Numbers at the end of the axes, then the key: number, label, value.
        for i in 0..n {
            let (c, sin) = direction(i);
            let distance = radius + number_room / 2.0;
            w!(
                body,
                r#"<text class="chart__axis" x="{}" y="{}" text-anchor="middle" font-size="{}" font-weight="bold" fill="{TEXT}">{}</text>"#,
                num(cx + distance * c),
                num(cy + distance * sin + 0.35 * FONT),
                num(FONT),
                i + 1
            );
        }
        let indent = 2.0 * FONT;
        let room = width - 2.0 * MARGIN - indent - VALUE_ROOM;
        let mut y = bottom + 0.5 * FONT;
        for (i, s) in series.iter().enumerate() {
            let label = Label::new(s.label, room, MAX_LINES);
            let baseline = y + BASELINE;
            w!(
                body,
                r#"<g class="chart__key"><text x="{}" y="{}" font-size="{}" font-weight="bold" fill="{TEXT}">{}</text>"#,
                num(MARGIN),
                num(baseline),
                num(FONT),
                i + 1
            );
            label.write(&mut body, "chart__label", MARGIN + indent, baseline, "start", "");
            w!(
                body,
                r#"<text class="chart__value" x="{}" y="{}" text-anchor="end" font-size="{}" font-weight="bold" fill="{TEXT}">{}</text></g>"#,
                num(width - MARGIN),
                num(baseline),
                num(FONT),
                share(s.value).map_or_else(|| "—".to_owned(), percent)
            );
            y += label.height() + 4.0;
        }
        bottom = y;
    } else {
        // Each label beside its axis, with the current value on the line after it.
        for p in &placed {
            let x = cx + p.x;
            let baseline = cy + p.top + BASELINE;
            let value = p.value.map_or_else(String::new, |v| {
                format!(
                    r#"<tspan class="chart__value" x="{}" y="{}" font-weight="bold">{}</tspan>"#,
                    num(x),
                    num(baseline + p.label.height()),
                    percent(v)
                )
            });
            p.label.write(&mut body, "chart__label", x, baseline, p.anchor, &value);
        }
    }
    body.push_str("</g>");
    let legend_top = bottom + FONT;
    let legend_height = legend(&mut body, text, drawn, Kind::Radar, legend_top, width);
    svg("radar", text, fit, legend_top + legend_height + MARGIN, &body)
}

/// Horizontal bars (objectives): one row per entry, bar length = value, percentage printed at
/// the bar end, a thin dashed bar for previous when present, a short vertical dotted tick for
/// the target when present. The wide fit writes each label, wrapped, on the left of its bar; the
/// narrow fit above it. Height grows with the number of rows and of label lines. Same legend
/// rule as [`radar`]: only the series that are drawn are in the legend.
///
/// A missing current value prints "—" instead of a bar. No entry at all draws an empty chart.
pub fn bars(series: &[Series], text: &ChartText, fit: Fit) -> String {
    if series.is_empty() {
        return empty("bars", text, fit);
    }
    let drawn = Drawn::of(series);
    let width = fit.width();
    let above = fit == Fit::Narrow;
    // Narrow: labels take the whole width above the bars, which start far enough in for the
    // « 0 % » tick. Wide: labels in a column on the left.
    let (label_x, label_room, x0) = if above {
        (MARGIN, width - 2.0 * MARGIN, MARGIN + FONT)
    } else {
        (MARGIN + LABEL_COLUMN, LABEL_COLUMN, MARGIN + LABEL_COLUMN + 0.5 * FONT)
    };
    let bar_width = width - x0 - VALUE_ROOM - MARGIN;
    let value_baseline = 20.0;

    let mut rows = String::new();
    let mut blocks: Vec<(f64, f64)> = Vec::new();
    let mut y = MARGIN;
    for s in series {
        let label = Label::new(s.label, label_room, MAX_LINES);
        let (bar_y, next) = if above {
            let bar_y = y + label.height() + 2.0;
            (bar_y, bar_y + BAR_BLOCK + 10.0)
        } else {
            (y, y + (label.height() + 6.0).max(BAR_BLOCK) + 10.0)
        };
        blocks.push((bar_y, bar_y + BAR_BLOCK));
        rows.push_str(r#"<g class="chart__row">"#);
        if above {
            label.write(&mut rows, "chart__label", label_x, y + BASELINE, "start", "");
        } else {
            label.write(&mut rows, "chart__label", label_x, y + value_baseline, "end", "");
        }
        if let Some(v) = share(s.value) {
            w!(
                rows,
                r#"<rect class="chart__series chart__series--current" x="{}" y="{}" width="{}" height="16" fill="{CURRENT}"/>"#,
                num(x0),
                num(bar_y + 6.0),
                num(bar_width * v)
            );
        }
        if let Some(p) = share(s.previous) {
            w!(
                rows,
                r#"<line class="chart__series chart__series--previous" x1="{x}" y1="{y}" x2="{}" y2="{y}" stroke="{PREVIOUS}" stroke-width="3" stroke-dasharray="{DASHED}"/>"#,
                num(x0 + bar_width * p),
                x = num(x0),
                y = num(bar_y + 27.0)
            );
        }
        if let Some(t) = share(s.target) {
            w!(
                rows,
                r#"<line class="chart__series chart__series--target" x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{TARGET}" stroke-width="2.5" stroke-dasharray="{DOTTED}" stroke-linecap="round"/>"#,
                num(bar_y + 1.0),
                num(bar_y + 33.0),
                x = num(x0 + bar_width * t)
            );
        }
        // The value last, over the target's tick.
        let baseline = num(bar_y + value_baseline);
        match share(s.value) {
            Some(v) => w!(
                rows,
                r#"<text class="chart__value" x="{}" y="{baseline}"{HALO} font-size="{}" font-weight="bold" fill="{TEXT}">{}</text>"#,
                num(x0 + bar_width * v + 6.0),
                num(FONT),
                percent(v)
            ),
            None => w!(
                rows,
                r#"<text class="chart__value" x="{}" y="{baseline}"{HALO} font-size="{}" fill="{TEXT}">—</text>"#,
                num(x0 + 6.0),
                num(FONT)
            ),
        }
        rows.push_str("</g>");
        y = next;
    }
    let axis_y = y - 10.0;
    // Wide: grid lines run the whole height; narrow: only across the bars, not the labels.
    if !above {
        blocks = vec![(MARGIN, axis_y)];
    }
    // Ticks every quarter when « 100 % » fits between two, else every half.
    let tick_room = text_width(&percent(1.0)) * FONT + 0.5 * FONT;
    let ticks: &[f64] = if bar_width / 4.0 >= tick_room { &[0.0, 0.25, 0.5, 0.75, 1.0] } else { &[0.0, 0.5, 1.0] };

    let mut body = String::new();
    body.push_str(r#"<g class="chart__grid">"#);
    for tick in std::iter::once(0.0).chain(RINGS) {
        let stroke = if tick == 0.0 { AXIS } else { GRID };
        verticals(&mut body, x0 + bar_width * tick, &blocks, &format!(r#" stroke="{stroke}" stroke-width="1""#));
    }
    body.push_str("</g>");
    body.push_str(r#"<g class="chart__ticks">"#);
    for tick in ticks {
        w!(
            body,
            r#"<text x="{}" y="{}" text-anchor="middle" font-size="{}" fill="{TEXT}">{}</text>"#,
            num(x0 + bar_width * tick),
            num(axis_y + 4.0 + BASELINE),
            num(FONT),
            percent(*tick)
        );
    }
    body.push_str("</g>");
    body.push_str(r#"<g class="chart__rows">"#);
    body.push_str(&rows);
    body.push_str("</g>");
    let legend_top = axis_y + 4.0 + LINE + FONT;
    let legend_height = legend(&mut body, text, drawn, Kind::Bars, legend_top, width);
    svg("bars", text, fit, legend_top + legend_height + MARGIN, &body)
}

/// A line chart of a share over time (plan completion): points are (label of the x tick such as
/// "03/2027", share 0..=1); y axis 0–100 % with gridlines; x tick labels are thinned evenly so
/// that they never overlap (at most 8) but every point is plotted; a single point draws a dot.
/// The last point's percentage is printed next to it. A `NaN` share leaves a gap in the line.
///
/// Empty input returns an SVG showing "—" (still valid and accessible).
pub fn timeline(points: &[(&str, f64)], text: &ChartText, fit: Fit) -> String {
    let n = points.len();
    if n == 0 {
        return empty("timeline", text, fit);
    }
    let width = fit.width();
    let labels: Vec<Label> = points.iter().map(|(label, _)| Label::new(label, 10.0 * FONT, 2)).collect();
    let label_width = labels.iter().map(Label::width).fold(0.0, f64::max);
    let label_height = labels.iter().map(Label::height).fold(LINE, f64::max);
    let y_labels = text_width(&percent(1.0)) * FONT;
    let left = (MARGIN + y_labels + 8.0).max(MARGIN + label_width / 2.0);
    let right = width - MARGIN - (label_width / 2.0).max(FONT);
    let top = MARGIN + LINE + 4.0;
    let bottom = top + if fit == Fit::Narrow { 10.0 } else { 15.0 } * FONT;
    // Below the « 0 % » of the y axis.
    const TICK_BASELINE: f64 = 24.0;
    let step_x = if n == 1 { f64::INFINITY } else { (right - left) / (n - 1) as f64 };
    let x_of = |i: usize| if n == 1 { (left + right) / 2.0 } else { left + step_x * i as f64 };
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
            r#"<text x="{}" y="{}" text-anchor="end" font-size="{}" fill="{TEXT}">{}</text>"#,
            num(left - 8.0),
            num(y_of(tick) + 0.35 * FONT),
            num(FONT),
            percent(tick)
        );
    }
    let step = label_step(n, label_width, step_x);
    for (i, label) in labels.iter().enumerate().filter(|(i, _)| i % step == 0) {
        let x = x_of(i);
        w!(
            body,
            r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{AXIS}" stroke-width="1"/>"#,
            num(bottom),
            num(bottom + 5.0),
            x = num(x)
        );
        label.write(&mut body, "chart__label", x, bottom + TICK_BASELINE, "middle", "");
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
        let value = percent(v);
        let room = text_width(&value) * wrap::BOLD * FONT + 6.0;
        let (anchor, dx) = if x + room > width - MARGIN { ("end", -6.0) } else { ("start", 6.0) };
        w!(
            body,
            r#"<text class="chart__value" x="{}" y="{}" text-anchor="{anchor}"{HALO} font-size="{}" font-weight="bold" fill="{TEXT}">{value}</text>"#,
            num(x + dx),
            num((y_of(v) - 8.0).max(top + 4.0)),
            num(FONT)
        );
    }
    svg("timeline", text, fit, bottom + TICK_BASELINE - BASELINE + label_height + MARGIN, &body)
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

/// A schedule (Gantt chart): one row per span with its label wrapped on the left (wide fit) or
/// above (narrow fit), month ticks given as (day, label) and thinned so that they never overlap,
/// and a dotted line on `today` when it falls inside. The legend uses `legend_current` for open
/// actions, `legend_previous` for finished ones and `legend_target` for today.
pub fn schedule(spans: &[Span], ticks: &[(i64, &str)], today: Option<i64>, text: &ChartText, fit: Fit) -> String {
    let spans: Vec<&Span> = spans.iter().filter(|s| s.end >= s.start).collect();
    if spans.is_empty() {
        return empty("schedule", text, fit);
    }
    let width = fit.width();
    let above = fit == Fit::Narrow;
    let first = spans.iter().map(|s| s.start).min().unwrap_or(0);
    let last = spans.iter().map(|s| s.end).max().unwrap_or(first).max(first + 1);
    let shown: Vec<&(i64, &str)> = ticks.iter().filter(|(d, _)| (first..=last).contains(d)).collect();
    let tick_width = shown.iter().map(|(_, l)| text_width(l) * FONT).fold(0.0, f64::max);
    let (label_room, left) = if above {
        (width - 2.0 * MARGIN, MARGIN + tick_width / 2.0)
    } else {
        (LABEL_COLUMN, MARGIN + LABEL_COLUMN + 0.5 * FONT)
    };
    let right = width - MARGIN - (tick_width / 2.0).max(1.2 * FONT);
    let top = MARGIN + LINE + 6.0;
    let x_of = |day: i64| left + (right - left) * ((day - first) as f64 / (last - first) as f64).clamp(0.0, 1.0);

    let mut bars = String::new();
    let mut blocks: Vec<(f64, f64)> = Vec::new();
    let mut y = top;
    for span in &spans {
        let label = Label::new(span.label, label_room, MAX_LINES);
        let (bar_y, next) = if above {
            label.write(&mut bars, "chart__label", MARGIN, y + BASELINE, "start", "");
            let bar_y = y + label.height() + 2.0;
            (bar_y, bar_y + 16.0 + 10.0)
        } else {
            label.write(&mut bars, "chart__label", left - 8.0, y + 16.0, "end", "");
            (y + 3.0, y + label.height().max(22.0) + 6.0)
        };
        blocks.push((bar_y - 3.0, bar_y + 19.0));
        let (x0, x1) = (x_of(span.start), x_of(span.end).max(x_of(span.start) + 3.0));
        let (fill, stroke, stroke_width, dash, mark) = match span.state {
            SpanState::Open => (CURRENT, CURRENT, 1.0, "", ""),
            SpanState::Late => (CURRENT, "#b42318", 3.0, "", "!"),
            SpanState::Done => (PREVIOUS, PREVIOUS, 1.0, "", "✓"),
            SpanState::Dropped => ("none", PREVIOUS, 1.5, DASHED, ""),
        };
        let dash = if dash.is_empty() { String::new() } else { format!(r#" stroke-dasharray="{dash}""#) };
        w!(
            bars,
            r#"<rect x="{}" y="{}" width="{}" height="16" rx="2" fill="{fill}" stroke="{stroke}" stroke-width="{}"{dash}/>"#,
            num(x0),
            num(bar_y),
            num(x1 - x0),
            num(stroke_width)
        );
        if !mark.is_empty() {
            w!(
                bars,
                r#"<text x="{}" y="{}" font-size="{}" font-weight="bold" fill="{TEXT}">{mark}</text>"#,
                num((x1 + 4.0).min(width - MARGIN - FONT)),
                num(bar_y + 13.0),
                num(FONT)
            );
        }
        y = next;
    }
    let bottom = y - 6.0;
    // Wide: vertical lines run the whole height; narrow: only across the bars, not the labels.
    if !above {
        blocks = vec![(top - 4.0, bottom)];
    }

    let mut body = String::new();
    body.push_str(r#"<g class="chart__grid">"#);
    let gaps = shown.windows(2).map(|pair| x_of(pair[1].0) - x_of(pair[0].0)).fold(f64::INFINITY, f64::min);
    let step = label_step(shown.len(), tick_width, gaps);
    for (i, (day, label)) in shown.iter().enumerate() {
        verticals(&mut body, x_of(*day), &blocks, &format!(r#" stroke="{GRID}" stroke-width="1""#));
        let x = num(x_of(*day));
        if i % step == 0 {
            w!(
                body,
                r#"<text class="chart__tick" x="{x}" y="{}" text-anchor="middle" font-size="{}" fill="{TEXT}">{}</text>"#,
                num(top - 10.0),
                num(FONT),
                esc(label)
            );
        }
    }
    body.push_str("</g>");
    body.push_str(r#"<g class="chart__bars">"#);
    body.push_str(&bars);
    body.push_str("</g>");
    if let Some(day) = today.filter(|d| (first..=last).contains(d)) {
        let marks = if above { blocks.clone() } else { vec![(top - 4.0, bottom + 4.0)] };
        body.push_str(r#"<g class="chart__today">"#);
        let look = format!(r#" stroke="{TARGET}" stroke-width="2" stroke-dasharray="{DOTTED}""#);
        verticals(&mut body, x_of(day), &marks, &look);
        body.push_str("</g>");
    }
    let drawn = Drawn {
        current: spans.iter().any(|s| matches!(s.state, SpanState::Open | SpanState::Late)),
        previous: spans.iter().any(|s| s.state == SpanState::Done),
        target: today.is_some_and(|d| (first..=last).contains(&d)),
    };
    let legend_top = bottom + FONT;
    let legend_height = legend(&mut body, text, drawn, Kind::Schedule, legend_top, width);
    svg("schedule", text, fit, legend_top + legend_height + MARGIN, &body)
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

/// Step between shown x tick labels `width` wide on points `spacing` apart: at most
/// [`MAX_TICKS`] labels, each at least its width and a gap from the next.
fn label_step(n: usize, width: f64, spacing: f64) -> usize {
    let apart = ((width + 0.75 * FONT) / spacing).ceil();
    tick_step(n).max(if apart.is_finite() && apart >= 1.0 { apart as usize } else { 1 })
}

/// Vertical lines at `x`, one across each (top, bottom) of `spans`, with the given attributes.
fn verticals(out: &mut String, x: f64, spans: &[(f64, f64)], look: &str) {
    let x = num(x);
    for (top, bottom) in spans {
        w!(out, r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}"{look}/>"#, num(*top), num(*bottom));
    }
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

/// A label wrapped to a width in viewBox units: its lines and, when it had to be shortened, its
/// full text.
struct Label {
    lines: Vec<String>,
    full: Option<String>,
}

impl Label {
    fn new(text: &str, room: f64, max_lines: usize) -> Self {
        let wrapped = wrap(text, room / FONT, max_lines);
        let full = wrapped.shortened.then(|| text.split_whitespace().collect::<Vec<_>>().join(" "));
        Self { lines: wrapped.lines, full }
    }

    /// Height of its lines (one line when blank).
    fn height(&self) -> f64 {
        self.lines.len().max(1) as f64 * LINE
    }

    /// Width of its widest line.
    fn width(&self) -> f64 {
        self.lines.iter().map(|l| text_width(l)).fold(0.0, f64::max) * FONT
    }

    /// Writes the label as one `<text>` with a `<tspan>` per line, the first baseline at
    /// `baseline`; the full text first in a `<title>` when shortened; `tail` (more tspans) last.
    fn write(&self, out: &mut String, class: &str, x: f64, baseline: f64, anchor: &str, tail: &str) {
        let x = num(x);
        w!(
            out,
            r#"<text class="{class}" x="{x}" y="{}" text-anchor="{anchor}" font-size="{}" fill="{TEXT}">"#,
            num(baseline),
            num(FONT)
        );
        if let Some(full) = &self.full {
            w!(out, "<title>{}</title>", esc(full));
        }
        for (i, line) in self.lines.iter().enumerate() {
            w!(out, r#"<tspan x="{x}" y="{}">{}</tspan>"#, num(baseline + LINE * i as f64), esc(line));
        }
        out.push_str(tail);
        out.push_str("</text>");
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
fn svg(kind: &str, text: &ChartText, fit: Fit, height: f64, body: &str) -> String {
    let mut id = id_prefix(text.id);
    if fit == Fit::Narrow {
        id.push_str("-narrow");
    }
    let mut out = String::with_capacity(body.len() + 512);
    w!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart chart--{kind} chart--{}" role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {} {}" width="100%" preserveAspectRatio="xMidYMid meet" font-family="sans-serif"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>{body}</svg>"#,
        fit.name(),
        num(fit.width()),
        num(height),
        esc(text.title),
        esc(text.description)
    );
    out
}

/// A chart with nothing to draw: still valid and accessible, shows "—".
fn empty(kind: &str, text: &ChartText, fit: Fit) -> String {
    let body = format!(
        r#"<text class="chart__empty" x="{}" y="52" text-anchor="middle" font-size="{}" fill="{TEXT}">—</text>"#,
        num(fit.width() / 2.0),
        num(FONT)
    );
    svg(&format!("{kind} chart--empty"), text, fit, 80.0, &body)
}

/// Draws the legend of the drawn series from `top`, an entry after the other and on as many
/// rows as it takes, each label wrapped to the width; returns its height (0 when no series is
/// drawn).
fn legend(out: &mut String, text: &ChartText, drawn: Drawn, kind: Kind, top: f64, width: f64) -> f64 {
    let items = [
        (drawn.current, "current", text.legend_current),
        (drawn.previous, "previous", text.legend_previous),
        (drawn.target, "target", text.legend_target),
    ];
    if !items.iter().any(|(on, _, _)| *on) {
        return 0.0;
    }
    let (sample, gap) = (30.0, 1.5 * FONT);
    let room = width - 2.0 * MARGIN - sample;
    let (mut x, mut y, mut row) = (MARGIN, top, 0.0_f64);
    out.push_str(r#"<g class="chart__legend">"#);
    for (_, which, label) in items.into_iter().filter(|(on, _, _)| *on) {
        let label = Label::new(label, room, MAX_LINES);
        if x > MARGIN && x + sample + label.width() > width - MARGIN {
            x = MARGIN;
            y += row;
            row = 0.0;
        }
        let mid = y + LINE / 2.0;
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
        label.write(out, "chart__legend-label", x + sample, y + BASELINE, "start", "");
        out.push_str("</g>");
        row = row.max(label.height() + 4.0);
        x += sample + label.width() + gap;
    }
    out.push_str("</g>");
    y + row - top
}

#[cfg(test)]
mod tests;
