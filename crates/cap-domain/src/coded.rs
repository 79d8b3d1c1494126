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
