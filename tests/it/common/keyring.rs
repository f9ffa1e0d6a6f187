//! A real Secret Service for the tests: gnome-keyring, unlocked, inside a private D-Bus session
//! that belongs to this test binary and ends with it.

use std::io::{BufRead as _, BufReader, Write as _};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

/// A private session bus with an unlocked `login` collection.
pub struct Keyring {
    bus: String,
    runtime: tempfile::TempDir,
    guard: Mutex<Guard>,
}

/// The script that runs the bus and the keyring: its input ends it or asks for a restart,
/// its output says when that is done.
struct Guard {
    _child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
}

/// Starts the bus and the keyring, prints the bus address, then reads its stdin until it
/// closes (when the test process ends) and stops both. `restart SECONDS` stops both, says
/// DOWN, and starts them again that much later (the same collection, unlocked again).
const SCRIPT: &str = r#"
set -e
for tool in dbus-daemon gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "MISSING $tool"; exit 1; }
done
export XDG_RUNTIME_DIR="$1" XDG_DATA_HOME="$1/data" XDG_CONFIG_HOME="$1/config" HOME="$1/home"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$HOME"
DBUS_SESSION_BUS_ADDRESS="unix:path=$1/bus"
export DBUS_SESSION_BUS_ADDRESS
start() {
  dbus-daemon --session --address="$DBUS_SESSION_BUS_ADDRESS" --nofork --nopidfile --syslog-only &
  bus=$!
  for i in $(seq 100); do [ -S "$1/bus" ] && break; sleep 0.05; done
  if [ "$2" = locked ]; then
    # No password given: the login collection stays locked, and with no display nothing can
    # prompt for it, so every attempt to store a secret is refused.
    gnome-keyring-daemon --components=secrets --daemonize </dev/null >/dev/null
  else
    printf 'test-keyring-password' | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
  fi
}
start "$1" "$2"
echo "READY $DBUS_SESSION_BUS_ADDRESS"
# The keyring's daemon ends with its bus.
while read -r command delay; do
  if [ "$command" = restart ]; then
    kill $bus; wait $bus || true; rm -f "$1/bus"
    echo DOWN
    sleep "$delay"
    start "$1" "$2"
  fi
done
kill $bus 2>/dev/null || true
"#;

impl Keyring {
    /// The keyring shared by this test binary.
    pub fn shared() -> &'static Keyring {
        static SHARED: OnceLock<Keyring> = OnceLock::new();
        SHARED.get_or_init(|| Keyring::start("unlocked"))
    }

    /// An unlocked keyring on a D-Bus session of its own (a test that puts a notification
    /// service on it sees only its own app's notifications).
    pub fn own() -> Keyring {
        Keyring::start("unlocked")
    }

    /// A keyring of its own whose collection is locked and cannot be unlocked.
    pub fn locked() -> Keyring {
        Keyring::start("locked")
    }

    fn start(mode: &str) -> Keyring {
        let runtime = tempfile::tempdir().expect("runtime dir");
        let mut child = Command::new("sh")
            .args(["-c", SCRIPT, "keyring-guard"])
            .arg(runtime.path())
            .arg(mode)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the keyring script");
        let input = child.stdin.take().expect("stdin");
        let mut output = BufReader::new(child.stdout.take().expect("stdout"));
        let mut first = String::new();
        output.read_line(&mut first).expect("read the keyring script");
        let Some(bus) = first.trim().strip_prefix("READY ") else {
            panic!(
                "could not start a private Secret Service ({}): install dbus and gnome-keyring \
                 (Debian: `apt-get install dbus-daemon gnome-keyring libsecret-tools`)",
                first.trim()
            );
        };
        let guard = Mutex::new(Guard { _child: child, input, output });
        Keyring { bus: bus.to_owned(), runtime, guard }
    }

    /// Stops the bus and the keyring now, and starts them again `after` (as at a desktop
    /// login, where the Secret Service may come up after the apps that need it). Returns once
    /// they are down.
    pub fn restart_in(&self, after: Duration) {
        let mut guard = self.guard.lock().expect("keyring guard");
        let command = format!("restart {:.1}\n", after.as_secs_f64());
        guard.input.write_all(command.as_bytes()).expect("ask the keyring script");
        let mut line = String::new();
        guard.output.read_line(&mut line).expect("read the keyring script");
        assert_eq!(line.trim(), "DOWN", "the keyring did not stop");
    }

    /// Points this process itself at this keyring, for tests that run the core in-process.
    pub fn use_in_this_process(&self) {
        static DONE: std::sync::Once = std::sync::Once::new();
        DONE.call_once(|| {
            for (key, value) in self.env() {
                if key == "DBUS_SESSION_BUS_ADDRESS" {
                    // SAFETY: once, before this process's keychain connection is made; the
                    // other tests start their children with an environment of their own.
                    unsafe { std::env::set_var(key, value) };
                }
            }
        });
    }

    /// The environment of a desktop session whose keyring this is.
    pub fn env(&self) -> Vec<(String, String)> {
        let runtime = self.runtime.path().display().to_string();
        vec![
            ("DBUS_SESSION_BUS_ADDRESS".into(), self.bus.clone()),
            ("XDG_RUNTIME_DIR".into(), runtime.clone()),
            ("HOME".into(), format!("{runtime}/home")),
        ]
    }

    /// The environment of a session with no keychain at all: a bus address nobody listens on.
    pub fn absent_env(scratch: &Path) -> Vec<(String, String)> {
        let scratch = scratch.display().to_string();
        vec![
            ("DBUS_SESSION_BUS_ADDRESS".into(), format!("unix:path={scratch}/no-bus-here")),
            ("XDG_RUNTIME_DIR".into(), scratch.clone()),
            ("HOME".into(), scratch),
        ]
    }

    /// The secret of the entry `user` (e.g. `<keychain id>/session`), read with `secret-tool`
    /// as any program of the session could.
    pub fn lookup(&self, user: &str) -> Option<String> {
        let output = Command::new("secret-tool")
            .args(["lookup", "service", "org.estafette.Estafette", "username", user])
            .envs(self.env())
            .output()
            .expect("run secret-tool (Debian: apt-get install libsecret-tools)");
        let secret = String::from_utf8_lossy(&output.stdout).into_owned();
        (output.status.success() && !secret.is_empty()).then_some(secret)
    }

    /// Replaces the secret of entry `user` behind the app's back.
    pub fn store(&self, user: &str, secret: &str) {
        let mut child = Command::new("secret-tool")
            .args([
                "store",
                "--label",
                "test",
                "service",
                "org.estafette.Estafette",
                "username",
                user,
            ])
            .envs(self.env())
            .stdin(Stdio::piped())
            .spawn()
            .expect("run secret-tool store");
        child.stdin.take().expect("stdin").write_all(secret.as_bytes()).expect("write secret");
        assert!(child.wait().expect("secret-tool").success());
    }

    pub fn clear(&self, user: &str) {
        let status = Command::new("secret-tool")
            .args(["clear", "service", "org.estafette.Estafette", "username", user])
            .envs(self.env())
            .status()
            .expect("run secret-tool clear");
        assert!(status.success());
    }
}
