//! Per-language behaviour that is not a word list: word order and where the parts of a
//! phrase stand. Word lists are data (`config/lexicons/`); this is the rest. A language is a
//! [`Grammar`] implementation; [`grammar`] matches on [`Language`] exhaustively, so a new
//! language that lacks one does not compile instead of falling back to another's rules.

mod ar;
mod en;

use crate::pipeline::model::Language;

/// What the stages need to know of a language's word order.
pub trait Grammar: Sync {
    /// True when modifiers follow their noun (Arabic الغارة الأمريكية، غارة مماثلة), false
    /// when they precede it (the US strike, a similar strike).
    fn modifiers_follow_noun(&self) -> bool;

    /// How many tokens a modifier may stand from its noun, on the side it stands.
    fn modifier_window(&self) -> usize;

    /// How much a place standing before an event trigger counts against it, per token,
    /// relative to a place after it (Arabic reports the scene after the event: 2; English
    /// as often before it: 1).
    fn place_before_trigger_factor(&self) -> usize;

    /// True when a locative preposition before a compass word makes the place the scene
    /// ("in northern Syria") instead of a reference point ("north of Kabul").
    fn locative_cancels_direction(&self) -> bool;

    /// True when a noun without the article stands in construct with the noun after it, and
    /// a noun phrase grows rightwards by genitives and adjectives (Arabic مكتب رئيس الحكومة،
    /// الجانب الإيراني); false when a phrase ends at its head noun (English).
    fn construct_state(&self) -> bool;

    /// True when a verb's subject may follow it (Arabic verb–subject–object: «قصفت الطائرات
    /// مدينة حلب»); false when the subject stands before the verb (English).
    fn subject_follows_verb(&self) -> bool;
}

/// The grammar of `language`.
pub fn grammar(language: Language) -> &'static dyn Grammar {
    match language {
        Language::Ar => &ar::Arabic,
        Language::En => &en::English,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_order_per_language() {
        let cases = [(Language::Ar, true, 2, false, true), (Language::En, false, 1, true, false)];
        for (language, follow, factor, cancels, construct) in cases {
            let g = grammar(language);
            assert_eq!(g.modifiers_follow_noun(), follow, "{language:?}");
            assert_eq!(g.place_before_trigger_factor(), factor, "{language:?}");
            assert_eq!(g.locative_cancels_direction(), cancels, "{language:?}");
            assert_eq!(g.construct_state(), construct, "{language:?}");
            assert_eq!(g.subject_follows_verb(), construct, "{language:?}: verb-initial clauses go with construct state here");
            assert!(g.modifier_window() >= 1);
        }
    }
}
