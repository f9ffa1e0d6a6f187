//! The desktop benchmark of ../shared/BENCHMARKS.md, against the test Synapse seeded with
//! 200 rooms × 50 messages (5 rooms encrypted, their messages sent with real Megolm by another
//! account through Estafette's own command line); and a room of 50 photos scrolled top to
//! bottom. It prints figures and asserts none of them:
//!
//!     cargo test --release --test bench start -- --ignored --nocapture
//!     ESTAFETTE_BENCH_ROOMS=1000 cargo test --release --test bench start -- --ignored --nocapture
//!     cargo test --release --test bench photos -- --ignored --nocapture
//!     cargo test --release --test bench search -- --ignored --nocapture
//!
//! Run it in release mode: the figures of a debug build say little.

// A test's helpers panic on purpose: that is how a failure is reported (Cargo.toml [lints]
// deny these outside tests; clippy.toml exempts #[test] functions, not their helpers).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// The integration tests' fixtures; the benchmark uses a few of them.
#[allow(dead_code, unused_imports)]
#[path = "it/common/mod.rs"]
mod common;

use std::process::Child;
use std::time::{Duration, Instant};

use common::{Account, Display, Keyring, Synapse, User};

/// The account's shape: 200 rooms × 50 messages (5 encrypted), or with
/// `ESTAFETTE_BENCH_ROOMS=1000` the large account of BENCHMARKS.md, 1000 rooms × 10 messages
/// (10 encrypted). Returns (plain rooms, encrypted rooms, messages per room).
fn shape() -> (usize, usize, usize) {
    match std::env::var("ESTAFETTE_BENCH_ROOMS").as_deref() {
        Ok("1000") => (990, 10, 10),
        _ => (195, 5, 50),
    }
}

/// Words for messages that look like a team's conversation, varied so no two are alike.
const WORDS: &[&str] = &[
    "budget",
    "réunion",
    "demain",
    "note",
    "validation",
    "projet",
    "calendrier",
    "dossier",
    "ministère",
    "relecture",
    "version",
    "envoyé",
    "merci",
    "d'accord",
    "lundi",
    "préfecture",
];

fn sentence(room: usize, n: usize) -> String {
    let pick = |k: usize| WORDS[(room * 7 + n * 3 + k * 5) % WORDS.len()];
    format!("Message {n} : {} {} {} pour le {} ({room})", pick(0), pick(1), pick(2), pick(3))
}

fn json_string(text: &str) -> String {
    serde_json::Value::String(text.to_owned()).to_string()
}

/// The 195 rooms in clear, created and filled by the peer through the raw API, joined by the
/// measured account through the raw API too (no Estafette involved).
fn seed_plain(synapse: &Synapse, peer: &str, me: &str, my_id: &str) {
    let (plain_rooms, _, messages) = shape();
    for room in 0..plain_rooms {
        let preset = if room % 10 == 0 { "public_chat" } else { "private_chat" };
        let body = format!(
            r#"{{"name":"Salon {room:03}","preset":"{preset}","invite":[{}]}}"#,
            json_string(my_id)
        );
        let (status, answer) =
            synapse.call("POST", "/_matrix/client/v3/createRoom", Some(peer), &body);
        assert_eq!(status, 200, "{answer}");
        let value: serde_json::Value = serde_json::from_str(&answer).expect("createRoom JSON");
        let id = value["room_id"].as_str().expect("room id").to_owned();
        let (status, answer) =
            synapse.call("POST", &format!("/_matrix/client/v3/join/{id}"), Some(me), "{}");
        assert_eq!(status, 200, "{answer}");
        for n in 0..messages {
            let path = format!("/_matrix/client/v3/rooms/{id}/send/m.room.message/s{room}m{n}");
            let body =
                format!(r#"{{"msgtype":"m.text","body":{}}}"#, json_string(&sentence(room, n)));
            let (status, answer) = synapse.call("PUT", &path, Some(peer), &body);
            assert_eq!(status, 200, "{answer}");
        }
    }
}

/// The 5 encrypted rooms: created by the peer with Estafette, joined by the measured account
/// with Estafette, then filled with Megolm messages by the peer.
fn seed_encrypted(peer: &User, me: &User, my_id: &str) {
    let (_, encrypted_rooms, messages) = shape();
    for room in 0..encrypted_rooms {
        let name = format!("Chiffré {room}");
        let run = peer.run(&["create-room", "--name", &name, "--invite", my_id], "");
        let id = run.ok().stdout.trim().to_owned();
        me.run(&["join", &id], "").ok();
        for n in 0..messages {
            peer.run(&["send", &id, &sentence(1000 + room, n)], "").ok();
        }
    }
}

struct Sample {
    painted: Duration,
    milestones: String,
    rss_kb: u64,
    hwm_kb: u64,
    cpu: f64,
    cpu_at_paint: f64,
}

fn status_kb(pid: u32, key: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with(key)).unwrap_or_default();
    line.split_whitespace().nth(1).and_then(|v| v.parse().ok()).unwrap_or(0)
}

/// utime + stime of all the process's threads, in seconds.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which may hold spaces) start at ") ".
    let rest = stat.rsplit_once(") ").map(|(_, r)| r).unwrap_or_default();
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 =
        fields.get(11..13).map_or(0, |f| f.iter().filter_map(|v| v.parse::<u64>().ok()).sum());
    ticks as f64 / 100.0
}

/// Waits until rows of the room list are painted, seen on two polls, as BENCHMARKS.md says,
/// and returns the first of them: the moment the screen showed the rows, which the second
/// confirms. Each poll is a screenshot that takes 50–130 ms here, so counting until the
/// second one ends added a whole poll of the probe's own time to every start.
fn wait_painted(
    display: &Display,
    app: &mut Child,
    started: Instant,
    log: &dyn Fn() -> String,
) -> Duration {
    let mut first: Option<Duration> = None;
    loop {
        if display.room_rows_drawn() {
            match first {
                // A second poll in a row sees them: they were there at the first.
                Some(at) => return at,
                // On screen when this poll's screenshot was taken, at the latest as it returned.
                None => first = Some(started.elapsed()),
            }
        } else {
            first = None;
        }
        if let Some(status) = app.try_wait().expect("status") {
            panic!("the app exited ({status}); its log:\n{}", log());
        }
        assert!(started.elapsed() < Duration::from_secs(120), "never painted");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn startup_lines(user: &User) -> String {
    let log = user.log("default");
    let lines: Vec<&str> = log.lines().filter(|l| l.contains("startup")).collect();
    lines.join("\n")
}

/// One start of the app until its list is painted, then 30 s idle.
fn measure_start(user: &User, display: &Display, extra: &[(&str, &str)]) -> Sample {
    let mut env = vec![("DISPLAY", display.name.as_str())];
    env.extend_from_slice(extra);
    let started = Instant::now();
    let mut app = user.spawn(&[], &env);
    let painted = wait_painted(display, &mut app, started, &|| user.log("default"));
    let pid = app.id();
    let cpu_at_paint = cpu_seconds(pid);
    std::thread::sleep(Duration::from_secs(30));
    let sample = Sample {
        painted,
        milestones: startup_lines(user),
        rss_kb: status_kb(pid, "VmRSS"),
        hwm_kb: status_kb(pid, "VmHWM"),
        cpu: cpu_seconds(pid),
        cpu_at_paint,
    };
    // SIGTERM, as a desktop session ending would: the app closes its stores.
    terminate(pid);
    let _ = app.wait();
    sample
}

fn terminate(pid: u32) {
    let _ = std::process::Command::new("kill").arg(pid.to_string()).status();
}

fn print(label: &str, sample: &Sample) {
    println!("== {label}");
    println!("room list painted after: {:.3} s (pixel probe)", sample.painted.as_secs_f64());
    println!("CPU time until painted:  {:.2} s", sample.cpu_at_paint);
    println!(
        "30 s later: VmRSS {} MB, VmHWM {} MB, CPU {:.2} s",
        sample.rss_kb / 1024,
        sample.hwm_kb / 1024,
        sample.cpu
    );
    println!("log milestones:\n{}", sample.milestones);
}

#[test]
#[ignore = "a benchmark: run with --ignored --nocapture, in release mode"]
fn start_and_memory() {
    let synapse = Synapse::shared();
    let keyring = Keyring::shared();
    let (me, my_token) = synapse.register_with_token("bench");
    let (peer, peer_token) = synapse.register_with_token("peer");
    let seeding = Instant::now();
    seed_plain(synapse, &peer_token, &my_token, &me.user_id);
    let (mine, theirs) = (User::new(Some(keyring)), User::new(Some(keyring)));
    mine.login(synapse, &me, &[]);
    theirs.login(synapse, &peer, &[]);
    seed_encrypted(&theirs, &mine, &me.user_id);
    // The measured account syncs once more, receiving the room keys of those messages.
    mine.run(&["rooms", "--json"], "").ok();
    println!("seeded in {:.0} s", seeding.elapsed().as_secs_f64());

    let display = Display::start();
    let warm = measure_start(&mine, &display, &[]);
    let (plain, encrypted, _) = shape();
    print(&format!("warm start (cached session, {} rooms)", plain + encrypted), &warm);
    let again = measure_start(&mine, &display, &[]);
    print("warm start, second run", &again);

    cold_login(synapse, keyring, &display, &me);
}

/// A fresh profile: the password typed into the login screen, until the whole list is in.
fn cold_login(synapse: &Synapse, keyring: &Keyring, display: &Display, account: &Account) {
    let user = User::new(Some(keyring));
    let started = Instant::now();
    let mut app = user.spawn(&[], &[("DISPLAY", &display.name)]);
    // The login form opens with the Matrix ID focused; Tab moves to the next field (a beat
    // later: the focus moves on the app's next update, as it does for a person typing).
    let xdotool = |args: &[&str]| {
        display.xdotool(args);
        std::thread::sleep(Duration::from_millis(300));
    };
    for (field, key) in
        [(&account.user_id, "Tab"), (&synapse.url, "Tab"), (&account.password, "Return")]
    {
        xdotool(&["type", "--delay", "20", field]);
        xdotool(&["key", key]);
    }
    let submitted = started.elapsed();
    let first_rows = wait_painted(display, &mut app, started, &|| user.log("default")) - submitted;
    let deadline = Instant::now() + Duration::from_secs(180);
    while !user.log("default").contains("milestone=\"room-list-complete\"") {
        assert!(Instant::now() < deadline, "no complete room list:\n{}", user.log("default"));
        std::thread::sleep(Duration::from_millis(20));
    }
    let complete = started.elapsed() - submitted;
    std::thread::sleep(Duration::from_secs(30));
    let pid = app.id();
    println!("== cold login (typed at {:.1} s)", submitted.as_secs_f64());
    println!("submit → first rows painted: {:.2} s (pixel probe)", first_rows.as_secs_f64());
    println!("submit → room list complete: {:.2} s", complete.as_secs_f64());
    println!(
        "30 s later: VmRSS {} MB, VmHWM {} MB, CPU {:.2} s",
        status_kb(pid, "VmRSS") / 1024,
        status_kb(pid, "VmHWM") / 1024,
        cpu_seconds(pid)
    );
    println!("log milestones:\n{}", startup_lines(&user));
    terminate(pid);
    let _ = app.wait();
}

/// How many photos the photo room holds, and how many wheel notches scroll through it.
const PHOTOS: usize = 50;
const NOTCHES: usize = 40;

/// The highest VmRSS seen while `work` runs, sampled between its steps.
struct Peak(u64);

impl Peak {
    fn sample(&mut self, pid: u32) {
        self.0 = self.0.max(status_kb(pid, "VmRSS"));
    }
}

/// A room of 50 photos (1–3 MB JPEGs, sent with their thumbnails through Estafette's command
/// line, encrypted) opened in the window and scrolled to its first photo and back down.
#[test]
#[ignore = "a benchmark: run with --ignored --nocapture, in release mode"]
fn photos_scrolled() {
    let synapse = Synapse::shared();
    let keyring = Keyring::shared();
    let (mine, theirs) = (User::new(Some(keyring)), User::new(Some(keyring)));
    let me = synapse.register("viewer");
    mine.login(synapse, &me, &[]);
    theirs.login(synapse, &synapse.register("photographer"), &[]);
    let create = ["create-room", "--name", "Photos du chantier", "--invite", &me.user_id];
    let room = theirs.run(&create, "").ok().stdout.trim().to_owned();
    mine.run(&["join", &room], "").ok();
    let seeding = Instant::now();
    let folder = tempfile::tempdir().expect("temp dir");
    let mut sizes = Vec::new();
    for n in 0..PHOTOS {
        let (width, height) = (1400 + (n as u32 % 5) * 150, 1050 + (n as u32 % 3) * 225);
        let name = format!("IMG_{n:04}.jpg");
        sizes.push(common::media::photo(folder.path(), &name, width, height, n as u8).len());
        let path = folder.path().join(&name).display().to_string();
        theirs.run(&["send", &room, "--file", &path], "").ok();
    }
    mine.run(&["rooms", "--json"], "").ok();
    let (smallest, largest) = (sizes.iter().min().unwrap(), sizes.iter().max().unwrap());
    println!(
        "{PHOTOS} photos of {:.1}–{:.1} MB sent in {:.0} s",
        *smallest as f64 / 1e6,
        *largest as f64 / 1e6,
        seeding.elapsed().as_secs_f64()
    );

    let display = Display::start();
    let started = Instant::now();
    // The allocator's and the renderer's settings of this shell go to the app, to compare them.
    let tuning: Vec<(String, String)> = std::env::vars()
        .filter(|(key, _)| key.starts_with("MALLOC_") || key.starts_with("ICED_"))
        .collect();
    let mut env: Vec<(&str, &str)> = vec![("DISPLAY", &display.name)];
    env.extend(tuning.iter().map(|(key, value)| (key.as_str(), value.as_str())));
    let mut app = mine.spawn(&[], &env);
    wait_painted(&display, &mut app, started, &|| mine.log("default"));
    let pid = app.id();
    let before = status_kb(pid, "VmRSS");
    display.xdotool(&["key", "ctrl+k"]);
    display.xdotool(&["type", "--delay", "30", "Photos"]);
    display.xdotool(&["key", "Return"]);
    std::thread::sleep(Duration::from_secs(5));
    let opened = status_kb(pid, "VmRSS");
    let mut peak = Peak(opened);
    let cpu = cpu_seconds(pid);
    let scrolling = Instant::now();
    display.xdotool(&["mousemove", "800", "400"]);
    // Up to the first photo (the timeline pages back as it goes), then down to the newest; a
    // pause between bursts lets the pictures that came into view be fetched and decoded.
    for button in ["4", "5"] {
        for _ in 0..PHOTOS * 6 / NOTCHES {
            let notches = NOTCHES.to_string();
            display.xdotool(&["click", "--repeat", &notches, "--delay", "15", button]);
            std::thread::sleep(Duration::from_millis(700));
            peak.sample(pid);
        }
    }
    let scrolled = scrolling.elapsed();
    let busy = cpu_seconds(pid) - cpu;
    std::thread::sleep(Duration::from_secs(10));
    let shot = common::target_dir().join("test-artefacts").join("bench-photos.png");
    let _ = std::fs::create_dir_all(shot.parent().expect("folder"));
    display.screenshot(&shot);
    println!("== {PHOTOS} photos scrolled up and down ({:.0} s)", scrolled.as_secs_f64());
    println!("VmRSS: list painted {} MB, room open {} MB", before / 1024, opened / 1024);
    println!("VmRSS while scrolling: peak {} MB", peak.0 / 1024);
    println!(
        "10 s after: VmRSS {} MB, VmHWM {} MB; CPU while scrolling {:.1} s; last screen {}",
        status_kb(pid, "VmRSS") / 1024,
        status_kb(pid, "VmHWM") / 1024,
        busy,
        shot.display()
    );
    terminate(pid);
    let _ = app.wait();
}

/// The search index alone, over 100 000 messages of French and English office chat with
/// real-sized event ids (44 characters, as Synapse makes them): time to index, size on disk
/// against the messages' text, and query latency for one and three words. The crawler over a
/// seeded Synapse is `search_crawl`; the window's frame times while it runs are not measured.
#[test]
#[ignore = "a benchmark: run with --ignored --nocapture, in release mode"]
fn search_index() {
    use estafette::search::{Change, Index, Message};
    const WORDS: &str = "le la les un une des réunion budget projet équipe demain jeudi vendredi \
        dossier ministère rapport envoyer valider merci bonjour document version finale comité \
        préfecture agents service public données sécurité message réseau ordinateur portable mise \
        à jour serveur accès compte the meeting report draft review tomorrow please send thanks \
        agenda minutes policy deadline été hiver printemps élève numéro téléphone après avant \
        pendant toujours jamais souvent nous vous ils elles avec sans pour contre chez";
    let words: Vec<&str> = WORDS.split_whitespace().collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let dir = tempfile::tempdir().unwrap();
    let pid = std::process::id();
    let rss_before = status_kb(pid, "VmRSS");
    let index = Index::open(dir.path(), &[7; 32]).unwrap();
    let (count, mut raw, mut batch) = (100_000, 0usize, Vec::new());
    let started = Instant::now();
    for n in 0..count {
        let length = 4 + (next() % 16) as usize;
        let body: Vec<&str> =
            (0..length).map(|_| words[(next() % words.len() as u64) as usize]).collect();
        let body = body.join(" ");
        raw += body.len();
        let id = format!("${:016x}{:016x}{:011x}", next(), next(), next() & 0xfff_ffff_ffff);
        let room = format!("!{:018x}:bench.localhost", n % 200);
        let sender = format!("@agent{}:bench.localhost", n % 50);
        let sent = 1_700_000_000_000 + n as i64;
        batch.push(Change::Put(Message { id, room, sender, sent, version: sent, body }));
        // The crawler's pages are a hundred events.
        if batch.len() == 100 {
            index.apply(&batch, Some("{}")).unwrap();
            batch.clear();
        }
    }
    let took = started.elapsed();
    let rss_after = status_kb(pid, "VmRSS");
    let size: u64 =
        common::files_under(dir.path()).iter().map(|f| f.metadata().unwrap().len()).sum();
    println!(
        "indexed {count} messages in {:.1} s ({:.0} messages/s); text {:.1} MB, index {:.1} MB \
         on disk ({:.2} × the text); RSS +{} MB",
        took.as_secs_f64(),
        f64::from(count) / took.as_secs_f64(),
        raw as f64 / 1e6,
        size as f64 / 1e6,
        size as f64 / raw as f64,
        rss_after.saturating_sub(rss_before) / 1024,
    );
    for query in ["réunion", "deadline", "budget projet ministère", "rapport préfecture jeudi"] {
        let mut times: Vec<Duration> = (0..200)
            .map(|_| {
                let at = Instant::now();
                std::hint::black_box(index.search(query, None, 50).unwrap());
                at.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "query {query:?}: median {:.2} ms, p95 {:.2} ms",
            times[100].as_secs_f64() * 1e3,
            times[190].as_secs_f64() * 1e3
        );
    }
}

/// `ESTAFETTE_BENCH_BESIDE`, a shell command started as the crawl starts, with the crawler's
/// pid in `ESTAFETTE_BENCH_WHILE`: the frame benchmark, to measure frames beside a crawl.
fn beside(crawler: u32) -> Option<Child> {
    let command = std::env::var("ESTAFETTE_BENCH_BESIDE").ok()?;
    let child = std::process::Command::new("sh")
        .args(["-c", &command])
        .env("ESTAFETTE_BENCH_WHILE", crawler.to_string())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("the command beside the crawl");
    Some(child)
}

/// The crawler against a seeded Synapse: `ESTAFETTE_BENCH_CRAWL` messages (100 000 unless
/// set) in 20 rooms, written in clear through the raw API by four writers at once (Megolm
/// through Estafette would take hours to seed; the crawler's decryption is not in these
/// figures). Then `estafette search` for the measured account, which reads every room's
/// history back to its start and indexes it with no pauses: time to crawl, the peak RSS of
/// that process while it crawls, the index on disk against the text, and a search once the
/// index is complete (the whole process, started and stopped). The frame times beside it:
///
///     ESTAFETTE_BENCH_BESIDE="target/release/deps/estafette-… frames_while_scrolling_a_room_of_ten \
///         --ignored --nocapture" cargo test --release --locked --test bench search_crawl -- …
#[test]
#[ignore = "a benchmark: run with --ignored --nocapture, in release mode"]
fn search_crawl() {
    const ROOMS: usize = 20;
    let count: usize =
        std::env::var("ESTAFETTE_BENCH_CRAWL").ok().and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let synapse = Synapse::shared();
    let (me, my_token) = synapse.register_with_token("crawled");
    let (_, peer_token) = synapse.register_with_token("archivist");
    let seeding = Instant::now();
    let mut rooms = Vec::new();
    for room in 0..ROOMS {
        let body = format!(
            r#"{{"name":"Archives {room:02}","preset":"private_chat","invite":[{}]}}"#,
            json_string(&me.user_id)
        );
        let (status, answer) =
            synapse.call("POST", "/_matrix/client/v3/createRoom", Some(&peer_token), &body);
        assert_eq!(status, 200, "{answer}");
        let value: serde_json::Value = serde_json::from_str(&answer).expect("createRoom JSON");
        let id = value["room_id"].as_str().expect("room id").to_owned();
        let path = format!("/_matrix/client/v3/join/{id}");
        assert_eq!(synapse.call("POST", &path, Some(&my_token), "{}").0, 200);
        rooms.push(id);
    }
    let text: usize = std::thread::scope(|scope| {
        let writers: Vec<_> = (0..4)
            .map(|writer| {
                let (rooms, token) = (&rooms, &peer_token);
                scope.spawn(move || {
                    let mut text = 0;
                    for n in (writer..count).step_by(4) {
                        let room = n % ROOMS;
                        let body = sentence(room, n);
                        text += body.len();
                        let path = format!(
                            "/_matrix/client/v3/rooms/{}/send/m.room.message/c{n}",
                            rooms[room]
                        );
                        let json =
                            format!(r#"{{"msgtype":"m.text","body":{}}}"#, json_string(&body));
                        let (status, answer) = synapse.call("PUT", &path, Some(token), &json);
                        assert_eq!(status, 200, "{answer}");
                    }
                    text
                })
            })
            .collect();
        writers.into_iter().map(|w| w.join().expect("a writer")).sum()
    });
    println!(
        "{count} messages in {ROOMS} rooms written in {:.0} s ({:.1} MB of text)",
        seeding.elapsed().as_secs_f64(),
        text as f64 / 1e6
    );

    let mine = User::new(Some(Keyring::shared()));
    mine.login(synapse, &me, &[]);
    let crawling = Instant::now();
    let mut search = mine.spawn(&["search", "réunion", "--limit", "5"], &[]);
    let beside = beside(search.id());
    let mut peak = Peak(0);
    while search.try_wait().expect("the crawl's state").is_none() {
        peak.sample(search.id());
        std::thread::sleep(Duration::from_millis(100));
    }
    let crawled = crawling.elapsed();
    if let Some(beside) = beside {
        let output = beside.wait_with_output().expect("the command beside the crawl");
        println!("== beside the crawl:\n{}", String::from_utf8_lossy(&output.stdout).trim_end());
    }
    assert!(search.wait().expect("status").success(), "the crawl failed");
    let index = mine.profile_dir("default").join("data/search");
    let size: u64 = common::files_under(&index).iter().map(|f| f.metadata().unwrap().len()).sum();
    println!(
        "crawled and indexed in {:.1} s ({:.0} messages/s); peak RSS while crawling {} MB; \
         index {:.1} MB on disk ({:.2} × the text)",
        crawled.as_secs_f64(),
        count as f64 / crawled.as_secs_f64(),
        peak.0 / 1024,
        size as f64 / 1e6,
        size as f64 / text as f64
    );
    let mut times: Vec<Duration> = (0..10)
        .map(|_| {
            let at = Instant::now();
            mine.run(&["search", "budget", "projet", "ministère"], "").ok();
            at.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "'estafette search' of three words, index complete (whole process): median {:.0} ms, \
         max {:.0} ms",
        times[5].as_secs_f64() * 1e3,
        times[9].as_secs_f64() * 1e3
    );
    // What any command costs as a whole process (start, keychain, first sync), to set it apart.
    let mut times: Vec<Duration> = (0..10)
        .map(|_| {
            let at = Instant::now();
            mine.run(&["rooms"], "").ok();
            at.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "'estafette rooms' beside it (whole process): median {:.0} ms",
        times[5].as_secs_f64() * 1e3
    );
}
