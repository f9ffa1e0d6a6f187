//! A real X display for the desktop tests: Xvfb on the first free display number, stopped when
//! the test is done, screenshots of it with ImageMagick's `import`, and its pixels read directly.

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A virtual screen of 1280x800, like a small laptop.
pub struct Display {
    pub name: String,
    server: Child,
}

impl Display {
    pub fn start() -> Display {
        let mut server = Command::new("Xvfb")
            // Xvfb picks a free display number and writes it on this descriptor when ready.
            .args(["-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start Xvfb (Debian: apt-get install xvfb)");
        let mut number = String::new();
        BufReader::new(server.stdout.take().expect("Xvfb stdout"))
            .read_line(&mut number)
            .expect("read Xvfb's display number");
        assert!(!number.trim().is_empty(), "Xvfb did not start");
        Display { name: format!(":{}", number.trim()), server }
    }

    /// Saves the whole screen as a PNG.
    pub fn screenshot(&self, path: &Path) {
        let status = Command::new("import")
            .args(["-display", &self.name, "-window", "root"])
            .arg(path)
            .status()
            .expect("run import (Debian: apt-get install imagemagick)");
        assert!(status.success(), "screenshot failed");
    }

    /// Runs `xdotool` with `args` on the Estafette window, given the keyboard first (without
    /// a window manager, keys reach only the window that has the X input focus).
    pub fn xdotool(&self, args: &[&str]) {
        let status = Command::new("xdotool")
            .env("DISPLAY", &self.name)
            .args(["search", "--sync", "--name", "Estafette", "windowfocus", "--sync"])
            .args(args)
            .status()
            .expect("xdotool (Debian: apt-get install xdotool)");
        assert!(status.success(), "xdotool {args:?}");
    }

    /// Whether an Estafette window is on the screen (mapped, with its title).
    pub fn has_window(&self) -> bool {
        Command::new("xdotool")
            .env("DISPLAY", &self.name)
            .args(["search", "--onlyvisible", "--name", "Estafette"])
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|status| status.success())
    }

    /// Clicks the close button of the Estafette window, as a window manager does: the
    /// `WM_DELETE_WINDOW` message of ICCCM, which asks the program (xdotool's `windowclose`
    /// would destroy the window under it instead).
    pub fn close_window(&self) {
        use x11rb::protocol::xproto::{ClientMessageEvent, ConnectionExt as _, EventMask};
        let found = Command::new("xdotool")
            .env("DISPLAY", &self.name)
            .args(["search", "--onlyvisible", "--name", "Estafette"])
            .output()
            .expect("xdotool search");
        let text = String::from_utf8_lossy(&found.stdout);
        let window: u32 =
            text.lines().next().and_then(|l| l.trim().parse().ok()).expect("a window");
        let (conn, _) = x11rb::connect(Some(&self.name)).expect("connect to Xvfb");
        let atom = |name: &str| {
            conn.intern_atom(false, name.as_bytes()).expect("intern").reply().expect("atom").atom
        };
        let (protocols, delete) = (atom("WM_PROTOCOLS"), atom("WM_DELETE_WINDOW"));
        let event = ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
        // Checked, that is, a round trip: a connection closed right after its request can be
        // dropped by a busy server before it reads the request (seen under load).
        conn.send_event(false, window, EventMask::NO_EVENT, event)
            .expect("send the event")
            .check()
            .expect("the server took the event");
    }

    /// How many distinct colours a region `WxH+X+Y` of the screen has: one means nothing drawn.
    pub fn colours(&self, region: &str) -> usize {
        let output = Command::new("import")
            .args(["-display", &self.name, "-window", "root", "-crop", region])
            .args(["-format", "%k", "info:-"])
            .output()
            .expect("run import");
        String::from_utf8_lossy(&output.stdout).trim().parse().unwrap_or(0)
    }

    /// Whether rows of the room list are on screen: the column of its avatars, below its
    /// buttons, holds at least one avatar's worth of coloured pixels (its frame, filter,
    /// headings and "Loading…" are black, grey and white).
    pub fn room_rows_drawn(&self) -> bool {
        self.coloured_pixels("40x600+10+150") > 500
    }

    /// How many pixels of a region `WxH+X+Y` are in colour (not white, grey or black): the
    /// room list's avatars are, its frame, filter and headings are not. Read straight from the
    /// X server (one GetImage request, about a millisecond), not by a screenshot program: the
    /// benchmarks poll with it every 20 ms, and `import` took 50–130 ms of a core a poll, so
    /// it both delayed what it measured and competed for the CPU with the app.
    fn coloured_pixels(&self, region: &str) -> usize {
        use x11rb::connection::Connection as _;
        use x11rb::protocol::xproto::{ConnectionExt as _, ImageFormat};
        let [w, h, x, y] = parse_region(region);
        let (conn, screen) = x11rb::connect(Some(&self.name)).expect("connect to Xvfb");
        let root = conn.setup().roots[screen].root;
        let Ok(reply) = conn.get_image(ImageFormat::Z_PIXMAP, root, x as i16, y as i16, w, h, !0)
        else {
            return 0;
        };
        let Ok(image) = reply.reply() else { return 0 };
        // Depth 24 in 32-bit pixels: blue, green, red, padding.
        image.data.chunks_exact(4).filter(|p| in_colour(&p[..3])).count()
    }
}

/// `WxH+X+Y` as numbers.
fn parse_region(region: &str) -> [u16; 4] {
    let numbers: Vec<u16> =
        region.split(['x', '+']).map(|n| n.parse().expect("a region WxH+X+Y")).collect();
    let [w, h, x, y] = numbers[..] else { panic!("a region WxH+X+Y: {region}") };
    [w, h, x, y]
}

/// Whether a pixel's channels differ by more than a grey's would.
fn in_colour(channels: &[u8]) -> bool {
    let (high, low) = (channels.iter().max().unwrap_or(&0), channels.iter().min().unwrap_or(&0));
    high - low > 60
}

impl Drop for Display {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}
