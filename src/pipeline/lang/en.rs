//! English word order: subject–verb–object clauses, modifiers before their noun, the scene
//! reported before or after the event.

use super::Grammar;

/// English.
pub struct English;

impl Grammar for English {
    fn modifiers_follow_noun(&self) -> bool {
        false
    }

    fn modifier_window(&self) -> usize {
        2
    }

    fn place_before_trigger_factor(&self) -> usize {
        1
    }

    fn locative_cancels_direction(&self) -> bool {
        true
    }

    fn construct_state(&self) -> bool {
        false
    }

    fn subject_follows_verb(&self) -> bool {
        false
    }
}
