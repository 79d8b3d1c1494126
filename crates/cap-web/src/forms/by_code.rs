//! Forms with one field per code (an indicator, a node): `target.EI-1`, `level.EI-1`, `v_EI-1`.

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// Names the fields a [`ByCode`] reads: the prefix written before each code.
pub trait CodePrefix {
    /// The prefix (`target.` for `target.EI-1`).
    const PREFIX: &'static str;
}

/// How the value (or values) posted under one field name become one value of a [`ByCode`].
pub trait FieldValue: Sized {
    /// From every value posted under the name, in order (at least one); `Err` refuses the form.
    fn from_values(values: Vec<String>) -> Result<Self, String>;
}

impl FieldValue for String {
    fn from_values(mut values: Vec<String>) -> Result<Self, String> {
        match values.len() {
            1 => Ok(values.remove(0)),
            n => Err(format!("a single value was expected, {n} were sent")),
        }
    }
}

impl FieldValue for i64 {
    fn from_values(values: Vec<String>) -> Result<Self, String> {
        String::from_values(values)?.trim().parse().map_err(|_| "a whole number was expected".to_owned())
    }
}

/// The last of the values posted under one name: a text box and the radio buttons beside it
/// (« non concerné ») share the name, and the ticked button, written after the box, wins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastValue(pub String);

impl FieldValue for LastValue {
    fn from_values(values: Vec<String>) -> Result<Self, String> {
        values.into_iter().last().map(LastValue).ok_or_else(|| "a value was expected".to_owned())
    }
}

/// The fields of a form named `PREFIX` + code, by code; a field without the prefix is left to
/// the form's other members. Read with `#[serde(flatten)]` beside them, or as the whole form.
pub struct ByCode<P, V = String> {
    values: BTreeMap<String, V>,
    prefix: PhantomData<P>,
}

impl<P, V: fmt::Debug> fmt::Debug for ByCode<P, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(&self.values).finish()
    }
}

impl<P, V> Default for ByCode<P, V> {
    fn default() -> Self {
        Self { values: BTreeMap::new(), prefix: PhantomData }
    }
}

impl<P, V> ByCode<P, V> {
    /// The value posted for `code`, if any.
    pub fn get(&self, code: &str) -> Option<&V> {
        self.values.get(code)
    }

    /// Every (code, value) posted, by code.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.values.iter().map(|(code, value)| (code.as_str(), value))
    }
}

impl<'de, P: CodePrefix, V: FieldValue> Deserialize<'de> for ByCode<P, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ByCodeVisitor(PhantomData))
    }
}

struct ByCodeVisitor<P, V>(PhantomData<(P, V)>);

impl<'de, P: CodePrefix, V: FieldValue> Visitor<'de> for ByCodeVisitor<P, V> {
    type Value = ByCode<P, V>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "form fields named {}CODE", P::PREFIX)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = ByCode::default();
        while let Some(name) = map.next_key::<String>()? {
            let Some(code) = name.strip_prefix(P::PREFIX).filter(|code| !code.is_empty()) else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            let OneOrMany(values) = map.next_value()?;
            let value = V::from_values(values).map_err(|why| de::Error::custom(format!("{name}: {why}")))?;
            if out.values.insert(code.to_owned(), value).is_some() {
                return Err(de::Error::custom(format!("{name}: sent twice")));
            }
        }
        Ok(out)
    }
}

/// The value of one field name: one string, or several when the name repeats.
struct OneOrMany(Vec<String>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(OneOrManyVisitor)
    }
}

struct OneOrManyVisitor;

impl<'de> Visitor<'de> for OneOrManyVisitor {
    type Value = OneOrMany;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a form value")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        Ok(OneOrMany(vec![value.to_owned()]))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
        Ok(OneOrMany(vec![value]))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut values = Vec::new();
        while let Some(value) = seq.next_element::<String>()? {
            values.push(value);
        }
        Ok(OneOrMany(values))
    }
}
