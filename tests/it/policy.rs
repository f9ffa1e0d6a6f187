//! The managed policy from the command line: `policy show` lists every key with its value and
//! origin, a user may be stricter than the organisation but never weaker, a malformed file is
//! refused with its file, line and key, the log level is clamped, and a locked login server
//! cannot be swapped.

use std::path::PathBuf;

use serde_json::Value;

use crate::common::{Keyring, Synapse, User};

/// Writes the user's own `settings.toml` for the default profile.
fn user_settings(user: &User, text: &str) -> PathBuf {
    let dir = user.profile_dir("default").join("data");
    std::fs::create_dir_all(&dir).expect("data folder");
    let path = dir.join("settings.toml");
    std::fs::write(&path, text).expect("settings");
    path
}

fn rules(user: &User) -> Vec<Value> {
    let run = user.run(&["policy", "show", "--json"], "");
    run.ok().stdout.lines().map(|l| serde_json::from_str(l).expect("rule JSON")).collect()
}

fn rule<'a>(rules: &'a [Value], key: &str) -> &'a Value {
    rules.iter().find(|r| r["key"] == key).unwrap_or_else(|| panic!("{key} in {rules:?}"))
}

#[test]
fn policy_show_lists_every_key_with_its_value_and_origin() {
    let mut user = User::new(None);
    let settings = user_settings(&user, "notification_content = \"hide\"\nidle_lock_minutes = 5\n");
    user.set_policy(
        "default_homeserver = \"https://matrix.gouv.example\"\nlock_default_homeserver = true\n\
         public_room_directory = \"off\"\nidle_lock_minutes = 15\nlog_level_max = \"info\"\n",
    );
    let rules = rules(&user);
    let keys: Vec<&str> = rules.iter().filter_map(|r| r["key"].as_str()).collect();
    assert_eq!(
        keys,
        [
            "allowed_homeservers",
            "default_homeserver",
            "lock_default_homeserver",
            "unencrypted_send",
            "allow_unencrypted_room_creation",
            "verified_only_sending",
            "require_recovery",
            "require_session_verification",
            "notification_content",
            "public_room_directory",
            "reactions",
            "local_search",
            "server_search",
            "media_previews",
            "log_level_max",
            "idle_lock_minutes",
            "start_at_login",
        ]
    );
    let shown = |key| {
        let r = rule(&rules, key);
        (
            r["value"].as_str().map(str::to_owned),
            r["source"].as_str().map(str::to_owned),
            r["locked"].as_bool(),
        )
    };
    let owned = |value: &str, source: &str, locked| {
        (Some(value.to_owned()), Some(source.to_owned()), Some(locked))
    };
    assert_eq!(shown("lock_default_homeserver"), owned("true", "organisation", true));
    assert_eq!(shown("public_room_directory"), owned("off", "organisation", true));
    assert_eq!(shown("idle_lock_minutes"), owned("5", "user", false));
    assert_eq!(shown("notification_content"), owned("hide", "user", false));
    assert_eq!(shown("log_level_max"), owned("info", "organisation_minimum", false));
    assert_eq!(shown("require_recovery"), owned("false", "default", false));
    assert_eq!(rule(&rules, "idle_lock_minutes")["path"], settings.display().to_string());
    let org = rule(&rules, "public_room_directory")["path"].as_str().unwrap_or_default().to_owned();
    assert!(org.ends_with("organisation-policy.toml"), "{org}");

    let text = user.run(&["policy", "show"], "");
    let line = |key: &str| {
        text.stdout
            .lines()
            .find(|l| l.starts_with(&format!("{key} =")))
            .unwrap_or_default()
            .to_owned()
    };
    assert!(text.ok().stdout.lines().count() >= 12);
    assert!(line("public_room_directory").contains(&format!("set by your organisation ({org})")));
    assert!(line("log_level_max").contains("minimum set by your organisation"), "{}", text.stdout);
    assert!(line("idle_lock_minutes").contains("your settings"), "{}", text.stdout);
    assert!(line("require_recovery").contains("built-in default"), "{}", text.stdout);
}

#[test]
fn a_user_may_be_stricter_than_the_organisation_but_never_weaker() {
    let mut user = User::new(None);
    user.set_policy("idle_lock_minutes = 15\nnotification_content = \"hide\"\n");
    let weaker = user.run(&["policy", "set", "idle_lock_minutes", "30"], "");
    assert!(weaker.failed().stderr.contains("at least \"15\""), "{}", weaker.stderr);
    let never = user.run(&["policy", "set", "idle_lock_minutes", "0"], "");
    never.failed();
    let locked = user.run(&["policy", "set", "notification_content", "show"], "");
    assert!(locked.failed().stderr.contains("cannot be changed"), "{}", locked.stderr);
    user.run(&["policy", "set", "idle_lock_minutes", "5"], "").ok();
    user.run(&["policy", "set", "require_recovery", "true"], "").ok();
    let rules = rules(&user);
    assert_eq!(rule(&rules, "idle_lock_minutes")["value"], "5");
    assert_eq!(rule(&rules, "idle_lock_minutes")["source"], "user");
    assert_eq!(rule(&rules, "require_recovery")["value"], "true");
    let negative = user.run(&["policy", "set", "idle_lock_minutes", "-3"], "");
    assert!(negative.failed().stderr.contains("idle_lock_minutes"), "{}", negative.stderr);
}

#[test]
fn a_malformed_policy_is_refused_with_file_line_and_key() {
    let cases = [
        ("require_recovery = true\nidle_lock_minutes = -5\n", 2, "idle_lock_minutes"),
        ("\nnotification_content = \"sometimes\"\n", 2, "notification_content"),
        (
            "log_level_max = \"info\"\nrequire_session_verification = \"yes\"\n",
            2,
            "require_session_verification",
        ),
        ("idle_lock_minutes = 5\n\nidle_lock = 5\n", 3, "idle_lock"),
        ("lock_default_homeserver = true\n", 1, "lock_default_homeserver"),
    ];
    for (text, line, key) in cases {
        let mut user = User::new(None);
        user.set_policy(text);
        let run = user.run(&["policy", "show"], "");
        run.failed();
        let expected = format!("organisation-policy.toml, line {line}, key \"{key}\"");
        assert!(run.stderr.contains(&expected), "{text:?}: {}", run.stderr);
    }
    // Only the organisation may lock the login server: in the user's settings it is an error.
    let user = User::new(None);
    user_settings(&user, "\nlock_default_homeserver = true\n");
    let run = user.run(&["policy", "show"], "");
    run.failed();
    assert!(
        run.stderr.contains("settings.toml, line 2, key \"lock_default_homeserver\""),
        "{}",
        run.stderr
    );
}

#[test]
fn the_policy_clamps_the_log_level() {
    // No account: `whoami` fails and says so in the log at info level. (The file is only
    // checked for what must be absent: its writer may not flush the last line before exit.)
    let free = User::new(None);
    let run = free.run(&["--log-level", "debug", "whoami"], "");
    assert!(run.failed().stderr.contains("INFO"), "{}", run.stderr);

    let mut clamped = User::new(None);
    clamped.set_policy("log_level_max = \"warn\"\n");
    let run = clamped.run(&["--log-level", "debug", "whoami"], "");
    assert!(!run.failed().stderr.contains("INFO"), "{}", run.stderr);
    assert!(run.stderr.contains("No account"), "the error itself is still said: {}", run.stderr);
    assert!(!clamped.log("default").contains("command failed"), "the file is clamped too");
}

#[test]
fn a_locked_login_server_cannot_be_swapped() {
    let synapse = Synapse::shared();
    let account = synapse.register("lockedserver");
    let mut user = User::new(Some(Keyring::shared()));
    user.set_policy(&format!(
        "default_homeserver = \"{}\"\nlock_default_homeserver = true\n",
        synapse.url
    ));
    let other = user.run(
        &[
            "login",
            "--homeserver",
            "https://matrix.example.org",
            "--user",
            "someone",
            "--password-stdin",
        ],
        "secret\n",
    );
    other.failed();
    assert!(other.stderr.contains("fixes the homeserver"), "{}", other.stderr);
    assert!(other.stderr.contains(synapse.url.as_str()), "{}", other.stderr);
    // Without a server named, the locked one is used, for a bare name as for a full ID.
    let run = user.run(
        &["login", "--user", &account.user_id, "--password-stdin"],
        &format!("{}\n", account.password),
    );
    assert!(run.ok().stdout.starts_with(&account.user_id), "{}", run.stdout);
}

/// A loopback port standing for a server the organisation did not name: it counts the
/// connections it gets, so a test can say that nothing at all reached it.
struct Tripwire {
    port: u16,
    hits: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl Tripwire {
    /// Answers `answer` (a whole HTTP response) to whoever connects; `None`: closes at once.
    fn start(answer: Option<String>) -> Tripwire {
        use std::io::{Read as _, Write as _};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("address").port();
        let hits = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counted = std::sync::Arc::clone(&hits);
        std::thread::spawn(move || {
            for mut stream in listener.incoming().flatten() {
                counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                if let Some(answer) = &answer {
                    let mut buffer = [0u8; 4096];
                    let _ = stream.read(&mut buffer);
                    let _ = stream.write_all(answer.as_bytes());
                }
            }
        });
        Tripwire { port, hits }
    }

    fn hits(&self) -> usize {
        self.hits.load(std::sync::atomic::Ordering::SeqCst)
    }
}

/// Review H1 and L2: the password goes only to a server the organisation allows. An address
/// typed beside a Matrix ID on an allowed domain (the phishing case) is refused before a byte
/// reaches it; a Matrix ID on a server the list does not name is not even looked up; one on a
/// listed server name reaches the homeserver its `.well-known` names; and once the
/// organisation narrows its list, the session already signed in stops with the reason.
#[test]
fn the_password_goes_only_to_a_server_the_organisation_allows() {
    let synapse = Synapse::shared();
    let account = synapse.register("fencedin");
    let mut user = User::new(Some(Keyring::shared()));
    user.set_policy("allowed_homeservers = [\"localhost\"]\n");
    let trap = Tripwire::start(None);
    let phishing = format!("http://127.0.0.1:{}", trap.port);
    let run = user.run(
        &["login", "--homeserver", &phishing, "--user", "@anne:localhost", "--password-stdin"],
        "secret\n",
    );
    assert!(run.failed().stderr.contains("not allowed by your organisation"), "{}", run.stderr);
    assert_eq!(trap.hits(), 0, "nothing reached the server typed");
    // As reproduced in the review: the real server's address, a Matrix ID on the allowed name.
    let local = crate::common::unique("fenced");
    let named = format!("@{local}:localhost");
    let run = user.run(
        &["login", "--homeserver", &synapse.url, "--user", &named, "--password-stdin"],
        &account.password,
    );
    assert!(run.failed().stderr.contains("not allowed by your organisation"), "{}", run.stderr);
    assert!(!synapse.log().contains(&local), "the server saw the login attempt");
    // A server name the list does not name is not even asked where its homeserver is.
    user.set_policy("allowed_homeservers = [\"other.example\"]\n");
    let elsewhere = format!("@x:localhost:{}", trap.port);
    let run = user.run(&["login", "--user", &elsewhere, "--password-stdin"], "secret\n");
    assert!(run.failed().stderr.contains("not allowed by your organisation"), "{}", run.stderr);
    assert_eq!(trap.hits(), 0, "no discovery either");
    // A listed server name: found through its .well-known, and allowed.
    user.set_policy("allowed_homeservers = [\"localhost\"]\n");
    user.run(&["login", "--user", &account.user_id, "--password-stdin"], &account.password).ok();
    user.run(&["rooms"], "").ok();
    // The organisation narrows its list: the session stops, and says why.
    user.set_policy("allowed_homeservers = [\"other.example\"]\n");
    let run = user.run(&["rooms"], "");
    assert!(run.failed().stderr.contains("not allowed by your organisation"), "{}", run.stderr);
    let run = user.run(&["whoami"], "");
    assert!(run.failed().stderr.contains("not allowed by your organisation"), "{}", run.stderr);
}

/// Review L1: a server whose `.well-known` redirects to plain http off this machine is not
/// followed there: the login fails with the plain-http refusal, naming where it would go.
#[test]
fn a_redirect_to_plain_http_is_refused() {
    let user = User::new(Some(Keyring::shared()));
    let answer = "HTTP/1.1 302 Found\r\nLocation: http://192.0.2.1/.well-known/matrix/client\r\n\
                  Content-Length: 0\r\nConnection: close\r\n\r\n";
    let redirector = Tripwire::start(Some(answer.to_owned()));
    let who = format!("@x:localhost:{}", redirector.port);
    let run = user.run(&["login", "--user", &who, "--password-stdin"], "secret\n");
    run.failed();
    assert!(run.stderr.contains("http://192.0.2.1/"), "{}", run.stderr);
    assert!(run.stderr.contains("plain http is not encrypted"), "{}", run.stderr);
    assert!(redirector.hits() > 0, "the server named was asked");
}

/// Review L9: an organisation's policy that other users could write is not trusted: nothing
/// starts, and the error names the file.
#[test]
fn a_policy_file_others_can_write_is_refused() {
    use std::os::unix::fs::PermissionsExt as _;
    let mut user = User::new(None);
    user.set_policy("unencrypted_send = \"forbid\"\n");
    let path = user.data_dir().join("organisation-policy.toml");
    user.run(&["policy", "show"], "").ok();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).expect("chmod");
    let run = user.run(&["policy", "show"], "");
    assert!(run.failed().stderr.contains(&path.display().to_string()), "{}", run.stderr);
    assert!(run.stderr.contains("0666"), "{}", run.stderr);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    user.run(&["policy", "show"], "").ok();
}
