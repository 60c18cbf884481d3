//! hadath (حدث, "event") reads a news article — Arabic first, English second — and returns
//! the events it reports and the quotes it attributes, each tied to exact offsets.
//!
//! Module map:
//! - [`settings`]: configuration layered from embedded defaults, a file, `HADATH_*`
//!   environment variables and flags.
//! - [`http`]: the router, handlers, problem+json errors, middleware, OpenAPI and the page.
//! - [`pipeline`]: all language work; [`pipeline::Pipeline::extract`] turns an
//!   [`pipeline::model::ExtractRequest`] into an [`pipeline::model::Extraction`]. One
//!   [`pipeline::document::Document`] carries the text layer (`text` normalisation with an
//!   offset map, `segment` tokens and sentences) and the typed layers that the stages of
//!   [`pipeline::STAGES`] fill in order, each `run(doc, lexicons)`: `hits` (each lexicon
//!   searched once), `mentions` (with `persons`), `numbers`, `dates`, `quotes/` (cues, the
//!   per-language readers `arabic`/`english`, speaker, continuation, the output bound) and
//!   `events/` (detect, arguments, cluster, window). `assemble/` builds the response
//!   (registry, events, quotes) and `offsets` converts spans to the asked unit; `budget` is
//!   the work deadline the stages check.
//!   Language knowledge is data: `lexicon` loads and validates `config/` (with `matcher`
//!   and its `morphology`, `gazetteer`, `words` — the closed word classes — and
//!   `event_types`, the one table of event types); `lang/` holds the per-language
//!   behaviour that is not a list (`ar`, `en` behind the `Grammar` trait).
//! - [`allocator`]: glibc heap settings the server and the benches run with.

#![deny(missing_docs)]

pub mod allocator;
pub mod http;
pub mod pipeline;
pub mod settings;
