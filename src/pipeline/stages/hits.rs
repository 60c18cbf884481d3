//! The lexicon-hit layer: every lexicon of the language searched once over the document's
//! shared scan, so that later stages read hits instead of searching again.

use crate::pipeline::doc::Document;
use crate::pipeline::lexicon::Lexicons;
use crate::pipeline::lexicon::matcher::Hit;

/// The hits of each lexicon in one document, in text order.
#[derive(Debug, Default, Clone)]
pub struct Hits {
    /// Event triggers (`events.tsv`).
    pub events: Vec<Hit>,
    /// Quote cues (`quote_cues.tsv`).
    pub quote_cues: Vec<Hit>,
    /// Complementisers (`complementizers.tsv`).
    pub complementizers: Vec<Hit>,
    /// Modality cues (`modality.tsv`).
    pub modality: Vec<Hit>,
    /// Number words (`numbers.tsv`).
    pub numbers: Vec<Hit>,
    /// Count qualifiers (`qualifiers.tsv`).
    pub qualifiers: Vec<Hit>,
    /// Time words (`time.tsv`).
    pub time: Vec<Hit>,
    /// Actors (`actors.tsv`).
    pub actors: Vec<Hit>,
    /// Nationality adjectives (`nationalities.tsv`).
    pub nationalities: Vec<Hit>,
    /// Role nouns (`roles.tsv`).
    pub roles: Vec<Hit>,
    /// Markers of a different happening (`coreference.tsv`).
    pub distinct: Vec<Hit>,
    /// Place names (the gazetteer).
    pub places: Vec<Hit>,
}

impl Hits {
    /// For each of `n` tokens, whether a lexicon other than places, actors, nationalities and
    /// roles claims it (cues, triggers, times, numbers…): such a word is no part of a name.
    pub fn claimed_tokens(&self, n: usize) -> Vec<bool> {
        let mut claimed = vec![false; n];
        let lists = [&self.quote_cues, &self.events, &self.time, &self.numbers, &self.qualifiers, &self.modality, &self.complementizers];
        for h in lists.into_iter().flatten() {
            for c in claimed.iter_mut().take(h.tokens.end).skip(h.tokens.start) {
                *c = true;
            }
        }
        claimed
    }
}

/// Fills [`Document::hits`]: each lexicon searched once.
pub fn run(doc: &mut Document, lexicons: &Lexicons) {
    let lex = lexicons.get(doc.language);
    let d = &*doc;
    let hits = Hits {
        events: lex.events.find(d),
        quote_cues: lex.quote_cues.find(d),
        complementizers: lex.complementizers.find(d),
        modality: lex.modality.find(d),
        numbers: lex.numbers.find(d),
        qualifiers: lex.qualifiers.find(d),
        time: lex.time.find(d),
        actors: lex.actors.find(d),
        nationalities: lex.nationalities.find(d),
        roles: lex.roles.find(d),
        distinct: lex.distinct.find(d),
        places: lex.places.find(d),
    };
    doc.hits = hits;
}
