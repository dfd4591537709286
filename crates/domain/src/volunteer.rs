//! Volunteers: the rules, pure and shared with the SPA. Who may serve (clearances with expiry
//! and a grace period), how sign-ups fill slots and a waitlist, how hours are corrected (a new
//! entry supersedes the old; both kept), and the definitions the dashboard counts.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Days before expiry when a clearance is due for renewal (and a reminder is queued).
pub const RENEWAL_WINDOW_DAYS: i64 = 30;

wire_enum!(
    /// How a volunteer relates to the district.
    VolunteerKind {
        /// A parent or guardian of a student.
        ParentGuardian => "parent_guardian",
        /// A member of the community.
        CommunityMember => "community_member",
        /// Affiliated with a partner organization.
        PartnerAffiliated => "partner_affiliated",
        /// A college student.
        CollegeStudent => "college_student",
        /// A district employee.
        Employee => "employee",
    }
);

wire_enum!(
    /// What a volunteer would like to do.
    Interest {
        /// Tutor.
        Tutor => "tutor",
        /// Mentor.
        Mentor => "mentor",
        /// Read with a student.
        ReadWithStudent => "read_with_student",
        /// Organize a volunteer program.
        OrganizeProgram => "organize_program",
        /// Speaker.
        Speaker => "speaker",
        /// Career day or college tour.
        CareerDay => "career_day",
        /// Clerical help.
        Clerical => "clerical",
        /// Marketing / PR help.
        MarketingPr => "marketing_pr",
        /// Chaperone field trips.
        Chaperone => "chaperone",
        /// Sponsor a program.
        SponsorProgram => "sponsor_program",
    }
);

wire_enum!(
    /// A kind of clearance.
    ClearanceType {
        /// The annual volunteer registration / background check.
        AnnualBackgroundCheck => "annual_background_check",
        /// Fingerprinting, for overnight trips.
        Fingerprinting => "fingerprinting",
        /// Training.
        Training => "training",
    }
);

wire_enum!(
    /// Where a clearance stands, as recorded.
    ClearanceStatus {
        /// Submitted, not decided.
        Pending => "pending",
        /// Cleared (until `expires_on`).
        Cleared => "cleared",
        /// Denied.
        Denied => "denied",
        /// Expired (recorded as such).
        Expired => "expired",
    }
);

/// One entry of a volunteer's clearance ledger (no raw background report is ever stored).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClearanceRecord {
    /// Which clearance.
    pub kind: ClearanceType,
    /// Its status as recorded.
    pub status: ClearanceStatus,
    /// When it was cleared.
    pub cleared_on: Option<NaiveDate>,
    /// The last day it is valid.
    pub expires_on: Option<NaiveDate>,
}

/// Whether a volunteer may serve now, for one kind of clearance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "standing")]
pub enum Standing {
    /// Cleared and valid through `until`; `renewal_due` inside the renewal window.
    Current {
        /// Last valid day.
        until: NaiveDate,
        /// Within the renewal window.
        renewal_due: bool,
    },
    /// Expired, but inside the configured grace period.
    InGrace {
        /// Last valid day.
        expired_on: NaiveDate,
        /// Last day of grace.
        grace_until: NaiveDate,
    },
    /// Waiting for a decision.
    Pending,
    /// Denied.
    Denied,
    /// Expired beyond the grace period.
    Expired {
        /// Last valid day.
        expired_on: NaiveDate,
    },
    /// No clearance of this kind on record.
    Missing,
}

impl Standing {
    /// May the volunteer sign up for (or check in to) an opportunity requiring it?
    pub fn may_serve(self) -> bool {
        matches!(self, Standing::Current { .. } | Standing::InGrace { .. })
    }

    /// Why not, and what to do: a stable code and a message for the volunteer.
    pub fn refusal(self) -> Option<(crate::problem::ErrorCode, &'static str)> {
        match self {
            Standing::Current { .. } | Standing::InGrace { .. } => None,
            Standing::Pending => Some((
                crate::problem::ErrorCode::ClearancePending,
                "Your clearance is still being reviewed. You can sign up once it is cleared.",
            )),
            Standing::Denied => Some((
                crate::problem::ErrorCode::ClearanceDenied,
                "Your clearance was not approved. Contact the volunteer office to talk about it.",
            )),
            Standing::Expired { .. } => Some((
                crate::problem::ErrorCode::ClearanceExpired,
                "Your clearance has expired. Renew your volunteer registration to sign up again.",
            )),
            Standing::Missing => Some((
                crate::problem::ErrorCode::ClearanceMissing,
                "This opportunity needs a volunteer clearance. Complete your volunteer registration first.",
            )),
        }
    }
}

/// The standing for one kind of clearance on `today`, from the ledger in the order it was
/// recorded (oldest first). The latest decision counts — a denial or an expiry recorded after a
/// clearance ends it, a clearance after a denial restores it — except that a renewal submitted
/// (pending) while a clearance is still valid leaves the volunteer cleared until it runs out.
pub fn standing(
    ledger: &[ClearanceRecord],
    kind: ClearanceType,
    today: NaiveDate,
    grace_days: u32,
) -> Standing {
    let from_expiry = |expired_on: NaiveDate| {
        let grace_until = expired_on + Duration::days(i64::from(grace_days));
        if grace_days > 0 && today <= grace_until {
            Standing::InGrace {
                expired_on,
                grace_until,
            }
        } else {
            Standing::Expired { expired_on }
        }
    };
    let mut state = Standing::Missing;
    for r in ledger.iter().filter(|r| r.kind == kind) {
        state = match (r.status, r.expires_on) {
            // A renewal in progress does not take away a clearance that still holds.
            (ClearanceStatus::Pending, _) if state.may_serve() => state,
            (ClearanceStatus::Pending, _) => Standing::Pending,
            (ClearanceStatus::Denied, _) => Standing::Denied,
            (ClearanceStatus::Cleared, Some(until)) if today <= until => Standing::Current {
                until,
                renewal_due: (until - today).num_days() <= RENEWAL_WINDOW_DAYS,
            },
            (ClearanceStatus::Cleared, Some(expired_on)) => from_expiry(expired_on),
            // Cleared without an end date: valid (e.g. a one-time training).
            (ClearanceStatus::Cleared, None) => Standing::Current {
                until: NaiveDate::MAX,
                renewal_due: false,
            },
            (ClearanceStatus::Expired, Some(expired_on)) if expired_on < today => {
                from_expiry(expired_on)
            }
            (ClearanceStatus::Expired, _) => Standing::Expired { expired_on: today },
        };
    }
    state
}

/// Today's standing for the annual background check (what sign-ups and check-ins need), from a
/// ledger as the API lists it (newest first).
pub fn serving_standing(
    ledger_newest_first: &[Clearance],
    today: NaiveDate,
    grace_days: u32,
) -> Standing {
    let records: Vec<ClearanceRecord> = ledger_newest_first
        .iter()
        .rev()
        .map(|c| ClearanceRecord {
            kind: c.kind,
            status: c.status,
            cleared_on: c.cleared_on,
            expires_on: c.expires_on,
        })
        .collect();
    standing(
        &records,
        ClearanceType::AnnualBackgroundCheck,
        today,
        grace_days,
    )
}

/// Where a new sign-up lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SignupPlace {
    /// A slot is free: confirmed.
    Confirmed,
    /// Full: on the waitlist at this position (1 = next).
    Waitlisted(u32),
}

/// The place of the next sign-up, given the slots and who holds them. Decided inside the same
/// transaction that counts, so two sign-ups for the last slot cannot both be confirmed.
pub fn next_place(slots: u32, confirmed: u32, waitlisted: u32) -> SignupPlace {
    if confirmed < slots {
        SignupPlace::Confirmed
    } else {
        SignupPlace::Waitlisted(waitlisted + 1)
    }
}

/// An automatic check-out for a visit nobody checked out of: `cap_hours` after the check-in.
pub fn auto_checkout(checked_in: DateTime<Utc>, cap_hours: u32) -> DateTime<Utc> {
    checked_in + Duration::hours(i64::from(cap_hours))
}

/// A logged stretch of hours, as the correction chain sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HourLink {
    /// The entry.
    pub id: uuid::Uuid,
    /// The entry it corrects, if any.
    pub supersedes: Option<uuid::Uuid>,
}

/// The entries that count: every entry not corrected by a later one (entries are never edited
/// in place; a correction is a new entry that supersedes the old one, and both are kept).
pub fn current_entries(entries: &[HourLink]) -> Vec<uuid::Uuid> {
    let replaced: std::collections::HashSet<uuid::Uuid> =
        entries.iter().filter_map(|e| e.supersedes).collect();
    entries
        .iter()
        .filter(|e| !replaced.contains(&e.id))
        .map(|e| e.id)
        .collect()
}

/// The dashboard's definitions, stated once (the API docs and the UI show these words).
pub mod definitions {
    /// A registered volunteer.
    pub const REGISTERED: &str = "Registered: has a volunteer profile on the day (registered by then, not ended) and a current clearance (cleared, not expired).";
    /// An active volunteer (the window is the school year: see [`super::SchoolYear::active`]).
    pub const ACTIVE: &str = "Active: a person with a volunteer profile not ended on the day and at least one approved hour in the school year";
    /// A parent leader.
    pub const PARENT_LEADER: &str = "Parent leader: an active volunteer who holds a parent-leader role on the day (PTA officer, school leadership team, etc.: from the day they took it until they stepped down); already counted among the active volunteers.";
}

/// The school year, which is the window of "active": it starts on the first of a month the
/// office chooses (the district's is July), and every summary is kept per school year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SchoolYear {
    start_month: u32,
}

impl Default for SchoolYear {
    fn default() -> Self {
        Self::JULY
    }
}

/// The months' names in English, January first (the definitions' words).
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl SchoolYear {
    /// July 1 to June 30: the district's school year, and the default.
    pub const JULY: SchoolYear = SchoolYear { start_month: 7 };

    /// A school year starting on the first of `month` (1–12).
    pub fn starting_in(month: u32) -> Option<Self> {
        (1..=12)
            .contains(&month)
            .then_some(Self { start_month: month })
    }

    /// The month it starts in (1–12).
    pub fn start_month(self) -> u32 {
        self.start_month
    }

    /// The first day of the school year that holds `day`.
    pub fn start(self, day: NaiveDate) -> NaiveDate {
        use chrono::Datelike;
        let year = if day.month() >= self.start_month {
            day.year()
        } else {
            day.year() - 1
        };
        NaiveDate::from_ymd_opt(year, self.start_month, 1).unwrap_or(day)
    }

    /// The first day of the next school year, after the one starting on `start`.
    pub fn next(self, start: NaiveDate) -> NaiveDate {
        start
            .checked_add_months(chrono::Months::new(12))
            .unwrap_or(start)
    }

    /// The definition of "active", with this window in words.
    pub fn active(self) -> String {
        let first = MONTHS[(self.start_month - 1) as usize];
        let before = self
            .next(self.start(NaiveDate::from_ymd_opt(2001, 1, 1).unwrap_or_default()))
            .pred_opt()
            .unwrap_or_default();
        let last = MONTHS[(chrono::Datelike::month(&before) - 1) as usize];
        format!(
            "{} ({first} 1 to {last} {}).",
            definitions::ACTIVE,
            chrono::Datelike::day(&before)
        )
    }
}

// ---------- registration, profiles and the clearance ledger (API types) ----------

fn invalid(code: &'static str, msg: &'static str) -> validator::ValidationError {
    validator::ValidationError::new(code).with_message(msg.into())
}

fn phone_like(p: &str) -> Result<(), validator::ValidationError> {
    let digits = p.chars().filter(char::is_ascii_digit).count();
    if (10..=15).contains(&digits) && p.len() <= 20 {
        Ok(())
    } else {
        Err(invalid("format", "Enter a phone number like 704-555-0100."))
    }
}

fn check_registration(r: &VolunteerRegistration) -> Result<(), validator::ValidationError> {
    if r.school_ids.is_empty() {
        return Err(invalid("school_ids", "Choose at least one school."));
    }
    if r.kind == VolunteerKind::PartnerAffiliated && r.organization_id.is_none() {
        return Err(invalid(
            "organization_id",
            "Choose the partner organization you volunteer with.",
        ));
    }
    if !matches!(r.preferred_language.as_str(), "en" | "es") {
        return Err(invalid("preferred_language", "Choose English or Spanish."));
    }
    Ok(())
}

/// `POST /api/v1/public/volunteers`: a volunteer registers (on a phone, no account yet).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, validator::Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"name": "Ana López", "email": "ana@example.org", "phone": "704-555-0101", "password": "a-long-passphrase", "preferred_language": "es", "kind": "parent_guardian", "organization_id": null, "school_ids": ["01a205e1-5e5f-7124-aeee-246a84093505"], "interests": ["read_with_student"], "availability": "Tuesday mornings", "fax_number": ""})))]
#[validate(schema(function = "check_registration"))]
pub struct VolunteerRegistration {
    /// Full name.
    #[validate(length(min = 1, max = 120, code = "required", message = "Enter your name."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120))]
    pub name: String,
    /// Email (the sign-in name).
    #[validate(email(code = "email", message = "Enter a valid email address."))]
    #[cfg_attr(feature = "openapi", schema(format = Email))]
    pub email: String,
    /// Mobile phone.
    #[validate(custom(function = "phone_like"))]
    pub phone: String,
    /// Password for the new account (at least 12 characters).
    #[validate(length(min = 12, max = 1024, message = "Use at least 12 characters."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 12, max_length = 1024))]
    pub password: String,
    /// `en` or `es`.
    #[serde(default = "english")]
    pub preferred_language: String,
    /// How the volunteer relates to the district.
    pub kind: VolunteerKind,
    /// The partner organization (partner-affiliated volunteers).
    pub organization_id: Option<crate::OrganizationId>,
    /// Schools they want to serve (at least one).
    #[serde(default)]
    pub school_ids: Vec<crate::SchoolId>,
    /// What they would like to do.
    #[serde(default)]
    pub interests: Vec<Interest>,
    /// When they are available.
    #[serde(default)]
    #[validate(length(max = 500, message = "Use at most 500 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub availability: String,
    /// Leave empty. (A field people do not see; bots fill it in.)
    #[serde(default)]
    pub fax_number: String,
}

fn english() -> String {
    "en".into()
}

/// One record of the clearance ledger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Clearance {
    /// Its id.
    pub id: crate::ClearanceId,
    /// Which clearance.
    pub kind: ClearanceType,
    /// Status as recorded.
    pub status: ClearanceStatus,
    /// When it was cleared.
    pub cleared_on: Option<NaiveDate>,
    /// The last day it is valid.
    pub expires_on: Option<NaiveDate>,
    /// Source / reference, e.g. the external screening system's id.
    pub reference: String,
    /// Who recorded it (none: the volunteer's own registration).
    pub recorded_by: Option<crate::UserId>,
    /// When.
    pub recorded_at: DateTime<Utc>,
}

fn check_clearance(c: &ClearanceInput) -> Result<(), validator::ValidationError> {
    if c.status == ClearanceStatus::Cleared {
        let (Some(from), Some(to)) = (c.cleared_on, c.expires_on) else {
            return Err(invalid(
                "expires_on",
                "A cleared clearance needs the day it was cleared and the day it expires.",
            ));
        };
        if to <= from {
            return Err(invalid(
                "expires_on",
                "The expiry date must come after the clearance date.",
            ));
        }
    }
    Ok(())
}

/// `POST /api/v1/volunteers/{id}/clearances`: staff record a clearance decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, validator::Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"kind": "annual_background_check", "status": "cleared", "cleared_on": "2026-11-20", "expires_on": "2027-11-19", "reference": "SCREEN-48213"})))]
#[validate(schema(function = "check_clearance"))]
pub struct ClearanceInput {
    /// Which clearance.
    pub kind: ClearanceType,
    /// The decision.
    pub status: ClearanceStatus,
    /// When it was cleared.
    pub cleared_on: Option<NaiveDate>,
    /// The last day it is valid.
    pub expires_on: Option<NaiveDate>,
    /// Source / reference (no report contents).
    #[serde(default)]
    #[validate(length(max = 120, message = "Use at most 120 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 120))]
    pub reference: String,
}

fn check_parent_leader(p: &ParentLeaderInput) -> Result<(), validator::ValidationError> {
    if p.parent_leader && p.role.as_deref().is_none_or(|r| r.trim().is_empty()) {
        return Err(invalid(
            "role",
            "Say what makes them a parent leader, for example PTA officer.",
        ));
    }
    Ok(())
}

/// `PUT /api/v1/volunteers/{id}/parent-leader`: a coordinator (of one of the volunteer's
/// schools) or staff flag a parent leader (they take a role on `on`) or unflag one (they step
/// down on `on`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, validator::Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"parent_leader": true, "role": "PTA treasurer"})))]
#[validate(schema(function = "check_parent_leader"))]
pub struct ParentLeaderInput {
    /// Flagged or not.
    pub parent_leader: bool,
    /// What makes them one (PTA officer, school leadership team, …); required when flagging.
    #[serde(default)]
    #[validate(length(max = 120, message = "Use at most 120 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 120))]
    pub role: Option<String>,
    /// The day they took the role, or stepped down (default today; not in the future).
    #[serde(default)]
    pub on: Option<NaiveDate>,
}

/// One parent-leader role, from the day taken to the day they stepped down.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParentLeaderRole {
    /// What the role is (PTA treasurer, school leadership team, …).
    pub role: String,
    /// The first day they held it.
    pub started_on: NaiveDate,
    /// The day they stepped down (none: they hold it); they do not hold it on that day.
    pub ended_on: Option<NaiveDate>,
}

impl ParentLeaderRole {
    /// Whether they hold the role on `day`.
    pub fn held_on(&self, day: NaiveDate) -> bool {
        self.started_on <= day && self.ended_on.is_none_or(|end| day < end)
    }
}

/// What a parent-leader flag does to the roles (see [`role_change`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoleChange {
    /// Take the role on the day.
    Start(String),
    /// Step down from the open role on the day and take this one on the same day.
    Replace(String),
    /// Step down on the day.
    End,
    /// Already so: nothing changes.
    Unchanged,
}

/// Why a role or profile change is refused: the field and the message.
pub type DateRefusal = (&'static str, &'static str);

/// The one transition of a volunteer's parent-leader roles: given the open role (if any), the
/// flag asked for, its day and today.
pub fn role_change(
    open: Option<&ParentLeaderRole>,
    input: &ParentLeaderInput,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<RoleChange, DateRefusal> {
    if on > today {
        return Err(("on", "Choose today or an earlier day."));
    }
    let role = input.role.as_deref().map(str::trim).unwrap_or_default();
    match (open, input.parent_leader) {
        (None, false) => Ok(RoleChange::Unchanged),
        (None, true) => Ok(RoleChange::Start(role.into())),
        (Some(r), _) if on < r.started_on => Err((
            "on",
            "Choose a day on or after the day they took their current role.",
        )),
        (Some(_), false) => Ok(RoleChange::End),
        (Some(r), true) if r.role == role => Ok(RoleChange::Unchanged),
        (Some(_), true) => Ok(RoleChange::Replace(role.into())),
    }
}

/// How a volunteer profile ended: they left the program (their hours stay in the history).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProfileEnd {
    /// The day they left: from that day on they are not counted as registered, active or a
    /// parent leader.
    pub ended_on: NaiveDate,
    /// Why.
    pub reason: String,
    /// Who ended it: staff, or the volunteer (stopped volunteering).
    pub ended_by: Option<crate::UserId>,
}

/// `POST /api/v1/volunteers/{id}/end`: office staff end a profile (the volunteer left).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, validator::Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"on": "2026-11-30", "reason": "Moved out of the district"})))]
pub struct EndProfile {
    /// The day they left (default today; not in the future, not before they registered).
    #[serde(default)]
    pub on: Option<NaiveDate>,
    /// Why (kept with the profile and in the audit trail).
    #[validate(length(
        min = 3,
        max = 500,
        message = "Say why the profile ends (3 to 500 characters)."
    ))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 500))]
    pub reason: String,
}

/// `POST /api/v1/volunteers/me/stop`: a volunteer stops volunteering (today).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, validator::Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"reason": "Starting a new job"})))]
pub struct StopVolunteering {
    /// Why, if they want to say (at most 500 characters).
    #[serde(default)]
    #[validate(length(max = 500, message = "Use at most 500 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub reason: String,
}

/// `POST /api/v1/volunteers/{id}/reinstate`: office staff take back an end (a mistake, or the
/// volunteer returns).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, validator::Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"reason": "Returned for the spring semester"})))]
pub struct Reinstate {
    /// Why (kept in the audit trail).
    #[validate(length(
        min = 3,
        max = 500,
        message = "Say why the profile is reinstated (3 to 500 characters)."
    ))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 500))]
    pub reason: String,
}

/// The one transition of a profile's end: ending one that is not ended, on a day between its
/// registration and today.
pub fn end_profile(
    current: Option<&ProfileEnd>,
    on: NaiveDate,
    registered_on: NaiveDate,
    today: NaiveDate,
) -> Result<(), ProfileRefusal> {
    if current.is_some() {
        return Err(ProfileRefusal::AlreadyEnded);
    }
    if on > today {
        return Err(ProfileRefusal::Day((
            "on",
            "Choose today or an earlier day.",
        )));
    }
    if on < registered_on {
        return Err(ProfileRefusal::Day((
            "on",
            "Choose a day on or after the day they registered.",
        )));
    }
    Ok(())
}

/// Why ending a profile is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileRefusal {
    /// It has ended already (409).
    AlreadyEnded,
    /// The day is wrong (422 on the field).
    Day(DateRefusal),
}

/// `POST /api/v1/volunteers/{id}/merge`: staff fold a duplicate profile into this one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, validator::Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"duplicate_id": "01935c4e-8a3b-7c2d-9e4f-0123456789ab", "reason": "Registered twice, once with a work email"})))]
pub struct MergeRequest {
    /// The duplicate profile: its hours, sign-ups, clearances, schools and interests move to
    /// the kept one; it is removed and its login deactivated.
    pub duplicate_id: crate::VolunteerId,
    /// Why (kept in the audit trail).
    #[validate(length(
        min = 1,
        max = 500,
        message = "Say why these are the same person (at most 500 characters)."
    ))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 500))]
    pub reason: String,
}

/// `GET /api/v1/volunteers/duplicates`: profiles that are likely one person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DuplicateGroup {
    /// Why they look alike: `same_name_and_phone`.
    pub why: String,
    /// The profiles, oldest first.
    pub volunteers: Vec<VolunteerSummary>,
}

/// A phone number's digits, without the country code of an 11-digit North American number:
/// "(704) 555-0101" and "+1 704.555.0101" compare equal.
pub fn phone_key(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    match digits.strip_prefix('1') {
        Some(rest) if digits.len() == 11 => rest.to_string(),
        _ => digits,
    }
}

/// `POST /api/v1/volunteers/{id}/badge/revoke`: a badge was lost or stolen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, validator::Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"reason": "Lost at the school's front desk on Nov. 20"})))]
pub struct BadgeRevocation {
    /// Why (kept in the audit trail).
    #[validate(length(
        min = 3,
        max = 500,
        message = "Say why the badge is revoked (3 to 500 characters)."
    ))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 500))]
    pub reason: String,
}

/// `GET /api/v1/volunteers/me/badge`: the volunteer's badge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Badge {
    /// The profile's id.
    pub volunteer_id: crate::VolunteerId,
    /// Full name.
    pub name: String,
    /// Today's standing.
    pub standing: Standing,
    /// The signed token the badge carries (`GET /api/v1/public/badges/{token}` checks it).
    pub token: String,
    /// The address the QR code opens (`{public_url}/badge/{token}`): anyone at a school can
    /// check the badge there.
    pub verify_url: String,
    /// The QR code of `verify_url`, as an SVG document.
    pub qr_svg: String,
}

/// `GET /api/v1/public/badges/{token}`: what a scanned badge shows to whoever scans it — only
/// the name as printed on a badge and whether the volunteer may serve today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BadgeCheck {
    /// First name and last initial.
    pub name: String,
    /// Whether the volunteer may serve today (an active account and a current clearance, or
    /// one within the grace period). Why not is never shown to whoever scans.
    pub may_serve: bool,
    /// When they may serve: the last day of the clearance (or of its grace period).
    pub valid_through: Option<NaiveDate>,
    /// Checked on (the server's date).
    pub checked_on: NaiveDate,
}

/// "Ana María López" → "Ana L." — what a badge check shows.
pub fn badge_name(full: &str) -> String {
    let words: Vec<&str> = full.split_whitespace().collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [first, .., last] => match last.chars().next() {
            Some(c) => format!("{first} {}.", c.to_uppercase()),
            None => (*first).to_string(),
        },
    }
}

/// A volunteer's profile with the clearance ledger and where they stand today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Volunteer {
    /// The profile's id.
    pub id: crate::VolunteerId,
    /// The volunteer's login.
    pub user_id: crate::UserId,
    /// Full name.
    pub name: String,
    /// Email.
    pub email: String,
    /// Phone.
    pub phone: String,
    /// `en` or `es`.
    pub preferred_language: String,
    /// Kind.
    pub kind: VolunteerKind,
    /// Partner organization, if affiliated.
    pub organization_id: Option<crate::OrganizationId>,
    /// Schools they serve.
    pub school_ids: Vec<crate::SchoolId>,
    /// Interests.
    pub interests: Vec<Interest>,
    /// Availability.
    pub availability: String,
    /// Flagged as a parent leader by a coordinator.
    pub parent_leader: bool,
    /// What makes them one (PTA officer, school leadership team, …).
    pub parent_leader_role: Option<String>,
    /// Their parent-leader roles, newest first (what is counted on a given day).
    pub parent_leader_roles: Vec<ParentLeaderRole>,
    /// Set when the profile ended (left the program).
    pub ended: Option<ProfileEnd>,
    /// The clearance ledger, newest first: for office staff and the volunteer. Empty for a
    /// school coordinator, who reads the standing only.
    pub clearances: Vec<Clearance>,
    /// Today's standing for the annual background check (what sign-ups need).
    pub standing: Standing,
    /// Optimistic-concurrency version; also the `ETag`.
    pub version: i32,
    /// When they registered.
    pub created_at: DateTime<Utc>,
}

/// One line of the volunteer list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VolunteerSummary {
    /// The profile's id.
    pub id: crate::VolunteerId,
    /// Full name.
    pub name: String,
    /// Kind.
    pub kind: VolunteerKind,
    /// Schools.
    pub school_ids: Vec<crate::SchoolId>,
    /// Parent leader.
    pub parent_leader: bool,
    /// The day the profile ended (none: still a volunteer).
    pub ended_on: Option<NaiveDate>,
    /// When they registered.
    pub created_at: DateTime<Utc>,
}

/// Filters of `GET /api/v1/volunteers`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct VolunteerQuery {
    /// Only volunteers of this school.
    pub school_id: Option<crate::SchoolId>,
    /// Only this kind.
    pub kind: Option<VolunteerKind>,
    /// Page size, 1–100 (default 25); anything else is a 422.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn rec(status: ClearanceStatus, expires_on: Option<NaiveDate>) -> ClearanceRecord {
        ClearanceRecord {
            kind: ClearanceType::AnnualBackgroundCheck,
            status,
            cleared_on: None,
            expires_on,
        }
    }

    const BG: ClearanceType = ClearanceType::AnnualBackgroundCheck;

    #[test]
    fn clearance_gating_over_the_edges() {
        let today = d(2026, 11, 23);
        let cases: Vec<(Vec<ClearanceRecord>, u32, bool, Option<&str>)> = vec![
            (vec![], 14, false, Some("clearance_missing")),
            (
                vec![rec(ClearanceStatus::Pending, None)],
                14,
                false,
                Some("clearance_pending"),
            ),
            (
                vec![rec(ClearanceStatus::Denied, None)],
                14,
                false,
                Some("clearance_denied"),
            ),
            // Valid through its last day.
            (
                vec![rec(ClearanceStatus::Cleared, Some(today))],
                0,
                true,
                None,
            ),
            // Expired yesterday: inside a 14-day grace, outside without grace.
            (
                vec![rec(ClearanceStatus::Cleared, Some(d(2026, 11, 22)))],
                14,
                true,
                None,
            ),
            (
                vec![rec(ClearanceStatus::Cleared, Some(d(2026, 11, 22)))],
                0,
                false,
                Some("clearance_expired"),
            ),
            // Grace ends on its last day.
            (
                vec![rec(ClearanceStatus::Cleared, Some(d(2026, 11, 9)))],
                14,
                true,
                None,
            ),
            (
                vec![rec(ClearanceStatus::Cleared, Some(d(2026, 11, 8)))],
                14,
                false,
                Some("clearance_expired"),
            ),
            // A renewal pending while the old one is still current: may serve.
            (
                vec![
                    rec(ClearanceStatus::Cleared, Some(d(2026, 12, 1))),
                    rec(ClearanceStatus::Pending, None),
                ],
                0,
                true,
                None,
            ),
            // The decision on a pending registration is what counts.
            (
                vec![
                    rec(ClearanceStatus::Pending, None),
                    rec(ClearanceStatus::Denied, None),
                ],
                14,
                false,
                Some("clearance_denied"),
            ),
            (
                vec![
                    rec(ClearanceStatus::Pending, None),
                    rec(ClearanceStatus::Cleared, Some(d(2027, 1, 1))),
                ],
                0,
                true,
                None,
            ),
            // A pending renewal after the clearance ran out: pending.
            (
                vec![
                    rec(ClearanceStatus::Cleared, Some(d(2026, 1, 1))),
                    rec(ClearanceStatus::Pending, None),
                ],
                14,
                false,
                Some("clearance_pending"),
            ),
            // Staff revoke a clearance before it runs out.
            (
                vec![
                    rec(ClearanceStatus::Cleared, Some(d(2027, 6, 30))),
                    rec(ClearanceStatus::Denied, None),
                ],
                14,
                false,
                Some("clearance_denied"),
            ),
            // An old denial does not outweigh a later clearance.
            (
                vec![
                    rec(ClearanceStatus::Denied, None),
                    rec(ClearanceStatus::Cleared, Some(d(2027, 6, 30))),
                ],
                0,
                true,
                None,
            ),
        ];
        for (i, (ledger, grace, may, code)) in cases.into_iter().enumerate() {
            let s = standing(&ledger, BG, today, grace);
            assert_eq!(s.may_serve(), may, "case {i}: {s:?}");
            assert_eq!(s.refusal().map(|r| r.0.as_str()), code, "case {i}");
        }
        // Other kinds do not count.
        let training = ClearanceRecord {
            kind: ClearanceType::Training,
            ..rec(ClearanceStatus::Cleared, Some(d(2027, 1, 1)))
        };
        assert_eq!(standing(&[training], BG, today, 0), Standing::Missing);
    }

    #[test]
    fn renewal_is_due_in_the_last_thirty_days() {
        let today = d(2026, 11, 23);
        let s = |until| standing(&[rec(ClearanceStatus::Cleared, Some(until))], BG, today, 0);
        assert_eq!(
            s(d(2026, 12, 23)),
            Standing::Current {
                until: d(2026, 12, 23),
                renewal_due: true
            }
        );
        assert_eq!(
            s(d(2026, 12, 24)),
            Standing::Current {
                until: d(2026, 12, 24),
                renewal_due: false
            }
        );
    }

    #[test]
    fn slots_fill_then_the_waitlist_grows() {
        assert_eq!(next_place(3, 0, 0), SignupPlace::Confirmed);
        assert_eq!(next_place(3, 2, 0), SignupPlace::Confirmed);
        assert_eq!(next_place(3, 3, 0), SignupPlace::Waitlisted(1));
        assert_eq!(next_place(3, 3, 4), SignupPlace::Waitlisted(5));
        assert_eq!(next_place(0, 0, 0), SignupPlace::Waitlisted(1));
    }

    #[test]
    fn corrections_replace_entries_and_keep_them() {
        let (a, b, c, e) = (
            uuid::Uuid::now_v7(),
            uuid::Uuid::now_v7(),
            uuid::Uuid::now_v7(),
            uuid::Uuid::now_v7(),
        );
        // b corrects a, c corrects b; e stands alone.
        let chain = [
            HourLink {
                id: a,
                supersedes: None,
            },
            HourLink {
                id: b,
                supersedes: Some(a),
            },
            HourLink {
                id: c,
                supersedes: Some(b),
            },
            HourLink {
                id: e,
                supersedes: None,
            },
        ];
        assert_eq!(current_entries(&chain), [c, e]);
    }

    #[test]
    fn the_school_year_starts_in_july_unless_the_office_says_otherwise() {
        let july = SchoolYear::default();
        assert_eq!(july.start(d(2026, 11, 23)), d(2026, 7, 1));
        assert_eq!(july.start(d(2026, 6, 30)), d(2025, 7, 1));
        assert_eq!(july.start(d(2026, 7, 1)), d(2026, 7, 1));
        assert_eq!(july.next(d(2026, 7, 1)), d(2027, 7, 1));
        assert_eq!(
            july.active(),
            "Active: a person with a volunteer profile not ended on the day and at least one \
             approved hour in the school year (July 1 to June 30)."
        );
        let august = SchoolYear::starting_in(8).unwrap();
        assert_eq!(august.start(d(2026, 7, 31)), d(2025, 8, 1));
        assert_eq!(august.start(d(2026, 8, 1)), d(2026, 8, 1));
        assert!(august.active().ends_with("(August 1 to July 31)."));
        let january = SchoolYear::starting_in(1).unwrap();
        assert_eq!(january.start(d(2026, 12, 31)), d(2026, 1, 1));
        assert!(january.active().ends_with("(January 1 to December 31)."));
        let march = SchoolYear::starting_in(3).unwrap();
        assert!(march.active().ends_with("(March 1 to February 28)."));
        assert_eq!(SchoolYear::starting_in(0), None);
        assert_eq!(SchoolYear::starting_in(13), None);
    }

    #[test]
    fn an_open_visit_is_closed_at_the_cap() {
        let t = DateTime::parse_from_rfc3339("2026-11-23T08:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            auto_checkout(t, 8).to_rfc3339(),
            "2026-11-23T16:00:00+00:00"
        );
    }

    #[test]
    fn a_badge_check_shows_the_first_name_and_last_initial() {
        assert_eq!(badge_name("Ana María López"), "Ana L.");
        assert_eq!(badge_name("  Prince "), "Prince");
        assert_eq!(badge_name("josé ñúñez"), "josé Ñ.");
        assert_eq!(badge_name(""), "");
    }

    #[test]
    fn flagging_a_parent_leader_needs_a_role() {
        use validator::Validate;
        let flag = |on, role: Option<&str>| ParentLeaderInput {
            parent_leader: on,
            role: role.map(str::to_string),
            on: None,
        };
        assert!(flag(true, Some("PTA treasurer")).validate().is_ok());
        assert!(flag(true, Some("  ")).validate().is_err());
        assert!(flag(true, None).validate().is_err());
        assert!(flag(false, None).validate().is_ok());
    }

    #[test]
    fn a_role_is_held_from_its_first_day_until_the_day_they_step_down() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        let r = ParentLeaderRole {
            role: "PTA treasurer".into(),
            started_on: day(9, 10),
            ended_on: Some(day(11, 1)),
        };
        assert!(!r.held_on(day(9, 9)));
        assert!(r.held_on(day(9, 10)));
        assert!(r.held_on(day(10, 31)));
        assert!(!r.held_on(day(11, 1)));
        let open = ParentLeaderRole {
            ended_on: None,
            ..r.clone()
        };
        assert!(open.held_on(day(12, 31)));

        let today = day(12, 1);
        let flag = |on, role: &str| ParentLeaderInput {
            parent_leader: on,
            role: Some(role.into()),
            on: None,
        };
        assert_eq!(
            role_change(None, &flag(true, " PTA treasurer "), today, today),
            Ok(RoleChange::Start("PTA treasurer".into()))
        );
        assert_eq!(
            role_change(None, &flag(false, ""), today, today),
            Ok(RoleChange::Unchanged)
        );
        assert_eq!(
            role_change(Some(&open), &flag(true, "PTA treasurer"), today, today),
            Ok(RoleChange::Unchanged)
        );
        assert_eq!(
            role_change(Some(&open), &flag(true, "PTA president"), today, today),
            Ok(RoleChange::Replace("PTA president".into()))
        );
        assert_eq!(
            role_change(Some(&open), &flag(false, ""), today, today),
            Ok(RoleChange::End)
        );
        assert_eq!(
            role_change(Some(&open), &flag(false, ""), day(9, 1), today).map_err(|e| e.0),
            Err("on")
        );
        assert_eq!(
            role_change(None, &flag(true, "x"), day(12, 2), today).map_err(|e| e.0),
            Err("on")
        );
    }

    #[test]
    fn a_profile_ends_once_between_its_registration_and_today() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        let (registered, today) = (day(9, 1), day(12, 1));
        assert_eq!(end_profile(None, day(11, 30), registered, today), Ok(()));
        assert_eq!(end_profile(None, registered, registered, today), Ok(()));
        assert!(matches!(
            end_profile(None, day(12, 2), registered, today),
            Err(ProfileRefusal::Day(("on", _)))
        ));
        assert!(matches!(
            end_profile(None, day(8, 31), registered, today),
            Err(ProfileRefusal::Day(("on", _)))
        ));
        let ended = ProfileEnd {
            ended_on: day(11, 1),
            reason: "Moved".into(),
            ended_by: None,
        };
        assert_eq!(
            end_profile(Some(&ended), today, registered, today),
            Err(ProfileRefusal::AlreadyEnded)
        );
    }

    #[test]
    fn phone_numbers_compare_by_their_digits() {
        assert_eq!(phone_key("(704) 555-0101"), "7045550101");
        assert_eq!(phone_key("+1 704.555.0101"), "7045550101");
        assert_eq!(phone_key("1-704-555-0101"), "7045550101");
        assert_eq!(phone_key("555-0101"), "5550101");
    }
}
