//! Estafette through a working day, end to end under Xvfb with a tray and a notification
//! service of the test's own: closing the window leaves the app running behind its tray icon,
//! a direct message still notifies, the icon brings the window back and its menu quits; a
//! muted room sends nothing to the notification service, a room on "all messages" does, and
//! one on "mentions" only when the user is named.

use std::time::{Duration, Instant};

use crate::common::{Display, Dunst, Keyring, Synapse, Tray, User};
use crate::desktop::open_window;

/// Waits until `done`, a minute at most; on failure, says what the app logged.
fn wait(what: &str, user: &User, done: &mut dyn FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !done() {
        assert!(Instant::now() < deadline, "{what}; the app's log:\n{}", user.log("default"));
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Waits until the app has its tray icon: before, closing its window would quit it.
fn tray_ready(user: &User) {
    wait("the tray icon", user, &mut || user.log("default").contains("tray-ready shown=true"));
}

#[test]
fn with_the_window_closed_a_direct_message_still_notifies_and_the_tray_brings_it_back() {
    let synapse = Synapse::shared();
    let session = Keyring::own();
    let host = User::new(Some(&session));
    host.login(synapse, &synapse.register("veilleur"), &[]);
    let bob_account = synapse.register("appelant");
    let bob = User::new(Some(Keyring::shared()));
    bob.login(synapse, &bob_account, &[]);
    let room = host.run(&["dm", &bob_account.user_id], "").ok().stdout.trim().to_owned();
    bob.run(&["join", &room], "").ok();

    let display = Display::start();
    let dunst = Dunst::start(&session, &display, host.data_dir());
    let tray = Tray::start(&session);
    let mut app = open_window(&host, &display);
    tray_ready(&host);
    let labels: Vec<String> = tray.menu().into_iter().map(|(_, label)| label).collect();
    assert_eq!(labels, ["Open Estafette", "Do not disturb for an hour", "Quit"], "{labels:?}");

    // The close button hides the window; the app runs on.
    display.close_window();
    wait("the window closed", &host, &mut || !display.has_window());
    assert!(app.try_wait().expect("the app's state").is_none(), "still running");

    bob.run(&["send", &room, "tu es là ? amber-kite-17"], "").ok();
    dunst.wait_for("a notification with the window closed", &|d| d.displayed() == "1");
    assert!(!dunst.history().contains("amber-kite-17"), "never the text");
    wait("the icon says there is news", &host, &mut || {
        String::try_from(tray.property("Status")).is_ok_and(|status| status == "NeedsAttention")
    });

    // A click on the icon brings the window back, with the news in its title.
    tray.activate();
    wait("the window back", &host, &mut || display.has_window());
    let title = std::process::Command::new("xdotool")
        .env("DISPLAY", &display.name)
        .args(["search", "--onlyvisible", "--name", "Estafette", "getwindowname"])
        .output()
        .expect("xdotool");
    let title = String::from_utf8_lossy(&title.stdout).into_owned();
    assert!(title.starts_with("(1) Estafette"), "{title}");

    // The menu's Quit ends the app.
    tray.click("Quit");
    wait("the app quit", &host, &mut || app.try_wait().is_ok_and(|status| status.is_some()));
    let status = app.wait().expect("the exit status");
    assert!(status.success(), "{status}:\n{}", host.log("default"));
}

#[test]
fn a_muted_room_sends_nothing_to_the_notification_service_and_an_all_messages_room_does() {
    let synapse = Synapse::shared();
    let session = Keyring::own();
    let host = User::new(Some(&session));
    let host_account = synapse.register("attentive");
    host.login(synapse, &host_account, &[]);
    let bob_account = synapse.register("bavard");
    let bob = User::new(Some(Keyring::shared()));
    bob.login(synapse, &bob_account, &[]);
    let invite = ["--invite", bob_account.user_id.as_str()];
    let create = |name: &str| {
        let mut args = vec!["create-room", "--name", name];
        args.extend_from_slice(&invite);
        host.run(&args, "").ok().stdout.trim().to_owned()
    };
    let (muted, followed) = (create("Machine à café"), create("Cellule de crise"));
    let called = create("Comité de pilotage");
    for room in [&muted, &followed, &called] {
        bob.run(&["join", room], "").ok();
    }
    host.run(&["notifications", &muted, "mute"], "").ok();
    host.run(&["notifications", &followed, "all"], "").ok();
    host.run(&["notifications", &called, "mentions"], "").ok();

    let display = Display::start();
    let dunst = Dunst::start(&session, &display, host.data_dir());
    let mut app = open_window(&host, &display);
    // The muted room's message and a plain one in the mentions room go first: by the time
    // the followed room notifies, the sync has brought them, so a notification of either
    // would be on screen too.
    bob.run(&["send", &muted, "qui a fini le café ?"], "").ok();
    bob.run(&["send", &called, "ordre du jour en pièce jointe"], "").ok();
    bob.run(&["send", &followed, "point de situation à 14 h"], "").ok();
    dunst.wait_for("the followed room notifies", &|d| d.displayed() == "1");
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(dunst.displayed(), "1", "one notification, not two");
    // dunst's history holds the notifications closed: closing shows what the one said.
    dunst.ctl(&["close-all"]);
    let history = dunst.history();
    assert!(history.contains("Cellule de crise"), "{history}");
    assert!(!history.contains("Machine"), "nothing from the muted room: {history}");

    assert!(!history.contains("Comité"), "nothing from the mentions room yet: {history}");

    // "Mentions and keywords": the room said nothing until Bob names the host, which the
    // host's app finds in the decrypted message (the server cannot read it).
    let mention = ["send", &called, "ton avis ?", "--mention", &host_account.user_id];
    bob.run(&mention, "").ok();
    dunst.wait_for("the mention notifies", &|d| d.displayed() == "1");
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(dunst.displayed(), "1", "the mention only, not the message before it");
    dunst.ctl(&["close-all"]);
    let history = dunst.history();
    assert!(history.contains("You were mentioned in"), "{history}");
    assert!(history.contains("Comité de pilotage"), "{history}");
    let _ = app.kill();
    let _ = app.wait();
}

/// The words of a desktop entry's `Exec` line, its quotes undone.
fn exec_words(line: &str) -> Vec<String> {
    let (mut words, mut word, mut quoted, mut escaped) = (Vec::new(), String::new(), false, false);
    for c in line.chars() {
        match c {
            _ if escaped => {
                word.push(c);
                escaped = false;
            }
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            ' ' if !quoted => words.extend((!word.is_empty()).then(|| std::mem::take(&mut word))),
            _ => word.push(c),
        }
    }
    words.extend((!word.is_empty()).then_some(word));
    words
}

#[test]
fn the_login_entry_starts_estafette_behind_its_tray_and_the_organisation_can_forbid_it() {
    let synapse = Synapse::shared();
    let session = Keyring::own();
    let mut host = User::new(Some(&session));
    host.login(synapse, &synapse.register("matinal"), &[]);
    let home = host.env.iter().find(|(key, _)| key == "HOME").expect("a home").1.clone();
    let entry =
        std::path::Path::new(&home).join(".config/autostart/fr.estafette.Estafette.desktop");
    // The shortest idle lock, to see it come down on an app that has no window.
    host.set_policy("idle_lock_minutes = 1\n");
    let idle_mark = host.profile_dir("default").join("data/idle-locked");

    let set = host.run(&["policy", "set", "start_at_login", "on"], "");
    set.ok();
    assert!(set.stdout.contains(&entry.display().to_string()), "{}", set.stdout);
    let text = std::fs::read_to_string(&entry).expect("the login entry");
    let exec = text.lines().find_map(|line| line.strip_prefix("Exec=")).expect("Exec");
    let words = exec_words(exec);
    let data_dir = host.data_dir().display().to_string();
    assert_eq!(
        words,
        [env!("CARGO_BIN_EXE_estafette"), "--data-dir", &data_dir, "--background"],
        "{text}"
    );

    // What the session manager does at login: the app starts with no window, behind its icon.
    let display = Display::start();
    let tray = Tray::start(&session);
    let mut app = std::process::Command::new(&words[0])
        .args(&words[1..])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("ESTAFETTE_LANG", "en")
        .envs(host.env.iter().map(|(key, value)| (key.as_str(), value.as_str())))
        .env("DISPLAY", &display.name)
        .stdin(std::process::Stdio::null())
        .spawn()
        .expect("start as at login");
    tray_ready(&host);
    crate::desktop::milestone(&host, "room-list-complete", &mut app);
    assert!(!display.has_window(), "no window at login");
    assert!(!idle_mark.exists(), "not locked at the start");
    // Nobody uses it for a minute: the idle lock holds though there is no window to hide.
    let deadline = Instant::now() + Duration::from_secs(120);
    while !idle_mark.exists() {
        assert!(Instant::now() < deadline, "the idle lock never came down in the background");
        std::thread::sleep(Duration::from_secs(1));
    }
    assert!(!display.has_window(), "still no window");
    tray.activate();
    wait("the window opened from the icon", &host, &mut || display.has_window());
    tray.click("Quit");
    wait("the app quit", &host, &mut || app.try_wait().is_ok_and(|status| status.is_some()));

    // The organisation forbids it: the user cannot turn it on, and the app's next start
    // removes the entry the user had.
    host.set_policy("start_at_login = \"off\"\n");
    let _ = std::fs::remove_file(&idle_mark);
    let refused = host.run(&["policy", "set", "start_at_login", "on"], "");
    assert_ne!(refused.code, 0, "{}", refused.stdout);
    assert!(refused.stderr.contains("start_at_login"), "{}", refused.stderr);
    assert!(entry.exists(), "a refused change touches nothing");
    let mut app = open_window(&host, &display);
    wait("the entry removed", &host, &mut || !entry.exists());
    let _ = app.kill();
    let _ = app.wait();
}

#[test]
fn with_the_window_open_the_command_line_goes_through_the_app_and_a_message_goes_out_once() {
    let synapse = Synapse::shared();
    let session = Keyring::own();
    let host = User::new(Some(&session));
    host.login(synapse, &synapse.register("pupitre"), &[]);
    let bob_account = synapse.register("lecteur");
    let bob = User::new(Some(Keyring::shared()));
    bob.login(synapse, &bob_account, &[]);
    let args = ["create-room", "--name", "Courrier arrivé", "--invite", &bob_account.user_id];
    let room = host.run(&args, "").ok().stdout.trim().to_owned();
    bob.run(&["join", &room], "").ok();

    let display = Display::start();
    let tray = Tray::start(&session);
    let mut app = open_window(&host, &display);
    tray_ready(&host);

    let rooms = host.run(&["rooms"], "");
    rooms.ok();
    assert!(rooms.stdout.contains("Courrier arrivé"), "{}", rooms.stdout);
    host.run(&["send", &room, "note de service 42"], "").ok();
    let once = |user: &User| {
        let tail = user.run(&["tail", &room, "--limit", "10", "--json"], "");
        tail.ok();
        tail.stdout.lines().filter(|line| line.contains("note de service 42")).count()
    };
    assert_eq!(once(&host), 1, "the app's own tail");
    assert_eq!(once(&bob), 1, "delivered once");

    // A command that follows the room streams through the app, and ends when its terminal
    // goes away.
    let mut follow = host.spawn(&["tail", &room, "--follow", "--timeout", "60"], &[]);
    let stdout = follow.stdout.take().expect("the follower's output");
    let (lines, seen) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead as _;
        for line in std::io::BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    std::thread::sleep(Duration::from_secs(3));
    bob.run(&["send", &room, "bien reçu, 7"], "").ok();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let line = seen.recv_timeout(left).expect("bob's answer, followed through the app");
        if line.contains("bien reçu, 7") {
            break;
        }
    }
    let _ = follow.kill();
    let _ = follow.wait();

    // What needs the profile to itself says so, and leaves the app and its session alone.
    let refused = host.run(&["logout"], "");
    assert_ne!(refused.code, 0);
    assert!(refused.stderr.contains("needs the profile to itself"), "{}", refused.stderr);
    assert!(app.try_wait().expect("the app's state").is_none(), "the app runs on");
    host.run(&["rooms"], "").ok();
    // The policy is files: it is read beside the app.
    assert!(host.run(&["policy", "show"], "").ok().stdout.contains("start_at_login"));

    // Starting Estafette again brings the hidden window back, rather than a second app.
    display.close_window();
    wait("the window closed", &host, &mut || !display.has_window());
    let again = host.run(&[], "");
    assert_eq!(again.code, 0, "{}", again.stderr);
    wait("the window back", &host, &mut || display.has_window());
    tray.click("Quit");
    wait("the app quit", &host, &mut || app.try_wait().is_ok_and(|status| status.is_some()));
}
