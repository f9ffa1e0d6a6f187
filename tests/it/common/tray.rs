//! A tray for the desktop tests: a StatusNotifierWatcher of our own on a test's D-Bus session,
//! as a panel would run it. It records the icons that register, and clicks them and their
//! menus through the same calls a panel makes (`Activate`, dbusmenu's `GetLayout`, `Event`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use zbus::zvariant::{OwnedValue, Value};

use super::Keyring;

pub struct Tray {
    bus: zbus::blocking::Connection,
    items: Arc<Mutex<Vec<String>>>,
}

struct Watcher {
    items: Arc<Mutex<Vec<String>>>,
}

#[zbus::interface(name = "org.kde.StatusNotifierWatcher")]
impl Watcher {
    fn register_status_notifier_item(&self, service: String) {
        self.items.lock().unwrap().push(service);
    }

    fn register_status_notifier_host(&self, _service: String) {}

    #[zbus(property)]
    fn is_status_notifier_host_registered(&self) -> bool {
        true
    }

    #[zbus(property)]
    fn registered_status_notifier_items(&self) -> Vec<String> {
        self.items.lock().unwrap().clone()
    }

    #[zbus(property)]
    fn protocol_version(&self) -> i32 {
        0
    }
}

/// One entry of a dbusmenu layout: `(ia{sv}av)`.
type Layout = (i32, HashMap<String, OwnedValue>, Vec<OwnedValue>);

impl Tray {
    /// The watcher, on `session`'s bus.
    pub fn start(session: &Keyring) -> Tray {
        let address = session
            .env()
            .into_iter()
            .find(|(key, _)| key == "DBUS_SESSION_BUS_ADDRESS")
            .map(|(_, value)| value)
            .expect("a bus address");
        let items = Arc::new(Mutex::new(Vec::new()));
        let bus = zbus::blocking::connection::Builder::address(address.as_str())
            .expect("the test bus")
            .name("org.kde.StatusNotifierWatcher")
            .expect("the watcher's name")
            .serve_at("/StatusNotifierWatcher", Watcher { items: items.clone() })
            .expect("the watcher")
            .build()
            .expect("connect the watcher");
        Tray { bus, items }
    }

    /// The bus name of the first icon registered, waiting for one.
    pub fn item(&self) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(item) = self.items.lock().unwrap().first().cloned() {
                return item;
            }
            assert!(Instant::now() < deadline, "no icon registered with the tray");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// A property of the icon.
    pub fn property(&self, name: &str) -> OwnedValue {
        let proxy = zbus::blocking::Proxy::new(
            &self.bus,
            self.item(),
            "/StatusNotifierItem",
            "org.kde.StatusNotifierItem",
        )
        .expect("the icon");
        proxy.get_property::<OwnedValue>(name).expect("a property of the icon")
    }

    /// A left click on the icon.
    pub fn activate(&self) {
        self.bus
            .call_method(
                Some(self.item().as_str()),
                "/StatusNotifierItem",
                Some("org.kde.StatusNotifierItem"),
                "Activate",
                &(0_i32, 0_i32),
            )
            .expect("Activate");
    }

    /// The labels of the icon's menu, by entry id.
    pub fn menu(&self) -> Vec<(i32, String)> {
        let reply = self
            .bus
            .call_method(
                Some(self.item().as_str()),
                "/MenuBar",
                Some("com.canonical.dbusmenu"),
                "GetLayout",
                &(0_i32, -1_i32, Vec::<String>::new()),
            )
            .expect("GetLayout");
        let (_revision, (_, _, children)): (u32, Layout) =
            reply.body().deserialize().expect("a dbusmenu layout");
        children
            .into_iter()
            .filter_map(|child| {
                let (id, properties, _): Layout = child.try_into().ok()?;
                let label = properties.get("label")?;
                Some((id, String::try_from(label.try_clone().ok()?).ok()?))
            })
            .collect()
    }

    /// Clicks the menu entry whose label is `label`.
    pub fn click(&self, label: &str) {
        let menu = self.menu();
        let (id, _) = menu.iter().find(|(_, l)| l == label).unwrap_or_else(|| panic!("{menu:?}"));
        let data = OwnedValue::try_from(Value::from(0_i32)).expect("a value");
        self.bus
            .call_method(
                Some(self.item().as_str()),
                "/MenuBar",
                Some("com.canonical.dbusmenu"),
                "Event",
                &(*id, "clicked", data, 0_u32),
            )
            .expect("Event");
    }
}
