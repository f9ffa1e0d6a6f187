//! Where the reader left off, against a real Synapse and a real Secret Service: a half-written
//! message kept per room across a restart, in the encrypted store only.

use std::time::Duration;

use crate::common::{files_containing, person, unique};

#[tokio::test(flavor = "multi_thread")]
async fn a_draft_survives_a_restart_and_is_nowhere_in_clear() {
    let synapse = crate::common::Synapse::shared();
    let (alice, _) = person(synapse, "drafter");
    let name = unique("Notes");
    let room = alice.run(&["create-room", "--name", &name], "").ok().stdout.trim().to_owned();
    let created = alice.run(&["create-room", "--name", &unique("Other")], "");
    let other = created.ok().stdout.trim().to_owned();
    let words = "Projet de réponse au préfet: saffron-harbor-6120";

    let (handle, _events) = alice.core("default").await;
    handle.synced(Duration::from_secs(60)).await.expect("synced");
    handle.save_draft(&room, words).await.expect("kept");
    assert_eq!(handle.draft(&other).await.expect("read"), None, "drafts are per room");
    handle.shutdown().await.expect("shut down");

    let (handle, _events) = alice.core("default").await;
    assert_eq!(handle.draft(&room).await.expect("read").as_deref(), Some(words));
    handle.shutdown().await.expect("shut down");
    let found = files_containing(alice.data.path(), b"saffron-harbor-6120");
    assert!(found.is_empty(), "the draft in clear: {found:?}");

    let (handle, _events) = alice.core("default").await;
    handle.save_draft(&room, "  ").await.expect("forgotten");
    assert_eq!(handle.draft(&room).await.expect("read"), None, "an empty composer leaves none");
    handle.shutdown().await.expect("shut down");
}
