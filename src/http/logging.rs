//! Logging: the subscriber the server runs with ([`init`]: text without colours when standard
//! error is not a terminal, or JSON), the check of a log filter before it is used
//! ([`check_filter`]), and a sink that cannot take the service down: a write to standard
//! error that fails (a full disk, a closed pipe) is dropped and counted, never a panic.

use crate::settings::LogSettings;
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use tracing_subscriber::EnvFilter;

/// Log writes dropped because standard error failed.
static FAILURES: AtomicU64 = AtomicU64::new(0);

/// Log writes dropped so far (reported as `hadath_log_write_failures_total`).
pub fn failures() -> u64 {
    FAILURES.load(Ordering::Relaxed)
}

/// Standard error as a `tracing` writer whose writes always succeed: a failed write is
/// counted and dropped.
#[derive(Debug, Clone, Copy, Default)]
pub struct DroppingStderr;

impl Write for DroppingStderr {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if std::io::stderr().write_all(buf).is_err() {
            FAILURES.fetch_add(1, Ordering::Relaxed);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if std::io::stderr().flush().is_err() {
            FAILURES.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for DroppingStderr {
    type Writer = DroppingStderr;

    fn make_writer(&'a self) -> Self::Writer {
        DroppingStderr
    }
}

/// Writes one line to standard error, dropping it (counted) when that fails — for the
/// messages printed outside `tracing` (`eprintln!` panics on a failed write).
pub fn eprint_line(line: &str) {
    let mut err = std::io::stderr().lock();
    if writeln!(err, "{line}").is_err() {
        FAILURES.fetch_add(1, Ordering::Relaxed);
    }
}

/// The level names a filter may use on their own.
const LEVELS: &[&str] = &["off", "error", "warn", "info", "debug", "trace"];

/// Checks a `tracing` filter (`[log] level`, `RUST_LOG`): comma-separated directives, each a
/// level (`info`) or `target=level` (`hadath=debug`, `tower_http=warn`). A bare word that is
/// no level — `verbose` — would parse as a target name and silence everything else, so it
/// is refused.
pub fn check_filter(filter: &str) -> Result<EnvFilter, String> {
    for directive in filter.split(',').map(str::trim).filter(|d| !d.is_empty()) {
        if !directive.contains(['=', '[', ':']) && !LEVELS.contains(&directive.to_ascii_lowercase().as_str()) {
            return Err(format!("{directive:?} is not a level ({}) nor a directive such as hadath=debug", LEVELS.join(", ")));
        }
    }
    EnvFilter::builder().parse(filter).map_err(|e| format!("{filter:?} is not a valid filter: {e}"))
}

/// Installs the process's subscriber for `settings`: `RUST_LOG` when set, else `[log] level`,
/// each checked first; text (ANSI colours only on a terminal) or JSON on standard error.
pub fn init(settings: &LogSettings) -> Result<(), String> {
    let filter = match std::env::var("RUST_LOG") {
        Ok(env) if !env.trim().is_empty() => check_filter(&env).map_err(|e| format!("RUST_LOG: {e}"))?,
        _ => check_filter(&settings.level).map_err(|e| format!("log.level: {e}"))?,
    };
    // a failed log write is dropped and counted, never a panic (standard error may be full
    // or closed), and the subscriber does not report it on standard error either
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(DroppingStderr).log_internal_errors(false);
    let installed = if settings.format == "json" {
        builder.json().flatten_event(true).with_current_span(true).try_init()
    } else {
        builder.with_ansi(std::io::stderr().is_terminal()).try_init()
    };
    installed.map_err(|e| format!("cannot install the logger: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_checked() {
        for good in ["info", "WARN", "hadath=debug,tower_http=info", "info,hadath[request]=debug", "off", ""] {
            assert!(check_filter(good).is_ok(), "{good}");
        }
        for bad in ["verbose", "info,loud", "hadath=loud"] {
            assert!(check_filter(bad).is_err(), "{bad}");
        }
    }
}
