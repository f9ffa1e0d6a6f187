//! Session lifetime against a Synapse with short token lifetimes: rotated refresh tokens are
//! saved at once, and an expired session (soft logout) comes back with the password alone, on
//! the same device with the same keys.

use std::time::Duration;

use crate::common::{Keyring, Synapse, User, synapse::Lifetimes};

fn tokens(keyring: &Keyring, id: &str) -> Option<(String, String)> {
    let text = keyring.lookup(&format!("{id}/session"))?;
    let value: serde_json::Value = serde_json::from_str(&text).expect("session JSON");
    Some((value["access_token"].as_str()?.to_owned(), value["refresh_token"].as_str()?.to_owned()))
}

fn device_key(user: &User) -> String {
    let run = user.run(&["whoami", "--json"], "");
    let value: serde_json::Value = serde_json::from_str(run.ok().stdout.trim()).expect("json");
    value["device_key"].as_str().expect("device key").to_owned()
}

/// Waits for tokens to expire; the test asserts on what the server says, not on time.
fn wait(seconds: u64) {
    std::thread::sleep(Duration::from_secs(seconds));
}

#[test]
fn rotated_tokens_are_saved_and_an_expired_session_returns_on_the_same_device() {
    let synapse = Synapse::start(Lifetimes { access: Some("3s"), refresh: Some("8s") });
    let keyring = Keyring::shared();
    let account = synapse.register("expiry");
    let user = User::new(Some(keyring));
    let (_, device) = user.login(&synapse, &account, &[]);
    let id = user.keychain_id("default");
    let first = tokens(keyring, &id).expect("tokens after login");

    // The access token expires; the next request refreshes it and the keychain follows.
    wait(4);
    let key = device_key(&user);
    let second = tokens(keyring, &id).expect("tokens after refresh");
    assert_ne!(first.0, second.0, "access token not rotated in the keychain");
    assert_ne!(first.1, second.1, "refresh token not rotated in the keychain");

    // A new process uses the rotated refresh token (the first one is spent).
    wait(4);
    user.run(&["whoami"], "").ok();
    let body = format!(r#"{{"refresh_token":"{}"}}"#, first.1);
    let (status, _) = synapse.call("POST", "/_matrix/client/v3/refresh", None, &body);
    assert!(status == 401 || status == 403, "the first refresh token still works ({status})");

    // Both tokens expire: a soft logout that keeps the device and its keys.
    wait(10);
    let expired = user.run(&["whoami"], "");
    assert!(expired.failed().stderr.contains("has expired"), "{}", expired.stderr);
    assert_eq!(tokens(keyring, &id), None, "dead tokens left in the keychain");
    assert!(keyring.lookup(&format!("{id}/store-key")).is_some(), "the store key must stay");
    let doctor = user.run(&["doctor"], "");
    assert!(doctor.failed().stdout.contains("has expired"), "{}", doctor.stdout);

    // The password alone brings back the same device, with the same signing key.
    let (_, again) = user.login(&synapse, &account, &[]);
    assert_eq!(again, device, "a new device was created instead of resuming");
    assert_eq!(device_key(&user), key, "the device's keys were lost");

    // Someone else's password does not resume this profile's device.
    let other = synapse.register("intruder");
    let run = user.run(
        &["login", "--homeserver", &synapse.url, "--user", &other.user_id, "--password-stdin"],
        &other.password,
    );
    assert!(run.failed().stderr.contains("already logged in"), "{}", run.stderr);
}
