//! The sandbox's clock: real time plus an offset that tests and demos move forward with
//! `POST /__sandbox/advance-clock`, so an order can "ship" without waiting a day. Business modules
//! stamp their records with this clock and register hooks that run when it moves.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// Real time shifted by a stored offset. Cheap to clone; clones share the offset.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    offset_ms: Arc<AtomicI64>,
}

impl Clock {
    /// A clock `offset_minutes` ahead of real time.
    pub fn with_offset_minutes(offset_minutes: i64) -> Self {
        let clock = Self::default();
        clock.set_offset_minutes(offset_minutes);
        clock
    }

    /// Simulated epoch milliseconds.
    pub fn now_ms(&self) -> i64 {
        oms_api::auth::now_millis() as i64 + self.offset_ms.load(Ordering::SeqCst)
    }

    /// Simulated time as `yyyy-MM-dd HH:mm:ss` (UTC), the OMS's list-filter format.
    pub fn now_text(&self) -> String {
        format_date_time(self.now_ms())
    }

    /// Minutes the clock runs ahead of real time.
    pub fn offset_minutes(&self) -> i64 {
        self.offset_ms.load(Ordering::SeqCst) / 60_000
    }

    /// Sets the offset.
    pub fn set_offset_minutes(&self, minutes: i64) {
        self.offset_ms
            .store(minutes.saturating_mul(60_000), Ordering::SeqCst);
    }
}

/// Epoch milliseconds as `yyyy-MM-dd HH:mm:ss` (UTC).
pub fn format_date_time(epoch_ms: i64) -> String {
    let seconds = epoch_ms.div_euclid(1000);
    let days = seconds.div_euclid(86_400);
    let of_day = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);

    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}",
        of_day / 3600,
        of_day % 3600 / 60,
        of_day % 60
    )
}

/// The calendar date of a day count since 1970-01-01 (proleptic Gregorian).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);

    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(format_date_time(0), "1970-01-01 00:00:00");
        assert_eq!(format_date_time(1_762_175_511_917), "2025-11-03 13:11:51");
        assert_eq!(format_date_time(951_782_400_000), "2000-02-29 00:00:00");
    }

    #[test]
    fn offset_moves_now_forward() {
        let clock = Clock::with_offset_minutes(60);

        let ahead = clock.now_ms() - oms_api::auth::now_millis() as i64;

        assert!(
            (3_590_000..=3_610_000).contains(&ahead),
            "an offset of 60 minutes puts the clock an hour ahead, got {ahead} ms"
        );
    }
}
