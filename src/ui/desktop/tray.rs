//! The tray icon, so that Estafette keeps running with its window closed: a StatusNotifierItem
//! on the session bus (what KDE, GNOME's AppIndicator extension, XFCE and most panels show),
//! with its menu over `com.canonical.dbusmenu`: Open, Do not disturb, Quit. It shows whether
//! there is news (its status and tooltip) and never what the news is.
//!
//! zbus runs here with its own executor thread (the blocking API), never on tokio: zbus's
//! `tokio` feature once broke the keychain's Secret Service connection.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use iced::Subscription;
use iced::futures::channel::mpsc;
use zbus::object_server::SignalEmitter;
use zbus::zvariant::{OwnedObjectPath, OwnedValue, Type, Value};

use crate::fl;

/// What the tray tells the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrayEvent {
    /// Whether a tray shows the icon: without one, closing the window must quit.
    Ready(bool),
    /// Show the window (a click on the icon, or "Open").
    Open,
    /// Silence notifications for an hour, or end the silence.
    ToggleQuiet,
    Quit,
}

/// What the icon shows: how many rooms have news, and whether notifications are silenced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TrayState {
    pub unread: usize,
    pub quiet: bool,
}

const ITEM_PATH: &str = "/StatusNotifierItem";
const MENU_PATH: &str = "/MenuBar";
const WATCHER: &str = "org.kde.StatusNotifierWatcher";

/// The menu's entries, by the ids dbusmenu gives them (0 is the root).
const OPEN: i32 = 1;
const QUIET: i32 = 2;
const SEPARATOR: i32 = 3;
const QUIT: i32 = 4;

static STATE: Mutex<TrayState> = Mutex::new(TrayState { unread: 0, quiet: false });
static BUS: OnceLock<zbus::blocking::Connection> = OnceLock::new();
/// Bumped at each change of the menu's labels, as dbusmenu asks.
static REVISION: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

fn state() -> TrayState {
    *STATE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The tray, for as long as the app runs: its first event says whether a tray shows it.
pub fn subscription() -> Subscription<TrayEvent> {
    Subscription::run(start)
}

fn start() -> mpsc::UnboundedReceiver<TrayEvent> {
    let (sender, receiver) = mpsc::unbounded();
    std::thread::spawn(move || {
        let shown = match serve(sender.clone()) {
            Ok(shown) => shown,
            Err(error) => {
                tracing::info!(%error, "no tray: closing the window will quit");
                false
            }
        };
        let _ = sender.unbounded_send(TrayEvent::Ready(shown));
    });
    receiver
}

/// Puts the icon and its menu on the session bus and asks the panel's watcher to show it;
/// `false` when there is a watcher but no tray to show it.
fn serve(events: mpsc::UnboundedSender<TrayEvent>) -> zbus::Result<bool> {
    let name = format!("org.kde.StatusNotifierItem-{}-1", std::process::id());
    let bus = zbus::blocking::connection::Builder::session()?
        .name(name.as_str())?
        .serve_at(ITEM_PATH, Item { events: events.clone() })?
        .serve_at(MENU_PATH, Menu { events })?
        .build()?;
    bus.call_method(
        Some(WATCHER),
        "/StatusNotifierWatcher",
        Some(WATCHER),
        "RegisterStatusNotifierItem",
        &(name.as_str(),),
    )?;
    let proxy = zbus::blocking::Proxy::new(&bus, WATCHER, "/StatusNotifierWatcher", WATCHER)?;
    let host = proxy.get_property::<bool>("IsStatusNotifierHostRegistered").unwrap_or(true);
    let _ = BUS.set(bus);
    Ok(host)
}

/// Shows a new state: the panel hears of a new status, tooltip and menu labels.
pub fn show(new: TrayState) {
    {
        let mut kept = STATE.lock().unwrap_or_else(PoisonError::into_inner);
        if *kept == new {
            return;
        }
        *kept = new;
    }
    let Some(bus) = BUS.get() else { return };
    REVISION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let signalled = (|| -> zbus::Result<()> {
        let item = SignalEmitter::new(bus.inner(), ITEM_PATH)?;
        let menu = SignalEmitter::new(bus.inner(), MENU_PATH)?;
        zbus::block_on(async {
            Item::new_status(&item, status(new)).await?;
            Item::new_tool_tip(&item).await?;
            Item::new_icon(&item).await?;
            let revision = REVISION.load(std::sync::atomic::Ordering::Relaxed);
            Menu::layout_updated(&menu, revision, 0).await
        })
    })();
    if let Err(error) = signalled {
        tracing::debug!(%error, "the tray did not hear of the new state");
    }
}

fn status(state: TrayState) -> &'static str {
    if state.unread > 0 { "NeedsAttention" } else { "Active" }
}

/// The words under the pointer: that there is news, and how much, never from whom.
fn tooltip(state: TrayState) -> String {
    let mut words = if state.unread > 0 {
        fl!("tray-news", count = state.unread)
    } else {
        fl!("tray-nothing-new")
    };
    if state.quiet {
        words = format!("{words}\n{}", fl!("tray-quiet"));
    }
    words
}

/// A picture in the freedesktop form: width, height, ARGB bytes in network order.
type Pixmap = (i32, i32, Vec<u8>);

/// The icon drawn here, so it shows without an icon theme: a disc in Estafette's blue, with a
/// red dot when there is news.
fn pixmap(state: TrayState) -> Vec<Pixmap> {
    const SIDE: i32 = 32;
    let mut argb = Vec::with_capacity((SIDE * SIDE * 4) as usize);
    let centre = SIDE as f32 / 2.0;
    for y in 0..SIDE {
        for x in 0..SIDE {
            let (fx, fy) = (x as f32 + 0.5, y as f32 + 0.5);
            let inside = (fx - centre).hypot(fy - centre) <= centre - 1.0;
            let dot = state.unread > 0 && (fx - 25.0).hypot(fy - 7.0) <= 6.0;
            // A white baton across the disc: the relay the name is about.
            let baton = inside && ((fx - fy).abs() <= 2.5) && (8.0..=24.0).contains(&fx);
            let pixel: [u8; 4] = if dot {
                [255, 220, 38, 38]
            } else if baton {
                [255, 255, 255, 255]
            } else if inside {
                [255, 79, 70, 229]
            } else {
                [0, 0, 0, 0]
            };
            argb.extend_from_slice(&pixel);
        }
    }
    vec![(SIDE, SIDE, argb)]
}

/// The icon: `org.kde.StatusNotifierItem`.
struct Item {
    events: mpsc::UnboundedSender<TrayEvent>,
}

#[zbus::interface(name = "org.kde.StatusNotifierItem")]
impl Item {
    #[zbus(property)]
    fn category(&self) -> &str {
        "Communications"
    }

    #[zbus(property)]
    fn id(&self) -> &str {
        "estafette"
    }

    #[zbus(property)]
    fn title(&self) -> String {
        "Estafette".into()
    }

    #[zbus(property)]
    fn status(&self) -> &str {
        status(state())
    }

    #[zbus(property)]
    fn window_id(&self) -> i32 {
        0
    }

    #[zbus(property)]
    fn icon_name(&self) -> &str {
        crate::ui::APP_ID
    }

    #[zbus(property)]
    fn icon_pixmap(&self) -> Vec<Pixmap> {
        pixmap(state())
    }

    #[zbus(property)]
    fn attention_icon_pixmap(&self) -> Vec<Pixmap> {
        pixmap(state())
    }

    #[zbus(property)]
    fn tool_tip(&self) -> (String, Vec<Pixmap>, String, String) {
        (String::new(), Vec::new(), "Estafette".into(), tooltip(state()))
    }

    #[zbus(property)]
    fn item_is_menu(&self) -> bool {
        false
    }

    #[zbus(property)]
    fn menu(&self) -> OwnedObjectPath {
        OwnedObjectPath::try_from(MENU_PATH).unwrap_or_default()
    }

    fn activate(&self, _x: i32, _y: i32) {
        let _ = self.events.unbounded_send(TrayEvent::Open);
    }

    fn secondary_activate(&self, _x: i32, _y: i32) {
        let _ = self.events.unbounded_send(TrayEvent::Open);
    }

    /// The panel draws the menu itself, from `Menu`.
    fn context_menu(&self, _x: i32, _y: i32) {}

    fn scroll(&self, _delta: i32, _orientation: &str) {}

    #[zbus(signal)]
    async fn new_status(emitter: &SignalEmitter<'_>, status: &str) -> zbus::Result<()>;

    #[zbus(signal)]
    async fn new_tool_tip(emitter: &SignalEmitter<'_>) -> zbus::Result<()>;

    #[zbus(signal)]
    async fn new_icon(emitter: &SignalEmitter<'_>) -> zbus::Result<()>;
}

/// One entry of the menu and those under it, as dbusmenu lays them out: `(ia{sv}av)`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, Type, Value, OwnedValue)]
struct Layout {
    id: i32,
    properties: HashMap<String, OwnedValue>,
    children: Vec<OwnedValue>,
}

/// The menu: `com.canonical.dbusmenu`.
struct Menu {
    events: mpsc::UnboundedSender<TrayEvent>,
}

/// A property value; only a file descriptor could fail, and none is made here.
fn value<'a>(value: impl Into<Value<'a>>) -> OwnedValue {
    value.into().try_to_owned().unwrap_or_else(|_| OwnedValue::from(0_i32))
}

/// The properties of entry `id`.
fn entry(id: i32) -> HashMap<String, OwnedValue> {
    let quiet = state().quiet;
    let mut properties = HashMap::new();
    let label = match id {
        OPEN => fl!("tray-open"),
        QUIET if quiet => fl!("tray-quiet-end"),
        QUIET => fl!("tray-quiet-hour"),
        QUIT => fl!("tray-quit"),
        SEPARATOR => {
            properties.insert("type".into(), value("separator"));
            return properties;
        }
        _ => {
            properties.insert("children-display".into(), value("submenu"));
            return properties;
        }
    };
    properties.insert("label".into(), value(label));
    if id == QUIET {
        properties.insert("toggle-type".into(), value("checkmark"));
        properties.insert("toggle-state".into(), value(i32::from(quiet)));
    }
    properties
}

fn layout() -> Layout {
    let leaf = |id| Layout { id, properties: entry(id), children: Vec::new() };
    let children = [OPEN, QUIET, SEPARATOR, QUIT]
        .into_iter()
        .filter_map(|id| OwnedValue::try_from(leaf(id)).ok())
        .collect();
    Layout { id: 0, properties: entry(0), children }
}

#[zbus::interface(name = "com.canonical.dbusmenu")]
impl Menu {
    fn get_layout(
        &self,
        parent_id: i32,
        _recursion_depth: i32,
        _property_names: Vec<String>,
    ) -> (u32, Layout) {
        let revision = REVISION.load(std::sync::atomic::Ordering::Relaxed);
        let whole = layout();
        if parent_id == 0 {
            return (revision, whole);
        }
        (revision, Layout { id: parent_id, properties: entry(parent_id), children: Vec::new() })
    }

    fn get_group_properties(
        &self,
        ids: Vec<i32>,
        _property_names: Vec<String>,
    ) -> Vec<(i32, HashMap<String, OwnedValue>)> {
        ids.into_iter().map(|id| (id, entry(id))).collect()
    }

    fn get_property(&self, id: i32, name: String) -> zbus::fdo::Result<OwnedValue> {
        entry(id).remove(&name).ok_or_else(|| zbus::fdo::Error::InvalidArgs(name))
    }

    fn event(&self, id: i32, event_id: String, _data: OwnedValue, _timestamp: u32) {
        if event_id != "clicked" {
            return;
        }
        let event = match id {
            OPEN => TrayEvent::Open,
            QUIET => TrayEvent::ToggleQuiet,
            QUIT => TrayEvent::Quit,
            _ => return,
        };
        let _ = self.events.unbounded_send(event);
    }

    fn event_group(&self, events: Vec<(i32, String, OwnedValue, u32)>) -> Vec<i32> {
        for (id, event_id, data, timestamp) in events {
            self.event(id, event_id, data, timestamp);
        }
        Vec::new()
    }

    fn about_to_show(&self, _id: i32) -> bool {
        false
    }

    fn about_to_show_group(&self, _ids: Vec<i32>) -> (Vec<i32>, Vec<i32>) {
        (Vec::new(), Vec::new())
    }

    #[zbus(property)]
    fn version(&self) -> u32 {
        3
    }

    #[zbus(property)]
    fn text_direction(&self) -> &str {
        "ltr"
    }

    #[zbus(property)]
    fn status(&self) -> &str {
        "normal"
    }

    #[zbus(property)]
    fn icon_theme_path(&self) -> Vec<String> {
        Vec::new()
    }

    #[zbus(signal)]
    async fn layout_updated(
        emitter: &SignalEmitter<'_>,
        revision: u32,
        parent: i32,
    ) -> zbus::Result<()>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_menu_offers_open_quiet_and_quit_and_the_quiet_entry_says_its_state() {
        let whole = layout();
        assert_eq!(whole.children.len(), 4);
        let labels: Vec<String> = [OPEN, QUIET, QUIT]
            .into_iter()
            .map(|id| String::try_from(entry(id).remove("label").unwrap()).unwrap())
            .collect();
        assert_eq!(labels, [fl!("tray-open"), fl!("tray-quiet-hour"), fl!("tray-quit")]);
        assert!(entry(SEPARATOR).contains_key("type"));
    }

    #[test]
    fn the_icon_marks_news_without_saying_more() {
        let calm = TrayState { unread: 0, quiet: false };
        let news = TrayState { unread: 3, quiet: true };
        assert_eq!((status(calm), status(news)), ("Active", "NeedsAttention"));
        assert_ne!(pixmap(calm), pixmap(news), "a dot for news");
        let words = tooltip(news);
        assert!(words.contains('3') && words.contains(&fl!("tray-quiet")), "{words}");
        let pictures = pixmap(calm);
        let [(32, 32, argb)] = pictures.as_slice() else { panic!("one 32×32 picture") };
        assert_eq!(argb.len(), 32 * 32 * 4);
    }
}
