//! A ceiling on what the log file takes each day: the rotation keeps seven days, and each
//! day's file stops growing at [`DAILY_CAP`], with one line saying so, whatever a library in
//! an error loop writes. Seven days therefore never take more than seven times the cap.

use std::io::{self, Write};

use chrono::{NaiveDate, Utc};

/// The most a day's log file grows to.
pub const DAILY_CAP: u64 = 20 * 1024 * 1024;

/// A writer that passes bytes to `inner` until the day's total reaches `cap`.
pub struct Capped<W> {
    inner: W,
    cap: u64,
    day: Option<NaiveDate>,
    written: u64,
    today: fn() -> NaiveDate,
}

impl<W: Write> Capped<W> {
    /// `already` is what today's file held when the process started.
    pub fn new(inner: W, already: u64) -> Self {
        Self::with(inner, DAILY_CAP, already, || Utc::now().date_naive())
    }

    fn with(inner: W, cap: u64, already: u64, today: fn() -> NaiveDate) -> Self {
        Self { inner, cap, day: Some(today()), written: already, today }
    }
}

impl<W: Write> Write for Capped<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // The rotation opens a new file each UTC day; the count starts again with it.
        let today = (self.today)();
        if self.day != Some(today) {
            self.day = Some(today);
            self.written = 0;
        }
        if self.written >= self.cap {
            return Ok(buf.len());
        }
        self.written += buf.len() as u64;
        if self.written >= self.cap {
            let note = format!(
                "estafette: today's log reached {} MB; what follows is not kept until tomorrow\n",
                self.cap / (1024 * 1024)
            );
            self.inner.write_all(note.as_bytes())?;
            return Ok(buf.len());
        }
        self.inner.write_all(buf)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    static DAY: AtomicU32 = AtomicU32::new(1);

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, DAY.load(Ordering::Relaxed)).unwrap()
    }

    #[test]
    fn a_day_stops_at_its_cap_and_the_next_starts_again() {
        let mut capped = Capped::with(Vec::new(), 100, 0, day);
        for _ in 0..1000 {
            capped.write_all(b"the same error, again and again\n").unwrap();
        }
        let text = String::from_utf8(capped.inner.clone()).unwrap();
        assert!(text.len() < 100 + 120, "{} bytes", text.len());
        assert_eq!(text.matches("not kept until tomorrow").count(), 1, "{text}");
        DAY.store(2, Ordering::Relaxed);
        capped.write_all(b"a new day\n").unwrap();
        assert!(String::from_utf8(capped.inner).unwrap().ends_with("a new day\n"));
    }

    #[test]
    fn what_the_file_already_held_counts() {
        let mut capped = Capped::with(Vec::new(), 100, 100, || NaiveDate::MIN);
        capped.write_all(b"more").unwrap();
        assert!(capped.inner.is_empty());
    }
}
