//! A log sink that cannot take the service down: a write to standard error that fails
//! (a full disk, a closed pipe) is dropped and counted, never a panic.

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};

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
