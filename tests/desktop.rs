//! The desktop app end to end: the real binary, in a real X window (Xvfb), with a profile
//! logged in to the test Synapse and its secrets in the test keychain.

mod common;

use std::time::{Duration, Instant};

use common::{Display, Keyring, Synapse, User, target_dir};

/// Waits until the app's log has a startup milestone, and returns its line.
fn milestone(user: &User, name: &str, app: &mut std::process::Child) -> String {
    let needle = format!("milestone=\"{name}\"");
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        if let Some(line) = user.log("default").lines().find(|l| l.contains(&needle)) {
            return line.to_owned();
        }
        if let Ok(Some(status)) = app.try_wait() {
            panic!("the app exited ({status}) before {name}:\n{}", user.log("default"));
        }
        assert!(Instant::now() < deadline, "no {name} in the log:\n{}", user.log("default"));
        std::thread::sleep(Duration::from_millis(200));
    }
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

    // The list is drawn on the next frame: wait until the filter box (top left) is painted.
    let deadline = Instant::now() + Duration::from_secs(30);
    while display.colours("200x20+10+60") < 2 {
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
