//! Logs to stderr at the chosen level and to a daily-rotated file in the profile's data folder,
//! both clamped to the policy's `log_level_max`. Secrets never reach a log line: the types
//! that hold them print `[redacted]`, and the SDK's crates are capped below `trace`, the level
//! at which HTTP libraries dump what they carry. Neither output can be flooded: a line
//! repeated in a loop is held back (`repeat`), and each day's file has a ceiling (`cap`).

mod cap;
mod repeat;

use std::io::IsTerminal as _;
use std::path::Path;

use tracing_appender::non_blocking::WorkerGuard;
use tracing_appender::rolling::{self, Rotation};
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;
use tracing_subscriber::{EnvFilter, Layer as _};

/// How much to log, from least to most: the `--log-level` choice, and the policy's
/// `log_level_max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Level {
    Error,
    Warn,
    Info,
    Debug,
    Trace,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warn => "warn",
            Self::Info => "info",
            Self::Debug => "debug",
            Self::Trace => "trace",
        }
    }
}

/// The SDK's crates: at `debug` they say what the client does (requests, sync, crypto steps)
/// without message bodies or tokens, which the test suite checks. Their `trace` is never on.
const SDK: &[&str] = &[
    "matrix_sdk",
    "matrix_sdk_base",
    "matrix_sdk_crypto",
    "matrix_sdk_ui",
    "matrix_sdk_sqlite",
    "matrix_sdk_common",
];

/// What the terminal shows when no level is asked for: Estafette's own warnings, not the
/// libraries' (a failed command already prints its one clear line).
fn quiet(max: Level) -> EnvFilter {
    EnvFilter::new(format!("off,estafette={}", Level::Warn.min(max).name()))
}

/// The filter for one output: `level` for Estafette, `debug` at most for the SDK, and `info`
/// at most for every other crate: below that, libraries such as the HTML parser or the HTTP
/// stack dump the text and bytes they handle.
fn filter(level: Level) -> EnvFilter {
    let mut directives = format!("{},estafette={}", level.min(Level::Info).name(), level.name());
    let sdk = level.min(Level::Debug).name();
    for name in SDK {
        directives.push_str(&format!(",{name}={sdk}"));
    }
    // The search index says "committing" at `info` for every page the crawler reads; its
    // warnings are worth keeping, its housekeeping is not.
    directives.push_str(&format!(",tantivy={}", level.min(Level::Warn).name()));
    // Log targets whose debug lines carry message content (an attachment's file name).
    for target in crate::matrix::CONTENT_AT_DEBUG {
        directives.push_str(&format!(",{target}={}", level.min(Level::Info).name()));
    }
    EnvFilter::new(directives)
}

/// Starts logging. The file keeps at least `info`, so support can read what happened even when
/// the terminal shows only warnings, unless the organisation's `max` says less. The file's
/// writer lives until the process exits.
pub fn init(log_dir: Option<&Path>, stderr_level: Option<Level>, max: Level) {
    let stderr = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .with_filter(stderr_level.map_or_else(|| quiet(max), |level| filter(level.min(max))));
    let (file, guard) = match log_dir.and_then(|dir| file_writer(dir).ok()) {
        Some((writer, guard)) => {
            let layer = tracing_subscriber::fmt::layer()
                .with_writer(writer)
                .with_ansi(false)
                .with_filter(file_filter(stderr_level, max));
            (Some(layer), Some(guard))
        }
        None => (None, None),
    };
    // A second initialisation (tests calling in twice) keeps the first subscriber.
    let repeats = repeat::Repeats::default();
    if tracing_subscriber::registry().with(repeats).with(stderr).with(file).try_init().is_ok()
        && let Some(guard) = guard
    {
        // The guard flushes the file when dropped; keep it for the whole process.
        let _ = GUARD.set(guard);
    }
}

/// The file's filter: at least `info` (what support reads), at most `max`.
fn file_filter(stderr_level: Option<Level>, max: Level) -> EnvFilter {
    filter(stderr_level.unwrap_or(Level::Info).max(Level::Info).min(max))
}

static GUARD: std::sync::OnceLock<WorkerGuard> = std::sync::OnceLock::new();

fn file_writer(
    dir: &Path,
) -> Result<(tracing_appender::non_blocking::NonBlocking, WorkerGuard), Box<dyn std::error::Error>>
{
    crate::profile::create_private_dir(dir)?;
    let appender = rolling::Builder::new()
        .rotation(Rotation::DAILY)
        .filename_prefix("estafette")
        .filename_suffix("log")
        .max_log_files(7)
        .build(dir)?;
    // The daily rotation names today's file after the UTC date: what it holds already counts.
    let today = dir.join(format!("estafette.{}.log", chrono::Utc::now().format("%Y-%m-%d")));
    let already = std::fs::metadata(today).map_or(0, |meta| meta.len());
    Ok(tracing_appender::non_blocking(cap::Capped::new(appender, already)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sdk_crates_never_log_at_trace() {
        let shown = filter(Level::Trace).to_string();
        assert!(shown.contains("matrix_sdk=debug"), "{shown}");
        assert!(shown.contains("tantivy=warn"), "{shown}");
        assert!(shown.contains("estafette=trace"), "{shown}");
        assert!(shown.ends_with(",info"), "other crates capped at info: {shown}");
        let quiet = filter(Level::Warn).to_string();
        assert!(quiet.contains("matrix_sdk=warn"), "{quiet}");
    }

    #[test]
    fn the_policys_maximum_clamps_every_output() {
        let file = file_filter(Some(Level::Trace), Level::Warn).to_string();
        assert!(file.contains("estafette=warn") && !file.contains("trace"), "{file}");
        let file = file_filter(None, Level::Error).to_string();
        assert!(file.contains("estafette=error") && file.contains("matrix_sdk=error"), "{file}");
        // Without a stricter maximum the file keeps at least info.
        let file = file_filter(Some(Level::Error), Level::Trace).to_string();
        assert!(file.contains("estafette=info"), "{file}");
        assert!(quiet(Level::Error).to_string().contains("estafette=error"));
        assert!(quiet(Level::Trace).to_string().contains("estafette=warn"));
    }
}
