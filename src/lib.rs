//! hadath (حدث, "event") reads a news article — Arabic first, English second — and returns
//! the events it reports and the quotes it attributes, each tied to exact offsets.
//!
//! Module map:
//! - [`settings`]: configuration layered from embedded defaults, a file, `HADATH_*`
//!   environment variables and flags.
//! - [`http`]: the router, handlers, problem+json errors, middleware, OpenAPI and the page.
//! - [`pipeline`]: all language work; [`pipeline::Pipeline::extract`] turns an
//!   [`pipeline::model::ExtractRequest`] into an [`pipeline::model::Extraction`].
//!   Its stages: `text` (normalisation with an offset map), `segment` (tokens, sentences),
//!   `lexicon`/`matcher` (data files compiled into clitic-aware matchers), `gazetteer`,
//!   `mentions` (with `persons`), `numbers`, `dates`, `quotes`, `events`, and `offsets`.
//! - [`allocator`]: glibc heap settings the server and the benches run with.

#![deny(missing_docs)]

pub mod allocator;
pub mod http;
pub mod pipeline;
pub mod settings;
