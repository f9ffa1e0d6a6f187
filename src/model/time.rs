//! When a message was sent, as a person reads it: a clock time, and a day heading that says
//! "Today" or "Yesterday" before it says a date. Timestamps come from servers and can be
//! anything a hostile one sends; one outside the calendar reads as "date unknown", never as a
//! panic (chrono's local-time conversions abort on instants near the end of its range).

use chrono::{DateTime, Datelike, Local, NaiveDate, TimeZone};

use crate::fl;

/// The last instant shown as a date: the end of the year 9999, milliseconds since the epoch.
/// Far enough from chrono's limits that no time zone offset can overflow a conversion.
const LAST_SHOWN_MS: u64 = 253_402_300_799_999;

/// The local date of a server timestamp (milliseconds since the epoch); `None` when the
/// timestamp is beyond any date worth showing.
pub fn local_day(ts: u64) -> Option<NaiveDate> {
    at(&Local, ts).map(|moment| moment.date_naive())
}

/// "14:05", in the local time zone; "--:--" for a timestamp with no sensible date.
pub fn clock(ts: u64) -> String {
    match at(&Local, ts) {
        Some(moment) => moment.format("%H:%M").to_string(),
        None => "--:--".into(),
    }
}

/// The heading above the messages of `day` (unknown for a nonsensical timestamp), seen on
/// `today`.
pub fn day_heading(day: Option<NaiveDate>, today: NaiveDate) -> String {
    let Some(day) = day else { return fl!("day-unknown") };
    match (today - day).num_days() {
        0 => fl!("day-today"),
        1 => fl!("day-yesterday"),
        _ => fl!("day-date", day = day.day(), month = month_name(day.month()), year = day.year()),
    }
}

/// When `ts` happened, to be said inside a sentence: "today at 14:05", "3 mars 2026 à 09:12".
pub fn moment(ts: u64, today: NaiveDate) -> String {
    let Some(day) = local_day(ts) else { return fl!("day-unknown") };
    let time = clock(ts);
    match (today - day).num_days() {
        0 => fl!("moment-today", time = time),
        1 => fl!("moment-yesterday", time = time),
        _ => fl!("sessions-seen-at", day = day_heading(Some(day), today), time = time),
    }
}

/// Today, locally.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The instant `ts` in `zone`, when it lies between 1970 and the end of 9999.
fn at<Tz: TimeZone>(zone: &Tz, ts: u64) -> Option<DateTime<Tz>> {
    if ts > LAST_SHOWN_MS {
        return None;
    }
    let millis = i64::try_from(ts).ok()?;
    Some(DateTime::from_timestamp_millis(millis)?.with_timezone(zone))
}

fn month_name(month: u32) -> String {
    match month {
        1 => fl!("month-1"),
        2 => fl!("month-2"),
        3 => fl!("month-3"),
        4 => fl!("month-4"),
        5 => fl!("month-5"),
        6 => fl!("month-6"),
        7 => fl!("month-7"),
        8 => fl!("month-8"),
        9 => fl!("month-9"),
        10 => fl!("month-10"),
        11 => fl!("month-11"),
        _ => fl!("month-12"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    #[test]
    fn headings_name_recent_days() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(day_heading(Some(today), today), fl!("day-today"));
        assert_eq!(day_heading(today.pred_opt(), today), fl!("day-yesterday"));
        let older = day_heading(NaiveDate::from_ymd_opt(2026, 3, 5), today);
        assert!(older.contains('5') && older.contains("2026"), "{older}");
        assert_eq!(day_heading(None, today), fl!("day-unknown"));
    }

    #[test]
    fn the_time_zone_decides_the_day() {
        // 23:30 UTC on 21 November is already 22 November in Paris.
        let ts = 1_795_303_800_000;
        let utc = at(&FixedOffset::east_opt(0).unwrap(), ts).unwrap();
        let paris = at(&FixedOffset::east_opt(3600).unwrap(), ts).unwrap();
        assert_eq!(utc.date_naive().day() + 1, paris.date_naive().day());
    }

    /// A hostile server's timestamps (review M1): chrono's largest instant, which overflows
    /// in any zone east of UTC, and everything up to `u64::MAX`, in the zones farthest from
    /// UTC. Nothing panics and the reader is told the date is unknown.
    #[test]
    fn extreme_timestamps_read_as_an_unknown_date() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        for ts in [8_210_266_876_799_999, LAST_SHOWN_MS + 1, i64::MAX as u64, u64::MAX] {
            for hours in [-12, -1, 0, 1, 2, 14] {
                let zone = FixedOffset::east_opt(hours * 3600).unwrap();
                assert!(at(&zone, ts).is_none(), "{ts} at {hours}h");
            }
            assert_eq!(local_day(ts), None);
            assert_eq!(clock(ts), "--:--");
            assert_eq!(moment(ts, today), fl!("day-unknown"));
        }
        // The last shown instant still converts in every zone, the first one too.
        for hours in [-12, 14] {
            let zone = FixedOffset::east_opt(hours * 3600).unwrap();
            let last = at(&zone, LAST_SHOWN_MS).unwrap();
            assert!(last.date_naive().year() >= 9999, "{last}");
            assert!(at(&zone, 0).is_some());
        }
    }
}
