//! When a message was sent, as a person reads it: a clock time, and a day heading that says
//! "Today" or "Yesterday" before it says a date.

use chrono::{DateTime, Datelike, Local, NaiveDate, TimeZone};

use crate::fl;

/// The local date of a server timestamp (milliseconds since the epoch).
pub fn local_day(ts: u64) -> NaiveDate {
    at(&Local, ts).date_naive()
}

/// "14:05", in the local time zone.
pub fn clock(ts: u64) -> String {
    at(&Local, ts).format("%H:%M").to_string()
}

/// The heading above the messages of `day`, seen on `today`.
pub fn day_heading(day: NaiveDate, today: NaiveDate) -> String {
    match (today - day).num_days() {
        0 => fl!("day-today"),
        1 => fl!("day-yesterday"),
        _ => fl!("day-date", day = day.day(), month = month_name(day.month()), year = day.year()),
    }
}

/// When `ts` happened, to be said inside a sentence: "today at 14:05", "3 mars 2026 à 09:12".
pub fn moment(ts: u64, today: NaiveDate) -> String {
    let day = local_day(ts);
    let time = clock(ts);
    match (today - day).num_days() {
        0 => fl!("moment-today", time = time),
        1 => fl!("moment-yesterday", time = time),
        _ => fl!("sessions-seen-at", day = day_heading(day, today), time = time),
    }
}

/// Today, locally.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

fn at<Tz: TimeZone>(zone: &Tz, ts: u64) -> DateTime<Tz> {
    // An instant maps to exactly one local time; a timestamp out of range reads as the epoch.
    let millis = i64::try_from(ts).unwrap_or(i64::MAX);
    DateTime::from_timestamp_millis(millis).unwrap_or_default().with_timezone(zone)
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
        assert_eq!(day_heading(today, today), fl!("day-today"));
        assert_eq!(day_heading(today.pred_opt().unwrap(), today), fl!("day-yesterday"));
        let older = day_heading(NaiveDate::from_ymd_opt(2026, 3, 5).unwrap(), today);
        assert!(older.contains('5') && older.contains("2026"), "{older}");
    }

    #[test]
    fn the_time_zone_decides_the_day() {
        // 23:30 UTC on 21 November is already 22 November in Paris.
        let ts = 1_795_303_800_000;
        let utc = at(&FixedOffset::east_opt(0).unwrap(), ts);
        let paris = at(&FixedOffset::east_opt(3600).unwrap(), ts);
        assert_eq!(utc.date_naive().day() + 1, paris.date_naive().day());
    }
}
