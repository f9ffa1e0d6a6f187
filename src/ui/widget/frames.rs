//! The frame-time benchmark of a long room: the real room pane with 10 000 messages, scrolled
//! back from the newest by the mouse wheel, each frame measured as the app makes it (rebuild
//! the view after the scroll message, lay it out, handle the wheel, draw, rasterise on the CPU
//! with tiny-skia); and a room of 50 photos (1–3 MB JPEGs, drawn from 800 px thumbnails as the
//! timeline draws them). It prints figures and asserts none:
//!
//!     cargo test --release --lib frames -- --ignored --nocapture
//!
//! With `ESTAFETTE_BENCH_WHILE=PID`, the long room is scrolled again and again until that
//! process ends, and every frame counts: the frame times beside a crawl.

use std::time::{Duration, Instant};

use iced_test::core::renderer::{Headless, Style};
use iced_test::core::widget::operation::scrollable::{AbsoluteOffset, scroll_by};
use iced_test::core::{Event, Pixels, Point, Size, clipboard, mouse, window};
use iced_test::runtime::UserInterface;
use iced_test::runtime::user_interface::Cache;

use crate::model::{ChatMessage, Reply, Trust};
use crate::ui::panel::room::{Message, RoomPane, Scroll, TIMELINE};
use crate::ui::panel::room_list::tests::room;
use crate::ui::widget::style;

const MESSAGES: usize = 10_000;
const FRAMES: usize = 400;
/// One notch of a wheel in pixels, as a touchpad sends them.
const WHEEL: f32 = 240.0;

fn message(n: usize) -> ChatMessage {
    let words = "le dossier budget est prêt pour la réunion de lundi à la préfecture merci";
    let length = 4 + (n * 7) % 40;
    let body: Vec<&str> = words.split(' ').cycle().skip(n % 9).take(length).collect();
    ChatMessage {
        event_id: Some(format!("$event{n}")),
        local_id: None,
        sender: format!("@user{}:example.org", n % 7),
        sender_name: Some(format!("Agent {}", n % 7)),
        sender_ambiguous: false,
        ts: 1_760_000_000_000 + n as u64 * 90_000,
        body: Some(body.join(" ")),
        formatted: None,
        attachment: None,
        happening: None,
        encrypted: true,
        highlighted: false,
        trust: if n.is_multiple_of(5) { Trust::Verified } else { Trust::Encrypted },
        edited: n.is_multiple_of(13),
        reply_to: (n.is_multiple_of(11)).then(|| Reply {
            event_id: format!("$event{}", n.saturating_sub(1)),
            sender: Some("Agent 1".into()),
            excerpt: Some("le dossier budget".into()),
        }),
        thread_root: None,
        thread_replies: 0,
        reactions: if n.is_multiple_of(6) {
            vec![("👍".into(), vec!["Agent 2".into()])]
        } else {
            vec![]
        },
        reacted: Vec::new(),
        read_by: Vec::new(),
        own: n.is_multiple_of(7),
        send_state: None,
    }
}

fn load_fonts() {
    let mut fonts = iced_test::renderer::graphics::text::font_system().write().expect("fonts");
    for font in [crate::ui::FONT_REGULAR, crate::ui::FONT_BOLD, crate::ui::FONT_EMOJI] {
        fonts.load_font(font.into());
    }
}

/// Frame times of the pane scrolled up `frames` wheel notches; and the first frame alone.
fn measure(pane: &mut RoomPane, frames: usize) -> (Duration, Vec<Duration>) {
    let mut renderer = futures_executor(iced_test::renderer::Renderer::new(
        style::UI,
        Pixels(16.0),
        Some("tiny-skia"),
    ))
    .expect("a CPU renderer");
    let size = Size::new(800.0, 640.0);
    let theme = iced::Theme::Light;
    let cursor = mouse::Cursor::Available(Point::new(400.0, 320.0));
    let mut cache = Cache::default();
    let mut pending: Vec<f32> = Vec::new();
    let mut times = Vec::new();
    for frame in 0..=frames {
        let start = Instant::now();
        let mut ui = UserInterface::build(pane.view(), size, cache, &mut renderer);
        for pixels in pending.drain(..) {
            let offset = AbsoluteOffset { x: 0.0, y: pixels };
            ui.operate(&renderer, &mut scroll_by(TIMELINE.into(), offset));
        }
        let mut out: Vec<Message> = Vec::new();
        let wheel = mouse::Event::WheelScrolled {
            delta: mouse::ScrollDelta::Pixels { x: 0.0, y: if frame == 0 { 0.0 } else { WHEEL } },
        };
        let redraw = Event::Window(window::Event::RedrawRequested(Instant::now()));
        let _ = ui.update(
            &[Event::Mouse(wheel), redraw],
            cursor,
            &mut renderer,
            &mut clipboard::Null,
            &mut out,
        );
        ui.draw(&mut renderer, &theme, &Style { text_color: theme.palette().text }, cursor);
        let _pixels = renderer.screenshot(Size::new(800, 640), 1.0, theme.palette().background);
        cache = ui.into_cache();
        for message in out {
            if let Some(crate::ui::panel::room::Event::Scroll(Scroll::By(pixels))) =
                pane.update(message)
            {
                pending.push(pixels);
            }
        }
        times.push(start.elapsed());
    }
    let first = times.remove(0);
    (first, times)
}

fn futures_executor<F: std::future::Future>(future: F) -> F::Output {
    iced_test::futures::futures::executor::block_on(future)
}

fn report(label: &str, first: Duration, mut times: Vec<Duration>) {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize].as_secs_f64() * 1000.0;
    let late = times.iter().filter(|time| time.as_secs_f64() > 0.008).count();
    println!(
        "{label}: first frame {:.1} ms; scrolling {} frames: median {:.2} ms, p95 {:.2} ms, \
         max {:.2} ms; {late} over 8 ms",
        first.as_secs_f64() * 1000.0,
        times.len(),
        at(0.5),
        at(0.95),
        at(1.0),
    );
}

/// The room pane holding the `MESSAGES`, at the newest.
fn long_room() -> RoomPane {
    let mut pane = RoomPane::new(&room("!big", "Archives", true, false), false);
    pane.set_messages((0..MESSAGES).map(message).collect());
    pane
}

#[test]
#[ignore = "a benchmark: run it in release mode, it prints figures"]
fn frames_while_scrolling_a_room_of_ten_thousand_messages() {
    load_fonts();
    let mut pane = long_room();
    let (first, mut times) = measure(&mut pane, FRAMES);
    let laid_out = pane.laid_out();
    // Beside another process (the crawler of `tests/bench.rs`'s search_crawl): the same
    // scrolling again from the newest, round after round, for as long as that process lives.
    let beside =
        std::env::var("ESTAFETTE_BENCH_WHILE").ok().and_then(|pid| pid.parse::<u32>().ok());
    let mut rounds = 1;
    while let Some(pid) = beside
        && std::path::Path::new(&format!("/proc/{pid}")).exists()
    {
        times.extend(measure(&mut long_room(), FRAMES).1);
        rounds += 1;
    }
    if let Some(pid) = beside {
        println!("{rounds} rounds of scrolling measured while process {pid} ran");
    }
    report("windowed timeline", first, times);
    println!(
        "rows laid out at the end: {} of {MESSAGES} (rows {}..{})",
        laid_out.len(),
        laid_out.start,
        laid_out.end
    );
}

const PHOTOS: usize = 50;

/// A photo of 1–3 MB as a phone takes it, different for each `n`, as its JPEG bytes.
fn photo(n: usize) -> Vec<u8> {
    let (width, height) = (1400 + (n as u32 % 5) * 150, 1050 + (n as u32 % 3) * 225);
    let seed = (n * 37) as u32;
    let pixels = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([((x + seed) % 251) as u8, (y % 241) as u8, ((x * y + seed) % 239) as u8])
    });
    let mut bytes = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 92);
    pixels.write_with_encoder(encoder).expect("encode the photo");
    bytes
}

fn photo_message(n: usize, width: u32, height: u32) -> ChatMessage {
    ChatMessage {
        body: Some(format!("IMG_{n:04}.jpg")),
        attachment: Some(crate::model::attachment::Attachment {
            name: format!("IMG_{n:04}.jpg"),
            size: Some(2_000_000),
            mime: Some("image/jpeg".into()),
            kind: crate::model::attachment::AttachmentKind::Image,
            dimensions: Some((width, height)),
            thumbnail_encrypted: Some(true),
            upload: None,
        }),
        reactions: Vec::new(),
        reply_to: None,
        ..message(n)
    }
}

#[test]
#[ignore = "a benchmark: run it in release mode, it prints figures"]
fn frames_while_scrolling_a_room_of_fifty_photos() {
    use crate::model::picture::{preview, thumbnail};
    use crate::ui::panel::gallery;
    use crate::ui::panel::pictures::{INLINE_HEIGHT, INLINE_WIDTH};
    load_fonts();
    let mut pane = RoomPane::new(&room("!photos", "Chantier", true, false), false);
    let photos: Vec<Vec<u8>> = (0..PHOTOS).map(photo).collect();
    let sizes: Vec<usize> = photos.iter().map(Vec::len).collect();
    let mut messages = Vec::new();
    let mut decoding = Duration::ZERO;
    let mut previews = Vec::new();
    for (n, bytes) in photos.iter().enumerate() {
        let started = Instant::now();
        let full = crate::model::picture::decode(bytes).expect("decode");
        messages.push(photo_message(n, full.width(), full.height()));
        // As the sender's app made it, and as this one draws it: the 800 px thumbnail,
        // decoded to the inline size.
        let small = thumbnail(bytes).expect("a thumbnail");
        previews.push(preview(&small.data, INLINE_WIDTH, INLINE_HEIGHT).expect("preview"));
        decoding += started.elapsed();
    }
    pane.set_messages(messages);
    for (n, picture) in previews.into_iter().enumerate() {
        let loaded = gallery::Message::Loaded(format!("$event{n}"), Ok(picture));
        let _ = pane.update(Message::Gallery(loaded));
    }
    let (first, times) = measure(&mut pane, 120);
    println!(
        "{PHOTOS} photos of {:.1}–{:.1} MB; thumbnail made and decoded in {:.0} ms each on average",
        *sizes.iter().min().unwrap_or(&0) as f64 / 1e6,
        *sizes.iter().max().unwrap_or(&0) as f64 / 1e6,
        decoding.as_secs_f64() * 1000.0 / PHOTOS as f64
    );
    report("timeline of photos", first, times);
}

/// One frame of `view` as the app makes it: build, lay out, draw, rasterise on the CPU.
fn one_frame<'a, M>(
    view: iced::Element<'a, M>,
    renderer: &mut iced_test::renderer::Renderer,
    size: Size,
) -> Duration {
    let started = Instant::now();
    let theme = iced::Theme::Light;
    let cursor = mouse::Cursor::Available(Point::new(10.0, 10.0));
    let mut ui = UserInterface::build(view, size, Cache::default(), renderer);
    ui.draw(renderer, &theme, &Style { text_color: theme.palette().text }, cursor);
    let _pixels = renderer.screenshot(
        Size::new(size.width as u32, size.height as u32),
        1.0,
        theme.palette().background,
    );
    started.elapsed()
}

/// This process's resident memory (Linux; 0 elsewhere).
fn rss_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|line| line.starts_with("VmRSS:")).unwrap_or_default();
    line.split_whitespace().nth(1).and_then(|kb| kb.parse().ok()).unwrap_or(0)
}

/// The member panel of a room of 2000: its first frame once the list is in, and a frame per
/// key typed in its filter, as BENCHMARKS.md asks (first paint ≤ 100 ms), and what it adds to
/// the resident memory.
#[test]
#[ignore = "a benchmark: run it in release mode, it prints figures"]
fn the_member_panel_of_a_room_of_two_thousand() {
    use crate::model::Membership;
    use crate::model::member::{Member, MemberActions, PersonTrust, Power, Role, RoomMembers};
    use crate::ui::panel::members::{self, MembersPanel};
    load_fonts();
    let mut renderer = futures_executor(iced_test::renderer::Renderer::new(
        style::UI,
        Pixels(16.0),
        Some("tiny-skia"),
    ))
    .expect("a CPU renderer");
    // Warmed up first: the renderer's own buffers are not the panel's memory.
    one_frame::<()>(iced::widget::text("").into(), &mut renderer, Size::new(380.0, 760.0));
    let rss_before = rss_kb();
    let people = (0..2000).map(|n| Member {
        user_id: format!("@agent{n}:ministere.gouv.fr"),
        name: Some(format!("Agent {n} Dupont")),
        membership: if n % 40 == 0 { Membership::Invited } else { Membership::Joined },
        avatar_url: None,
        power: Power::Level(if n < 3 { 100 } else { 0 }),
        role: Role::of(Power::Level(if n < 3 { 100 } else { 0 }), 0),
        trust: if n % 3 == 0 { PersonTrust::Verified } else { PersonTrust::Unverified },
        invited_by: (n % 40 == 0).then(|| "@agent1:ministere.gouv.fr".to_owned()),
        reason: None,
        me: n == 0,
        may: MemberActions {
            admit: false,
            kick: n >= 3,
            ban: n >= 3,
            unban: false,
            change_role: n >= 3,
        },
    });
    let mut list = RoomMembers {
        room_id: "!big:x".into(),
        members: people.collect(),
        my_power: Power::Level(100),
        default_level: 0,
        may_invite: true,
        may_call_room: false,
    };
    let size = Size::new(380.0, 760.0);
    let started = Instant::now();
    list.sort();
    let mut panel = MembersPanel::default();
    panel.update(members::Message::Loaded(list));
    let first = started.elapsed() + one_frame(panel.view(), &mut renderer, size);
    let mut typed = String::new();
    let mut keys = Vec::new();
    for key in "agent 1999".chars() {
        typed.push(key);
        let started = Instant::now();
        panel.update(members::Message::Filter(typed.clone()));
        keys.push(started.elapsed() + one_frame(panel.view(), &mut renderer, size));
    }
    let rss_after = rss_kb();
    let ms = |d: &Duration| format!("{:.1}", d.as_secs_f64() * 1000.0);
    println!("member panel, 2000 members: sorted and first frame in {} ms", ms(&first));
    println!(
        "VmRSS before the list {} kB, after the panel and the filter {} kB: +{} kB",
        rss_before,
        rss_after,
        rss_after.saturating_sub(rss_before)
    );
    println!(
        "a frame per key typed in the filter: {} ms",
        keys.iter().map(ms).collect::<Vec<_>>().join(", ")
    );
}
