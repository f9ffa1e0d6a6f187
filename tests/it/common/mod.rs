//! Shared fixtures for the integration tests: a real Synapse from PyPI on a free loopback port,
//! a real Secret Service (gnome-keyring in a private D-Bus session), and the `estafette` binary
//! run as a user would run it.

pub mod cas;
pub mod display;
pub mod dunst;
pub mod keyring;
pub mod media;
pub mod synapse;
pub mod tray;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub use display::Display;
pub use dunst::Dunst;
pub use keyring::Keyring;
pub use synapse::Synapse;
pub use tray::Tray;

/// Where the tests keep what they build once (the Synapse venv): the cargo target folder.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// The outcome of one run of the binary.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn ok(&self) -> &Self {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }

    pub fn failed(&self) -> &Self {
        assert_ne!(self.code, 0, "expected failure\nstdout: {}", self.stdout);
        self
    }
    /// A successful run's `--json` output: one value per line.
    pub fn json_lines(&self, what: &str) -> Vec<serde_json::Value> {
        let lines = self.ok().stdout.lines();
        lines.map(|line| serde_json::from_str(line).expect(what)).collect()
    }
}

/// One user of the app: a data folder and the environment of a desktop session.
pub struct User {
    pub data: tempfile::TempDir,
    pub env: Vec<(String, String)>,
}

impl User {
    /// A user whose session has the given keychain (or none).
    pub fn new(keyring: Option<&Keyring>) -> Self {
        let data = tempfile::tempdir().expect("temp data folder");
        let env = match keyring {
            Some(keyring) => keyring.env(),
            None => Keyring::absent_env(data.path()),
        };
        Self { data, env }
    }

    /// Runs `estafette --data-dir <ours> ARGS`, feeding `stdin`.
    pub fn run(&self, args: &[&str], stdin: &str) -> Run {
        run_with(&self.env, self.data.path(), args, stdin)
    }

    /// Runs `estafette --data-dir <ours> ARGS` with extra environment (a time zone, say).
    pub fn run_env(&self, args: &[&str], extra: &[(&str, &str)]) -> Run {
        let mut env = self.env.clone();
        env.extend(extra.iter().map(|(key, value)| ((*key).to_owned(), (*value).to_owned())));
        run_with(&env, self.data.path(), args, "")
    }

    /// Starts the binary without waiting for it (the desktop app), with extra environment.
    pub fn spawn(&self, args: &[&str], extra: &[(&str, &str)]) -> std::process::Child {
        let mut command = command(&self.env, self.data.path(), args);
        command.envs(extra.iter().copied()).stdin(Stdio::null());
        command.spawn().expect("start estafette")
    }

    /// Starts the binary through `prefix` (a program that runs it, `setpriv …` say), with its
    /// standard input open and unwritten (it waits there when it reads a password).
    pub fn spawn_via(&self, prefix: &[&str], args: &[&str]) -> std::process::Child {
        command_via(prefix, &self.env, self.data.path(), args).spawn().expect("start estafette")
    }

    /// This user's data folder.
    pub fn data_dir(&self) -> &Path {
        self.data.path()
    }

    /// The core of `profile`, started in this test process (with the test keychain), for what
    /// only the core's handle can do (the idle lock's checks).
    pub async fn core(
        &self,
        profile: &str,
    ) -> (estafette::matrix::Handle, estafette::matrix::Events) {
        Keyring::shared().use_in_this_process();
        let profile = estafette::profile::Profile::locate(Some(self.data.path()), profile)
            .expect("the profile");
        let no_organisation = self.data.path().join("no-organisation-policy.toml");
        let policy = estafette::policy::Policy::load(&profile.settings_file(), &no_organisation)
            .expect("the policy");
        estafette::matrix::start(&profile, policy).await.expect("the core")
    }

    /// Everything the app logged so far to its file in `profile`.
    pub fn log(&self, profile: &str) -> String {
        let dir = self.profile_dir(profile).join("data/logs");
        files_under(&dir).iter().filter_map(|f| std::fs::read_to_string(f).ok()).collect()
    }

    /// Puts an organisation policy in force for this user's runs.
    pub fn set_policy(&mut self, text: &str) {
        let path = self.data.path().join("organisation-policy.toml");
        std::fs::write(&path, text).expect("write policy");
        self.env.retain(|(key, _)| key != "ESTAFETTE_SYSTEM_POLICY");
        self.env.push(("ESTAFETTE_SYSTEM_POLICY".into(), path.display().to_string()));
    }

    /// The keychain id recorded in a profile's account file.
    pub fn keychain_id(&self, profile: &str) -> String {
        let text = std::fs::read_to_string(self.profile_dir(profile).join("data/account.toml"))
            .expect("account file");
        let line = text.lines().find(|l| l.starts_with("keychain_id")).expect("keychain_id line");
        line.split('"').nth(1).expect("quoted id").to_owned()
    }

    /// The access token the keychain holds for the default profile.
    pub fn access_token(&self, keyring: &Keyring) -> String {
        let id = self.keychain_id("default");
        let text = keyring.lookup(&format!("{id}/session")).expect("session in the keychain");
        let value: serde_json::Value = serde_json::from_str(&text).expect("session JSON");
        value["access_token"].as_str().expect("access token").to_owned()
    }

    pub fn profile_dir(&self, profile: &str) -> PathBuf {
        self.data.path().join(profile)
    }

    /// Logs in with a password on stdin, returning (user id, device id).
    pub fn login(&self, synapse: &Synapse, account: &Account, extra: &[&str]) -> (String, String) {
        let mut args = vec!["login", "--homeserver", &synapse.url, "--user", &account.user_id];
        args.extend_from_slice(extra);
        args.push("--password-stdin");
        let run = self.run(&args, &format!("{}\n", account.password));
        run.ok();
        let mut words = run.stdout.split_whitespace();
        let user = words.next().expect("user id").to_owned();
        let device = words.next().expect("device id").to_owned();
        (user, device)
    }
}

/// Runs the binary with exactly this environment (plus PATH), never the developer's own.
pub fn run_with(env: &[(String, String)], data_dir: &Path, args: &[&str], stdin: &str) -> Run {
    let mut child = command(env, data_dir, args).spawn().expect("start estafette");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    let Output { status, stdout, stderr } = child.wait_with_output().expect("wait estafette");
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// The binary with this environment (plus PATH) and `--data-dir`, its pipes captured.
pub fn command(env: &[(String, String)], data_dir: &Path, args: &[&str]) -> Command {
    command_via(&[], env, data_dir, args)
}

/// `command`, started by the programs of `prefix` (which end by running the binary).
pub fn command_via(
    prefix: &[&str],
    env: &[(String, String)],
    data_dir: &Path,
    args: &[&str],
) -> Command {
    let binary = env!("CARGO_BIN_EXE_estafette");
    let mut command = match prefix.split_first() {
        Some((program, rest)) => {
            let mut command = Command::new(program);
            command.args(rest).arg(binary);
            command
        }
        None => Command::new(binary),
    };
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("ESTAFETTE_LANG", "en")
        // No organisation policy unless a test sets one: the machine's own must not interfere.
        .env("ESTAFETTE_SYSTEM_POLICY", data_dir.join("no-organisation-policy.toml"))
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// A registered account on the test Synapse.
#[derive(Debug, Clone)]
pub struct Account {
    pub user_id: String,
    pub password: String,
}

/// Every file below `dir`, recursively.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return found };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files_under(&path));
        } else {
            found.push(path);
        }
    }
    found
}

/// The files below `dir` whose bytes contain `needle`.
pub fn files_containing(dir: &Path, needle: &[u8]) -> Vec<PathBuf> {
    assert!(needle.len() >= 8, "needle too short to mean anything");
    files_under(dir)
        .into_iter()
        .filter(|path| {
            std::fs::read(path)
                .map(|bytes| bytes.windows(needle.len()).any(|window| window == needle))
                .unwrap_or(false)
        })
        .collect()
}

/// A unique lowercase name for a test user.
pub fn unique(prefix: &str) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{prefix}{}x{n}", std::process::id())
}

/// A user of the app, logged in to `synapse` with a fresh account.
pub fn person(synapse: &Synapse, prefix: &str) -> (User, Account) {
    let account = synapse.register(prefix);
    let user = User::new(Some(Keyring::shared()));
    user.login(synapse, &account, &[]);
    (user, account)
}

/// What a run printed on stderr besides the warning that the first sync was slow, which a busy
/// test machine may print before any command's own answer.
pub fn answer(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|line| !line.contains("the server could not be reached")).collect()
}

/// `tail --json` as parsed lines.
pub fn tail(user: &User, room: &str) -> Vec<serde_json::Value> {
    let run = user.run(&["tail", room, "--json", "--limit", "50"], "");
    run.json_lines("tail JSON")
}

/// The room's events as the server stores and serves them.
pub fn server_events(synapse: &Synapse, token: &str, room: &str) -> Vec<serde_json::Value> {
    let path = format!("/_matrix/client/v3/rooms/{room}/messages?dir=b&limit=100");
    let (status, body) = synapse.call("GET", &path, Some(token), "");
    assert_eq!(status, 200, "{body}");
    let value: serde_json::Value = serde_json::from_str(&body).expect("messages JSON");
    value["chunk"].as_array().cloned().unwrap_or_default()
}
