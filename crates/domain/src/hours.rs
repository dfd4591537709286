//! Volunteer hours: logged by the volunteer or by checking in and out at the school (the QR
//! code on the school's wall opens the check-in page), approved or rejected by the school's
//! coordinator. Entries are never edited in place: a correction is a new entry that supersedes
//! the old one (see `volunteer::current_entries`); both are kept.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::user::InvalidTransition;
use crate::volunteer::Interest;

/// The longest single entry, in minutes (a day).
pub const MAX_MINUTES: u32 = 24 * 60;
/// How far back hours may be logged, in days.
pub const MAX_AGE_DAYS: i64 = 366;

wire_enum!(
    /// Where an hour entry stands.
    HourStatus {
        /// Checked in, not yet out.
        Open => "open",
        /// Waiting for the school's coordinator.
        Pending => "pending",
        /// Approved: counts on the dashboards.
        Approved => "approved",
        /// Rejected, with a reason.
        Rejected => "rejected",
    }
);

wire_enum!(
    /// How an entry came to be.
    HourSource {
        /// Typed in by the volunteer (or a correction).
        Logged => "logged",
        /// Checked in and out at the school.
        CheckIn => "check_in",
        /// Imported from the office's earlier records (approved by whoever imported them).
        Imported => "imported",
    }
);

wire_enum!(
    /// What can happen to an hour entry.
    HourAction {
        /// The volunteer checks out.
        CheckOut => "check_out",
        /// Nobody checked out: closed at the cap and flagged for review.
        AutoCheckOut => "auto_check_out",
        /// The coordinator approves.
        Approve => "approve",
        /// The coordinator rejects (a reason is kept).
        Reject => "reject",
    }
);

/// The one place that decides an hour entry's next status.
pub fn next_hour_status(
    from: HourStatus,
    action: HourAction,
) -> Result<HourStatus, InvalidTransition> {
    use HourAction as A;
    use HourStatus as S;
    match (from, action) {
        (S::Open, A::CheckOut | A::AutoCheckOut) => Ok(S::Pending),
        (S::Pending, A::Approve) => Ok(S::Approved),
        (S::Pending, A::Reject) => Ok(S::Rejected),
        (from, action) => Err(InvalidTransition {
            from: from.as_str(),
            action: action.as_str(),
        }),
    }
}

/// A visit's end and length: checked out `now`, but never counted past `cap_hours` after the
/// check-in (then `capped` is true and the entry is flagged for review). At least a minute.
pub fn visit_length(
    checked_in: DateTime<Utc>,
    now: DateTime<Utc>,
    cap_hours: u32,
) -> (DateTime<Utc>, u32, bool) {
    let cap = crate::volunteer::auto_checkout(checked_in, cap_hours);
    let (end, capped) = if now > cap { (cap, true) } else { (now, false) };
    let minutes = (end - checked_in).num_minutes().max(1);
    (end, u32::try_from(minutes).unwrap_or(MAX_MINUTES), capped)
}

fn invalid(code: &'static str, msg: &'static str) -> validator::ValidationError {
    validator::ValidationError::new(code).with_message(msg.into())
}

/// `POST /api/v1/hours` (and the body of a correction).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"school_id": "01a205e1-5e5f-7124-aeee-246a84093505", "activity": "read_with_student", "work_date": "2026-11-20", "minutes": 90, "note": "Second-grade reading group", "opportunity_id": null})))]
pub struct HourInput {
    /// Where.
    pub school_id: crate::SchoolId,
    /// What.
    pub activity: Interest,
    /// The day.
    pub work_date: NaiveDate,
    /// How long, in minutes (1–1440).
    #[validate(range(min = 1, max = 1440, message = "Enter between 1 minute and 24 hours."))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1440))]
    pub minutes: u32,
    /// Anything the coordinator should know.
    #[serde(default)]
    #[validate(length(max = 500, message = "Use at most 500 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub note: String,
    /// The opportunity, if the hours were for one.
    #[serde(default)]
    pub opportunity_id: Option<crate::OpportunityId>,
}

impl HourInput {
    /// The day must not be in the future nor more than a year back.
    pub fn check_date(&self, today: NaiveDate) -> Result<(), validator::ValidationError> {
        if self.work_date > today {
            return Err(invalid("work_date", "The day cannot be in the future."));
        }
        if today - self.work_date > Duration::days(MAX_AGE_DAYS) {
            return Err(invalid(
                "work_date",
                "Hours older than a year cannot be logged; ask the volunteer office.",
            ));
        }
        Ok(())
    }
}

/// `POST /api/v1/hours/{id}/corrections`: the corrected entry and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CorrectionInput {
    /// The entry as it should have been.
    #[validate(nested)]
    pub entry: HourInput,
    /// Why it is corrected (kept with the new entry).
    #[validate(length(min = 1, max = 500, code = "required", message = "Say what was wrong."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 500))]
    pub reason: String,
}

/// `POST /api/v1/hours/check-in`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"school_id": "01a205e1-5e5f-7124-aeee-246a84093505", "activity": "tutor", "opportunity_id": null})))]
pub struct CheckIn {
    /// The school whose code was scanned.
    pub school_id: crate::SchoolId,
    /// What the volunteer is there to do.
    pub activity: Interest,
    /// The opportunity, if any.
    #[serde(default)]
    pub opportunity_id: Option<crate::OpportunityId>,
}

/// `POST /api/v1/hours/decisions`: approve or reject entries, all or none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"entry_ids": ["01a205e1-5e5f-7124-aeee-246a84093505"], "decision": "approve", "reason": ""})))]
pub struct HourDecision {
    /// The entries (1–200).
    #[validate(length(min = 1, max = 200, message = "Choose between 1 and 200 entries."))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 200))]
    pub entry_ids: Vec<crate::HourEntryId>,
    /// `approve` or `reject`.
    pub decision: Verdict,
    /// Why (required to reject; the volunteer sees it).
    #[serde(default)]
    #[validate(length(max = 500, message = "Use at most 500 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub reason: String,
}

wire_enum!(
    /// A coordinator's verdict on hours.
    Verdict {
        /// Approve.
        Approve => "approve",
        /// Reject.
        Reject => "reject",
    }
);

impl Verdict {
    /// The transition it makes.
    pub fn action(self) -> HourAction {
        match self {
            Verdict::Approve => HourAction::Approve,
            Verdict::Reject => HourAction::Reject,
        }
    }
}

/// An hour entry as the API answers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HourEntry {
    /// Its id.
    pub id: crate::HourEntryId,
    /// The volunteer.
    pub volunteer_id: crate::VolunteerId,
    /// The volunteer's name.
    pub volunteer_name: String,
    /// The school.
    pub school_id: crate::SchoolId,
    /// The school's name.
    pub school_name: String,
    /// The opportunity, if any.
    pub opportunity_id: Option<crate::OpportunityId>,
    /// Activity.
    pub activity: Interest,
    /// The day.
    pub work_date: NaiveDate,
    /// Minutes (0 while checked in).
    pub minutes: u32,
    /// Note.
    pub note: String,
    /// Logged or by check-in.
    pub source: HourSource,
    /// When the volunteer checked in.
    pub checked_in_at: Option<DateTime<Utc>>,
    /// When they checked out (or were checked out at the cap).
    pub checked_out_at: Option<DateTime<Utc>>,
    /// Closed automatically at the cap: review it.
    pub auto_checked_out: bool,
    /// Where it stands.
    pub status: HourStatus,
    /// Why it was rejected, or why it corrects another.
    pub reason: Option<String>,
    /// Who decided.
    pub decided_by: Option<crate::UserId>,
    /// When.
    pub decided_at: Option<DateTime<Utc>>,
    /// The entry this one corrects.
    pub supersedes: Option<crate::HourEntryId>,
    /// The entry that corrects this one (then this one no longer counts).
    pub superseded_by: Option<crate::HourEntryId>,
    /// When it was recorded.
    pub created_at: DateTime<Utc>,
}

/// Filters of `GET /api/v1/hours`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct HourQuery {
    /// Only this status (`pending` lists oldest first, for review; otherwise newest first).
    pub status: Option<HourStatus>,
    /// Only this school's.
    pub school_id: Option<crate::SchoolId>,
    /// Only this volunteer's.
    pub volunteer_id: Option<crate::VolunteerId>,
    /// Only entries closed automatically at the cap.
    pub flagged: Option<bool>,
    /// Include entries that a correction replaced (default: no).
    pub include_superseded: Option<bool>,
    /// Only entries worked on or after this day.
    pub from: Option<NaiveDate>,
    /// Only entries worked on or before this day.
    pub to: Option<NaiveDate>,
    /// Page size, 1–100 (default 25); anything else is a 422.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn entries_move_from_open_to_a_decision() {
        use HourAction as A;
        use HourStatus as S;
        assert_eq!(next_hour_status(S::Open, A::CheckOut), Ok(S::Pending));
        assert_eq!(next_hour_status(S::Open, A::AutoCheckOut), Ok(S::Pending));
        assert_eq!(next_hour_status(S::Pending, A::Approve), Ok(S::Approved));
        assert_eq!(next_hour_status(S::Pending, A::Reject), Ok(S::Rejected));
        assert!(next_hour_status(S::Open, A::Approve).is_err());
        assert!(next_hour_status(S::Approved, A::Reject).is_err());
        assert!(next_hour_status(S::Rejected, A::Approve).is_err());
        assert!(next_hour_status(S::Pending, A::CheckOut).is_err());
    }

    #[test]
    fn a_visit_counts_until_check_out_or_the_cap() {
        let t = at("2026-11-23T08:00:00Z");
        assert_eq!(
            visit_length(t, at("2026-11-23T09:30:00Z"), 8),
            (at("2026-11-23T09:30:00Z"), 90, false)
        );
        assert_eq!(
            visit_length(t, at("2026-11-24T07:00:00Z"), 8),
            (at("2026-11-23T16:00:00Z"), 480, true)
        );
        // In and straight out: one minute.
        assert_eq!(visit_length(t, t, 8).1, 1);
    }

    #[test]
    fn days_are_checked() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut h = HourInput {
            school_id: crate::SchoolId::new(),
            activity: Interest::Tutor,
            work_date: today,
            minutes: 60,
            note: String::new(),
            opportunity_id: None,
        };
        assert!(h.check_date(today).is_ok());
        h.work_date = today + Duration::days(1);
        assert!(h.check_date(today).is_err());
        h.work_date = today - Duration::days(400);
        assert!(h.check_date(today).is_err());
    }
}
