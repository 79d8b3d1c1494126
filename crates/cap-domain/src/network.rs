//! Figures across the network, anonymised where they leave their owners: a figure built from
//! fewer than [`MIN_ORGANISATIONS`] organisations is never shown, and when the cells of a table
//! add up to a total that is shown, enough other cells are hidden too so that no hidden cell can
//! be found again by subtracting the shown ones from the total. Medians and quartiles of peers
//! follow the same minimum.

/// The fewest organisations a shown figure may be built from.
pub const MIN_ORGANISATIONS: usize = 5;

/// A figure as it may be shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shown<T> {
    /// Built from enough organisations.
    Value(T),
    /// Hidden: too few organisations, or it would let a hidden figure be worked out.
    Suppressed,
}

impl<T> Shown<T> {
    /// The value, when shown.
    pub fn value(&self) -> Option<&T> {
        match self {
            Self::Value(v) => Some(v),
            Self::Suppressed => None,
        }
    }

    /// Whether it is hidden.
    pub fn is_suppressed(&self) -> bool {
        matches!(self, Self::Suppressed)
    }
}

/// Which cells of a partition to hide, given how many organisations each is built from, when
/// the partition's total is shown. A cell of 1 to 4 organisations is hidden (an empty cell
/// reveals nobody and stays shown); then, while the hidden cells could be worked out from the
/// total — a single hidden cell, or hidden cells that together hold fewer than the minimum —
/// the smallest shown non-empty cell is hidden as well.
pub fn suppress_partition(counts: &[usize]) -> Vec<bool> {
    let mut hidden: Vec<bool> = counts.iter().map(|&n| n > 0 && n < MIN_ORGANISATIONS).collect();
    loop {
        let hidden_cells = hidden.iter().filter(|h| **h).count();
        if hidden_cells == 0 {
            return hidden;
        }
        let hidden_total: usize = counts.iter().zip(&hidden).filter(|(_, h)| **h).map(|(n, _)| n).sum();
        if hidden_cells >= 2 && hidden_total >= MIN_ORGANISATIONS {
            return hidden;
        }
        let next = counts
            .iter()
            .enumerate()
            .filter(|(i, n)| !hidden[*i] && **n > 0)
            .min_by_key(|(i, n)| (**n, *i))
            .map(|(i, _)| i);
        match next {
            Some(i) => hidden[i] = true,
            // Nothing left to hide: every non-empty cell is hidden already.
            None => return hidden,
        }
    }
}

/// Shows a count of organisations alone (no shown total to subtract from).
pub fn count(organisations: usize) -> Shown<usize> {
    if organisations > 0 && organisations < MIN_ORGANISATIONS { Shown::Suppressed } else { Shown::Value(organisations) }
}

/// Shows the cells of a partition and its total: each cell is `(organisations, value)`. The
/// total is hidden when it is itself built from too few organisations, and then every cell too.
pub fn partition<T: Clone>(cells: &[(usize, T)]) -> (Vec<Shown<T>>, Shown<usize>) {
    let total: usize = cells.iter().map(|(n, _)| n).sum();
    if total > 0 && total < MIN_ORGANISATIONS {
        return (cells.iter().map(|_| Shown::Suppressed).collect(), Shown::Suppressed);
    }
    let counts: Vec<usize> = cells.iter().map(|(n, _)| *n).collect();
    let hidden = suppress_partition(&counts);
    let shown = cells
        .iter()
        .zip(hidden)
        .map(|((_, value), h)| if h { Shown::Suppressed } else { Shown::Value(value.clone()) })
        .collect();
    (shown, Shown::Value(total))
}

/// Whether a filtered figure built from `organisations` may be shown next to the same figure of
/// each wider view (`wider`: the organisations behind it with one filter dropped): the
/// organisations a wider view adds must be none or at least the minimum, or subtracting the two
/// would reveal them.
pub fn safe_beside(organisations: usize, wider: &[usize]) -> bool {
    organisations >= MIN_ORGANISATIONS
        && wider.iter().all(|&w| {
            let added = w.saturating_sub(organisations);
            added == 0 || added >= MIN_ORGANISATIONS
        })
}

/// A mean over organisations, shown only when built from enough of them.
pub fn mean(values: &[f64]) -> Shown<f64> {
    if values.len() < MIN_ORGANISATIONS {
        return Shown::Suppressed;
    }
    Shown::Value(values.iter().sum::<f64>() / values.len() as f64)
}

/// The spread of peers' values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quartiles {
    /// First quartile.
    pub q1: f64,
    /// Median.
    pub median: f64,
    /// Third quartile.
    pub q3: f64,
    /// How many organisations.
    pub organisations: usize,
}

/// Median and quartiles (linear interpolation between closest ranks), shown only when built
/// from enough organisations. Values that are not numbers are ignored.
pub fn quartiles(values: &[f64]) -> Shown<Quartiles> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.len() < MIN_ORGANISATIONS {
        return Shown::Suppressed;
    }
    sorted.sort_by(f64::total_cmp);
    let at = |p: f64| {
        let rank = p * (sorted.len() - 1) as f64;
        let (low, high) = (rank.floor() as usize, rank.ceil() as usize);
        sorted[low] + (sorted[high] - sorted[low]) * (rank - low as f64)
    };
    Shown::Value(Quartiles { q1: at(0.25), median: at(0.5), q3: at(0.75), organisations: sorted.len() })
}

/// Where an organisation stands among its peers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Below the first quartile.
    BottomQuarter,
    /// Between the first quartile and the median.
    BelowMedian,
    /// Between the median and the third quartile.
    AboveMedian,
    /// Above the third quartile.
    TopQuarter,
}

impl Standing {
    /// Places a score among peers' quartiles.
    pub fn of(score: f64, q: &Quartiles) -> Self {
        if score < q.q1 {
            Self::BottomQuarter
        } else if score < q.median {
            Self::BelowMedian
        } else if score <= q.q3 {
            Self::AboveMedian
        } else {
            Self::TopQuarter
        }
    }

    /// Message key of the standing.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::BottomQuarter => "benchmark.standing.bottom",
            Self::BelowMedian => "benchmark.standing.below",
            Self::AboveMedian => "benchmark.standing.above",
            Self::TopQuarter => "benchmark.standing.top",
        }
    }
}

/// The calendar year (UTC) of an instant in UTC seconds: the year a campaign belongs to.
pub fn utc_year(seconds: i64) -> i64 {
    jiff::Timestamp::from_second(seconds).map_or(1970, |t| i64::from(t.to_zoned(jiff::tz::TimeZone::UTC).year()))
}

/// The first second (UTC) of a calendar year.
pub fn utc_year_start(year: i64) -> i64 {
    let year = i16::try_from(year.clamp(1970, 9998)).unwrap_or(1970);
    jiff::civil::date(year, 1, 1).to_zoned(jiff::tz::TimeZone::UTC).map_or(0, |z| z.timestamp().as_second())
}

#[cfg(test)]
mod tests {
    #[test]
    fn years_in_utc() {
        assert_eq!(super::utc_year(0), 1970);
        assert_eq!(super::utc_year_start(2026), 1_767_225_600);
        assert_eq!(super::utc_year(1_767_225_600), 2026);
        assert_eq!(super::utc_year(1_767_225_599), 2025);
    }

    use super::*;

    fn hidden_indices(counts: &[usize]) -> Vec<usize> {
        suppress_partition(counts).iter().enumerate().filter(|(_, h)| **h).map(|(i, _)| i).collect()
    }

    #[test]
    fn small_cells_are_hidden_and_empty_ones_shown() {
        assert_eq!(count(0), Shown::Value(0));
        assert_eq!(count(4), Shown::Suppressed);
        assert_eq!(count(5), Shown::Value(5));
        assert!(hidden_indices(&[10, 0, 7]).is_empty(), "nothing small, nothing hidden");
    }

    #[test]
    fn one_hidden_cell_cannot_be_found_by_subtracting_from_the_total() {
        // 20 = 10 + 7 + 3: hiding 3 alone would leave 20 - 10 - 7 = 3.
        assert_eq!(hidden_indices(&[10, 7, 3]), vec![1, 2], "the next smallest is hidden with it");
        // Two small cells that together hold fewer than five can be worked out as a pair.
        assert_eq!(hidden_indices(&[10, 2, 1, 9]), vec![1, 2, 3]);
        // Two small cells holding five or more between them are safe.
        assert_eq!(hidden_indices(&[10, 4, 3, 9]), vec![1, 2]);
    }

    #[test]
    fn whatever_is_hidden_the_shown_cells_never_give_a_hidden_one_away() {
        // Every partition of up to 5 cells of 0 to 8 organisations.
        let mut cells = [0usize; 5];
        loop {
            for len in 1..=cells.len() {
                let counts = &cells[..len];
                let hidden = suppress_partition(counts);
                let total: usize = counts.iter().sum();
                let shown_sum: usize = counts.iter().zip(&hidden).filter(|(_, h)| !**h).map(|(n, _)| n).sum();
                let hidden_cells: Vec<usize> =
                    counts.iter().zip(&hidden).filter(|(_, h)| **h).map(|(n, _)| *n).collect();
                for (n, h) in counts.iter().zip(&hidden) {
                    assert!(*h || *n == 0 || *n >= MIN_ORGANISATIONS, "{counts:?}: a small cell is shown");
                }
                if !hidden_cells.is_empty() && total >= MIN_ORGANISATIONS {
                    let remainder = total - shown_sum;
                    let alone = hidden_cells.len() == 1;
                    let all_hidden = shown_sum == 0;
                    assert!(
                        all_hidden || (!alone && remainder >= MIN_ORGANISATIONS),
                        "{counts:?}: hidden cells can be worked out ({hidden_cells:?}, remainder {remainder})"
                    );
                }
            }
            // Next combination.
            let mut i = 0;
            while i < cells.len() && cells[i] == 8 {
                cells[i] = 0;
                i += 1;
            }
            if i == cells.len() {
                break;
            }
            cells[i] += 1;
        }
    }

    #[test]
    fn a_small_total_hides_everything() {
        let (cells, total) = partition(&[(2, "a"), (1, "b")]);
        assert_eq!(total, Shown::Suppressed);
        assert!(cells.iter().all(Shown::is_suppressed));
        let (cells, total) = partition(&[(6, 0.5), (5, 0.7), (2, 0.9)]);
        assert_eq!(total, Shown::Value(13));
        assert_eq!(cells, vec![Shown::Value(0.5), Shown::Suppressed, Shown::Suppressed]);
    }

    #[test]
    fn a_filtered_figure_hides_when_a_wider_one_would_give_the_rest_away() {
        // A region of 8 beside a nation of 12: the other 4 could be worked out.
        assert!(!safe_beside(8, &[12]));
        assert!(safe_beside(8, &[13]), "5 others are enough");
        assert!(safe_beside(8, &[8]), "nothing added");
        assert!(!safe_beside(4, &[100]), "too few on its own");
        assert!(!safe_beside(6, &[20, 9]), "any wider view counts");
        assert!(safe_beside(6, &[]), "no wider view");
    }

    #[test]
    fn means_need_five_organisations() {
        assert_eq!(mean(&[0.5; 4]), Shown::Suppressed);
        assert_eq!(mean(&[0.2, 0.4, 0.6, 0.8, 1.0]), Shown::Value(0.6));
    }

    #[test]
    fn quartiles_interpolate_and_need_five_organisations() {
        assert_eq!(quartiles(&[0.1, 0.2, 0.3, 0.4]), Shown::Suppressed);
        let q = *quartiles(&[0.5, 0.1, 0.3, 0.2, 0.4]).value().unwrap();
        assert_eq!((q.organisations, q.median), (5, 0.3));
        assert!((q.q1 - 0.2).abs() < 1e-12 && (q.q3 - 0.4).abs() < 1e-12);
        let q = *quartiles(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]).value().unwrap();
        assert!((q.q1 - 2.25).abs() < 1e-12 && (q.median - 3.5).abs() < 1e-12 && (q.q3 - 4.75).abs() < 1e-12);
        assert_eq!(quartiles(&[f64::NAN, 0.1, 0.2, 0.3, 0.4]), Shown::Suppressed, "not-a-number is no organisation");
    }

    #[test]
    fn standing_among_peers() {
        let q = Quartiles { q1: 0.25, median: 0.5, q3: 0.75, organisations: 9 };
        assert_eq!(Standing::of(0.1, &q), Standing::BottomQuarter);
        assert_eq!(Standing::of(0.25, &q), Standing::BelowMedian);
        assert_eq!(Standing::of(0.5, &q), Standing::AboveMedian);
        assert_eq!(Standing::of(0.75, &q), Standing::AboveMedian);
        assert_eq!(Standing::of(0.9, &q), Standing::TopQuarter);
    }
}
