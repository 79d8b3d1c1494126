//! A campaign's activity figures for the State's « dialogue de gestion »: people in insertion
//! pathways, hours, and exits by the State's categories (emploi durable, emploi de transition,
//! sorties positives, autres). Counts are typed once; rates are computed from them, so a rate
//! can never contradict its count.

/// The counts, as the coordinator typed them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ActivityFigures {
    /// People employed in an insertion pathway over the year.
    pub people: u32,
    /// Of whom women.
    pub women: u32,
    /// Hours worked by them over the year.
    pub hours_worked: u32,
    /// Hours of training they followed.
    pub training_hours: u32,
    /// People who left their pathway over the year.
    pub exits: u32,
    /// Exits to lasting employment (permanent contract, or fixed-term or temping of six months
    /// or more).
    pub durable: u32,
    /// Exits to transitional employment (shorter contracts, subsidised contracts).
    pub transition: u32,
    /// Positive exits (qualifying training, another insertion structure…).
    pub positive: u32,
    /// Other exits.
    pub other: u32,
}

/// The fields of the form, in order: (field name, message key of its label).
pub const FIELDS: [(&str, &str); 9] = [
    ("people", "activity.people"),
    ("women", "activity.women"),
    ("hours_worked", "activity.hours_worked"),
    ("training_hours", "activity.training_hours"),
    ("exits", "activity.exits"),
    ("durable", "activity.durable"),
    ("transition", "activity.transition"),
    ("positive", "activity.positive"),
    ("other", "activity.other"),
];

/// A field's problem: (field name, message key).
pub type FieldError = (&'static str, &'static str);

/// A count typed in a field: spaces (« 1 250 ») allowed, empty meaning 0.
fn count(field: &'static str, raw: &str) -> Result<u32, FieldError> {
    let digits: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '\u{202f}').collect();
    if digits.is_empty() {
        return Ok(0);
    }
    if digits.starts_with('-') {
        return Err((field, "error.activity.negative"));
    }
    digits.parse::<u32>().map_err(|_| (field, "error.activity.whole_number"))
}

impl ActivityFigures {
    /// Reads the form's values (by field name, see [`FIELDS`]) and checks they hold together:
    /// whole, non-negative counts; women and exits among the people; exits by category among
    /// the exits. Every problem is returned, each beside its field.
    pub fn parse(value: impl Fn(&str) -> String) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut read = |field: &'static str| {
            count(field, &value(field)).unwrap_or_else(|e| {
                errors.push(e);
                0
            })
        };
        let f = Self {
            people: read("people"),
            women: read("women"),
            hours_worked: read("hours_worked"),
            training_hours: read("training_hours"),
            exits: read("exits"),
            durable: read("durable"),
            transition: read("transition"),
            positive: read("positive"),
            other: read("other"),
        };
        errors.extend(f.inconsistencies());
        if errors.is_empty() { Ok(f) } else { Err(errors) }
    }

    /// What does not hold together, beside the field to correct.
    pub fn inconsistencies(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        if self.women > self.people {
            out.push(("women", "error.activity.women_over_people"));
        }
        if self.exits > self.people {
            out.push(("exits", "error.activity.exits_over_people"));
        }
        if self.categorised() > u64::from(self.exits) {
            out.push(("other", "error.activity.categories_over_exits"));
        }
        out
    }

    /// Exits counted in a category.
    pub fn categorised(&self) -> u64 {
        [self.durable, self.transition, self.positive, self.other].iter().map(|n| u64::from(*n)).sum()
    }

    /// The rates, computed from the counts (none without exits or people).
    pub fn rates(&self) -> Rates {
        let share = |part: u32, of: u32| (of > 0).then(|| f64::from(part) / f64::from(of));
        Rates {
            durable: share(self.durable, self.exits),
            transition: share(self.transition, self.exits),
            positive: share(self.positive, self.exits),
            dynamic: share(self.durable + self.transition + self.positive, self.exits),
            women: share(self.women, self.people),
        }
    }

    /// Whether nothing was typed yet.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Rates of exits (over the exits) and the share of women (over the people), between 0 and 1.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rates {
    /// Exits to lasting employment.
    pub durable: Option<f64>,
    /// Exits to transitional employment.
    pub transition: Option<f64>,
    /// Positive exits.
    pub positive: Option<f64>,
    /// « Sorties dynamiques »: the three together.
    pub dynamic: Option<f64>,
    /// Women among the people.
    pub women: Option<f64>,
}

/// The network's totals over several organisations' figures, with the rates recomputed from the
/// summed counts (never averaged), shown only from `min_organisations` organisations so that no
/// member's figures can be read back.
pub fn network_totals(all: &[ActivityFigures], min_organisations: usize) -> Option<ActivityFigures> {
    if all.len() < min_organisations.max(1) {
        return None;
    }
    Some(all.iter().fold(ActivityFigures::default(), |t, f| ActivityFigures {
        people: t.people.saturating_add(f.people),
        women: t.women.saturating_add(f.women),
        hours_worked: t.hours_worked.saturating_add(f.hours_worked),
        training_hours: t.training_hours.saturating_add(f.training_hours),
        exits: t.exits.saturating_add(f.exits),
        durable: t.durable.saturating_add(f.durable),
        transition: t.transition.saturating_add(f.transition),
        positive: t.positive.saturating_add(f.positive),
        other: t.other.saturating_add(f.other),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn form(pairs: &[(&str, &str)]) -> impl Fn(&str) -> String {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        move |k| map.get(k).cloned().unwrap_or_default()
    }

    #[test]
    fn counts_are_read_as_people_type_them() {
        let f = ActivityFigures::parse(form(&[
            ("people", "42"),
            ("women", " 18 "),
            ("hours_worked", "31 250"),
            ("training_hours", "1\u{202f}200"),
            ("exits", "20"),
            ("durable", "6"),
            ("transition", "5"),
            ("positive", "4"),
            ("other", "3"),
        ]))
        .unwrap();
        assert_eq!((f.people, f.women, f.hours_worked, f.training_hours), (42, 18, 31_250, 1_200));
        assert_eq!(f.categorised(), 18, "two exits without a category are allowed");
        assert!(ActivityFigures::parse(form(&[])).unwrap().is_empty(), "nothing typed: zeros");
    }

    #[test]
    fn every_problem_is_told_beside_its_field() {
        let errors = ActivityFigures::parse(form(&[
            ("people", "-3"),
            ("women", "douze"),
            ("hours_worked", "12,5"),
            ("exits", "99999999999"),
        ]))
        .unwrap_err();
        assert_eq!(
            errors,
            vec![
                ("people", "error.activity.negative"),
                ("women", "error.activity.whole_number"),
                ("hours_worked", "error.activity.whole_number"),
                ("exits", "error.activity.whole_number"),
            ]
        );
        let errors = ActivityFigures::parse(form(&[
            ("people", "10"),
            ("women", "11"),
            ("exits", "12"),
            ("durable", "10"),
            ("other", "3"),
        ]))
        .unwrap_err();
        assert_eq!(
            errors,
            vec![
                ("women", "error.activity.women_over_people"),
                ("exits", "error.activity.exits_over_people"),
                ("other", "error.activity.categories_over_exits"),
            ]
        );
    }

    #[test]
    fn rates_come_from_the_counts() {
        let f = ActivityFigures {
            people: 40,
            women: 10,
            exits: 20,
            durable: 5,
            transition: 6,
            positive: 3,
            other: 6,
            ..Default::default()
        };
        let r = f.rates();
        assert_eq!(r.durable, Some(0.25));
        assert_eq!(r.transition, Some(0.3));
        assert_eq!(r.positive, Some(0.15));
        assert_eq!(r.dynamic, Some(0.7));
        assert_eq!(r.women, Some(0.25));
        assert_eq!(ActivityFigures::default().rates(), Rates::default(), "no exits: no rate, never a division by zero");
    }

    #[test]
    fn the_networks_totals_sum_counts_and_hide_small_networks() {
        let a = ActivityFigures { people: 10, exits: 4, durable: 1, ..Default::default() };
        let b = ActivityFigures { people: 30, exits: 16, durable: 9, ..Default::default() };
        assert_eq!(network_totals(&[a, b], 3), None, "fewer organisations than the threshold");
        let c = ActivityFigures { people: 0, ..Default::default() };
        let total = network_totals(&[a, b, c], 3).unwrap();
        assert_eq!((total.people, total.exits, total.durable), (40, 20, 10));
        assert_eq!(total.rates().durable, Some(0.5), "the rate of the sums, not the mean of the rates");
        assert_eq!(network_totals(&[], 0), None);
    }
}
