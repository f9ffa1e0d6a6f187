//! Finding a colleague by name in the server's directory, then opening the encrypted chat with
//! the person found, through the command line, against a real Synapse.

use crate::common::{Keyring, Synapse, User};

#[test]
fn a_colleague_is_found_by_name_and_the_chat_opened_with_them_is_encrypted() {
    let synapse = Synapse::shared();
    let me = synapse.register("agent");
    let user = User::new(Some(Keyring::shared()));
    user.login(synapse, &me, &[]);
    // The colleague has a display name and shares no room with us yet.
    let (colleague, token) = synapse.register_with_token("colleague");
    let surname = crate::common::unique("Martinez");
    let path = format!("/_matrix/client/v3/profile/{}/displayname", colleague.user_id);
    let body = format!(r#"{{"displayname":"Solène {surname}"}}"#);
    let (status, answer) = synapse.call("PUT", &path, Some(&token), &body);
    assert_eq!(status, 200, "{answer}");

    // Synapse fills its directory in the background: ask until the new name is in it.
    let mut found = Vec::new();
    for _ in 0..50 {
        let run = user.run(&["people", &surname, "--json"], "");
        found = run.ok().stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        if !found.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let found: Vec<serde_json::Value> = found;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["user_id"], colleague.user_id.as_str());
    assert_eq!(found[0]["display_name"], format!("Solène {surname}").as_str());

    let room = user.run(&["dm", &colleague.user_id], "").ok().stdout.trim().to_owned();
    let rooms = user.run(&["rooms", "--json"], "");
    let listed: Vec<serde_json::Value> =
        rooms.ok().stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let chat = listed.iter().find(|r| r["room_id"] == room.as_str()).expect("the chat is listed");
    assert_eq!(chat["encrypted"], true);

    // Nobody matches: nothing on stdout, and a sentence on stderr.
    let none = user.run(&["people", "zzzz-nobody-zzzz"], "");
    assert!(none.ok().stdout.is_empty());
    assert!(none.stderr.contains("zzzz-nobody-zzzz"), "{}", none.stderr);
}
