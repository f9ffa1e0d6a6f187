//! The people of a room and its settings, against a real Synapse with three accounts: an
//! invitation the server records, a removal and a ban that take effect and show as room
//! events, a moderator who cannot ban an admin (refused with the reason, nothing asked of the
//! server), roles, a rename seen on the other side, and leaving and forgetting.

use crate::common::{Keyring, Synapse, User, answer, person, unique};

/// The membership Synapse's `/members` reports for `user`, as `owner` sees it.
fn membership(synapse: &Synapse, owner: &User, room: &str, user: &str) -> Option<String> {
    let token = owner.access_token(Keyring::shared());
    let path = format!("/_matrix/client/v3/rooms/{room}/members");
    let (status, body) = synapse.call("GET", &path, Some(&token), "");
    assert_eq!(status, 200, "{body}");
    let value: serde_json::Value = serde_json::from_str(&body).expect("members JSON");
    let chunk = value["chunk"].as_array().cloned().unwrap_or_default();
    let event = chunk.iter().find(|event| event["state_key"] == user)?;
    event["content"]["membership"].as_str().map(str::to_owned)
}

fn members(user: &User, room: &str) -> Vec<serde_json::Value> {
    user.run(&["members", room, "--json"], "").json_lines("members --json")
}

fn member<'a>(list: &'a [serde_json::Value], user: &str) -> &'a serde_json::Value {
    list.iter().find(|m| m["user_id"] == user).unwrap_or_else(|| panic!("{user} in {list:#?}"))
}

fn refusal(user: &User, args: &[&str]) -> String {
    answer(&user.run(args, "").failed().stderr).join("\n")
}

#[test]
fn invite_kick_ban_and_roles_take_effect_on_the_server_and_are_refused_by_rank() {
    let synapse = Synapse::shared();
    let (admin, admin_account) = person(synapse, "chef");
    let (moderator, mod_account) = person(synapse, "adjoint");
    let (third, third_account) = person(synapse, "agent");
    let room = admin
        .run(&["create-room", "--name", &unique("Cellule"), "--invite", &mod_account.user_id], "")
        .ok()
        .stdout
        .trim()
        .to_owned();
    moderator.run(&["join", &room], "").ok();

    // An invitation from the command line: the server records it, the list says who sent it.
    admin.run(&["invite", &room, &third_account.user_id], "").ok();
    let invited = membership(synapse, &admin, &room, &third_account.user_id);
    assert_eq!(invited.as_deref(), Some("invite"));
    let list = members(&admin, &room);
    let entry = member(&list, &third_account.user_id);
    assert_eq!(entry["membership"], "invited", "{entry}");
    assert_eq!(entry["invited_by"], admin_account.user_id.as_str(), "{entry}");
    // Synapse creates rooms of version 12, where the creator outranks every level.
    assert_eq!(member(&list, &admin_account.user_id)["role"], "creator");
    third.run(&["join", &room], "").ok();

    // A member without power may do nothing to others, and is told what it takes.
    let words = refusal(&moderator, &["kick", &room, &third_account.user_id]);
    assert!(words.contains("power level 50") && words.contains("yours is 0"), "{words}");

    admin.run(&["role", &room, &mod_account.user_id, "moderator"], "").ok();
    let list = members(&moderator, &room);
    assert_eq!(member(&list, &mod_account.user_id)["role"], "moderator", "{list:#?}");
    let me = member(&list, &admin_account.user_id);
    assert_eq!(me["may"]["ban"], false, "a moderator is offered nothing against the admin: {me}");
    let agent = member(&list, &third_account.user_id);
    assert_eq!(agent["may"]["kick"], true, "{agent}");

    // A moderator cannot ban the admin: refused here, with the reason, before the server.
    let words = refusal(&moderator, &["ban", &room, &admin_account.user_id]);
    assert!(words.contains(&admin_account.user_id) && words.contains("creator"), "{words}");
    let still = membership(synapse, &admin, &room, &admin_account.user_id);
    assert_eq!(still.as_deref(), Some("join"));
    // Nor an admin who is not the creator: level 100 is not below 50.
    admin.run(&["role", &room, &third_account.user_id, "admin"], "").ok();
    let words = refusal(&moderator, &["ban", &room, &third_account.user_id]);
    assert!(words.contains(&third_account.user_id) && words.contains("100"), "{words}");
    let list = members(&moderator, &room);
    assert_eq!(member(&list, &third_account.user_id)["may"]["ban"], false, "{list:#?}");
    admin.run(&["role", &room, &third_account.user_id, "member"], "").ok();
    // Nor give more than their own level.
    let words = refusal(&moderator, &["role", &room, &third_account.user_id, "admin"]);
    assert!(words.contains("100") && words.contains("50"), "{words}");

    // A removal and a ban take effect on the server and are lines of the room's history.
    moderator.run(&["kick", &room, &third_account.user_id, "--reason", "erreur de salon"], "").ok();
    let kicked = membership(synapse, &admin, &room, &third_account.user_id);
    assert_eq!(kicked.as_deref(), Some("leave"));
    moderator.run(&["ban", &room, &third_account.user_id, "--reason", "spam"], "").ok();
    let banned = membership(synapse, &admin, &room, &third_account.user_id);
    assert_eq!(banned.as_deref(), Some("ban"));
    let list = members(&admin, &room);
    let entry = member(&list, &third_account.user_id);
    assert_eq!((&entry["membership"], &entry["reason"]), (&"banned".into(), &"spam".into()));
    assert_eq!(entry["may"]["unban"], true, "{entry}");
    let lines = admin.run(&["tail", &room, "--json", "--limit", "50", "--events"], "");
    let lines = lines.json_lines("tail --events");
    let changes: Vec<&str> = lines
        .iter()
        .filter(|l| l["happening"]["kind"] == "member")
        .filter_map(|l| l["happening"]["change"].as_str())
        .collect();
    assert!(changes.contains(&"kicked") && changes.contains(&"banned"), "{changes:?}");

    moderator.run(&["unban", &room, &third_account.user_id], "").ok();
    let lifted = membership(synapse, &admin, &room, &third_account.user_id);
    assert_eq!(lifted.as_deref(), Some("leave"));
    let words = refusal(&admin, &["role", &room, &mod_account.user_id, "chief"]);
    assert!(words.contains("chief"), "{words}");
}

#[test]
fn a_rename_shows_on_the_other_side_and_leaving_makes_the_server_say_leave() {
    let synapse = Synapse::shared();
    let (owner, _) = person(synapse, "owner");
    let (guest, guest_account) = person(synapse, "guest");
    let first = unique("Avant");
    let create = ["create-room", "--name", &first, "--invite", &guest_account.user_id];
    let room = owner.run(&create, "").ok().stdout.trim().to_owned();
    guest.run(&["join", &room], "").ok();

    // A member without power may not rename; the owner may, and the other side sees it.
    let words = refusal(&guest, &["rename", &room, "Pris"]);
    assert!(words.contains("power level"), "{words}");
    let renamed = unique("Après");
    owner.run(&["rename", &room, &renamed], "").ok();
    owner.run(&["topic", &room, "Ordre du jour"], "").ok();
    let settings = guest.run(&["room-settings", &room, "--json"], "").json_lines("settings");
    assert_eq!(settings[0]["name"], renamed.as_str(), "{settings:#?}");
    assert_eq!(settings[0]["topic"], "Ordre du jour");
    assert_eq!(settings[0]["encrypted"], true);
    assert_eq!(settings[0]["join_rule"], "invite");
    assert_eq!(settings[0]["may"]["rename"], false);
    let lines = guest.run(&["tail", &room, "--json", "--events"], "").json_lines("tail");
    assert!(lines.iter().any(|l| l["happening"]["kind"] == "room_name"), "{lines:#?}");
    let plain = guest.run(&["room-settings", &room], "").ok().stdout.clone();
    assert!(plain.contains("server sees them"), "the words say what is not encrypted: {plain}");

    // Opening the room to anyone asks for consent first; nothing changes without it.
    let words = refusal(&owner, &["room-settings", &room, "--join-rule", "public"]);
    assert!(words.contains("--yes"), "{words}");
    let settings = owner.run(&["room-settings", &room, "--json"], "").json_lines("settings");
    assert_eq!(settings[0]["join_rule"], "invite");
    let args = ["room-settings", &room, "--join-rule", "knock", "--yes", "--json"];
    let settings = owner.run(&args, "").json_lines("settings");
    assert_eq!(settings[0]["join_rule"], "knock");

    guest.run(&["leave", &room, "--forget"], "").ok();
    let left = membership(synapse, &owner, &room, &guest_account.user_id);
    assert_eq!(left.as_deref(), Some("leave"));
    let rooms = guest.run(&["rooms", "--json"], "").json_lines("rooms");
    assert!(rooms.iter().all(|r| r["room_id"] != room.as_str()), "forgotten: {rooms:#?}");
}

#[test]
fn the_directory_lists_another_accounts_public_room_unless_the_policy_turns_it_off() {
    let synapse = Synapse::shared();
    let (_, owner_token) = synapse.register_with_token("annuaire");
    let name = unique("Accueil public");
    let body = format!(r#"{{"preset":"public_chat","visibility":"public","name":"{name}"}}"#);
    let (status, answer) =
        synapse.call("POST", "/_matrix/client/v3/createRoom", Some(&owner_token), &body);
    assert_eq!(status, 200, "{answer}");
    let created: serde_json::Value = serde_json::from_str(&answer).expect("createRoom JSON");
    let room_id = created["room_id"].as_str().expect("room id").to_owned();

    let (mut reader, _) = person(synapse, "lecteur");
    // Synapse lists a new room once its statistics are updated, a moment after.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let found = loop {
        let found = reader.run(&["directory", &name, "--json"], "").json_lines("directory");
        if found.iter().any(|r| r["room_id"] == room_id.as_str())
            || std::time::Instant::now() > deadline
        {
            break found;
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
    };
    let entry = found.iter().find(|r| r["room_id"] == room_id.as_str());
    let entry = entry.unwrap_or_else(|| panic!("the public room is listed: {found:#?}"));
    assert_eq!((&entry["name"], &entry["open"]), (&name.as_str().into(), &true.into()));
    assert_eq!(entry["joined"], false);
    let plain = reader.run(&["directory", &name], "").ok().stdout.clone();
    assert!(plain.contains(&name) && plain.contains("public"), "{plain}");

    reader.set_policy("public_room_directory = \"off\"\n");
    let words = refusal(&reader, &["directory", &name]);
    assert!(words.to_lowercase().contains("directory"), "{words}");
    // Joining by address is not browsing: it stays allowed.
    reader.run(&["join", &room_id], "").ok();
}

#[test]
fn a_spaces_rooms_are_listed_joined_or_not_and_the_list_knows_its_space() {
    let synapse = Synapse::shared();
    let (_, owner_token) = synapse.register_with_token("ministere");
    let (member, member_account) = person(synapse, "agentespace");
    let call = |method: &str, path: &str, body: &str| {
        let (status, answer) = synapse.call(method, path, Some(&owner_token), body);
        assert_eq!(status, 200, "{method} {path}: {answer}");
        serde_json::from_str::<serde_json::Value>(&answer).expect("JSON")
    };
    let invite = serde_json::to_string(&member_account.user_id).expect("id");
    let space_name = unique("Ministère");
    let body = format!(
        r#"{{"name":"{space_name}","creation_content":{{"type":"m.space"}},"invite":[{invite}]}}"#
    );
    let space = call("POST", "/_matrix/client/v3/createRoom", &body)["room_id"]
        .as_str()
        .expect("space id")
        .to_owned();
    let mut children = Vec::new();
    for (name, encrypted) in [("Bureau", true), ("Cafétéria", false)] {
        let state = if encrypted {
            r#","initial_state":[{"type":"m.room.encryption","state_key":"","content":{"algorithm":"m.megolm.v1.aes-sha2"}}]"#
        } else {
            ""
        };
        let body = format!(r#"{{"name":"{name}","preset":"public_chat"{state}}}"#);
        let id = call("POST", "/_matrix/client/v3/createRoom", &body)["room_id"]
            .as_str()
            .expect("room id")
            .to_owned();
        let path = format!("/_matrix/client/v3/rooms/{space}/state/m.space.child/{id}");
        let via = serde_json::json!({ "via": [synapse.server_name] }).to_string();
        call("PUT", &path, &via);
        children.push(id);
    }
    member.run(&["join", &space], "").ok();

    let listed = member.run(&["space", &space, "--json"], "").json_lines("space --json");
    let bureau = listed.iter().find(|r| r["room_id"] == children[0].as_str());
    let bureau = bureau.unwrap_or_else(|| panic!("the space's room is listed: {listed:#?}"));
    assert_eq!((&bureau["encrypted"], &bureau["joined"]), (&true.into(), &false.into()));
    let cafeteria = listed.iter().find(|r| r["room_id"] == children[1].as_str());
    assert_eq!(cafeteria.map(|r| &r["encrypted"]), Some(&false.into()), "{listed:#?}");

    member.run(&["join", &children[0]], "").ok();
    let rooms = member.run(&["rooms", "--json"], "").json_lines("rooms");
    let entry = |id: &str| rooms.iter().find(|r| r["room_id"] == id).cloned();
    assert_eq!(entry(&space).map(|r| r["space"].clone()), Some(true.into()), "{rooms:#?}");
    let joined = entry(&children[0]).unwrap_or_else(|| panic!("joined: {rooms:#?}"));
    assert_eq!(joined["in_spaces"], serde_json::json!([space]), "{joined}");
    let listed = member.run(&["space", &space, "--json"], "").json_lines("space --json");
    let bureau = listed.iter().find(|r| r["room_id"] == children[0].as_str());
    assert_eq!(bureau.map(|r| &r["joined"]), Some(&true.into()));
    let words = refusal(&member, &["space", &children[0]]);
    assert!(words.contains("not a space"), "{words}");

    // A sub-space (a department of the ministry): listed in its space as a space, and a room
    // of it counts as the ministry's room too.
    let via = serde_json::json!({ "via": [synapse.server_name] }).to_string();
    let body =
        r#"{"name":"Direction","preset":"public_chat","creation_content":{"type":"m.space"}}"#;
    let sub = call("POST", "/_matrix/client/v3/createRoom", body)["room_id"]
        .as_str()
        .expect("sub-space id")
        .to_owned();
    call("PUT", &format!("/_matrix/client/v3/rooms/{space}/state/m.space.child/{sub}"), &via);
    let body = r#"{"name":"Atelier","preset":"public_chat"}"#;
    let atelier = call("POST", "/_matrix/client/v3/createRoom", body)["room_id"]
        .as_str()
        .expect("room id")
        .to_owned();
    call("PUT", &format!("/_matrix/client/v3/rooms/{sub}/state/m.space.child/{atelier}"), &via);
    let listed = member.run(&["space", &space, "--json"], "").json_lines("space --json");
    let department = listed.iter().find(|r| r["room_id"] == sub.as_str());
    assert_eq!(department.map(|r| &r["space"]), Some(&true.into()), "{listed:#?}");
    member.run(&["join", &sub], "").ok();
    member.run(&["join", &atelier], "").ok();
    let rooms = member.run(&["rooms", "--json"], "").json_lines("rooms");
    let atelier = rooms.iter().find(|r| r["room_id"] == atelier.as_str());
    let atelier = atelier.unwrap_or_else(|| panic!("joined: {rooms:#?}"));
    let mut spaces: Vec<&str> = atelier["in_spaces"]
        .as_array()
        .expect("spaces")
        .iter()
        .filter_map(|s| s.as_str())
        .collect();
    spaces.sort_unstable();
    let mut expected = vec![space.as_str(), sub.as_str()];
    expected.sort_unstable();
    assert_eq!(spaces, expected, "in its department and in the ministry: {atelier}");
}
