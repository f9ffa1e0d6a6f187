//! The desktop app end to end: the real binary, in a real X window (Xvfb), with a profile
//! logged in to the test Synapse and its secrets in the test keychain.

use std::time::{Duration, Instant};

use crate::common::media::photo;
use crate::common::{Display, Dunst, Keyring, Synapse, User, target_dir};

/// Waits until the app's log has a startup milestone, and returns its line.
pub(crate) fn milestone(user: &User, name: &str, app: &mut std::process::Child) -> String {
    let needle = format!("milestone=\"{name}\"");
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        if let Some(line) = user.log("default").lines().find(|l| l.contains(&needle)) {
            return line.to_owned();
        }
        if let Ok(Some(status)) = app.try_wait() {
            panic!("the app exited ({status}) before {name}:\n{}", user.log("default"));
        }
        assert!(Instant::now() < deadline, "no {name} in the log:\n{}", log_and_warnings(user));
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The profile's log, then its warnings and errors again at the end, where a long log cut in
/// the middle (as CI shows it) still shows why the app did not get there.
fn log_and_warnings(user: &User) -> String {
    let log = user.log("default");
    let warnings: Vec<&str> =
        log.lines().filter(|l| l.contains(" WARN ") || l.contains(" ERROR ")).collect();
    let last = &warnings[warnings.len().saturating_sub(12)..];
    format!("{log}\n---- the last warnings and errors ----\n{}", last.join("\n"))
}

/// Starts `user`'s window on `display` and waits until its room list is complete and drawn.
pub(crate) fn open_window(user: &User, display: &Display) -> std::process::Child {
    let mut app = user.spawn(&[], &[("DISPLAY", &display.name)]);
    milestone(user, "room-list-complete", &mut app);
    std::thread::sleep(Duration::from_secs(2));
    app
}

/// Opens the room whose name starts with `name` with the quick switcher (Ctrl+K, Enter).
pub(crate) fn switch_to(display: &Display, name: &str) {
    display.xdotool(&["key", "ctrl+k"]);
    display.xdotool(&["type", "--delay", "30", name]);
    display.xdotool(&["key", "Return"]);
    std::thread::sleep(Duration::from_secs(2));
}

fn field(line: &str, key: &str) -> Option<u64> {
    let start = line.find(&format!("{key}="))? + key.len() + 1;
    line[start..].split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

#[test]
fn the_window_shows_the_room_list_of_a_logged_in_profile() {
    let synapse = Synapse::shared();
    let account = synapse.register("claire");
    let colleague = synapse.register("marc");
    let user = User::new(Some(Keyring::shared()));
    user.login(synapse, &account, &[]);
    user.run(&["create-room", "--name", "Budget 2027"], "").ok();
    user.run(&["dm", &colleague.user_id], "").ok();

    let display = Display::start();
    let mut app = user.spawn(&[], &[("DISPLAY", &display.name), ("ESTAFETTE_LANG", "fr")]);
    milestone(&user, "window-shown", &mut app);
    let complete = milestone(&user, "room-list-complete", &mut app);
    assert_eq!(field(&complete, "rooms"), Some(2), "{complete}");
    assert!(field(&complete, "elapsed_ms").is_some(), "{complete}");

    // The list is drawn on the next frame: wait until its rows (their avatars) are painted.
    let deadline = Instant::now() + Duration::from_secs(30);
    while !display.room_rows_drawn() {
        assert!(Instant::now() < deadline, "the room list was never painted");
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(500));
    let artefacts = target_dir().join("test-artefacts");
    std::fs::create_dir_all(&artefacts).expect("artefacts folder");
    let shot = artefacts.join("desktop-room-list.png");
    display.screenshot(&shot);
    // A painted window has text in many shades; a blank or black screen has one or two.
    assert!(display.colours("1280x800+0+0") > 20, "the screen looks empty: {}", shot.display());
    assert!(app.try_wait().expect("app status").is_none(), "the app is still running");
    let _ = app.kill();
    let _ = app.wait();
    eprintln!("screenshot: {}", shot.display());
}

/// At a desktop login the Secret Service may come up after the apps started with the session
/// ("Start Estafette when I log in"): the window waits for it and opens the session, rather
/// than showing the login screen. Here the keychain's bus is gone when the app starts and
/// comes back two seconds later.
#[test]
fn a_keychain_that_comes_up_after_the_window_is_waited_for() {
    let synapse = Synapse::shared();
    let keyring = Keyring::own();
    let user = User::new(Some(&keyring));
    user.login(synapse, &synapse.register("matinale"), &[]);
    user.run(&["create-room", "--name", "Courrier du matin"], "").ok();

    let display = Display::start();
    keyring.restart_in(Duration::from_secs(2));
    let mut app = user.spawn(&[], &[("DISPLAY", &display.name)]);
    let complete = milestone(&user, "room-list-complete", &mut app);
    assert_eq!(field(&complete, "rooms"), Some(1), "{complete}");
    let log = user.log("default");
    assert!(log.contains("the session could not start yet; trying again"), "{log}");
    let waited = log
        .lines()
        .filter(|l| l.contains("the session could not start"))
        .all(|l| l.contains("yet"));
    assert!(waited, "it gave up:\n{log}");
    let _ = app.kill();
    let _ = app.wait();
}

/// With no index allowed, the window's search (Ctrl+Shift+F) still finds a message of a room
/// that is not encrypted, through the server's search, and says that only such rooms are
/// searched.
#[test]
fn with_no_index_allowed_the_window_searches_the_rooms_in_clear() {
    let synapse = Synapse::shared();
    let (mut user, account) = crate::common::person(synapse, "sobre");
    user.set_policy("local_search = \"off\"\n");
    let (_, token) = synapse.register_with_token("gardien");
    let body = serde_json::json!({
        "name": "Capitainerie", "preset": "private_chat", "invite": [account.user_id],
    });
    let room = synapse.create_room(&token, &body);
    user.run(&["join", &room], "").ok();
    let text = serde_json::json!({"msgtype": "m.text", "body": "Le phare du port est rallumé"});
    crate::search::raw_send(synapse, &token, &room, &text);

    let display = Display::start();
    let mut app = open_window(&user, &display);
    display.xdotool(&["key", "ctrl+shift+f"]);
    display.xdotool(&["type", "--delay", "40", "phare"]);
    let deadline = Instant::now() + Duration::from_secs(30);
    while !user.log("default").contains("found=1") {
        assert!(Instant::now() < deadline, "the server was not asked:\n{}", user.log("default"));
        std::thread::sleep(Duration::from_millis(200));
    }
    std::thread::sleep(Duration::from_secs(1));
    let shot = target_dir().join("test-artefacts").join("desktop-search-server-only.png");
    std::fs::create_dir_all(shot.parent().expect("folder")).expect("artefacts folder");
    display.screenshot(&shot);
    assert!(!user.profile_dir("default").join("data/search").exists(), "an index was made");
    assert!(app.try_wait().expect("app status").is_none(), "the app is still running");
    let _ = app.kill();
    let _ = app.wait();
    eprintln!("screenshot: {}", shot.display());
}

/// Set in the child process of the clipboard test: it puts the key on the clipboard and stays.
const CLIPBOARD_CHILD: &str = "ESTAFETTE_TEST_CLIPBOARD_CHILD";

/// Review M3: the recovery key copied from the window is marked for clipboard managers as a
/// password (KDE's `x-kde-passwordManagerHint`, which GNOME's managers honour too), so no
/// history keeps it, and it is taken off the clipboard after its lifetime. Seen from another
/// X client (`xclip`), as a clipboard manager would see it. The copy is made by a child
/// process of this test (the owner of an X selection must stay alive to serve it).
#[test]
fn a_copied_recovery_key_is_marked_secret_and_cleared() {
    const KEY: &str = "EsTc 4jq9 T0pS ecr3 tK3y";
    if std::env::var_os(CLIPBOARD_CHILD).is_some() {
        let runtime = tokio::runtime::Runtime::new().expect("runtime");
        let secret = zeroize::Zeroizing::new(KEY.to_owned());
        let copied =
            runtime.block_on(estafette::clipboard::copy_secret(secret, Duration::from_secs(4)));
        copied.expect("copied");
        std::thread::sleep(Duration::from_secs(30));
        return;
    }
    let display = Display::start();
    let mut child = std::process::Command::new(std::env::current_exe().expect("this test"))
        // This very test, by its full name in the one test binary.
        .args(["desktop::a_copied_recovery_key_is_marked_secret_and_cleared", "--exact"])
        .arg("--nocapture")
        .env(CLIPBOARD_CHILD, "1")
        .env("DISPLAY", &display.name)
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("the copying process");
    let xclip = |args: &[&str]| {
        let out = std::process::Command::new("xclip")
            .args(["-display", &display.name, "-selection", "clipboard", "-o"])
            .args(args)
            .output()
            .expect("run xclip (Debian: apt-get install xclip)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    while xclip(&[]) != KEY {
        assert!(Instant::now() < deadline, "the key never reached the clipboard");
        std::thread::sleep(Duration::from_millis(100));
    }
    let targets = xclip(&["-t", "TARGETS"]);
    assert!(targets.contains("x-kde-passwordManagerHint"), "not marked secret: {targets}");
    assert_eq!(xclip(&["-t", "x-kde-passwordManagerHint"]), "secret");
    // Past its lifetime, the key is gone, though the process that copied it still runs.
    let deadline = Instant::now() + Duration::from_secs(60);
    while xclip(&[]).contains(KEY) {
        assert!(Instant::now() < deadline, "the key is still on the clipboard");
        std::thread::sleep(Duration::from_millis(250));
    }
    assert!(child.try_wait().expect("child").is_none(), "cleared by the app, not by its exit");
    let _ = child.kill();
    let _ = child.wait();
}

/// A picture sent to a room shows inline in the window, decrypted: the area where it is drawn
/// has the thousands of colours of the picture, where text on a plain background has a few
/// dozen shades.
#[test]
fn a_picture_in_an_encrypted_room_is_drawn_inline() {
    let synapse = Synapse::shared();
    let (alice, bob_account) = (User::new(Some(Keyring::shared())), synapse.register("beholder"));
    alice.login(synapse, &synapse.register("painter"), &[]);
    let bob = User::new(Some(Keyring::shared()));
    bob.login(synapse, &bob_account, &[]);
    let create = ["create-room", "--name", "Chantier", "--invite", &bob_account.user_id];
    let room = alice.run(&create, "").ok().stdout.trim().to_owned();
    bob.run(&["join", &room], "").ok();
    let files = tempfile::tempdir().expect("temp dir");
    photo(files.path(), "chantier.jpg", 1600, 1200, 0x21);
    let path = files.path().join("chantier.jpg");
    alice.run(&["send", &room, "--file", &path.display().to_string()], "").ok();

    let display = Display::start();
    let mut app = bob.spawn(&[], &[("DISPLAY", &display.name)]);
    milestone(&bob, "room-list-complete", &mut app);
    std::thread::sleep(Duration::from_secs(2));
    // Ctrl+K, the room's name, Enter: the quick switcher opens it.
    display.xdotool(&["key", "ctrl+k"]);
    display.xdotool(&["type", "--delay", "30", "Chantier"]);
    display.xdotool(&["key", "Return"]);
    // The picture (480×360 inline, at the bottom of the timeline) replaces its placeholder.
    let deadline = Instant::now() + Duration::from_secs(60);
    let region = "300x200+450+350";
    while display.colours(region) < 1000 {
        if Instant::now() > deadline {
            let shot = target_dir().join("test-artefacts").join("desktop-picture.png");
            let _ = std::fs::create_dir_all(shot.parent().expect("folder"));
            display.screenshot(&shot);
            panic!("no picture drawn ({} colours): {}", display.colours(region), shot.display());
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    let _ = app.kill();
    let _ = app.wait();
}

/// An invitation sent from the member panel reaches the server: the room's header opens the
/// panel (its member count, at the right end of the line under the name), the Matrix ID typed
/// in its invite field and Enter, and Synapse's `/members` lists the person as invited.
#[test]
fn an_invitation_from_the_member_panel_reaches_the_server() {
    let synapse = Synapse::shared();
    let host = User::new(Some(Keyring::shared()));
    host.login(synapse, &synapse.register("hote"), &[]);
    let guest = synapse.register("invitee");
    let room = host.run(&["create-room", "--name", "Cellule"], "").ok().stdout.trim().to_owned();

    let display = Display::start();
    let mut app = open_window(&host, &display);
    switch_to(&display, "Cellule");
    // The window opens 1100 px wide: its header's "1 member" button, then the invite field.
    display.xdotool(&["mousemove", "962", "100", "click", "1"]);
    std::thread::sleep(Duration::from_secs(2));
    display.xdotool(&["mousemove", "880", "144", "click", "1"]);
    display.xdotool(&["type", "--delay", "20", &guest.user_id]);
    display.xdotool(&["key", "Return"]);

    let token = host.access_token(Keyring::shared());
    let path = format!("/_matrix/client/v3/rooms/{room}/members");
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (_, body) = synapse.call("GET", &path, Some(&token), "");
        let invited = serde_json::from_str::<serde_json::Value>(&body).is_ok_and(|members| {
            members["chunk"].as_array().is_some_and(|chunk| {
                chunk.iter().any(|event| {
                    event["state_key"] == guest.user_id.as_str()
                        && event["content"]["membership"] == "invite"
                })
            })
        });
        if invited {
            break;
        }
        if Instant::now() > deadline {
            let shot = target_dir().join("test-artefacts").join("desktop-invite.png");
            let _ = std::fs::create_dir_all(shot.parent().expect("folder"));
            display.screenshot(&shot);
            panic!("no invitation on the server: {body}\nscreen: {}", shot.display());
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    let _ = app.kill();
    let _ = app.wait();
}

/// The window's composer completes `@bo` to Bob, and what it sends carries the mention: Bob's
/// own client (the command line) finds itself in `m.mentions` and highlights the message.
#[test]
fn a_mention_picked_in_the_composer_reaches_the_person_mentioned() {
    let synapse = Synapse::shared();
    let host = User::new(Some(Keyring::shared()));
    host.login(synapse, &synapse.register("hote"), &[]);
    let bob_account = synapse.register("bob");
    let bob = User::new(Some(Keyring::shared()));
    bob.login(synapse, &bob_account, &[]);
    let created =
        host.run(&["create-room", "--name", "Cellule", "--invite", &bob_account.user_id], "");
    let room = created.ok().stdout.trim().to_owned();
    bob.run(&["join", &room], "").ok();

    let display = Display::start();
    let mut app = open_window(&host, &display);
    switch_to(&display, "Cellule");
    // The room opens with the keyboard in its composer; `@bo` asks for the members.
    display.xdotool(&["type", "--delay", "30", "Merci @bo"]);
    std::thread::sleep(Duration::from_secs(3));
    let shot = target_dir().join("test-artefacts").join("desktop-mention.png");
    let _ = std::fs::create_dir_all(shot.parent().expect("folder"));
    display.screenshot(&shot);
    display.xdotool(&["key", "Tab"]);
    display.xdotool(&["type", "--delay", "30", "pour le dossier plum-reed-14"]);
    display.xdotool(&["key", "Return"]);

    let deadline = Instant::now() + Duration::from_secs(60);
    let message = loop {
        let seen = crate::common::tail(&bob, &room);
        let found = seen
            .into_iter()
            .find(|m| m["body"].as_str().is_some_and(|body| body.contains("plum-reed-14")));
        if let Some(message) = found {
            break message;
        }
        assert!(Instant::now() < deadline, "never arrived; screen: {}", shot.display());
        std::thread::sleep(Duration::from_millis(500));
    };
    assert_eq!(message["mentions"][0]["user_id"], bob_account.user_id.as_str(), "{message}");
    assert_eq!(message["highlighted"], true, "{message}");
    // The sent message as the window draws it, its mention as a name, for a person to look at.
    display.screenshot(&shot.with_file_name("desktop-mention-sent.png"));
    let _ = app.kill();
    let _ = app.wait();
}

/// A notification service (dunst) on the session's bus: a direct message notifies once, with
/// the room's name only, and opening the room withdraws the notification.
#[test]
fn a_direct_message_notifies_and_reading_it_withdraws_the_notification() {
    let synapse = Synapse::shared();
    let session = Keyring::own();
    let host = User::new(Some(&session));
    host.login(synapse, &synapse.register("hote"), &[]);
    let bob_account = synapse.register("bruno");
    let bob = User::new(Some(Keyring::shared()));
    bob.login(synapse, &bob_account, &[]);
    let room = host.run(&["dm", &bob_account.user_id], "").ok().stdout.trim().to_owned();
    bob.run(&["join", &room], "").ok();

    let display = Display::start();
    let dunst = Dunst::start(&session, &display, host.data_dir());
    let mut app = open_window(&host, &display);
    bob.run(&["send", &room, "le dossier copper-wren-52"], "").ok();
    dunst.wait_for("a notification on screen", &|d| d.displayed() == "1");
    assert!(!dunst.history().contains("copper-wren-52"), "never the text");

    // Opening the room reads it: the notification is withdrawn (dunst keeps it in history).
    switch_to(&display, &bob_account.user_id[1..6]);
    dunst.wait_for("the notification withdrawn", &|d| d.displayed() == "0");
    let history = dunst.history();
    assert!(history.contains("New message in") || history.contains("Nouveau message"), "{history}");
    let _ = app.kill();
    let _ = app.wait();
}
