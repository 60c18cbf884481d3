//! Settings, layered: the embedded `config/default.toml` → an optional TOML file →
//! `HADATH_<SECTION>__<KEY>` environment variables → command-line flags. An unknown key
//! or a bad value stops start-up with a message naming it.
//!
//! The layering is the `toml` crate's own tables merged, not a configuration library such as
//! `figment`, because what the environment layer has to do is the part such a library does
//! not: a value is read in the type of the default it replaces (a numeric API key stays a
//! string, `a, b` is a list, `yes`/`on`/`1` are booleans), a `HADATH_*` variable that names
//! no setting is refused by its own name while Kubernetes service links (`HADATH_PORT…`,
//! `HADATH_SERVICE_…`) are skipped, and the variables come from the caller (tests pass
//! their own). With `figment` all of that would stay here as a custom provider.

use serde::{Deserialize, Serialize};
use std::path::Path;

const DEFAULTS: &str = include_str!("../config/default.toml");

/// Server settings.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ServerSettings {
    /// Listen address.
    pub addr: String,
    /// Separate address for `/metrics` (empty: served with the API).
    pub admin_addr: String,
    /// Largest request body in bytes.
    pub body_limit_bytes: usize,
    /// Per-request timeout in seconds.
    pub request_timeout_secs: u64,
    /// Extractions at once before shedding load with 503.
    pub max_concurrency: usize,
    /// Drain period after SIGTERM, in seconds.
    pub grace_period_secs: u64,
    /// Time a client has to send its request headers, in seconds; also the idle time allowed
    /// between requests (HTTP/1.1 keep-alive, or HTTP/2 with no request in flight).
    pub header_read_timeout_secs: u64,
    /// Threads that run extractions (0: one per CPU core); requests beyond them wait, up to
    /// `max_concurrency` in all.
    pub workers: usize,
    /// CORS origins (`*` for any).
    pub cors_origins: Vec<String>,
    /// Open connections at most (excess connections are refused at accept); clamped below
    /// the process's file-descriptor limit.
    pub max_connections: usize,
    /// Time a new connection has to send its first bytes (enough to tell its protocol), in
    /// seconds.
    pub idle_timeout_secs: u64,
    /// Largest request head (request line and headers), in bytes (431 above it); the HTTP/2
    /// header list is capped alike.
    pub max_header_bytes: usize,
    /// HTTP/2: interval between keep-alive pings, in seconds.
    pub http2_keep_alive_interval_secs: u64,
    /// HTTP/2: time a ping may go unanswered before the connection is closed, in seconds.
    pub http2_keep_alive_timeout_secs: u64,
    /// Most body bytes read and discarded after an early answer (413, 401, 429, 431, 503)
    /// so that the client can read it.
    pub drain_limit_bytes: usize,
    /// Longest time spent discarding such a body, in milliseconds.
    pub drain_timeout_ms: u64,
}

/// Input limits.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LimitSettings {
    /// Longest article in characters.
    pub max_text_chars: usize,
    /// Most articles per batch.
    pub max_batch_items: usize,
    /// Most events in one answer (the rest are dropped and the answer is marked `truncated`).
    pub max_events: usize,
    /// Most quotes in one answer.
    pub max_quotes: usize,
    /// Most entities in one answer.
    pub max_entities: usize,
    /// The most time one extraction may take, in milliseconds, before it is stopped and
    /// answered 408; 0 means the request timeout (`server.request_timeout_secs`).
    pub max_extraction_ms: u64,
}

/// Lexicon settings.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LexiconSettings {
    /// Override folder (empty: embedded only).
    pub dir: String,
}

/// Access control.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AuthSettings {
    /// API keys or their SHA-256 hex digests.
    pub api_keys: Vec<String>,
    /// Requests per minute per client (0: unlimited).
    pub requests_per_minute: u32,
    /// Burst above the steady rate.
    pub burst: u32,
    /// Key anonymous clients by their `X-Forwarded-For` address (behind a trusted gateway),
    /// read from the right.
    pub trust_forwarded_for: bool,
    /// Proxies (addresses or CIDR blocks) skipped when reading `X-Forwarded-For` from the
    /// right; empty: only the connecting peer is trusted.
    pub trusted_proxies: Vec<String>,
    /// Clients the rate limiter tracks at most (its state is swept and bounded by this).
    pub max_tracked_clients: usize,
}

/// Logging.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LogSettings {
    /// `text` or `json`.
    pub format: String,
    /// tracing filter.
    pub level: String,
    /// Log article text (debugging only).
    pub debug_log_text: bool,
}

/// All settings.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// `[server]`.
    pub server: ServerSettings,
    /// `[limits]`.
    pub limits: LimitSettings,
    /// `[lexicons]`.
    pub lexicons: LexiconSettings,
    /// `[auth]`.
    pub auth: AuthSettings,
    /// `[log]`.
    pub log: LogSettings,
}

/// Why settings could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// The config file could not be read.
    #[error("cannot read config file {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A layer is not valid TOML.
    #[error("{origin}: {message}")]
    Parse {
        /// Which layer.
        origin: String,
        /// The parser's message.
        message: String,
    },
    /// An environment variable names no setting.
    #[error("environment variable {0} names no setting (expected HADATH_<SECTION>__<KEY>)")]
    UnknownEnv(String),
    /// A value is out of range.
    #[error("invalid setting {key}: {message}")]
    Invalid {
        /// The setting.
        key: String,
        /// What is wrong.
        message: String,
    },
}

fn merge(base: &mut toml::Value, over: toml::Value) {
    match (base, over) {
        (toml::Value::Table(b), toml::Value::Table(o)) => {
            for (k, v) in o {
                match b.get_mut(&k) {
                    Some(existing) if existing.is_table() && v.is_table() => merge(existing, v),
                    _ => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (b, o) => *b = o,
    }
}

/// Parses an environment value in the type of the default it replaces.
fn env_value(default: &toml::Value, raw: &str) -> toml::Value {
    match default {
        toml::Value::Array(_) => toml::Value::Array(
            raw.split(',').map(str::trim).filter(|s| !s.is_empty()).map(|s| toml::Value::String(s.to_string())).collect(),
        ),
        toml::Value::Integer(_) => raw.trim().parse().map(toml::Value::Integer).unwrap_or_else(|_| toml::Value::String(raw.to_string())),
        toml::Value::Boolean(_) => match raw.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "on" => toml::Value::Boolean(true),
            "false" | "0" | "no" | "off" => toml::Value::Boolean(false),
            _ => toml::Value::String(raw.to_string()),
        },
        _ => toml::Value::String(raw.to_string()),
    }
}

impl Settings {
    /// Loads the layers: defaults, then `file`, then the `HADATH_*` variables in `env`.
    pub fn load(file: Option<&Path>, env: impl IntoIterator<Item = (String, String)>) -> Result<Settings, SettingsError> {
        let mut value: toml::Value =
            toml::from_str(DEFAULTS).map_err(|e| SettingsError::Parse { origin: "config/default.toml".into(), message: e.to_string() })?;
        if let Some(path) = file {
            let text = std::fs::read_to_string(path).map_err(|source| SettingsError::Read { path: path.display().to_string(), source })?;
            let over: toml::Value =
                toml::from_str(&text).map_err(|e| SettingsError::Parse { origin: path.display().to_string(), message: e.to_string() })?;
            merge(&mut value, over);
        }
        for (key, raw) in env {
            let Some(rest) = key.strip_prefix("HADATH_") else {
                continue;
            };
            if rest == "ADDR" {
                value["server"]["addr"] = toml::Value::String(raw);
                continue;
            }
            if rest == "CONFIG" {
                continue;
            }
            // Kubernetes service links for a Service named "hadath" (HADATH_PORT,
            // HADATH_SERVICE_HOST, HADATH_PORT_8080_TCP_ADDR …) are not settings
            if rest == "PORT" || rest.starts_with("PORT_") || rest.starts_with("SERVICE_") {
                continue;
            }
            let Some((section, name)) = rest.split_once("__") else {
                return Err(SettingsError::UnknownEnv(key));
            };
            let (section, name) = (section.to_ascii_lowercase(), name.to_ascii_lowercase());
            let Some(default) = value.get(&section).and_then(|s| s.get(&name)).cloned() else {
                return Err(SettingsError::UnknownEnv(key));
            };
            value[section.as_str()][name.as_str()] = env_value(&default, &raw);
        }
        let settings: Settings =
            value.try_into().map_err(|e: toml::de::Error| SettingsError::Parse { origin: "settings".into(), message: e.to_string() })?;
        settings.check()?;
        Ok(settings)
    }

    /// Checks values that parse but make no sense.
    pub fn check(&self) -> Result<(), SettingsError> {
        let invalid = |key: &str, message: &str| Err(SettingsError::Invalid { key: key.into(), message: message.into() });
        if self.server.addr.parse::<std::net::SocketAddr>().is_err() {
            return invalid("server.addr", &format!("{:?} is not HOST:PORT", self.server.addr));
        }
        if !self.server.admin_addr.is_empty() && self.server.admin_addr.parse::<std::net::SocketAddr>().is_err() {
            return invalid("server.admin_addr", &format!("{:?} is not HOST:PORT", self.server.admin_addr));
        }
        if self.server.max_concurrency == 0 {
            return invalid("server.max_concurrency", "must be at least 1");
        }
        if self.server.body_limit_bytes < 1024 {
            return invalid("server.body_limit_bytes", "must be at least 1024");
        }
        if self.server.header_read_timeout_secs == 0 {
            return invalid("server.header_read_timeout_secs", "must be at least 1");
        }
        if self.server.request_timeout_secs == 0 {
            return invalid("server.request_timeout_secs", "must be at least 1");
        }
        if self.limits.max_text_chars == 0 || self.limits.max_batch_items == 0 {
            return invalid("limits", "max_text_chars and max_batch_items must be at least 1");
        }
        if self.limits.max_events == 0 || self.limits.max_quotes == 0 || self.limits.max_entities == 0 {
            return invalid("limits", "max_events, max_quotes and max_entities must be at least 1");
        }
        if self.server.max_connections == 0 {
            return invalid("server.max_connections", "must be at least 1");
        }
        if self.server.idle_timeout_secs == 0 {
            return invalid("server.idle_timeout_secs", "must be at least 1");
        }
        if self.server.max_header_bytes < 8192 {
            return invalid("server.max_header_bytes", "must be at least 8192");
        }
        if self.server.http2_keep_alive_interval_secs == 0 || self.server.http2_keep_alive_timeout_secs == 0 {
            return invalid("server.http2_keep_alive_interval_secs", "the HTTP/2 keep-alive interval and timeout must be at least 1");
        }
        if self.auth.max_tracked_clients == 0 {
            return invalid("auth.max_tracked_clients", "must be at least 1");
        }
        for proxy in &self.auth.trusted_proxies {
            if crate::http::auth::Net::parse(proxy).is_none() {
                return invalid("auth.trusted_proxies", &format!("{proxy:?} is not an IP address or CIDR block"));
            }
        }
        if !matches!(self.log.format.as_str(), "text" | "json") {
            return invalid("log.format", &format!("{:?}: must be text or json", self.log.format));
        }
        if let Err(e) = crate::http::logging::check_filter(&self.log.level) {
            return invalid("log.level", &e);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn defaults_load() {
        let s = Settings::load(None, env(&[])).unwrap();
        assert_eq!(s.server.addr, "0.0.0.0:8080");
    }

    #[test]
    fn env_overrides_and_lists() {
        let s = Settings::load(
            None,
            env(&[("HADATH_ADDR", "127.0.0.1:9"), ("HADATH_AUTH__API_KEYS", "a, b"), ("HADATH_SERVER__MAX_CONCURRENCY", "3")]),
        )
        .unwrap();
        assert_eq!(s.server.addr, "127.0.0.1:9");
        assert_eq!(s.auth.api_keys, vec!["a", "b"]);
        assert_eq!(s.server.max_concurrency, 3);
    }

    #[test]
    fn kubernetes_service_links_are_not_settings() {
        let s = Settings::load(
            None,
            env(&[("HADATH_PORT", "tcp://10.0.0.1:80"), ("HADATH_SERVICE_HOST", "10.0.0.1"), ("HADATH_PORT_80_TCP_ADDR", "10.0.0.1")]),
        );
        assert!(s.is_ok());
        assert!(Settings::load(None, env(&[("HADATH_ADRESS", "x")])).is_err());
    }

    #[test]
    fn unknown_env_key_is_named() {
        let err = Settings::load(None, env(&[("HADATH_SERVER__NOPE", "1")])).unwrap_err();
        assert!(err.to_string().contains("HADATH_SERVER__NOPE"));
    }

    #[test]
    fn bad_value_is_named() {
        let err = Settings::load(None, env(&[("HADATH_SERVER__MAX_CONCURRENCY", "lots")])).unwrap_err();
        assert!(err.to_string().contains("max_concurrency"), "{err}");
    }

    #[test]
    fn unknown_file_key_is_named() {
        let dir = std::env::temp_dir().join(format!("hadath-settings-{}.toml", std::process::id()));
        std::fs::write(&dir, "[server]\nadress = \"x\"\n").unwrap();
        let err = Settings::load(Some(&dir), env(&[])).unwrap_err();
        std::fs::remove_file(&dir).ok();
        assert!(err.to_string().contains("adress"), "{err}");
    }
}
