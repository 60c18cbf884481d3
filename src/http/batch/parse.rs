//! The body of a batch, parsed without building more items than the limit allows.

use crate::http::problem::Problem;

/// The items of a batch body, parsed without building more than `max` of them: the rest
/// are skipped (counted, not kept), so a huge array of tiny objects costs no memory.
pub(super) struct BatchItems {
    /// The first `max` items.
    pub(super) items: Vec<serde_json::Value>,
    /// How many the body holds.
    total: usize,
}

/// The `serde` visitor of a batch body: an array, or an object with an `items` array.
struct BatchVisitor {
    max: usize,
    /// Inside `{"items": ...}`: only an array is accepted.
    array_only: bool,
}

impl<'de> serde::de::DeserializeSeed<'de> for BatchVisitor {
    type Value = BatchItems;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<BatchItems, D::Error> {
        if self.array_only { d.deserialize_seq(self) } else { d.deserialize_any(self) }
    }
}

impl<'de> serde::de::Visitor<'de> for BatchVisitor {
    type Value = BatchItems;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON array of requests or {\"items\": [...]}")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<BatchItems, A::Error> {
        let mut items = Vec::new();
        while items.len() < self.max {
            match seq.next_element::<serde_json::Value>()? {
                Some(v) => items.push(v),
                None => return Ok(BatchItems { total: items.len(), items }),
            }
        }
        let mut total = items.len();
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
            total += 1;
        }
        Ok(BatchItems { items, total })
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<BatchItems, A::Error> {
        if self.array_only {
            return Err(serde::de::Error::custom("\"items\" must be an array"));
        }
        let mut found = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == "items" && found.is_none() {
                found = Some(map.next_value_seed(BatchVisitor { max: self.max, array_only: true })?);
            } else {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        found.ok_or_else(|| serde::de::Error::custom("a batch is a JSON array of requests or {\"items\": [...]}"))
    }
}

/// Parses a batch body into at most `max` items (422 when it holds more).
pub(super) fn batch_items(body: &[u8], max: usize) -> Result<Vec<serde_json::Value>, Problem> {
    use serde::de::DeserializeSeed;
    let mut de = serde_json::Deserializer::from_slice(body);
    let parsed = BatchVisitor { max, array_only: false }.deserialize(&mut de).and_then(|b| de.end().map(|()| b));
    let batch = parsed.map_err(|e| Problem::bad_request(format!("invalid batch: {e}")))?;
    if batch.total > max {
        return Err(Problem::unprocessable("too-many-items", "Too many batch items", format!("{} items; the limit is {max}", batch.total)));
    }
    Ok(batch.items)
}
