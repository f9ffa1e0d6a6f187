//! How the command line speaks: results on stdout (plain or JSON), one line per failure on stderr.

use std::fmt::Display;
use std::process::ExitCode;

use serde::Serialize;

/// One piece of a command's output, as the running app sends it back to the command line that
/// asked it to run the command (`serve`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frame {
    /// A line for standard output.
    Out(String),
    /// Text for standard error, its line end included when it has one (a progress bar has none).
    Err(String),
    /// The command is over, with this exit code.
    Exit(u8),
}

tokio::task_local! {
    /// Where the output of a command served by the running app goes: unset, the terminal.
    pub(super) static SINK: tokio::sync::mpsc::UnboundedSender<Frame>;
}

/// A line on standard output, or to the command line being served.
pub fn out_line(line: String) {
    if SINK.try_with(|sink| drop(sink.send(Frame::Out(line.clone())))).is_err() {
        println!("{line}");
    }
}

/// Text on standard error, or to the command line being served.
pub fn err_text(text: String) {
    if SINK.try_with(|sink| drop(sink.send(Frame::Err(text.clone())))).is_err() {
        use std::io::Write as _;
        let mut stderr = std::io::stderr().lock();
        let _ = stderr.write_all(text.as_bytes());
        let _ = stderr.flush();
    }
}

/// `println!`, for the command line's results: they may be going back through the app.
macro_rules! say {
    () => {
        $crate::cli::output::out_line(String::new())
    };
    ($($arg:tt)*) => {
        $crate::cli::output::out_line(format!($($arg)*))
    };
}

/// `eprintln!`, for the command line's warnings and failures.
macro_rules! complain {
    () => {
        $crate::cli::output::err_text("\n".to_string())
    };
    ($($arg:tt)*) => {
        $crate::cli::output::err_text(format!("{}\n", format_args!($($arg)*)))
    };
}

/// `eprint!`: text on standard error without a line end (a progress bar, a prompt).
macro_rules! complain_part {
    ($($arg:tt)*) => {
        $crate::cli::output::err_text(format!($($arg)*))
    };
}

/// Prints `error` as the one line a person reads, and returns the failure exit code.
pub fn fail(error: &dyn Display) -> ExitCode {
    // The log file keeps it for support; the terminal already shows the line below.
    tracing::info!(%error, "command failed");
    complain!("estafette: {}", shown(&error.to_string()));
    ExitCode::FAILURE
}

/// Text that came from someone else (a name, a body, a device label, a server's error), made
/// safe for the terminal and kept on one line: see `model::text::terminal_line`. JSON output
/// needs none of this, its encoder escapes every control character.
pub fn shown(text: &str) -> String {
    crate::model::text::terminal_line(text)
}

/// Prints `value` as one line of JSON.
pub fn json(value: &impl Serialize) -> ExitCode {
    match serde_json::to_string(value) {
        Ok(text) => {
            say!("{text}");
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error),
    }
}

/// Prints each value as one line of JSON.
pub fn json_lines<T: Serialize>(values: impl IntoIterator<Item = T>) -> ExitCode {
    for value in values {
        if let Err(error) = serde_json::to_string(&value).map(|line| say!("{line}")) {
            return fail(&error);
        }
    }
    ExitCode::SUCCESS
}

/// The password piped on standard input (`--password-stdin`): never an argument, which other
/// users of the machine could read in the process list. An empty one is refused.
pub fn password_from_stdin() -> Result<crate::secret::Password, ExitCode> {
    let text = secret_from_stdin().map_err(|error| fail(&error))?;
    let password = crate::secret::Password::new(text.as_str().to_owned());
    if password.expose().is_empty() {
        return Err(fail(&crate::fl!("error-password-empty")));
    }
    Ok(password)
}

/// The longest secret read from standard input, in bytes: room enough for any password or
/// key, and the buffer never grows (a growing buffer leaves copies behind in freed memory).
const SECRET_MAX: usize = 64 * 1024;

/// Everything piped on standard input, for a secret: read into one buffer allocated once and
/// zeroized when dropped.
pub fn secret_from_stdin() -> std::io::Result<zeroize::Zeroizing<String>> {
    use std::io::Read as _;
    let mut bytes = zeroize::Zeroizing::new(Vec::with_capacity(SECRET_MAX));
    let read = std::io::stdin().lock().take(SECRET_MAX as u64).read_to_end(&mut bytes)?;
    if read == SECRET_MAX {
        return Err(std::io::Error::other(crate::fl!("error-secret-too-long")));
    }
    match String::from_utf8(std::mem::take(&mut *bytes)) {
        Ok(text) => Ok(zeroize::Zeroizing::new(text)),
        Err(error) => {
            zeroize::Zeroize::zeroize(&mut error.into_bytes());
            Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                crate::fl!("error-secret-not-text"),
            ))
        }
    }
}
