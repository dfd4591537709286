//! The volunteer dashboard's numbers, computed from the summary of approved hours (never the
//! hour log) and each volunteer's facts. Pure, so the definitions are tested on a fixed data set.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

use crate::SchoolId;
use crate::volunteer::{Interest, VolunteerKind, definitions, school_year_start};

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
    /// Volunteers with approved hours in the group.
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
    /// Registered volunteers on `as_of`.
    pub registered: u64,
    /// Active volunteers in the window.
    pub active: u64,
    /// Parent leaders.
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

/// A summary row: approved minutes of one volunteer at one school for one activity in a month.
#[derive(Debug, Clone, PartialEq)]
pub struct TotalRow {
    /// The volunteer profile.
    pub volunteer: uuid::Uuid,
    /// The school.
    pub school: SchoolId,
    /// The activity.
    pub activity: Interest,
    /// The first day of the month.
    pub month: NaiveDate,
    /// Approved minutes.
    pub minutes: i64,
}

/// What the dashboard needs to know of each volunteer.
#[derive(Debug, Clone, PartialEq)]
pub struct VolunteerFacts {
    /// The profile.
    pub id: uuid::Uuid,
    /// Kind.
    pub kind: VolunteerKind,
    /// Flagged parent leader.
    pub parent_leader: bool,
    /// The last day of the current clearance.
    pub cleared_until: Option<NaiveDate>,
    /// The day the profile was created.
    pub created_on: NaiveDate,
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

/// The dashboard from the summary rows and the volunteers (both already limited to what the
/// caller may see).
pub fn summarize(
    rows: &[TotalRow],
    volunteers: &[VolunteerFacts],
    as_of: NaiveDate,
    group_by: VolunteerGrouping,
    hourly_cents: i64,
) -> VolunteerMetrics {
    let start = school_year_start(as_of);
    let last_month = month_of(as_of);
    let in_window: Vec<&TotalRow> = rows
        .iter()
        .filter(|r| r.month >= start && r.month <= last_month && r.minutes > 0)
        .collect();
    let kinds: HashMap<uuid::Uuid, VolunteerKind> =
        volunteers.iter().map(|v| (v.id, v.kind)).collect();

    // The first month each volunteer was active in the window.
    let mut first: HashMap<uuid::Uuid, NaiveDate> = HashMap::new();
    let mut minutes_by_month: BTreeMap<NaiveDate, i64> = BTreeMap::new();
    for r in &in_window {
        let e = first.entry(r.volunteer).or_insert(r.month);
        if r.month < *e {
            *e = r.month;
        }
        *minutes_by_month.entry(r.month).or_default() += r.minutes;
    }
    let mut by_month = vec![];
    let mut m = start;
    while m <= last_month {
        by_month.push(MonthPoint {
            month: m,
            active: first.values().filter(|f| **f <= m).count() as u64,
            minutes: minutes_by_month.get(&m).copied().unwrap_or(0),
            new_registrations: volunteers
                .iter()
                .filter(|v| month_of(v.created_on) == m && v.created_on <= as_of)
                .count() as u64,
        });
        m = next_month(m);
    }

    let mut groups: BTreeMap<String, (HashSet<uuid::Uuid>, i64)> = BTreeMap::new();
    for r in &in_window {
        let key = match group_by {
            VolunteerGrouping::School => r.school.to_string(),
            VolunteerGrouping::Month => r.month.format("%Y-%m").to_string(),
            VolunteerGrouping::Activity => r.activity.as_str().to_string(),
            VolunteerGrouping::Kind => kinds
                .get(&r.volunteer)
                .map(|k| k.as_str().to_string())
                .unwrap_or_default(),
        };
        let g = groups.entry(key).or_default();
        g.0.insert(r.volunteer);
        g.1 += r.minutes;
    }
    let mut groups: Vec<GroupRow> = groups
        .into_iter()
        .map(|(key, (vols, minutes))| GroupRow {
            key,
            active: vols.len() as u64,
            minutes,
            value_cents: value(minutes, hourly_cents),
        })
        .collect();
    if group_by != VolunteerGrouping::Month {
        groups.sort_by(|a, b| b.minutes.cmp(&a.minutes).then(a.key.cmp(&b.key)));
    }

    let minutes: i64 = in_window.iter().map(|r| r.minutes).sum();
    VolunteerMetrics {
        as_of,
        window_start: start,
        definitions: Definitions {
            registered: definitions::REGISTERED.into(),
            active: definitions::ACTIVE.into(),
            parent_leader: definitions::PARENT_LEADER.into(),
        },
        registered: volunteers
            .iter()
            .filter(|v| v.created_on <= as_of && v.cleared_until.is_some_and(|u| u >= as_of))
            .count() as u64,
        active: first.len() as u64,
        parent_leaders: volunteers.iter().filter(|v| v.parent_leader).count() as u64,
        minutes,
        hourly_value_cents: hourly_cents,
        value_cents: value(minutes, hourly_cents),
        new_registrations: volunteers
            .iter()
            .filter(|v| v.created_on >= start && v.created_on <= as_of)
            .count() as u64,
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

    #[test]
    fn the_definitions_on_a_fixed_data_set() {
        let (a, b, c, e) = (
            uuid::Uuid::from_u128(1),
            uuid::Uuid::from_u128(2),
            uuid::Uuid::from_u128(3),
            uuid::Uuid::from_u128(4),
        );
        let s1 = SchoolId(uuid::Uuid::from_u128(10));
        let s2 = SchoolId(uuid::Uuid::from_u128(20));
        let vols = vec![
            // Cleared through the year; a parent; active in Aug and Sep.
            VolunteerFacts {
                id: a,
                kind: VolunteerKind::ParentGuardian,
                parent_leader: true,
                cleared_until: Some(d(2027, 6, 30)),
                created_on: d(2026, 8, 3),
            },
            // Clearance ran out before the day counted; active in Sep.
            VolunteerFacts {
                id: b,
                kind: VolunteerKind::CommunityMember,
                parent_leader: false,
                cleared_until: Some(d(2026, 10, 31)),
                created_on: d(2026, 9, 10),
            },
            // Cleared, never active.
            VolunteerFacts {
                id: c,
                kind: VolunteerKind::CollegeStudent,
                parent_leader: false,
                cleared_until: Some(d(2027, 1, 1)),
                created_on: d(2026, 11, 2),
            },
            // Hours only last school year: not active now.
            VolunteerFacts {
                id: e,
                kind: VolunteerKind::ParentGuardian,
                parent_leader: false,
                cleared_until: None,
                created_on: d(2025, 9, 1),
            },
        ];
        let row = |v, school, activity, month, minutes| TotalRow {
            volunteer: v,
            school,
            activity,
            month,
            minutes,
        };
        let rows = vec![
            row(a, s1, Interest::Tutor, d(2026, 8, 1), 120),
            row(a, s2, Interest::Tutor, d(2026, 9, 1), 60),
            row(b, s1, Interest::Chaperone, d(2026, 9, 1), 90),
            row(e, s1, Interest::Tutor, d(2026, 5, 1), 600),
            // A correction took an entry back to nothing: does not make anyone active.
            row(c, s2, Interest::Clerical, d(2026, 10, 1), 0),
        ];
        let m = summarize(
            &rows,
            &vols,
            d(2026, 11, 15),
            VolunteerGrouping::School,
            3479,
        );
        assert_eq!(m.window_start, d(2026, 7, 1));
        assert_eq!(
            m.registered, 2,
            "a and c; b's clearance ran out, e has none"
        );
        assert_eq!(m.active, 2, "a and b");
        assert_eq!(m.parent_leaders, 1);
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
                (d(2026, 8, 1), 1, 120, 1),
                (d(2026, 9, 1), 2, 150, 1),
                (d(2026, 10, 1), 2, 0, 0),
                (d(2026, 11, 1), 2, 0, 1),
            ]
        );
        let schools: Vec<(String, u64, i64)> = m
            .groups
            .iter()
            .map(|g| (g.key.clone(), g.active, g.minutes))
            .collect();
        assert_eq!(schools, [(s1.to_string(), 2, 210), (s2.to_string(), 1, 60)]);
        let kinds = summarize(&rows, &vols, d(2026, 11, 15), VolunteerGrouping::Kind, 3479);
        let kinds: Vec<(String, u64)> = kinds
            .groups
            .iter()
            .map(|g| (g.key.clone(), g.active))
            .collect();
        assert_eq!(
            kinds,
            [
                ("parent_guardian".to_string(), 1),
                ("community_member".to_string(), 1)
            ]
        );
        // Counted on an earlier day, the later hours and registrations do not count.
        let early = summarize(&rows, &vols, d(2026, 8, 31), VolunteerGrouping::Month, 3479);
        assert_eq!(
            (early.active, early.minutes, early.new_registrations),
            (1, 120, 1)
        );
        assert_eq!(early.registered, 1, "b and c had not registered yet");
    }
}
