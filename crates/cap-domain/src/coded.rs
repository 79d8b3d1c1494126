//! Enumerations stored and sent by forms as short codes, with a message key per value.

/// Gives a fieldless enum `ALL`, `code`, `from_code` and `label_key` (the message key is the
/// prefix followed by the code).
macro_rules! coded_enum {
    ($ty:ident, $prefix:literal, $($variant:ident => $code:literal),+ $(,)?) => {
        impl $ty {
            /// Every value.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The code stored and sent by forms.
            pub const fn code(self) -> &'static str {
                match self { $($ty::$variant => $code),+ }
            }

            /// Parses a code.
            pub fn from_code(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }

            /// Message key of the value.
            pub const fn label_key(self) -> &'static str {
                match self { $($ty::$variant => concat!($prefix, $code)),+ }
            }
        }
    };
}

pub(crate) use coded_enum as coded;

/// Gives an enum with a `from_code` a `Deserialize` that reads its code, so that a form's radio
/// or submit button arrives typed; an unknown code is refused with `$expected` in the error.
macro_rules! deserialize_from_code {
    ($ty:ident, $expected:literal) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let code = <String as serde::Deserialize>::deserialize(deserializer)?;
                Self::from_code(&code)
                    .ok_or_else(|| serde::de::Error::invalid_value(serde::de::Unexpected::Str(&code), &$expected))
            }
        }
    };
}

pub(crate) use deserialize_from_code;
