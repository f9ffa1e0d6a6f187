//! Opens an address in the person's web browser (a sign-in page, a link in a message) with the
//! system's own launcher: `xdg-open` on Linux, `open` on macOS, `start` on Windows.

use std::ffi::OsString;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long a launcher may take to fail. One that fails says so at once (no browser set up);
/// one still running after this has handed the address over, or is the browser itself.
const LAUNCH_WAIT: Duration = Duration::from_millis(1500);

/// Opens `url` in the browser. Blocks for up to [`LAUNCH_WAIT`]; call it off async threads.
pub fn open(url: String) -> Result<(), String> {
    let (program, args) = launcher(&url);
    launch(program, args)
}

/// [`open`] from async code: the launcher's wait runs off the runtime's threads.
pub async fn open_later(target: String) -> Result<(), String> {
    match tokio::task::spawn_blocking(move || open(target)).await {
        Ok(opened) => opened,
        Err(error) => Err(error.to_string()),
    }
}

fn launch(program: OsString, args: Vec<String>) -> Result<(), String> {
    let shown = program.to_string_lossy().into_owned();
    let mut child = Command::new(&program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|error| format!("{shown}: {error}"))?;
    let deadline = Instant::now() + LAUNCH_WAIT;
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => return Err(format!("{shown}: {status}")),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(50)),
            Ok(None) => {
                // Reaped later, so it does not linger as a zombie.
                std::thread::spawn(move || child.wait());
                return Ok(());
            }
            Err(error) => return Err(format!("{shown}: {error}")),
        }
    }
}

/// The program and arguments that open `url`. Debug builds (the test suite) may name another
/// program in `ESTAFETTE_BROWSER`, run with the address as its only argument; release builds
/// always use the system's, so the sign-in address cannot be sent elsewhere.
fn launcher(url: &str) -> (OsString, Vec<String>) {
    #[cfg(debug_assertions)]
    if let Some(program) = std::env::var_os("ESTAFETTE_BROWSER") {
        return (program, vec![url.to_owned()]);
    }
    if cfg!(target_os = "windows") {
        // `start` is a cmd built-in: the empty title keeps the address from being taken for
        // one, and `^` stops cmd from splitting the query string at `&`.
        ("cmd".into(), vec!["/c".into(), "start".into(), String::new(), cmd_escape(url)])
    } else if cfg!(target_os = "macos") {
        ("open".into(), vec![url.to_owned()])
    } else {
        ("xdg-open".into(), vec![url.to_owned()])
    }
}

/// Escapes the characters cmd.exe treats as operators.
fn cmd_escape(url: &str) -> String {
    let mut escaped = String::with_capacity(url.len());
    for c in url.chars() {
        if matches!(c, '^' | '&' | '|' | '<' | '>' | '(' | ')') {
            escaped.push('^');
        }
        escaped.push(c);
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cmd_operators_in_an_address_are_escaped() {
        assert_eq!(cmd_escape("https://h/x?a=1&b=(2)"), "https://h/x?a=1^&b=^(2^)");
    }

    #[test]
    fn a_launcher_that_fails_is_reported() {
        // `false` exits at once with a failure, as xdg-open does without a browser.
        let error = launch("false".into(), vec![]).expect_err("failure reported");
        assert!(error.starts_with("false:"), "{error}");
        assert!(launch("true".into(), vec![]).is_ok());
        assert!(launch("/nonexistent/browser".into(), vec![]).is_err());
        // A launcher that stays (the browser itself) has taken the address.
        assert!(launch("sleep".into(), vec!["5".into()]).is_ok());
    }
}
