//! The volunteer dashboard's numbers, computed from the summary of approved hours (never the
//! hour log) and each volunteer's facts. Pure, so the definitions are tested on a fixed data set.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::SchoolId;
use crate::volunteer::{SchoolYear, definitions};

wire_enum!(
    /// How the dashboard's table is grouped.
    VolunteerGrouping {
        /// By school.
        School => "school",
        /// By month.
        Month => "month",
        /// By activity.
        Activity => "activity",
        /// By kind of volunteer.
        Kind => "kind",
    }
);

/// Filters of `GET /api/v1/metrics/volunteers`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct VolunteerMetricsQuery {
    /// The day to count on (default today); the window is its school year.
    pub as_of: Option<NaiveDate>,
    /// Group the table by school, month, activity or kind (default school).
    pub group_by: Option<VolunteerGrouping>,
    /// Only this school (coordinators: one of theirs).
    pub school_id: Option<SchoolId>,
}

/// The definitions, as the dashboard shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Definitions {
    /// Registered.
    pub registered: String,
    /// Active.
    pub active: String,
    /// Parent leader.
    pub parent_leader: String,
}

/// One month of the school year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthPoint {
    /// The first day of the month.
    pub month: NaiveDate,
    /// Active volunteers as of the month's end (at least one approved hour since the window
    /// started).
    pub active: u64,
    /// Approved minutes in the month.
    pub minutes: i64,
    /// Profiles created in the month.
    pub new_registrations: u64,
}

/// One row of the grouped table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupRow {
    /// The school id, `YYYY-MM`, the activity or the kind.
    pub key: String,
    /// Volunteers with approved hours in the group in the window (by month: active as of the
    /// month's end).
    pub active: u64,
    /// Approved minutes.
    pub minutes: i64,
    /// Their value in cents.
    pub value_cents: i64,
}

/// `GET /api/v1/metrics/volunteers`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VolunteerMetrics {
    /// The day counted on.
    pub as_of: NaiveDate,
    /// The first day of the window (the school year's July 1).
    pub window_start: NaiveDate,
    /// What the numbers mean.
    pub definitions: Definitions,
    /// Registered volunteers on `as_of` (profiles not ended by then).
    pub registered: u64,
    /// Active volunteers in the window, as of `as_of` (profiles not ended by then).
    pub active: u64,
    /// Active parent leaders: active volunteers holding a parent-leader role on `as_of` (already
    /// counted among the active; each person counts once toward the goal).
    pub parent_leaders: u64,
    /// Approved minutes in the window.
    pub minutes: i64,
    /// The value of an hour, in cents.
    pub hourly_value_cents: i64,
    /// The value of the approved hours, in cents.
    pub value_cents: i64,
    /// Profiles created in the window.
    pub new_registrations: u64,
    /// Month by month through `as_of`.
    pub by_month: Vec<MonthPoint>,
    /// How `groups` is grouped.
    pub group_by: VolunteerGrouping,
    /// The grouped table, largest first.
    pub groups: Vec<GroupRow>,
    /// The district's goal for active volunteers and parent leaders.
    pub goal: Option<crate::agreement::Goal>,
}

/// `GET /api/v1/settings/volunteer-hour-value`: what a volunteer hour is worth in reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HourValue {
    /// The value of an hour, in cents.
    pub cents: i64,
    /// Still the deployment's default (never changed here).
    pub is_default: bool,
    /// The version (`ETag`; 0 while it is the default).
    pub version: i32,
    /// When it was last changed.
    pub updated_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// `PUT /api/v1/settings/volunteer-hour-value`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, validator::Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"cents": 3479})))]
pub struct HourValueInput {
    /// The value of an hour, in cents ($1 to $1,000).
    #[validate(range(
        min = 100,
        max = 100_000,
        message = "Enter a value between $1.00 and $1,000.00."
    ))]
    #[cfg_attr(feature = "openapi", schema(minimum = 100, maximum = 100_000))]
    pub cents: i64,
}

/// `GET /api/v1/settings/school-year`: when the school year starts — the window of "active".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SchoolYearSetting {
    /// The month the school year starts on the first of (1–12; 7 is July).
    pub start_month: u32,
    /// The current school year's first day.
    pub current_start: NaiveDate,
    /// The definition of "active" with this window, as the dashboard shows it.
    pub active_definition: String,
    /// Still the default (July), never changed.
    pub is_default: bool,
    /// The version (`ETag`; 0 while it is the default).
    pub version: i32,
    /// When it was last changed.
    pub updated_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// `PUT /api/v1/settings/school-year`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, validator::Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"start_month": 8})))]
pub struct SchoolYearInput {
    /// The month the school year starts on the first of (1–12).
    #[validate(range(
        min = 1,
        max = 12,
        message = "Choose a month from 1 (January) to 12 (December)."
    ))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 12))]
    pub start_month: u32,
}

/// What the summaries say for one scope (the district or some schools) and one day: counted in
/// the database, assembled into the dashboard by [`assemble`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Aggregates {
    /// Active volunteers by the first month of the window in which they had approved hours
    /// (months after `as_of` left out) and the day their profile ended, if it ended by `as_of`.
    pub first_active: Vec<(NaiveDate, Option<NaiveDate>, u64)>,
    /// Approved minutes by month of the window, through `as_of`'s month.
    pub minutes_by_month: Vec<(NaiveDate, i64)>,
    /// For school, activity and kind grouping: key, active volunteers, approved minutes.
    pub groups: Vec<(String, u64, i64)>,
    /// Volunteers with a profile created by `as_of` and a clearance current on it.
    pub registered: u64,
    /// Active volunteers holding a parent-leader role on `as_of`.
    pub parent_leaders: u64,
    /// New profiles by month of the window, through `as_of`.
    pub registrations_by_month: Vec<(NaiveDate, u64)>,
}

/// The first day of `day`'s month.
pub fn month_of(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

fn next_month(m: NaiveDate) -> NaiveDate {
    let (y, mo) = if m.month() == 12 {
        (m.year() + 1, 1)
    } else {
        (m.year(), m.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, mo, 1).unwrap_or(m)
}

fn value(minutes: i64, hourly_cents: i64) -> i64 {
    (minutes * hourly_cents + 30) / 60
}

/// The dashboard from what the summaries say (already limited to what the caller may see).
/// Active is cumulative over the window: a volunteer counts from the first month with approved
/// hours on, until the day their profile ended — also in the month table, whose "active" is
/// "active as of the month's end" (or as of `as_of` in its month).
pub fn assemble(
    agg: &Aggregates,
    as_of: NaiveDate,
    group_by: VolunteerGrouping,
    hourly_cents: i64,
    year: SchoolYear,
) -> VolunteerMetrics {
    let start = year.start(as_of);
    let last_month = month_of(as_of);
    let in_window = |m: &NaiveDate| *m >= start && *m <= last_month;
    let firsts: Vec<(NaiveDate, Option<NaiveDate>, u64)> = agg
        .first_active
        .iter()
        .filter(|(m, _, _)| in_window(m))
        .copied()
        .collect();
    // Active on `day`: active from a month through `day`'s, and not ended by `day`.
    let active_on = |day: NaiveDate| -> u64 {
        firsts
            .iter()
            .filter(|(m, ended, _)| *m <= day && ended.is_none_or(|e| day < e))
            .map(|(_, _, n)| n)
            .sum()
    };
    let minutes: BTreeMap<NaiveDate, i64> = agg
        .minutes_by_month
        .iter()
        .filter(|(m, _)| in_window(m))
        .fold(BTreeMap::new(), |mut acc, (m, n)| {
            *acc.entry(*m).or_default() += n;
            acc
        });
    let registrations: BTreeMap<NaiveDate, u64> = agg
        .registrations_by_month
        .iter()
        .filter(|(m, _)| in_window(m))
        .fold(BTreeMap::new(), |mut acc, (m, n)| {
            *acc.entry(*m).or_default() += n;
            acc
        });

    let mut by_month = vec![];
    let mut m = start;
    while m <= last_month {
        let month_end = next_month(m).pred_opt().unwrap_or(m);
        by_month.push(MonthPoint {
            month: m,
            active: active_on(Ord::min(month_end, as_of)),
            minutes: minutes.get(&m).copied().unwrap_or(0),
            new_registrations: registrations.get(&m).copied().unwrap_or(0),
        });
        m = next_month(m);
    }

    let mut groups: Vec<GroupRow> = match group_by {
        VolunteerGrouping::Month => by_month
            .iter()
            .map(|p| GroupRow {
                key: p.month.format("%Y-%m").to_string(),
                active: p.active,
                minutes: p.minutes,
                value_cents: value(p.minutes, hourly_cents),
            })
            .collect(),
        _ => agg
            .groups
            .iter()
            .filter(|(_, active, minutes)| *active > 0 || *minutes > 0)
            .map(|(key, active, minutes)| GroupRow {
                key: key.clone(),
                active: *active,
                minutes: *minutes,
                value_cents: value(*minutes, hourly_cents),
            })
            .collect(),
    };
    if group_by != VolunteerGrouping::Month {
        groups.sort_by(|a, b| b.minutes.cmp(&a.minutes).then(a.key.cmp(&b.key)));
    }

    let minutes: i64 = minutes.values().sum();
    VolunteerMetrics {
        as_of,
        window_start: start,
        definitions: Definitions {
            registered: definitions::REGISTERED.into(),
            active: year.active(),
            parent_leader: definitions::PARENT_LEADER.into(),
        },
        registered: agg.registered,
        active: active_on(as_of),
        parent_leaders: agg.parent_leaders,
        minutes,
        hourly_value_cents: hourly_cents,
        value_cents: value(minutes, hourly_cents),
        new_registrations: registrations.values().sum(),
        by_month,
        group_by,
        groups,
        goal: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn sample() -> Aggregates {
        Aggregates {
            // Two first active in August, one in September; one last school year and one after
            // the day counted, both outside the window.
            first_active: vec![
                (d(2026, 8, 1), None, 2),
                (d(2026, 9, 1), None, 1),
                (d(2026, 5, 1), None, 4),
                (d(2026, 12, 1), None, 7),
            ],
            minutes_by_month: vec![
                (d(2026, 8, 1), 120),
                (d(2026, 9, 1), 150),
                (d(2026, 5, 1), 600),
            ],
            groups: vec![
                ("b".into(), 1, 60),
                ("a".into(), 2, 210),
                ("empty".into(), 0, 0),
            ],
            registered: 2,
            parent_leaders: 1,
            registrations_by_month: vec![
                (d(2026, 8, 1), 1),
                (d(2026, 9, 1), 1),
                (d(2026, 11, 1), 1),
            ],
        }
    }

    #[test]
    fn the_window_is_the_offices_school_year() {
        let august = SchoolYear::starting_in(8).unwrap();
        let m = assemble(
            &sample(),
            d(2026, 11, 15),
            VolunteerGrouping::Month,
            3479,
            august,
        );
        assert_eq!(m.window_start, d(2026, 8, 1));
        assert_eq!(m.by_month.first().map(|p| p.month), Some(d(2026, 8, 1)));
        assert_eq!(m.by_month.len(), 4, "August to November");
        assert!(m.definitions.active.ends_with("(August 1 to July 31)."));
    }

    #[test]
    fn active_accumulates_over_the_school_year_and_values_round_to_the_cent() {
        let m = assemble(
            &sample(),
            d(2026, 11, 15),
            VolunteerGrouping::School,
            3479,
            SchoolYear::JULY,
        );
        assert_eq!(m.window_start, d(2026, 7, 1));
        assert_eq!((m.registered, m.parent_leaders), (2, 1));
        assert_eq!(m.active, 3);
        assert_eq!(m.minutes, 270);
        assert_eq!(m.value_cents, 15656, "4.5 h at $34.79");
        assert_eq!(m.new_registrations, 3);
        let months: Vec<(NaiveDate, u64, i64, u64)> = m
            .by_month
            .iter()
            .map(|p| (p.month, p.active, p.minutes, p.new_registrations))
            .collect();
        assert_eq!(
            months,
            [
                (d(2026, 7, 1), 0, 0, 0),
                (d(2026, 8, 1), 2, 120, 1),
                (d(2026, 9, 1), 3, 150, 1),
                (d(2026, 10, 1), 3, 0, 0),
                (d(2026, 11, 1), 3, 0, 1),
            ]
        );
        let groups: Vec<(&str, u64, i64, i64)> = m
            .groups
            .iter()
            .map(|g| (g.key.as_str(), g.active, g.minutes, g.value_cents))
            .collect();
        assert_eq!(
            groups,
            [("a", 2, 210, 12177), ("b", 1, 60, 3479)],
            "largest first; empty groups left out"
        );
    }

    #[test]
    fn a_volunteer_who_left_counts_until_the_day_they_left() {
        let mut agg = sample();
        // One of August's two left on October 10: active in August and September, not after.
        agg.first_active = vec![
            (d(2026, 8, 1), None, 1),
            (d(2026, 8, 1), Some(d(2026, 10, 10)), 1),
            (d(2026, 9, 1), None, 1),
        ];
        let on = |day| assemble(&agg, day, VolunteerGrouping::Month, 3479, SchoolYear::JULY);
        assert_eq!(on(d(2026, 10, 9)).active, 3, "the day before they left");
        assert_eq!(on(d(2026, 10, 10)).active, 2, "the day they left");
        let m = on(d(2026, 11, 15));
        assert_eq!(m.active, 2);
        let months: Vec<u64> = m.by_month.iter().map(|p| p.active).collect();
        assert_eq!(
            months,
            [0, 2, 3, 2, 2],
            "July to November, as of each month's end"
        );
    }

    #[test]
    fn the_month_table_shows_active_as_of_each_months_end() {
        let m = assemble(
            &sample(),
            d(2026, 9, 30),
            VolunteerGrouping::Month,
            3479,
            SchoolYear::JULY,
        );
        let rows: Vec<(&str, u64, i64)> = m
            .groups
            .iter()
            .map(|g| (g.key.as_str(), g.active, g.minutes))
            .collect();
        assert_eq!(
            rows,
            [("2026-07", 0, 0), ("2026-08", 2, 120), ("2026-09", 3, 150)],
            "in calendar order"
        );
        assert_eq!((m.active, m.new_registrations), (3, 2));
    }
}
