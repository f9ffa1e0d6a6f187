//! Verification through the command line against a real Synapse: two running `estafette`
//! processes (two sessions of one account, or two people) verify each other by emoji or by QR
//! code, driven through their standard input and output as a person would.

use std::io::{BufRead as _, BufReader, Write as _};
use std::process::{Child, ChildStdin};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::{Account, Keyring, Run, Synapse, User};
use serde_json::Value;

/// How long one side may wait for the other at one step: in-room messages can take tens of
/// seconds to travel under sliding sync.
const WAIT: Duration = Duration::from_secs(240);

/// A running `estafette` process, its output read line by line.
struct Side {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: mpsc::Receiver<String>,
    seen: Vec<String>,
    name: &'static str,
}

impl Side {
    fn start(user: &User, profile: &str, args: &[&str], name: &'static str) -> Self {
        Self::start_in(&user.env, user, profile, args, name)
    }

    /// `start` in this environment (another display, say).
    fn start_in(
        env: &[(String, String)],
        user: &User,
        profile: &str,
        args: &[&str],
        name: &'static str,
    ) -> Self {
        let mut all = vec!["--profile", profile];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--timeout", "240"]);
        let mut child =
            crate::common::command(env, user.data.path(), &all).spawn().expect("start estafette");
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().expect("stdout");
        let (sender, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        Self { child, stdin, lines, seen: Vec::new(), name }
    }

    /// Reads until a line contains `text`; returns the lines read since the last call.
    fn until(&mut self, text: &str) -> Vec<String> {
        let deadline = Instant::now() + WAIT;
        let mut read = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    let found = line.contains(text);
                    read.push(line);
                    if found {
                        return read;
                    }
                }
                Err(_) => panic!("{}: no line with {text:?}; saw {:?}", self.name, self.seen),
            }
        }
    }

    /// The seven emoji lines printed before the question.
    fn emoji(&mut self) -> Vec<String> {
        self.until("Compare these emoji");
        let lines = self.until("Do they match?");
        let emoji: Vec<String> = lines[..lines.len() - 1].to_vec();
        assert_eq!(emoji.len(), 7, "{}: {lines:?}", self.name);
        emoji
    }

    fn answer(&mut self, text: &str) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(format!("{text}\n").as_bytes()).expect("answer");
    }

    /// Waits for the process to end; returns its exit code and standard error.
    fn finish(mut self) -> (i32, String, Vec<String>) {
        drop(self.stdin.take());
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                let mut stderr = String::new();
                if let Some(mut pipe) = self.child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut pipe, &mut stderr);
                }
                while let Ok(line) = self.lines.recv_timeout(Duration::from_millis(200)) {
                    self.seen.push(line);
                }
                return (status.code().unwrap_or(-1), stderr, self.seen);
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("{} did not end; saw {:?}", self.name, self.seen);
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

fn on(user: &User, profile: &str, args: &[&str]) -> Run {
    let mut all = vec!["--profile", profile];
    all.extend_from_slice(args);
    user.run(&all, "")
}

/// Each session of the account as `devices --json` shows it from `profile`.
fn devices(user: &User, profile: &str) -> Vec<Value> {
    let run = on(user, profile, &["devices", "--json"]);
    run.json_lines("devices JSON")
}

fn verified(user: &User, profile: &str, device: &str) -> bool {
    let all = devices(user, profile);
    let one = all.iter().find(|d| d["device_id"] == device).unwrap_or_else(|| panic!("{all:?}"));
    one["verified"] == true
}

/// One account with two sessions, "first" and "second"; returns their device ids.
fn two_sessions(synapse: &Synapse, prefix: &str) -> (User, Account, String, String) {
    let account = synapse.register(prefix);
    let user = User::new(Some(Keyring::shared()));
    let (_, first) = user.login(synapse, &account, &["--profile", "first"]);
    let (_, second) = user.login(synapse, &account, &["--profile", "second"]);
    // Each session learns of the other's keys before any request travels (SDK issue #5007).
    on(&user, "first", &["devices"]).ok();
    on(&user, "second", &["devices"]).ok();
    (user, account, first, second)
}

#[test]
fn two_sessions_of_one_account_verify_each_other_by_emoji() {
    let synapse = Synapse::shared();
    let (user, _, first, second) = two_sessions(synapse, "vself");
    assert!(!verified(&user, "second", &first), "verified before verifying");

    let mut waiting = Side::start(&user, "first", &["verify", "--incoming"], "first");
    waiting.until("Waiting for a verification request");
    let mut asking = Side::start(&user, "second", &["verify"], "second");

    let (theirs, ours) = (waiting.emoji(), asking.emoji());
    assert_eq!(theirs, ours, "both sides must see the same emoji");
    assert!(ours.iter().all(|l| l.split_whitespace().count() >= 2), "{ours:?}");
    waiting.answer("y");
    asking.answer("y");
    for side in [waiting, asking] {
        let name = side.name;
        let (code, stderr, seen) = side.finish();
        assert_eq!(code, 0, "{name}: {stderr}\n{seen:?}");
        assert!(seen.iter().any(|l| l.starts_with("Verified:")), "{name}: {seen:?}");
    }
    assert!(verified(&user, "second", &first), "the second session trusts the first");
    assert!(verified(&user, "first", &second), "the first session trusts the second");
}

#[test]
fn a_mismatch_on_one_side_cancels_on_both_with_the_reason() {
    let synapse = Synapse::shared();
    let (user, _, first, _) = two_sessions(synapse, "vmis");
    let mut waiting = Side::start(&user, "first", &["verify", "--incoming"], "first");
    waiting.until("Waiting for a verification request");
    let mut asking = Side::start(&user, "second", &["verify"], "second");
    waiting.emoji();
    asking.emoji();
    // Only one person says no; the other is still looking at the emoji.
    waiting.answer("n");
    let (code, stderr, _) = waiting.finish();
    assert_ne!(code, 0);
    assert!(stderr.contains("did not match"), "{stderr}");
    let (code, stderr, _) = asking.finish();
    assert_ne!(code, 0);
    assert!(stderr.contains("did not match") && stderr.contains("IT support"), "{stderr}");
    assert!(!verified(&user, "second", &first));
}

#[test]
fn two_people_verify_each_other_and_their_messages_show_verified() {
    let synapse = Synapse::shared();
    let (alice_account, bob_account) = (synapse.register("valice"), synapse.register("vbob"));
    let alice = User::new(Some(Keyring::shared()));
    let bob = User::new(Some(Keyring::shared()));
    alice.login(synapse, &alice_account, &[]);
    bob.login(synapse, &bob_account, &[]);
    let room = bob.run(&["dm", &alice_account.user_id], "").ok().stdout.trim().to_owned();
    alice.run(&["join", &room], "").ok();

    let mut waiting = Side::start(&alice, "default", &["verify", "--incoming"], "alice");
    waiting.until("Waiting for a verification request");
    let mut asking = Side::start(&bob, "default", &["verify", &alice_account.user_id], "bob");
    let (theirs, ours) = (waiting.emoji(), asking.emoji());
    assert_eq!(theirs, ours);
    waiting.answer("y");
    asking.answer("y");
    for side in [waiting, asking] {
        let name = side.name;
        let (code, stderr, seen) = side.finish();
        assert_eq!(code, 0, "{name}: {stderr}\n{seen:?}");
    }

    // Both ways: each side's next message carries the verified shield for the other.
    for (sender, reader, text) in [
        (&bob, &alice, "now verified: saffron-otter-77"),
        (&alice, &bob, "and back: lime-heron-12"),
    ] {
        let event = sender.run(&["send", &room, text], "").ok().stdout.trim().to_owned();
        let tail = reader.run(&["tail", &room, "--json", "--limit", "20"], "").ok().stdout.clone();
        let line = tail
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).expect("tail JSON"))
            .find(|l| l["event_id"] == event.as_str())
            .unwrap_or_else(|| panic!("{event} not in {tail}"));
        assert_eq!(line["trust"], "verified", "{line}");
    }
}

#[test]
fn a_qr_code_shown_by_one_session_is_scanned_by_the_other() {
    let synapse = Synapse::shared();
    let (user, _, first, second) = two_sessions(synapse, "vqr");
    let file = user.data.path().join("code.qr");
    let path = file.to_str().expect("utf-8 path");

    let mut showing =
        Side::start(&user, "first", &["qr", "show", "--incoming", "--out", path], "first");
    showing.until("Waiting for a verification request");
    let scanning = Side::start(&user, "second", &["qr", "scan", path], "second");
    showing.until("QR code's data is in");
    let payload = std::fs::read(&file).expect("QR payload written");
    assert!(payload.starts_with(b"MATRIX"), "a Matrix verification code");
    scanned_and_confirmed(&user, showing, scanning, &first, &second);
}

#[test]
fn a_qr_code_copied_to_the_clipboard_is_read_by_the_other_session() {
    let synapse = Synapse::shared();
    let display = crate::common::Display::start();
    let (user, _, first, second) = two_sessions(synapse, "vclip");
    let file = user.data.path().join("code.png");
    let path = file.to_str().expect("utf-8 path");

    let mut showing =
        Side::start(&user, "first", &["qr", "show", "--incoming", "--out", path], "first");
    showing.until("Waiting for a verification request");
    let mut env = user.env.clone();
    env.push(("DISPLAY".into(), display.name.clone()));
    let mut scanning =
        Side::start_in(&env, &user, "second", &["qr", "scan", "--clipboard"], "second");
    showing.until("QR code's data is in");
    scanning.until("in the clipboard");
    // What a person does with a screenshot of the code: copy it. `xclip` then holds the
    // clipboard, as a screenshot tool would, offering the picture as image/png.
    let copied = std::process::Command::new("xclip")
        .args(["-display", &display.name, "-selection", "clipboard", "-t", "image/png", "-i"])
        .arg(&file)
        .status()
        .expect("run xclip (Debian: apt-get install xclip)");
    assert!(copied.success());
    scanned_and_confirmed(&user, showing, scanning, &first, &second);
}

/// The showing side confirms that the other scanned its code; both end verified, and each
/// session then sees the other as verified.
fn scanned_and_confirmed(
    user: &User,
    mut showing: Side,
    scanning: Side,
    first: &str,
    second: &str,
) {
    showing.until("scanned the code successfully?");
    showing.answer("y");
    for side in [showing, scanning] {
        let name = side.name;
        let (code, stderr, seen) = side.finish();
        assert_eq!(code, 0, "{name}: {stderr}\n{seen:?}");
        assert!(seen.iter().any(|l| l.starts_with("Verified:")), "{name}: {seen:?}");
    }
    assert!(verified(user, "second", first));
    assert!(verified(user, "first", second));
}
