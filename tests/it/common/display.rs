//! A real X display for the desktop tests: Xvfb on the first free display number, stopped when
//! the test is done, and screenshots of it with ImageMagick's `import`.

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
    /// room list's avatars are, its frame, filter and headings are not.
    fn coloured_pixels(&self, region: &str) -> usize {
        let output = Command::new("import")
            .args(["-display", &self.name, "-window", "root", "-crop", region, "png:-"])
            .output()
            .expect("run import");
        pixels_in_colour(&output.stdout)
    }
}

/// The pixels of a PNG whose channels differ by more than a grey's would.
fn pixels_in_colour(png: &[u8]) -> usize {
    let Ok(picture) = image::load_from_memory(png) else { return 0 };
    let coloured = |p: &image::Rgb<u8>| {
        let (high, low) = (p.0.iter().max().unwrap_or(&0), p.0.iter().min().unwrap_or(&0));
        high - low > 60
    };
    picture.into_rgb8().pixels().filter(|p| coloured(p)).count()
}

impl Drop for Display {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}
