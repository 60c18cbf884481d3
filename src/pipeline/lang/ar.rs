//! Arabic word order: verb–subject–object and subject–verb–object clauses, modifiers after
//! their noun, the scene reported after the event.

use super::Grammar;

/// Modern Standard Arabic.
pub struct Arabic;

impl Grammar for Arabic {
    fn modifiers_follow_noun(&self) -> bool {
        true
    }

    fn modifier_window(&self) -> usize {
        2
    }

    fn place_before_trigger_factor(&self) -> usize {
        2
    }

    fn locative_cancels_direction(&self) -> bool {
        false
    }

    fn construct_state(&self) -> bool {
        true
    }

    fn subject_follows_verb(&self) -> bool {
        true
    }
}
