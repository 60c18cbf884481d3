//! The event types, read from `config/event_types.tsv`: what each type is called and which
//! arguments the pipeline reads for it. The names are data; the argument structures the code
//! knows how to fill are the closed set [`Frame`].

use crate::pipeline::lexicon::{LexiconError, bad_line, rows};
use std::sync::Arc;

/// The embedded table.
pub(crate) const EMBEDDED: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/config/event_types.tsv"));

/// The argument structure of an event type: which arguments the pipeline reads for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Frame {
    /// Parties who meet (participants); a scene only after a locative.
    Meeting,
    /// Parties read like a meeting's, without the meeting's own rules.
    Agreement,
    /// Attacker and target.
    Attack,
    /// Killed and injured counts, linked to their cause.
    Toll,
    /// Participants near the trigger.
    Actors,
}

impl Frame {
    fn parse(s: &str) -> Option<Frame> {
        Some(match s {
            "meeting" => Frame::Meeting,
            "agreement" => Frame::Agreement,
            "attack" => Frame::Attack,
            "toll" => Frame::Toll,
            "actors" => Frame::Actors,
            _ => return None,
        })
    }

    /// True for the frames whose parties are read like a meeting's.
    pub fn has_parties(self) -> bool {
        matches!(self, Frame::Meeting | Frame::Agreement)
    }
}

/// One event type of the table. Cheap to clone (the name is shared).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventType {
    /// Its row in the table; two mentions are of the same type when their ids are equal.
    pub id: u16,
    /// The name clients see (`meeting`, `strike`, …).
    pub name: Arc<str>,
    /// The arguments read for it.
    pub frame: Frame,
    /// True for the types the guidelines score.
    pub core: bool,
    /// True when it may take the place of a neighbouring located attack.
    pub inherits_location: bool,
    /// True when casualties beside it are its toll.
    pub causes_casualties: bool,
    /// Coreference: the most days apart two mentions' times may be and still tell one
    /// happening.
    pub days_apart: i64,
    /// Coreference: the smallest count that tells a toll by itself (two reports of it are
    /// one event), if any.
    pub telling_toll: Option<u64>,
}

impl EventType {
    /// True when this is the type named `name`.
    pub fn is(&self, name: &str) -> bool {
        &*self.name == name
    }
}

/// The table of event types.
#[derive(Debug, Clone)]
pub struct EventTypes {
    types: Vec<EventType>,
    /// (type id, subtype, weapon).
    weapons: Vec<(u16, String, String)>,
}

impl EventTypes {
    /// Parses the table; a bad line names the file and line.
    pub fn parse(file: &str, content: &str) -> Result<EventTypes, LexiconError> {
        let mut types: Vec<EventType> = Vec::new();
        let mut weapons = Vec::new();
        let yes_no = |line: usize, v: &str, column: &str| match v {
            "yes" => Ok(true),
            "no" => Ok(false),
            other => Err(bad_line(file, line, format!("{column} must be yes or no, not {other:?}"))),
        };
        for (line, cols) in rows(file, content, 8)? {
            let name = cols[0];
            if !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') || name == "none" {
                return Err(bad_line(file, line, format!("type {name:?} must be lowercase letters and _ (and not none)")));
            }
            if types.iter().any(|t| t.is(name)) {
                return Err(bad_line(file, line, format!("type {name:?} is listed twice")));
            }
            let frame = Frame::parse(cols[1]).ok_or_else(|| {
                bad_line(file, line, format!("frame must be meeting, agreement, attack, toll or actors, not {:?}", cols[1]))
            })?;
            let inherits_location = match cols[3] {
                "own" => false,
                "inherit" => true,
                other => return Err(bad_line(file, line, format!("location must be own or inherit, not {other:?}"))),
            };
            let id = u16::try_from(types.len()).map_err(|_| bad_line(file, line, "too many event types"))?;
            if cols[5] != "-" {
                for pair in cols[5].split(',') {
                    let (subtype, weapon) = pair
                        .split_once('=')
                        .filter(|(s, w)| !s.trim().is_empty() && !w.trim().is_empty())
                        .ok_or_else(|| bad_line(file, line, format!("weapons must be subtype=weapon pairs, not {pair:?}")))?;
                    weapons.push((id, subtype.trim().to_string(), weapon.trim().to_string()));
                }
            }
            let days_apart = cols[6]
                .parse::<i64>()
                .ok()
                .filter(|d| *d >= 0)
                .ok_or_else(|| bad_line(file, line, format!("days must be a whole number of days, not {:?}", cols[6])))?;
            let telling_toll = match cols[7] {
                "-" => None,
                n => Some(
                    n.parse::<u64>()
                        .ok()
                        .filter(|n| *n >= 1)
                        .ok_or_else(|| bad_line(file, line, format!("tolls must be a count of at least 1 or -, not {n:?}")))?,
                ),
            };
            types.push(EventType {
                id,
                name: name.into(),
                frame,
                core: yes_no(line, cols[2], "core")?,
                inherits_location,
                causes_casualties: yes_no(line, cols[4], "causes")?,
                days_apart,
                telling_toll,
            });
        }
        if types.is_empty() {
            return Err(bad_line(file, 1, "the table lists no event type"));
        }
        Ok(EventTypes { types, weapons })
    }

    /// The type named `name`.
    pub fn get(&self, name: &str) -> Option<&EventType> {
        self.types.iter().find(|t| t.is(name))
    }

    /// Every type, in table order.
    pub fn all(&self) -> &[EventType] {
        &self.types
    }

    /// The type names, in table order (for `/v1/info` and the OpenAPI document).
    pub fn names(&self) -> Vec<String> {
        self.types.iter().map(|t| t.name.to_string()).collect()
    }

    /// Every weapon the table reports, each once, in table order (for the OpenAPI document).
    pub fn weapon_names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for (_, _, w) in &self.weapons {
            if !names.contains(w) {
                names.push(w.clone());
            }
        }
        names
    }

    /// The weapon reported for an event of type `t` and subtype `subtype`.
    pub fn weapon(&self, t: &EventType, subtype: Option<&str>) -> Option<&str> {
        let subtype = subtype?;
        self.weapons.iter().find(|(id, s, _)| *id == t.id && s == subtype).map(|(_, _, w)| w.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded() -> EventTypes {
        EventTypes::parse("event_types.tsv", EMBEDDED).expect("the embedded table is valid")
    }

    #[test]
    fn the_table_gives_names_frames_and_weapons() {
        let t = embedded();
        let strike = t.get("strike").unwrap();
        assert_eq!(strike.frame, Frame::Attack);
        assert!(strike.causes_casualties && strike.inherits_location && strike.core);
        assert_eq!(t.weapon(strike, Some("airstrike")), Some("aircraft"));
        assert_eq!(t.weapon(strike, Some("raid")), None);
        assert_eq!(t.weapon(strike, None), None);
        assert_eq!(t.get("meeting").unwrap().frame, Frame::Meeting);
        assert!(!t.get("protest").unwrap().core);
        assert!(t.get("none").is_none());
        assert_eq!(t.names()[..3], ["meeting", "strike", "casualties"]);
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let cases = [
            ("kidnapping\tcapture\tno\town\tno\t-\t3\t-\n", "event_types.tsv:1: frame"),
            ("kidnapping\tactors\tmaybe\town\tno\t-\t3\t-\n", "event_types.tsv:1: core"),
            ("kidnapping\tactors\tno\tnear\tno\t-\t3\t-\n", "event_types.tsv:1: location"),
            ("kidnapping\tactors\tno\town\tno\tcar\t3\t-\n", "event_types.tsv:1: weapons"),
            ("Kidnapping\tactors\tno\town\tno\t-\t3\t-\n", "event_types.tsv:1: type"),
            ("kidnapping\tactors\tno\town\tno\t-\tsoon\t-\n", "event_types.tsv:1: days"),
            ("kidnapping\tactors\tno\town\tno\t-\t3\t0\n", "event_types.tsv:1: tolls"),
            ("# only a comment\n", "event_types.tsv:1: the table lists no event type"),
            ("a\tactors\tno\town\tno\t-\t3\t-\na\tactors\tno\town\tno\t-\t3\t-\n", "event_types.tsv:2: type \"a\" is listed twice"),
        ];
        for (content, expected) in cases {
            let err = EventTypes::parse("event_types.tsv", content).unwrap_err().to_string();
            assert!(err.starts_with(expected), "{content:?}: {err}");
        }
    }

    #[test]
    fn a_new_type_is_a_line() {
        let content = format!("{EMBEDDED}kidnapping\tactors\tno\town\tno\t-\t3\t-\n");
        let t = EventTypes::parse("event_types.tsv", &content).unwrap();
        assert_eq!(t.get("kidnapping").unwrap().frame, Frame::Actors);
        assert_eq!(t.all().len(), embedded().all().len() + 1);
    }
}
