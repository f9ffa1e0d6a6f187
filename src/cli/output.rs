//! How the command line speaks: results on stdout (plain or JSON), one line per failure on stderr.

use std::fmt::Display;
use std::process::ExitCode;

use serde::Serialize;

/// Prints `error` as the one line a person reads, and returns the failure exit code.
pub fn fail(error: &dyn Display) -> ExitCode {
    // The log file keeps it for support; the terminal already shows the line below.
    tracing::info!(%error, "command failed");
    eprintln!("estafette: {error}");
    ExitCode::FAILURE
}

/// Prints `value` as one line of JSON.
pub fn json(value: &impl Serialize) -> ExitCode {
    match serde_json::to_string(value) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error),
    }
}

/// Prints each value as one line of JSON.
pub fn json_lines<T: Serialize>(values: impl IntoIterator<Item = T>) -> ExitCode {
    for value in values {
        if let Err(error) = serde_json::to_string(&value).map(|line| println!("{line}")) {
            return fail(&error);
        }
    }
    ExitCode::SUCCESS
}

/// The password piped on standard input (`--password-stdin`): never an argument, which other
/// users of the machine could read in the process list. An empty one is refused.
pub fn password_from_stdin() -> Result<crate::secret::Password, ExitCode> {
    use std::io::Read as _;
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).map_err(|error| fail(&error))?;
    let password = crate::secret::Password::new(text);
    if password.expose().is_empty() {
        return Err(fail(&crate::fl!("error-password-empty")));
    }
    Ok(password)
}
