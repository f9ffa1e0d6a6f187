//! Accounts against a real Synapse and a real Secret Service: login, restore in a new process,
//! profiles, logout and wipe, and the secrets that must never leave the keychain.

use std::path::PathBuf;
use std::sync::OnceLock;

use crate::common::cas::FakeCas;
use crate::common::synapse::Lifetimes;
use crate::common::{Keyring, Synapse, User, files_containing, files_under};

fn setup() -> (&'static Synapse, &'static Keyring) {
    (Synapse::shared(), Keyring::shared())
}

/// The session JSON the keychain holds for a profile.
fn keychain_session(keyring: &Keyring, user: &User, profile: &str) -> serde_json::Value {
    let id = user.keychain_id(profile);
    let text = keyring.lookup(&format!("{id}/session")).expect("session in the keychain");
    serde_json::from_str(&text).expect("session JSON")
}

#[test]
fn login_then_restore_in_a_new_process_without_password() {
    let (synapse, keyring) = setup();
    let account = synapse.register("restore");
    let user = User::new(Some(keyring));
    let (user_id, device_id) = user.login(synapse, &account, &[]);
    assert_eq!(user_id, account.user_id);
    assert!(!device_id.is_empty());

    // A fresh process, no password: the keychain alone brings the session back.
    let whoami = user.run(&["whoami"], "");
    whoami.ok();
    assert_eq!(whoami.stdout.trim(), format!("{user_id} {device_id}"));

    let json = user.run(&["whoami", "--json"], "");
    let value: serde_json::Value = serde_json::from_str(json.ok().stdout.trim()).expect("json");
    assert_eq!(value["user_id"], user_id.as_str());
    assert_eq!(value["device_id"], device_id.as_str());
    assert_eq!(value["homeserver"], format!("{}/", synapse.url));
    assert!(value["device_key"].as_str().is_some_and(|key| key.len() > 20), "{value}");
}

#[test]
fn login_by_matrix_id_finds_the_server_through_well_known() {
    let (synapse, keyring) = setup();
    let account = synapse.register("wellknown");
    let user = User::new(Some(keyring));
    let run =
        user.run(&["login", "--user", &account.user_id, "--password-stdin"], &account.password);
    run.ok();
    assert!(run.stdout.starts_with(&account.user_id), "{}", run.stdout);
    let json = user.run(&["whoami", "--json"], "");
    assert!(json.ok().stdout.contains(&format!("\"homeserver\":\"{}/\"", synapse.url)));
}

#[test]
fn profiles_keep_accounts_side_by_side() {
    let (synapse, keyring) = setup();
    let (alice, bob) = (synapse.register("alice"), synapse.register("bob"));
    let user = User::new(Some(keyring));
    user.login(synapse, &alice, &["--profile", "work"]);
    user.login(synapse, &bob, &["--profile", "home"]);
    assert!(user.run(&["--profile", "work", "whoami"], "").ok().stdout.starts_with(&alice.user_id));
    assert!(user.run(&["--profile", "home", "whoami"], "").ok().stdout.starts_with(&bob.user_id));
    assert_ne!(user.keychain_id("work"), user.keychain_id("home"));

    // A profile in use refuses a second login rather than silently replacing its account.
    let again = user.run(
        &[
            "--profile",
            "work",
            "login",
            "--homeserver",
            &synapse.url,
            "--user",
            &bob.user_id,
            "--password-stdin",
        ],
        &bob.password,
    );
    assert!(again.failed().stderr.contains("already logged in as"), "{}", again.stderr);
}

#[test]
fn wrong_password_is_one_clear_error_and_leaves_nothing() {
    let (synapse, keyring) = setup();
    let account = synapse.register("wrongpw");
    let user = User::new(Some(keyring));
    let run = user.run(
        &["login", "--homeserver", &synapse.url, "--user", &account.user_id, "--password-stdin"],
        "not the password",
    );
    run.failed();
    assert_eq!(run.stderr.trim(), "estafette: Wrong user name or password.");
    assert!(!user.profile_dir("default").join("data/account.toml").exists());
    assert!(!user.profile_dir("default").join("data/store").exists());
    assert!(files_containing(user.data.path(), b"not the password").is_empty());
}

/// A task the runtime drops as a command ends can panic (matrix-sdk-sqlite's does, now and
/// then): the command's answer stays its one line, and the panic goes to the log instead.
#[test]
fn a_panic_as_a_command_ends_leaves_its_answer_one_line() {
    let user = User::new(Some(Keyring::shared()));
    let run = user.run_env(&["whoami"], &[("ESTAFETTE_TEST_TEARDOWN_PANIC", "1")]);
    run.failed();
    assert_eq!(run.stderr.trim().lines().count(), 1, "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn plain_http_to_a_remote_host_is_refused_and_nothing_is_written() {
    let (_, keyring) = setup();
    let user = User::new(Some(keyring));
    let run = user.run(
        &[
            "login",
            "--homeserver",
            "http://matrix.example.org",
            "--user",
            "alice",
            "--password-stdin",
        ],
        "secret",
    );
    run.failed();
    assert!(run.stderr.contains("plain http is not encrypted"), "{}", run.stderr);
    assert_eq!(run.stderr.trim().lines().count(), 1, "one clear line: {}", run.stderr);
    assert!(!user.profile_dir("default").join("data/store").exists());

    let garbage =
        user.run(&["login", "--homeserver", "https://", "--user", "a", "--password-stdin"], "x");
    assert!(
        garbage.failed().stderr.contains("is not a valid server address"),
        "{}",
        garbage.stderr
    );
    let bad_id = user.run(&["login", "--user", "@nocolon", "--password-stdin"], "x");
    assert!(bad_id.failed().stderr.contains("is not a valid Matrix ID"), "{}", bad_id.stderr);
}

#[test]
fn a_well_known_that_points_to_plain_http_is_refused() {
    use std::io::{Read as _, Write as _};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten().take(8) {
            let mut buffer = [0u8; 2048];
            let _ = stream.read(&mut buffer);
            let body = r#"{"m.homeserver":{"base_url":"http://matrix.example.org"}}"#;
            let _ = write!(
                stream,
                "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            );
        }
    });
    let user = User::new(Some(Keyring::shared()));
    let run = user
        .run(&["login", "--user", &format!("@alice:localhost:{port}"), "--password-stdin"], "pw");
    run.failed();
    assert!(run.stderr.contains("http://matrix.example.org"), "{}", run.stderr);
    assert!(run.stderr.contains("plain http is not encrypted"), "{}", run.stderr);
    assert!(!user.profile_dir("default").join("data/store").exists());
}

#[test]
fn store_cannot_be_opened_without_its_key() {
    let (synapse, keyring) = setup();
    let account = synapse.register("storekey");
    let user = User::new(Some(keyring));
    user.login(synapse, &account, &[]);
    let id = user.keychain_id("default");
    let key = keyring.lookup(&format!("{id}/store-key")).expect("store key in the keychain");

    // Another key: the stores refuse to open.
    keyring.store(&format!("{id}/store-key"), "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    let wrong = user.run(&["whoami"], "");
    assert!(wrong.failed().stderr.contains("cannot be opened with the key"), "{}", wrong.stderr);

    // No key: nothing is opened at all, and the user is told how to recover.
    keyring.clear(&format!("{id}/store-key"));
    let missing = user.run(&["whoami"], "");
    assert!(missing.failed().stderr.contains("no longer holds the key"), "{}", missing.stderr);

    // The right key again: everything is back.
    keyring.store(&format!("{id}/store-key"), &key);
    user.run(&["whoami"], "").ok();
}

#[test]
fn secrets_never_reach_a_file_or_a_log() {
    let (synapse, keyring) = setup();
    let account = synapse.register("nosecret");
    let user = User::new(Some(keyring));
    let login = user.run(
        &[
            "--log-level",
            "trace",
            "login",
            "--homeserver",
            &synapse.url,
            "--user",
            &account.user_id,
            "--password-stdin",
        ],
        &account.password,
    );
    login.ok();
    let whoami = user.run(&["--log-level", "trace", "whoami"], "");
    whoami.ok();
    let doctor = user.run(&["--log-level", "trace", "doctor"], "");
    doctor.ok();

    let session = keychain_session(keyring, &user, "default");
    let id = user.keychain_id("default");
    let key_b64 = keyring.lookup(&format!("{id}/store-key")).expect("store key");
    let key = base64_decode(&key_b64);
    let access = session["access_token"].as_str().expect("access token").to_owned();
    let refresh = session["refresh_token"].as_str().expect("refresh token").to_owned();

    let logs = files_under(&user.profile_dir("default").join("data/logs"));
    let log_text: String = logs.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    // The log is verbose enough that a leak would show: the SDK's requests are in it.
    assert!(log_text.contains("DEBUG matrix_sdk"), "the log holds the SDK's debug lines");
    assert!(log_text.contains("/_matrix/client/v3/login"), "the log holds the login request");
    let secrets: [(&str, &[u8]); 5] = [
        ("access token", access.as_bytes()),
        ("refresh token", refresh.as_bytes()),
        ("store key (base64)", key_b64.as_bytes()),
        ("store key (raw)", &key),
        ("password", account.password.as_bytes()),
    ];
    for (what, bytes) in secrets {
        let found = files_containing(user.data.path(), bytes);
        assert!(found.is_empty(), "the {what} is on disk in {found:?}");
        for run in [&login, &whoami, &doctor] {
            let text = format!("{}{}", run.stdout, run.stderr);
            assert!(
                !text.as_bytes().windows(bytes.len()).any(|w| w == bytes),
                "the {what} was printed"
            );
        }
    }
}

#[test]
fn data_folders_are_private() {
    use std::os::unix::fs::PermissionsExt as _;
    let (synapse, keyring) = setup();
    let account = synapse.register("private");
    let user = User::new(Some(keyring));
    user.login(synapse, &account, &[]);
    let root = user.profile_dir("default");
    for path in files_under(&root) {
        let mode = std::fs::metadata(&path).expect("metadata").permissions().mode() & 0o777;
        assert_eq!(mode & 0o077, 0, "{} is open to others ({mode:o})", path.display());
    }
    for dir in ["data", "cache", "data/store", "cache/store", "data/logs"] {
        let mode = std::fs::metadata(root.join(dir)).expect(dir).permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "{dir}");
    }
}

#[test]
fn logout_ends_the_session_on_the_server_and_forgets_it_here() {
    let (synapse, keyring) = setup();
    let account = synapse.register("logout");
    let user = User::new(Some(keyring));
    user.login(synapse, &account, &[]);
    let session = keychain_session(keyring, &user, "default");
    let token = session["access_token"].as_str().expect("token").to_owned();
    let id = user.keychain_id("default");
    assert_eq!(synapse.call("GET", "/_matrix/client/v3/account/whoami", Some(&token), "").0, 200);

    let run = user.run(&["logout"], "");
    assert!(run.ok().stdout.contains("Logged out"), "{}", run.stdout);
    let (status, body) = synapse.call("GET", "/_matrix/client/v3/account/whoami", Some(&token), "");
    assert_eq!(status, 401, "the old token still works: {body}");
    assert!(body.contains("M_UNKNOWN_TOKEN"), "{body}");
    assert_eq!(keyring.lookup(&format!("{id}/session")), None);
    assert_eq!(keyring.lookup(&format!("{id}/store-key")), None);
    let whoami = user.run(&["whoami"], "");
    assert!(whoami.failed().stderr.contains("No account is logged in"), "{}", whoami.stderr);
}

#[test]
fn a_session_signed_out_elsewhere_is_forgotten_here() {
    let (synapse, keyring) = setup();
    let account = synapse.register("hardout");
    let user = User::new(Some(keyring));
    user.login(synapse, &account, &[]);
    let id = user.keychain_id("default");
    let token = keychain_session(keyring, &user, "default")["access_token"]
        .as_str()
        .expect("token")
        .to_owned();
    // Someone (another device, an admin) ends this session on the server.
    assert_eq!(synapse.call("POST", "/_matrix/client/v3/logout", Some(&token), "{}").0, 200);

    let run = user.run(&["whoami"], "");
    assert!(run.failed().stderr.contains("server has ended the session"), "{}", run.stderr);
    assert_eq!(keyring.lookup(&format!("{id}/session")), None);
    assert_eq!(keyring.lookup(&format!("{id}/store-key")), None);
    assert!(!user.profile_dir("default").join("data/store").exists());
    // And a new login works on the same profile.
    user.login(synapse, &account, &[]);
}

#[test]
fn wipe_leaves_no_file_and_no_keychain_entry() {
    let (synapse, keyring) = setup();
    let account = synapse.register("wipe");
    let user = User::new(Some(keyring));
    user.login(synapse, &account, &[]);
    user.run(&["whoami"], "").ok();
    let id = user.keychain_id("default");
    assert!(keyring.lookup(&format!("{id}/session")).is_some());

    user.run(&["logout", "--wipe"], "").ok();
    let left = files_under(user.data.path());
    assert!(left.is_empty(), "files left behind: {left:?}");
    assert!(!user.profile_dir("default").exists());
    assert_eq!(keyring.lookup(&format!("{id}/session")), None);
    assert_eq!(keyring.lookup(&format!("{id}/store-key")), None);
}

#[test]
fn no_keychain_is_a_clear_error_and_nothing_is_written_in_plaintext() {
    let (synapse, keyring) = setup();
    let account = synapse.register("nokeychain");

    // Login without any keychain: refused before anything is stored.
    let bare = User::new(None);
    let run = bare.run(
        &["login", "--homeserver", &synapse.url, "--user", &account.user_id, "--password-stdin"],
        &account.password,
    );
    run.failed();
    assert!(run.stderr.contains("No system keychain is reachable"), "{}", run.stderr);
    assert!(run.stderr.contains("gnome-keyring-daemon --unlock"), "names the fix: {}", run.stderr);
    assert!(!bare.profile_dir("default").join("data/account.toml").exists());
    assert!(!bare.profile_dir("default").join("data/store").exists());

    // A logged-in profile whose keychain went away: the same clear error, and the doctor says so.
    let user = User::new(Some(keyring));
    user.login(synapse, &account, &[]);
    let token = keychain_session(keyring, &user, "default")["access_token"]
        .as_str()
        .expect("token")
        .to_owned();
    let gone =
        User { data: user.data, env: Keyring::absent_env(std::path::Path::new("/nonexistent")) };
    let whoami = gone.run(&["whoami"], "");
    assert!(
        whoami.failed().stderr.contains("No system keychain is reachable"),
        "{}",
        whoami.stderr
    );
    let doctor = gone.run(&["doctor"], "");
    doctor.failed();
    let keychain_line =
        doctor.stdout.lines().find(|l| l.contains("keychain")).expect("keychain line");
    assert!(keychain_line.starts_with("FAILED"), "{}", doctor.stdout);
    assert!(files_containing(gone.data.path(), token.as_bytes()).is_empty());
}

#[test]
fn a_locked_keychain_is_a_clear_error_and_nothing_is_written() {
    let synapse = Synapse::shared();
    let locked = Keyring::locked();
    let account = synapse.register("locked");
    let user = User::new(Some(&locked));
    let run = user.run(
        &["login", "--homeserver", &synapse.url, "--user", &account.user_id, "--password-stdin"],
        &account.password,
    );
    run.failed();
    assert!(run.stderr.contains("keychain refused access"), "{}", run.stderr);
    assert!(run.stderr.contains("Unlock your keyring"), "names the fix: {}", run.stderr);
    assert!(!user.profile_dir("default").join("data/account.toml").exists());
    assert!(!user.profile_dir("default").join("data/store").exists());
    let doctor = user.run(&["doctor"], "");
    let line = doctor.failed().stdout.lines().find(|l| l.contains("keychain")).unwrap_or_default();
    assert!(line.starts_with("FAILED"), "{}", doctor.stdout);
}

#[test]
fn doctor_reports_every_check() {
    let (synapse, keyring) = setup();
    let account = synapse.register("doctor");
    let user = User::new(Some(keyring));

    let before = user.run(&["doctor"], "");
    before.failed();
    assert!(before.stdout.contains("No account is logged in"), "{}", before.stdout);

    user.login(synapse, &account, &[]);
    let run = user.run(&["doctor"], "");
    run.ok();
    for check in ["keychain", "account", "homeserver", "store", "session"] {
        let line = run.stdout.lines().find(|l| l.contains(check)).unwrap_or_default();
        assert!(line.starts_with("ok"), "{check}: {}", run.stdout);
    }
    let json = user.run(&["doctor", "--json"], "");
    let value: serde_json::Value = serde_json::from_str(json.ok().stdout.trim()).expect("json");
    // tests/doctor.rs checks each of them.
    assert_eq!(value["checks"].as_array().map(Vec::len), Some(16));
}

fn base64_decode(text: &str) -> Vec<u8> {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.decode(text.trim()).expect("base64 key")
}

#[test]
fn one_process_at_a_time_per_profile() {
    let (synapse, keyring) = setup();
    let account = synapse.register("single");
    let user = User::new(Some(keyring));
    user.login(synapse, &account, &[]);
    let room = user.run(&["create-room", "--name", "Solo"], "").ok().stdout.trim().to_owned();
    std::thread::scope(|scope| {
        let follower =
            scope.spawn(|| user.run(&["tail", &room, "--follow", "--timeout", "15"], ""));
        std::thread::sleep(std::time::Duration::from_secs(5));
        // Two processes would each rotate the refresh token and the server would end the
        // session: the second one is refused instead.
        let second = user.run(&["whoami"], "");
        assert!(second.failed().stderr.contains("already running"), "{}", second.stderr);
        follower.join().expect("follower").ok();
    });
    user.run(&["whoami"], "").ok();
}

/// The Synapse of the single sign-on tests, set up as an organisation would: passwords off,
/// everyone signs in through the organisation's identity provider (a fake CAS that knows one
/// person, `ssouser`). Its own server, so the other tests keep their password-only one.
fn sso_synapse() -> &'static (Synapse, FakeCas) {
    static SSO: OnceLock<(Synapse, FakeCas)> = OnceLock::new();
    SSO.get_or_init(|| {
        let cas = FakeCas::start("ssouser");
        let yaml = cas.synapse_yaml() + "password_config:\n  enabled: false\n";
        (Synapse::start_with(Lifetimes::default(), &yaml), cas)
    })
}

/// The "web browser" of the SSO tests: a script the app runs with the sign-in address (through
/// `ESTAFETTE_BROWSER`), which follows every redirect as a browser would, down to the app's
/// loopback address, and leaves a trace of having been run.
struct Browser {
    dir: tempfile::TempDir,
}

impl Browser {
    fn new() -> Self {
        Self::with_prelude("")
    }

    /// A browser beside which someone else on the machine knocks at the app's loopback port
    /// first (found as `ss -ltnp` would): at `/`, and with a login token of their own. The
    /// answers they got are kept in `probes`.
    fn with_stranger() -> Self {
        Self::with_prelude(
            "port=$(printf '%s' \"$1\" | sed -n 's/.*127\\.0\\.0\\.1%3A\\([0-9]*\\).*/\\1/p')\n\
             for path in / '/?loginToken=forged'; do\n\
             curl --noproxy '*' -s -o /dev/null -w '%{http_code}\\n' \"http://127.0.0.1:$port$path\" >> \"$dir/probes\"\n\
             done\n",
        )
    }

    fn with_prelude(prelude: &str) -> Self {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().expect("browser folder");
        let d = dir.path().display();
        let script = format!(
            "#!/bin/sh\ndir='{d}'\ntouch '{d}/opened'\n{prelude}exec curl --noproxy '*' -sSL --max-time 60 -o '{d}/page' -w '%{{url_effective}}' \"$1\" > '{d}/last-url'\n"
        );
        let path = dir.path().join("browser");
        std::fs::write(&path, script).expect("write the browser script");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o700)).expect("chmod");
        Self { dir }
    }

    fn program(&self) -> PathBuf {
        self.dir.path().join("browser")
    }

    fn opened(&self) -> bool {
        self.dir.path().join("opened").exists()
    }

    /// The statuses the stranger got (`with_stranger`), one per knock.
    fn probes(&self) -> Vec<String> {
        let text = std::fs::read_to_string(self.dir.path().join("probes")).unwrap_or_default();
        text.lines().map(str::to_owned).collect()
    }

    /// What the app's loopback address told the person at the end.
    fn page(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("page")).unwrap_or_default()
    }

    /// The last address the browser landed on: the app's, with the one-time login token.
    fn last_url(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("last-url")).unwrap_or_default()
    }
}

/// A user whose browser is `browser`.
fn sso_user(browser: &Browser) -> User {
    let mut user = User::new(Some(Keyring::shared()));
    user.env.push(("ESTAFETTE_BROWSER".into(), browser.program().display().to_string()));
    user
}

fn contains(haystack: &str, needle: &str) -> bool {
    haystack.as_bytes().windows(needle.len()).any(|window| window == needle.as_bytes())
}

#[test]
fn sso_login_goes_through_the_browser_and_keeps_the_tokens_in_the_keychain() {
    let (synapse, cas) = sso_synapse();
    let keyring = Keyring::shared();
    let browser = Browser::new();
    let user = sso_user(&browser);
    let login =
        user.run(&["--log-level", "trace", "login", "--sso", "--homeserver", &synapse.url], "");
    login.ok();
    let me = format!("@ssouser:{}", synapse.server_name);
    assert!(login.stdout.starts_with(&me), "{}", login.stdout);
    assert!(login.stderr.contains("Opening your browser to sign in"), "{}", login.stderr);
    let sso_url = format!("{}/_matrix/client/v3/login/sso/redirect", synapse.url);
    assert!(login.stderr.contains(&sso_url), "the address is printed: {}", login.stderr);
    assert!(browser.opened());
    assert!(browser.page().contains("close this page"), "{}", browser.page());
    let served = cas.served();
    assert!(served.iter().any(|p| p == "/login"), "{served:?}");
    assert!(served.iter().any(|p| p == "/proxyValidate"), "Synapse checked the ticket: {served:?}");

    let whoami = user.run(&["whoami", "--json"], "");
    let value: serde_json::Value = serde_json::from_str(whoami.ok().stdout.trim()).expect("json");
    assert_eq!(value["user_id"], me.as_str());
    assert_eq!(value["homeserver"], format!("{}/", synapse.url));

    // The tokens are in the keychain, and nowhere else: no file, no log, no output.
    let session = keychain_session(keyring, &user, "default");
    let access = session["access_token"].as_str().expect("access token").to_owned();
    let refresh = session["refresh_token"].as_str().expect("refresh token").to_owned();
    let landed = browser.last_url();
    let login_token = landed.split("loginToken=").nth(1).expect("login token in the redirect");
    assert!(landed.starts_with("http://127.0.0.1:"), "the loopback address: {landed}");
    for (what, secret) in [
        ("access token", &access),
        ("refresh token", &refresh),
        ("login token", &login_token.into()),
    ] {
        let found = files_containing(user.data.path(), secret.as_bytes());
        assert!(found.is_empty(), "the {what} is on disk in {found:?}");
        for run in [&login, &whoami] {
            let output = format!("{}{}", run.stdout, run.stderr);
            assert!(!contains(&output, secret), "the {what} was printed");
        }
    }
}

#[test]
fn a_password_login_on_an_sso_only_server_points_to_sso() {
    let (synapse, _) = sso_synapse();
    let user = User::new(Some(Keyring::shared()));
    let me = format!("@ssouser:{}", synapse.server_name);
    let run = user.run(
        &["login", "--homeserver", &synapse.url, "--user", &me, "--password-stdin"],
        "a password",
    );
    run.failed();
    assert!(run.stderr.contains("does not accept passwords"), "{}", run.stderr);
    assert!(run.stderr.contains("estafette login --sso"), "{}", run.stderr);
    assert!(!user.profile_dir("default").join("data/account.toml").exists());
    assert!(!user.profile_dir("default").join("data/store").exists());
}

#[test]
fn sso_is_refused_before_any_browser_opens() {
    let (synapse, _) = sso_synapse();
    let browser = Browser::new();

    // A server the organisation does not allow: refused before it is even asked.
    let mut user = sso_user(&browser);
    user.set_policy("allowed_homeservers = [\"matrix.example.org\"]\n");
    let run = user.run(&["login", "--sso", "--homeserver", &synapse.url], "");
    run.failed();
    assert!(run.stderr.contains("not allowed by your organisation's policy"), "{}", run.stderr);
    assert!(!run.stderr.contains("Opening your browser"), "{}", run.stderr);

    // A server without single sign-on: said in words, no browser.
    let plain = Synapse::shared();
    let other = sso_user(&browser);
    let run = other.run(&["login", "--sso", "--homeserver", &plain.url], "");
    assert!(run.failed().stderr.contains("does not offer signing in"), "{}", run.stderr);

    // Nothing named at all: which server?
    let run = other.run(&["login", "--sso"], "");
    assert!(run.failed().stderr.contains("Say which server"), "{}", run.stderr);

    assert!(!browser.opened(), "a browser was opened");
    for user in [&user, &other] {
        assert!(!user.profile_dir("default").join("data/account.toml").exists());
        assert!(!user.profile_dir("default").join("data/store").exists());
    }
}

#[test]
fn an_expired_sso_session_comes_back_on_the_same_device() {
    let cas = FakeCas::start("ssouser");
    let synapse = Synapse::start_with(
        Lifetimes { access: Some("3s"), refresh: Some("8s") },
        &cas.synapse_yaml(),
    );
    let browser = Browser::new();
    let user = sso_user(&browser);
    let first = user.run(&["login", "--sso", "--homeserver", &synapse.url], "");
    let device = first.ok().stdout.split_whitespace().nth(1).expect("device id").to_owned();
    let key = |user: &User| {
        let run = user.run(&["whoami", "--json"], "");
        let value: serde_json::Value = serde_json::from_str(run.ok().stdout.trim()).expect("json");
        value["device_key"].as_str().expect("device key").to_owned()
    };
    let signing_key = key(&user);

    // Both tokens expire: the server ends the session softly, keeping the device.
    std::thread::sleep(std::time::Duration::from_secs(12));
    let expired = user.run(&["whoami"], "");
    assert!(expired.failed().stderr.contains("has expired"), "{}", expired.stderr);

    // The organisation's account alone brings back the same device, with the same keys; the
    // expired session says which server, so nothing needs typing.
    let again = user.run(&["login", "--sso"], "");
    let resumed = again.ok().stdout.split_whitespace().nth(1).expect("device id").to_owned();
    assert_eq!(resumed, device, "a new device was created instead of resuming");
    assert_eq!(key(&user), signing_key, "the device's keys were lost");
}

/// Review M2: the browser comes back to a loopback path only it knows. A stranger knocking at
/// the port (`/`, or with a login token of theirs) gets 404 and changes nothing: the sign-in
/// goes on and ends as the person who signed in.
#[test]
fn a_stranger_at_the_loopback_port_cannot_abort_or_hijack_a_sign_in() {
    let (synapse, _) = sso_synapse();
    let browser = Browser::with_stranger();
    let user = sso_user(&browser);
    let login = user.run(&["login", "--sso", "--homeserver", &synapse.url], "");
    login.ok();
    assert_eq!(browser.probes(), ["404", "404"], "{}", login.stderr);
    let me = format!("@ssouser:{}", synapse.server_name);
    assert!(login.stdout.starts_with(&me), "{}", login.stdout);
    let landed = browser.last_url();
    let path = landed.split('?').next().unwrap_or_default();
    let secret = path.rsplit('/').find(|part| !part.is_empty()).unwrap_or_default();
    assert_eq!(secret.len(), 32, "a 128-bit path: {landed}");
}

/// Review M2: the browser came back as someone else than the person named (the organisation's
/// page was signed in to another account): refused, and nothing is kept of that session, on
/// this computer or on the server.
#[test]
fn a_sign_in_that_comes_back_as_someone_else_is_refused() {
    let (synapse, _) = sso_synapse();
    let browser = Browser::new();
    let user = sso_user(&browser);
    let named = format!("@someoneelse:{}", synapse.server_name);
    let run = user.run(&["login", "--sso", "--homeserver", &synapse.url, "--user", &named], "");
    assert!(run.failed().stderr.contains("came back signed in as @ssouser"), "{}", run.stderr);
    assert!(!user.profile_dir("default").join("data/account.toml").exists());
}

/// Review M5: an account that signs in only through its organisation unlocks the idle lock
/// the same way: the server's confirmation page in the browser, then the server says it is
/// done. Until it is, nothing unlocks.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_sso_account_unlocks_through_its_organisations_sign_in() {
    let (synapse, _) = sso_synapse();
    let browser = Browser::new();
    let user = sso_user(&browser);
    user.run(&["login", "--sso", "--homeserver", &synapse.url], "").ok();
    let (handle, _events) = user.core("default").await;
    let ways = handle.proof_ways().await.expect("ways");
    assert!(ways.sso && !ways.password, "{ways:?}");
    let page = handle.sso_check_url().await.expect("the confirmation page");
    let early = handle.check_sso().await.expect_err("not signed in yet");
    assert!(matches!(early, estafette::matrix::MatrixError::SsoCheckNotDone), "{early:?}");
    let done = tokio::task::spawn_blocking(move || confirm_in_browser(&page)).await.expect("curl");
    assert!(done.contains("Now we know it"), "{done}");
    handle.check_sso().await.expect("the server saw the sign-in");
}

/// What a person does on the server's confirmation page: follow its one button, through the
/// organisation's sign-in, back to the server. Returns the last page.
fn confirm_in_browser(page: &str) -> String {
    let curl = |url: &str| {
        let out = std::process::Command::new("curl")
            .args(["--noproxy", "*", "-sSL", "--max-time", "60", url])
            .output()
            .expect("run curl");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let confirm = curl(page);
    let href = confirm
        .split("href=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or_default())
        .find(|href| href.contains("login?service="))
        .unwrap_or_else(|| panic!("no sign-in button on {confirm}"))
        .replace("&amp;", "&");
    curl(&href)
}
