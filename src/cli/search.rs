//! `estafette search`: brings the local index up to date, then prints what matches, best first
//! (with no index allowed, what the server's search finds in the rooms that are not encrypted).

use std::process::ExitCode;

use super::args::SearchArgs;
use super::core::with_core;
use super::output::{fail, json_lines, shown};
use crate::fl;
use crate::model::search::SearchHit;
use crate::policy::{Policy, SearchReach};
use crate::profile::Profile;

pub async fn search(profile: &Profile, policy: &Policy, args: SearchArgs) -> ExitCode {
    // Refused before anything starts: with the policy off, not even an empty index is made.
    let reach = match policy.search_reach() {
        Ok(reach) => reach,
        Err(refused) => return fail(&refused),
    };
    let query = args.query.join(" ");
    with_core(profile, policy, |handle| async move {
        if reach == SearchReach::Index {
            let before = handle.index_progress().await;
            if !before.complete() {
                let (done, rooms) = (before.rooms_done, before.rooms);
                complain!("{}", fl!("search-indexing", done = done, rooms = rooms));
            }
            handle.index_everything().await?;
        } else {
            complain!("{}", fl!("search-server-only"));
        }
        let hits = handle.search(&query, args.room.as_deref(), args.limit).await?;
        if args.json {
            return Ok(json_lines(hits.iter()));
        }
        if hits.is_empty() {
            complain!("{}", fl!("search-nothing", query = shown(&query)));
        }
        let today = crate::model::time::today();
        for hit in &hits {
            say!("{}", line(hit, today));
        }
        Ok(ExitCode::SUCCESS)
    })
    .await
}

/// `moment  room  sender: text`, the words found between « ».
fn line(hit: &SearchHit, today: chrono::NaiveDate) -> String {
    let text: String = hit
        .runs()
        .into_iter()
        .map(|(run, marked)| if marked { format!("«{run}»") } else { run.to_owned() })
        .collect();
    let sender = hit.sender_name.as_deref().unwrap_or(&hit.sender_id);
    format!(
        "{}  {}  {}: {}  ({})",
        crate::model::time::moment(hit.sent, today),
        shown(&hit.room_name),
        shown(sender),
        shown(&text),
        hit.event_id
    )
}
