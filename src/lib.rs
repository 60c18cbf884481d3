//! hadath (حدث, "event") reads a news article — Arabic first, English second — and returns
//! the events it reports and the quotes it attributes, each tied to exact offsets.
//!
//! Module map:
//! - [`settings`]: configuration layered from embedded defaults, a file, `HADATH_*`
//!   environment variables and flags.
//! - [`http`]: the router, handlers, problem+json errors, middleware, OpenAPI and the page.
//! - [`pipeline`]: all language work; [`pipeline::Pipeline::extract`] turns an
//!   [`pipeline::model::ExtractRequest`] into an [`pipeline::model::Extraction`].
//!   - [`pipeline::doc`]: one [`pipeline::doc::Document`] carries the text layer and the
//!     typed layers that the stages of [`pipeline::STAGES`] fill in order; token ranges
//!     are half-open [`pipeline::doc::TokenSpan`]s.
//!   - [`pipeline::text`]: `normalise` (with the offset map back to the submitted text),
//!     `segment` (tokens, sentences, paragraphs), `offsets` (spans in the asked unit).
//!   - [`pipeline::lexicon`]: loads and validates `config/` — `words` (the closed word
//!     classes), `event_types` (the one table of event types), `gazetteer` — and compiles
//!     the one matching engine, `matcher` with its `morphology`.
//!   - [`pipeline::stages`]: one module per stage, each `run(doc, lexicons)`: `hits` (each
//!     lexicon searched once), `mentions` (with `persons`), `phrases`, `numbers`, `dates`, `quotes/`
//!     (cues, the per-language readers, speaker, continuation, the output bound) and
//!     `events/` (detect, arguments, cluster, window).
//!   - [`pipeline::lang`]: per-language behaviour that is not a list (`ar`, `en` behind
//!     the `Grammar` trait).
//!   - `assemble/` builds the response (registry, events, quotes); [`pipeline::budget`] is
//!     the work deadline the stages check.
//! - [`allocator`]: glibc heap settings the server and the benches run with.

#![deny(missing_docs)]

pub mod allocator;
pub mod http;
pub mod pipeline;
pub mod settings;
