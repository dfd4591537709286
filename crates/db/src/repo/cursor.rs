//! Opaque keyset cursors: base64url of `[sort value, id]`.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use uuid::Uuid;

/// The position after which the next page starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Cursor {
    /// The sort column's value of the last row.
    pub key: String,
    /// The id of the last row (tie-breaker).
    pub id: Uuid,
}

impl Cursor {
    /// Encodes for a URL.
    pub fn encode(&self) -> String {
        let raw = serde_json::json!([self.key, self.id]).to_string();
        URL_SAFE_NO_PAD.encode(raw)
    }

    /// Decodes what `encode` produced; `None` for anything else.
    pub fn decode(s: &str) -> Option<Cursor> {
        let bytes = URL_SAFE_NO_PAD.decode(s).ok()?;
        let (key, id): (String, Uuid) = serde_json::from_slice(&bytes).ok()?;
        Some(Cursor { key, id })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_garbage_is_rejected() {
        let c = Cursor {
            key: "Ashley Park".into(),
            id: Uuid::now_v7(),
        };
        assert_eq!(Cursor::decode(&c.encode()), Some(c));
        assert_eq!(Cursor::decode("not-a-cursor"), None);
    }
}
