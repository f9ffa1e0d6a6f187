//! A notification service for the desktop tests: dunst on a test's own D-Bus session, keeping
//! every notification on screen until closed, and read back with `dunstctl`.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::{Display, Keyring};

pub struct Dunst {
    child: Child,
    env: Vec<(String, String)>,
}

impl Dunst {
    /// dunst on `session`'s bus, drawing on `display`; its config in `scratch`.
    pub fn start(session: &Keyring, display: &Display, scratch: &std::path::Path) -> Dunst {
        let config = scratch.join("dunstrc");
        std::fs::write(&config, "[global]\n    timeout = 0\n    history_length = 50\n")
            .expect("dunstrc");
        let mut env = session.env();
        env.push(("DISPLAY".into(), display.name.clone()));
        let child = Command::new("dunst")
            .arg("-config")
            .arg(&config)
            .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("dunst (Debian: apt-get install dunst)");
        Dunst { child, env }
    }

    /// What `dunstctl ARGS` prints.
    pub fn ctl(&self, args: &[&str]) -> String {
        let out = Command::new("dunstctl")
            .args(args)
            .envs(self.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .output()
            .expect("dunstctl");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// How many notifications are on screen.
    pub fn displayed(&self) -> String {
        self.ctl(&["count", "displayed"]).trim().to_owned()
    }

    /// Every notification shown so far (on screen and closed), as dunst's JSON.
    pub fn history(&self) -> String {
        self.ctl(&["history"])
    }

    /// Waits until `done` (a minute at most), or fails saying what was awaited.
    pub fn wait_for(&self, what: &str, done: &dyn Fn(&Dunst) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while !done(self) {
            assert!(Instant::now() < deadline, "{what}: {}", self.history());
            std::thread::sleep(Duration::from_millis(300));
        }
    }
}

impl Drop for Dunst {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
