//! Who may come into a room, against a real Synapse: asking to join (a knock) and being let
//! in from the member list, guests, the room's picture, declining an invitation and blocking
//! whoever sent it, turning encryption on for a room created without it, and a room replaced
//! by its upgrade.

use crate::common::media::photo;
use crate::common::{Keyring, Synapse, User, answer, person, unique};

/// Synapse's copy of one state event of the room, as `user` may read it: `kind` is the type,
/// then `/` and the state key when it has one.
fn state(synapse: &Synapse, user: &User, room: &str, kind: &str) -> (u16, serde_json::Value) {
    let token = user.access_token(Keyring::shared());
    let kind = if kind.contains('/') { kind.to_owned() } else { format!("{kind}/") };
    let path = format!("/_matrix/client/v3/rooms/{room}/state/{kind}");
    let (status, body) = synapse.call("GET", &path, Some(&token), "");
    (status, serde_json::from_str(&body).unwrap_or_default())
}

fn membership(synapse: &Synapse, owner: &User, room: &str, user: &str) -> Option<String> {
    let (status, value) = state(synapse, owner, room, &format!("m.room.member/{user}"));
    (status == 200).then(|| value["membership"].as_str().map(str::to_owned)).flatten()
}

fn settings(user: &User, room: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["room-settings", room, "--json"];
    args.extend_from_slice(extra);
    user.run(&args, "").json_lines("room-settings")[0].clone()
}

fn refusal(user: &User, args: &[&str]) -> String {
    answer(&user.run(args, "").failed().stderr).join("\n")
}

#[test]
fn a_knock_is_let_in_from_the_member_list_and_guests_and_the_picture_change_on_the_server() {
    let synapse = Synapse::shared();
    let (owner, _) = person(synapse, "portier");
    let (visitor, visitor_account) = person(synapse, "visiteur");
    let name = unique("Sur demande");
    let room = owner.run(&["create-room", "--name", &name], "").ok().stdout.trim().to_owned();
    settings(&owner, &room, &["--join-rule", "knock", "--yes"]);

    // Without an invitation, joining is refused by the server; asking is what one may do.
    visitor.run(&["join", &room], "").failed();
    let knocked = visitor.run(&["knock", &room, "--reason", "Nouvelle arrivée"], "");
    assert_eq!(knocked.ok().stdout.trim(), room);
    let asked = membership(synapse, &owner, &room, &visitor_account.user_id);
    assert_eq!(asked.as_deref(), Some("knock"));
    let list = owner.run(&["members", &room, "--json"], "").json_lines("members");
    let entry = list.iter().find(|m| m["user_id"] == visitor_account.user_id.as_str());
    let entry = entry.unwrap_or_else(|| panic!("the knock is listed: {list:#?}"));
    assert_eq!(entry["membership"], "knocked", "{entry}");
    assert_eq!(entry["may"]["admit"], true, "the owner may let them in: {entry}");
    // Letting in is an invitation, which the visitor then takes.
    owner.run(&["invite", &room, &visitor_account.user_id], "").ok();
    let let_in = membership(synapse, &owner, &room, &visitor_account.user_id);
    assert_eq!(let_in.as_deref(), Some("invite"));
    visitor.run(&["join", &room], "").ok();
    let joined = membership(synapse, &owner, &room, &visitor_account.user_id);
    assert_eq!(joined.as_deref(), Some("join"));

    // Guests: kept out of a new room (the server's preset would let them in); letting them
    // in asks for consent first, then is the server's guest access.
    let (_, access) = state(synapse, &owner, &room, "m.room.guest_access");
    assert_eq!(access["guest_access"], "forbidden", "{access}");
    let words = refusal(&owner, &["room-settings", &room, "--guests", "on"]);
    assert!(words.contains("guests") && words.contains("--yes"), "{words}");
    assert_eq!(settings(&owner, &room, &[])["guests"], false);
    assert_eq!(settings(&owner, &room, &["--guests", "on", "--yes"])["guests"], true);
    let (_, access) = state(synapse, &owner, &room, "m.room.guest_access");
    assert_eq!(access["guest_access"], "can_join", "{access}");
    assert_eq!(settings(&owner, &room, &["--guests", "off"])["guests"], false, "closing asks not");
    let words = refusal(&owner, &["room-settings", &room, "--guests", "maybe"]);
    assert!(words.contains("maybe"), "{words}");

    // The picture: published as the room's, seen on the other side, removed; a member
    // without the power is told what it takes.
    let files = tempfile::tempdir().expect("temp dir");
    photo(files.path(), "logo.jpg", 300, 300, 0x42);
    let logo = files.path().join("logo.jpg").display().to_string();
    let words = refusal(&visitor, &["room-settings", &room, "--avatar", &logo]);
    assert!(words.contains("power level"), "{words}");
    assert_eq!(settings(&owner, &room, &["--avatar", &logo])["has_avatar"], true);
    let (_, avatar) = state(synapse, &owner, &room, "m.room.avatar");
    let url = avatar["url"].as_str().unwrap_or_default();
    assert!(url.starts_with("mxc://"), "{avatar}");
    assert_eq!(avatar["info"]["mimetype"], "image/png", "drawn again: only pixels go out");
    assert_eq!(settings(&visitor, &room, &[])["has_avatar"], true, "the other side sees it");
    assert_eq!(settings(&owner, &room, &["--remove-avatar"])["has_avatar"], false);
    let (_, avatar) = state(synapse, &owner, &room, "m.room.avatar");
    assert!(avatar["url"].is_null(), "removed: {avatar}");
}

#[test]
fn an_invitation_declined_with_a_block_ignores_the_inviter_on_the_server() {
    let synapse = Synapse::shared();
    let (pest, pest_account) = person(synapse, "importun");
    let (target, target_account) = person(synapse, "cible");
    let create =
        ["create-room", "--name", &unique("Démarchage"), "--invite", &target_account.user_id];
    let room = pest.run(&create, "").ok().stdout.trim().to_owned();
    // The target's client learns of the invitation by syncing.
    let invites = target.run(&["invites", "--json"], "").json_lines("invites");
    assert!(invites.iter().any(|i| i["room_id"] == room.as_str()), "{invites:#?}");

    let out = target.run(&["leave", &room, "--block"], "");
    let said = out.ok().stdout.clone();
    assert!(said.contains(&pest_account.user_id), "says who: {said}");
    let declined = membership(synapse, &pest, &room, &target_account.user_id);
    assert_eq!(declined.as_deref(), Some("leave"));
    let token = target.access_token(Keyring::shared());
    let path = format!(
        "/_matrix/client/v3/user/{}/account_data/m.ignored_user_list",
        target_account.user_id
    );
    let (status, body) = synapse.call("GET", &path, Some(&token), "");
    assert_eq!(status, 200, "{body}");
    let ignored: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert!(ignored["ignored_users"].get(&pest_account.user_id).is_some(), "{ignored}");
}

#[test]
fn encryption_turned_on_is_on_the_server_for_good_and_an_upgraded_room_names_its_successor() {
    let synapse = Synapse::shared();
    let (mut owner, _) = person(synapse, "chiffreur");
    owner.set_policy("allow_unencrypted_room_creation = true\n");
    let create = ["create-room", "--name", &unique("En clair"), "--unencrypted"];
    let room = owner.run(&create, "").ok().stdout.trim().to_owned();
    let before = settings(&owner, &room, &[]);
    assert_eq!((&before["encrypted"], &before["may"]["encryption"]), (&false.into(), &true.into()));

    let after = settings(&owner, &room, &["--encrypt"]);
    assert_eq!(after["encrypted"], true, "{after}");
    assert_eq!(after["may"]["encryption"], false, "never offered again: {after}");
    let (status, encryption) = state(synapse, &owner, &room, "m.room.encryption");
    assert_eq!(status, 200, "{encryption}");
    assert_eq!(encryption["algorithm"], "m.megolm.v1.aes-sha2");
    let words = refusal(&owner, &["room-settings", &room, "--encrypt"]);
    assert!(words.contains("already"), "{words}");

    // An upgrade (another client's doing) leaves a tombstone: the old room names the new.
    let token = owner.access_token(Keyring::shared());
    let path = format!("/_matrix/client/v3/rooms/{room}/upgrade");
    let (status, body) = synapse.call("POST", &path, Some(&token), r#"{"new_version":"12"}"#);
    assert_eq!(status, 200, "{body}");
    let new: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    let new = new["replacement_room"].as_str().expect("the new room").to_owned();
    let mut replaced = serde_json::Value::Null;
    for _ in 0..20 {
        replaced = settings(&owner, &room, &[]);
        if !replaced["replaced_by"].is_null() {
            break;
        }
    }
    assert_eq!(replaced["replaced_by"]["room_id"], new.as_str(), "{replaced}");
    let plain = owner.run(&["room-settings", &room], "").ok().stdout.clone();
    assert!(plain.contains(&new), "{plain}");
}
