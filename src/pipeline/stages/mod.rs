//! The stages, one module each, in the order [`crate::pipeline::STAGES`] runs them: each
//! `run(doc, lexicons)` reads the layers of the [`Document`](crate::pipeline::doc::Document)
//! that earlier stages filled and fills its own.
//!
//! - [`hits`]: every lexicon searched once over the document.
//! - [`mentions`] (with [`persons`]): places, organisations, people and groups.
//! - [`numbers`]: counts of people and things, with their qualifiers ("up to seven").
//! - [`dates`]: times, read against the publication date.
//! - [`quotes`]: direct and reported speech with its cue and speaker.
//! - [`events`]: event mentions, their arguments, and the clusters that make one event of
//!   one happening.

pub mod dates;
pub mod events;
pub mod hits;
pub mod mentions;
pub mod numbers;
pub mod persons;
pub mod phrases;
pub mod quotes;
