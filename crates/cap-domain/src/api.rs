//! Personal API tokens: what a token may do (its scopes), and the checks on a new token.

use crate::ValidationError;

/// The longest a token may live, in days.
pub const MAX_TOKEN_DAYS: i64 = 366;

/// What a personal API token lets a program do, on top of its owner's own rights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ApiScope {
    /// Read campaigns, shared answers, results and actions.
    Read,
    /// Update the status and progress of progress-plan actions.
    WriteActions,
}

impl ApiScope {
    /// Every scope.
    pub const ALL: [ApiScope; 2] = [Self::Read, Self::WriteActions];

    /// The code stored, sent by forms and named in the OpenAPI document.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Read => "read",
            Self::WriteActions => "write:actions",
        }
    }

    /// Parses a code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Message key of the scope.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::Read => "token.scope.read",
            Self::WriteActions => "token.scope.write_actions",
        }
    }
}

/// Parses stored scopes (space-separated codes); unknown codes are dropped, never widened.
pub fn parse_scopes(stored: &str) -> Vec<ApiScope> {
    let mut scopes: Vec<ApiScope> = stored.split_whitespace().filter_map(ApiScope::from_code).collect();
    scopes.dedup();
    scopes
}

/// Writes scopes as stored.
pub fn scopes_code(scopes: &[ApiScope]) -> String {
    scopes.iter().map(|s| s.code()).collect::<Vec<_>>().join(" ")
}

/// A new token as typed, checked together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenInput {
    /// What the owner calls it (the program that uses it).
    pub name: String,
    /// What it may do.
    pub scopes: Vec<ApiScope>,
    /// How many days it lives.
    pub days: i64,
}

impl TokenInput {
    /// Checks typed values; every problem comes back with its field.
    pub fn parse(name: &str, scopes: &[String], days: &str) -> Result<Self, Vec<(&'static str, ValidationError)>> {
        let mut problems = Vec::new();
        let name = name.trim();
        if name.is_empty() {
            problems.push(("name", ValidationError::new("error.token.name")));
        } else if name.chars().count() > 100 {
            problems.push(("name", ValidationError::new("error.action.too_long")));
        }
        let parsed: Vec<Option<ApiScope>> = scopes.iter().map(|s| ApiScope::from_code(s)).collect();
        let mut chosen: Vec<ApiScope> = ApiScope::ALL.into_iter().filter(|s| parsed.contains(&Some(*s))).collect();
        if parsed.iter().any(Option::is_none) {
            problems.push(("scopes", ValidationError::new("error.select.invalid")));
        } else if chosen.is_empty() {
            problems.push(("scopes", ValidationError::new("error.token.scopes")));
        }
        // Writing without reading makes no sense to a program: writing implies reading.
        if chosen.contains(&ApiScope::WriteActions) && !chosen.contains(&ApiScope::Read) {
            chosen.insert(0, ApiScope::Read);
        }
        let days = days.trim().parse::<i64>().ok().filter(|d| (1..=MAX_TOKEN_DAYS).contains(d));
        if days.is_none() {
            problems.push(("days", ValidationError::new("error.token.days")));
        }
        match days {
            Some(days) if problems.is_empty() => Ok(Self { name: name.to_owned(), scopes: chosen, days }),
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn scopes_round_trip_and_unknown_codes_are_dropped() {
        assert_eq!(parse_scopes("read write:actions"), vec![ApiScope::Read, ApiScope::WriteActions]);
        assert_eq!(parse_scopes("read admin read"), vec![ApiScope::Read], "never widened");
        assert_eq!(scopes_code(&ApiScope::ALL), "read write:actions");
        assert!(parse_scopes("").is_empty());
    }

    #[test]
    fn a_token_is_checked_whole() {
        let t = TokenInput::parse(" Tableur ", &strings(&["write:actions"]), "90").unwrap();
        assert_eq!(
            (t.name.as_str(), t.scopes.clone(), t.days),
            ("Tableur", vec![ApiScope::Read, ApiScope::WriteActions], 90)
        );
        let fields = |r: Result<TokenInput, Vec<(&'static str, ValidationError)>>| {
            r.unwrap_err().into_iter().map(|(f, e)| (f, e.key)).collect::<Vec<_>>()
        };
        assert_eq!(
            fields(TokenInput::parse("", &[], "0")),
            vec![("name", "error.token.name"), ("scopes", "error.token.scopes"), ("days", "error.token.days")]
        );
        assert_eq!(fields(TokenInput::parse("x", &strings(&["root"]), "30")), vec![("scopes", "error.select.invalid")]);
        assert_eq!(fields(TokenInput::parse("x", &strings(&["read"]), "367")), vec![("days", "error.token.days")]);
        assert!(TokenInput::parse("x", &strings(&["read"]), "366").is_ok());
    }
}
