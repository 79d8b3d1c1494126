//! The pages the harmonisation plan's actions render: the plan with its form to write an action,
//! and one structure's line with its form.

use crate::forms::{ByCode, CodePrefix, FormErrors, SelectOption};
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use cap_app::harmonisation::{PlanView, Taking};
use cap_app::i18n::Tr;
use cap_domain::plan::ActionStatus;
use cap_storage::harmonisation::Line;

/// The add form's owner selects, one per structure: `owner.ORGANISATION`.
pub struct OwnerField;

impl CodePrefix for OwnerField {
    const PREFIX: &'static str = "owner.";
}

/// An action as typed, with the owner chosen in each structure.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ActionForm {
    /// What the group will do.
    pub title: String,
    /// How.
    pub description: String,
    /// The pillar or objective it addresses (a code, or empty).
    pub node: String,
    /// When it should be done.
    pub due_on: String,
    /// Each structure's owner (a person's id, or empty).
    #[serde(flatten)]
    pub owners: ByCode<OwnerField>,
}

/// The plan with its form.
#[derive(Template, WebTemplate)]
#[template(path = "groups/harmonisation.html")]
pub struct PlanPage {
    /// The frame.
    pub page: Page,
    /// The plan.
    pub plan: PlanView,
    /// What was typed in the form to write an action.
    pub typed: ActionForm,
    /// Its problems.
    pub errors: FormErrors,
}

impl PlanPage {
    /// The choices of the pillar or objective an action addresses, objectives indented.
    fn node_options(&self) -> Vec<SelectOption> {
        let none = SelectOption::new("", self.page.t.t("harmonisation.node_none"), &self.typed.node);
        let nodes = self.plan.nodes.iter().map(|(code, label, depth)| {
            SelectOption::new(code.clone(), format!("{}{label}", "— ".repeat(*depth)), &self.typed.node)
        });
        std::iter::once(none).chain(nodes).collect()
    }

    /// The choices of a structure's owner.
    fn owner_options(&self, s: &Taking) -> Vec<SelectOption> {
        let current = self.typed.owners.get(&s.organisation_id.to_string()).map_or("", String::as_str);
        people_options(self.page.t, &s.people, current)
    }

    /// A step, as people read it.
    fn step(&self, status: &ActionStatus) -> &'static str {
        self.page.t.t(status.label_key())
    }
}

/// The choices of an owner: « to be named » first, then the people on offer.
fn people_options(t: Tr, people: &[(i64, String)], current: &str) -> Vec<SelectOption> {
    std::iter::once(SelectOption::new("", t.t("harmonisation.owner_none"), current))
        .chain(people.iter().map(|(id, name)| SelectOption::new(id.to_string(), name.clone(), current)))
        .collect()
}

/// A line as typed.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct LineForm {
    /// The step's code.
    pub status: String,
    /// The note.
    pub note: String,
    /// The owner (a person's id, or empty).
    pub owner: String,
    /// The version the form was opened on.
    pub version: i64,
}

/// One structure's line with its form.
#[derive(Template, WebTemplate)]
#[template(path = "groups/harmonisation_line.html")]
pub struct LinePage {
    /// The frame.
    pub page: Page,
    /// The line as stored now.
    pub line: Line,
    /// The people who may carry it.
    pub people: Vec<(i64, String)>,
    /// What was typed (the stored line when the form opens).
    pub typed: LineForm,
    /// Its problems.
    pub errors: FormErrors,
    /// Someone changed the line while this was typed: theirs is `line`, ours `typed`.
    pub conflict: bool,
}

impl LinePage {
    /// The page of a line, its form holding what is stored.
    pub fn new(page: Page, line: Line, people: Vec<(i64, String)>) -> Self {
        let typed = LineForm {
            status: line.status.clone(),
            note: line.note.clone(),
            owner: line.owner_user_id.map(|o| o.to_string()).unwrap_or_default(),
            version: line.version,
        };
        Self { page, line, people, typed, errors: FormErrors::new(), conflict: false }
    }

    /// The choices of the step.
    fn status_options(&self) -> Vec<SelectOption> {
        ActionStatus::ALL
            .iter()
            .map(|s| SelectOption::new(s.code(), self.page.t.t(s.label_key()), &self.typed.status))
            .collect()
    }

    /// The choices of the owner.
    fn owner_options(&self) -> Vec<SelectOption> {
        people_options(self.page.t, &self.people, &self.typed.owner)
    }

    /// The stored step, as people read it.
    fn stored_step(&self) -> &'static str {
        self.page.t.t(ActionStatus::from_code(&self.line.status).unwrap_or(ActionStatus::Todo).label_key())
    }
}
