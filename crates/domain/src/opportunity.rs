//! Opportunities at schools and the sign-ups for them: the statuses, the one transition function
//! for each, and the API types. Where a sign-up lands (a slot or the waitlist) is
//! `volunteer::next_place`.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::user::InvalidTransition;
use crate::volunteer::Interest;

/// The longest a single occurrence may last.
pub const MAX_OCCURRENCE_HOURS: i64 = 24;
/// How far a weekly schedule may run.
pub const MAX_REPEAT_DAYS: i64 = 366;

wire_enum!(
    /// Whether an opportunity takes sign-ups.
    OpportunityStatus {
        /// Posted and taking sign-ups.
        Open => "open",
        /// Called off by the school or the office (sign-ups are kept, marked cancelled).
        Cancelled => "cancelled",
    }
);

wire_enum!(
    /// Where a volunteer's sign-up stands.
    SignupStatus {
        /// Holds a slot.
        Confirmed => "confirmed",
        /// Waiting for a slot; moves up when one frees.
        Waitlisted => "waitlisted",
        /// Cancelled by the volunteer, the school or the office.
        Cancelled => "cancelled",
    }
);

wire_enum!(
    /// What can happen to a sign-up.
    SignupAction {
        /// A slot freed (or slots were added): the first on the waitlist gets it.
        Promote => "promote",
        /// The volunteer (or the school) cancels.
        Cancel => "cancel",
    }
);

/// The one place that decides a sign-up's next status.
pub fn next_signup_status(
    from: SignupStatus,
    action: SignupAction,
) -> Result<SignupStatus, InvalidTransition> {
    use SignupAction as A;
    use SignupStatus as S;
    match (from, action) {
        (S::Waitlisted, A::Promote) => Ok(S::Confirmed),
        (S::Confirmed | S::Waitlisted, A::Cancel) => Ok(S::Cancelled),
        (from, action) => Err(InvalidTransition {
            from: from.as_str(),
            action: action.as_str(),
        }),
    }
}

/// The one place that decides an opportunity's next status (only cancelling, for now).
pub fn cancel_opportunity(from: OpportunityStatus) -> Result<OpportunityStatus, InvalidTransition> {
    match from {
        OpportunityStatus::Open => Ok(OpportunityStatus::Cancelled),
        OpportunityStatus::Cancelled => Err(InvalidTransition {
            from: from.as_str(),
            action: "cancel",
        }),
    }
}

/// The last moment an opportunity happens: its end, or the end of its last weekly occurrence.
pub fn last_moment(
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    repeats_weekly_until: Option<NaiveDate>,
) -> DateTime<Utc> {
    let Some(until) = repeats_weekly_until else {
        return ends_at;
    };
    let weeks = (until - starts_at.date_naive()).num_days().max(0) / 7;
    ends_at + Duration::weeks(weeks)
}

fn invalid(code: &'static str, msg: &'static str) -> validator::ValidationError {
    validator::ValidationError::new(code).with_message(msg.into())
}

fn check_input(o: &OpportunityInput) -> Result<(), validator::ValidationError> {
    if o.ends_at <= o.starts_at {
        return Err(invalid("ends_at", "The end must come after the start."));
    }
    if o.ends_at - o.starts_at > Duration::hours(MAX_OCCURRENCE_HOURS) {
        return Err(invalid(
            "ends_at",
            "One occurrence can last at most 24 hours; use a weekly schedule for more.",
        ));
    }
    if let Some(until) = o.repeats_weekly_until {
        let first = o.starts_at.date_naive();
        if until < first {
            return Err(invalid(
                "repeats_weekly_until",
                "The schedule must end on or after the first day.",
            ));
        }
        if (until - first).num_days() > MAX_REPEAT_DAYS {
            return Err(invalid(
                "repeats_weekly_until",
                "A weekly schedule can run at most one year.",
            ));
        }
    }
    Ok(())
}

/// `POST /api/v1/opportunities` and `PUT /api/v1/opportunities/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, validator::Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"title": "Reading buddies", "activity": "read_with_student", "school_id": "01a205e1-5e5f-7124-aeee-246a84093505", "starts_at": "2026-12-01T14:00:00Z", "ends_at": "2026-12-01T15:00:00Z", "repeats_weekly_until": "2027-03-30", "slots": 6, "clearance_required": true, "minimum_age": 18, "description": "Read with second graders in the library."})))]
#[validate(schema(function = "check_input"))]
pub struct OpportunityInput {
    /// What it is, in a few words.
    #[validate(length(min = 1, max = 120, code = "required", message = "Enter a title."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120))]
    pub title: String,
    /// The kind of activity.
    pub activity: Interest,
    /// Where.
    pub school_id: crate::SchoolId,
    /// When it starts (the first occurrence).
    pub starts_at: DateTime<Utc>,
    /// When it ends (the first occurrence).
    pub ends_at: DateTime<Utc>,
    /// Repeats every week at the same time until this day (inclusive); none: once.
    #[serde(default)]
    pub repeats_weekly_until: Option<NaiveDate>,
    /// How many volunteers it needs (1–500); more sign-ups go on the waitlist.
    #[validate(range(min = 1, max = 500, message = "Enter between 1 and 500 slots."))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 500))]
    pub slots: u32,
    /// Whether volunteers need a current clearance to sign up.
    #[serde(default = "yes")]
    pub clearance_required: bool,
    /// The youngest a volunteer may be, if any (volunteers confirm it when they sign up).
    #[serde(default)]
    #[validate(range(min = 1, max = 99, message = "Enter an age between 1 and 99."))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 99))]
    pub minimum_age: Option<u8>,
    /// What volunteers will do, where to go, what to bring.
    #[serde(default)]
    #[validate(length(max = 2000, message = "Use at most 2000 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub description: String,
}

fn yes() -> bool {
    true
}

/// The caller's own sign-up, on an opportunity they see.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MySignup {
    /// The sign-up's id.
    pub id: crate::SignupId,
    /// Confirmed or waitlisted.
    pub status: SignupStatus,
    /// Position on the waitlist (1 = next), when waitlisted.
    pub waitlist_position: Option<u32>,
}

/// An opportunity as the API answers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Opportunity {
    /// Its id.
    pub id: crate::OpportunityId,
    /// Title.
    pub title: String,
    /// Activity.
    pub activity: Interest,
    /// School.
    pub school_id: crate::SchoolId,
    /// The school's name.
    pub school_name: String,
    /// Start of the first occurrence.
    pub starts_at: DateTime<Utc>,
    /// End of the first occurrence.
    pub ends_at: DateTime<Utc>,
    /// Weekly until this day, if recurring.
    pub repeats_weekly_until: Option<NaiveDate>,
    /// Slots.
    pub slots: u32,
    /// Confirmed sign-ups.
    pub confirmed: u32,
    /// Sign-ups on the waitlist.
    pub waitlisted: u32,
    /// Whether a current clearance is needed.
    pub clearance_required: bool,
    /// Minimum age, if any.
    pub minimum_age: Option<u8>,
    /// Description.
    pub description: String,
    /// Open or cancelled.
    pub status: OpportunityStatus,
    /// Why it was cancelled.
    pub cancel_reason: Option<String>,
    /// The caller's sign-up (volunteers), if any and not cancelled.
    pub my_signup: Option<MySignup>,
    /// Who posted it.
    pub created_by: crate::UserId,
    /// Optimistic-concurrency version; also the `ETag`.
    pub version: i32,
    /// When it was posted.
    pub created_at: DateTime<Utc>,
}

/// Filters of `GET /api/v1/opportunities`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct OpportunityQuery {
    /// Only this school's.
    pub school_id: Option<crate::SchoolId>,
    /// Only this activity.
    pub activity: Option<Interest>,
    /// Only those still happening on or after this day (default: today).
    pub from: Option<NaiveDate>,
    /// Volunteers: only those I signed up for (confirmed or waitlisted).
    pub mine: Option<bool>,
    /// Include cancelled ones (default: no).
    pub include_cancelled: Option<bool>,
    /// Page size, 1–100 (default 25); anything else is a 422.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// `POST /api/v1/opportunities/{id}/signups`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"confirms_minimum_age": true})))]
pub struct SignupRequest {
    /// The volunteer confirms they meet the opportunity's minimum age (required when it has one).
    #[serde(default)]
    pub confirms_minimum_age: bool,
}

/// `POST /api/v1/opportunities/{id}/cancel` and `POST /api/v1/signups/{id}/cancel`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, validator::Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"reason": "The school is closed for weather."})))]
pub struct CancelRequest {
    /// Why (required to cancel an opportunity; optional for a sign-up).
    #[serde(default)]
    #[validate(length(max = 500, message = "Use at most 500 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub reason: String,
}

/// A sign-up as the API answers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Signup {
    /// Its id.
    pub id: crate::SignupId,
    /// The opportunity.
    pub opportunity_id: crate::OpportunityId,
    /// The volunteer.
    pub volunteer_id: crate::VolunteerId,
    /// The volunteer's name (for the school's roster).
    pub volunteer_name: String,
    /// Where it stands.
    pub status: SignupStatus,
    /// Position on the waitlist (1 = next), when waitlisted.
    pub waitlist_position: Option<u32>,
    /// When the volunteer signed up (the waitlist's order).
    pub created_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signups_move_only_forward() {
        use SignupAction as A;
        use SignupStatus as S;
        assert_eq!(
            next_signup_status(S::Waitlisted, A::Promote),
            Ok(S::Confirmed)
        );
        assert_eq!(
            next_signup_status(S::Confirmed, A::Cancel),
            Ok(S::Cancelled)
        );
        assert_eq!(
            next_signup_status(S::Waitlisted, A::Cancel),
            Ok(S::Cancelled)
        );
        assert!(next_signup_status(S::Confirmed, A::Promote).is_err());
        assert!(next_signup_status(S::Cancelled, A::Cancel).is_err());
        assert!(next_signup_status(S::Cancelled, A::Promote).is_err());
        assert!(cancel_opportunity(OpportunityStatus::Cancelled).is_err());
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_weekly_schedule_ends_with_its_last_occurrence() {
        let (s, e) = (at("2026-12-01T14:00:00Z"), at("2026-12-01T15:00:00Z"));
        assert_eq!(last_moment(s, e, None), e);
        // Until the 15th: the 1st, 8th and 15th.
        let until = NaiveDate::from_ymd_opt(2026, 12, 15).unwrap();
        assert_eq!(last_moment(s, e, Some(until)), at("2026-12-15T15:00:00Z"));
        // Until the 21st: still the 15th.
        let until = NaiveDate::from_ymd_opt(2026, 12, 21).unwrap();
        assert_eq!(last_moment(s, e, Some(until)), at("2026-12-15T15:00:00Z"));
    }

    #[test]
    fn inputs_are_checked() {
        use validator::Validate;
        let ok = OpportunityInput {
            title: "Reading buddies".into(),
            activity: Interest::ReadWithStudent,
            school_id: crate::SchoolId::new(),
            starts_at: at("2026-12-01T14:00:00Z"),
            ends_at: at("2026-12-01T15:00:00Z"),
            repeats_weekly_until: None,
            slots: 3,
            clearance_required: true,
            minimum_age: None,
            description: String::new(),
        };
        assert!(ok.validate().is_ok());
        let backwards = OpportunityInput {
            ends_at: at("2026-12-01T13:00:00Z"),
            ..ok.clone()
        };
        assert!(backwards.validate().is_err());
        let before = OpportunityInput {
            repeats_weekly_until: NaiveDate::from_ymd_opt(2026, 11, 30),
            ..ok.clone()
        };
        assert!(before.validate().is_err());
        let none = OpportunityInput { slots: 0, ..ok };
        assert!(none.validate().is_err());
    }
}
