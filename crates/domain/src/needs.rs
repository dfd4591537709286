//! School needs (the needs assessment) and the strategic-plan priorities they align with: the
//! statuses and their one transition function, what makes a need *primary*, and the coverage
//! of the plan's goal "three primary needs at every school" as one pure function.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::agreement::Goal;
use crate::intake::SupportArea;
use crate::school::{Designation, SchoolLevel};
use crate::user::InvalidTransition;
use crate::{NeedId, PriorityId, SchoolId, UserId};

/// Ranks 1 to this are a school's primary needs for the school year.
pub const PRIMARY_RANKS: u32 = 3;
/// The highest rank a need may have.
pub const MAX_RANK: u32 = 20;
/// The key of the coverage goal among the district's goals.
pub const COVERAGE_GOAL: &str = "needs_coverage";
/// What "covered" means, as the office's reports state it.
pub const COVERAGE_DEFINITION: &str = "A school is covered for a school year when it has at least three primary needs (ranked 1 to 3) for that year that are not withdrawn. The share is taken over the schools active in the directory today: a school archived during the year leaves the count.";

wire_enum!(
    /// What kind of help meets a need.
    HelpKind {
        /// Volunteers' time.
        Time => "time",
        /// Money or goods (donations).
        Treasure => "treasure",
        /// Skills and expertise (mentors, speakers, pro bono work).
        Talent => "talent",
    }
);

wire_enum!(
    /// What a need's measurable ask counts.
    AskUnit {
        /// Volunteer slots.
        VolunteerSlots => "volunteer_slots",
        /// US dollars.
        Dollars => "dollars",
        /// Items (books, backpacks, laptops).
        Items => "items",
        /// Hours of service.
        Hours => "hours",
    }
);

wire_enum!(
    /// Where a need stands.
    NeedStatus {
        /// Recorded; nothing meets it yet.
        Open => "open",
        /// Some of the ask is met.
        PartlyMet => "partly_met",
        /// The ask is met.
        Met => "met",
        /// The school no longer asks for it (it leaves the coverage count).
        Withdrawn => "withdrawn",
    }
);

wire_enum!(
    /// What can happen to a need's status.
    NeedAction {
        /// Part of the ask is met.
        PartlyMeet => "partly_meet",
        /// The whole ask is met.
        Meet => "meet",
        /// The school withdraws the need.
        Withdraw => "withdraw",
        /// Open it again (a met need that recurs, a withdrawn one that returns).
        Reopen => "reopen",
    }
);

/// The one place that decides a need's next status.
pub fn next_need_status(
    from: NeedStatus,
    action: NeedAction,
) -> Result<NeedStatus, InvalidTransition> {
    use NeedAction as A;
    use NeedStatus as S;
    match (from, action) {
        (S::Open, A::PartlyMeet) => Ok(S::PartlyMet),
        (S::Open | S::PartlyMet, A::Meet) => Ok(S::Met),
        (S::Open | S::PartlyMet, A::Withdraw) => Ok(S::Withdrawn),
        (S::PartlyMet | S::Met | S::Withdrawn, A::Reopen) => Ok(S::Open),
        (from, action) => Err(InvalidTransition {
            from: from.as_str(),
            action: action.as_str(),
        }),
    }
}

/// Whether a need of this rank is one of the school's primary needs.
pub fn is_primary(rank: u32) -> bool {
    (1..=PRIMARY_RANKS).contains(&rank)
}

/// Whether a need counts toward its school's three primary needs.
pub fn counts_for_coverage(rank: u32, status: NeedStatus) -> bool {
    is_primary(rank) && status != NeedStatus::Withdrawn
}

/// A school year by the calendar year it starts in, as the office writes it: 2026 → "2026-27".
pub fn school_year_label(start_year: i32) -> String {
    format!("{start_year}-{:02}", (start_year + 1).rem_euclid(100))
}

// ---------- strategic-plan priorities ----------

wire_enum!(
    /// Where a priority sits in the strategic plan.
    PriorityKind {
        /// One of the plan's measurable goals (early literacy, mathematics…).
        Goal => "goal",
        /// A priority of one of the plan's pillars (whole-child well-being…).
        Pillar => "pillar",
    }
);

/// A goal or priority of the strategic plan that a need aligns with (data an admin edits).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Priority {
    /// Its id.
    pub id: PriorityId,
    /// A short stable code, e.g. `early_literacy_k2`.
    pub code: String,
    /// Its name in English.
    pub name: String,
    /// Its name in Spanish.
    pub name_es: String,
    /// A plan goal or a pillar priority.
    pub kind: PriorityKind,
    /// Offered for new needs; a retired priority stays on the needs that name it.
    pub active: bool,
    /// Order in lists (lowest first).
    pub position: u32,
    /// Optimistic-concurrency version; also the `ETag`.
    pub version: i32,
}

impl Priority {
    /// Its name in the language (`es`: Spanish; anything else: English).
    pub fn name_in(&self, lang: &str) -> &str {
        if lang == "es" && !self.name_es.is_empty() {
            &self.name_es
        } else {
            &self.name
        }
    }
}

fn validate_code(code: &str) -> Result<(), validator::ValidationError> {
    if code
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        Ok(())
    } else {
        Err(validator::ValidationError::new("format")
            .with_message("Use lowercase letters, digits and underscores.".into()))
    }
}

/// `POST /api/v1/priorities` and `PUT /api/v1/priorities/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"code": "attendance", "name": "Attendance", "name_es": "Asistencia", "kind": "pillar", "active": true, "position": 8})))]
pub struct PriorityInput {
    /// A short stable code: lowercase letters, digits and underscores (1–40).
    #[validate(length(min = 1, max = 40, code = "required", message = "Enter a code."))]
    #[validate(custom(function = "validate_code"))]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 40, pattern = "^[a-z0-9_]+$")
    )]
    pub code: String,
    /// Its name in English.
    #[validate(length(min = 2, max = 160, message = "Enter a name of 2 to 160 characters."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 160))]
    pub name: String,
    /// Its name in Spanish (empty: families and coordinators see the English name).
    #[serde(default)]
    #[validate(length(max = 160, message = "Use at most 160 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 160))]
    pub name_es: String,
    /// A plan goal or a pillar priority.
    pub kind: PriorityKind,
    /// Offered for new needs (default yes).
    #[serde(default = "yes")]
    pub active: bool,
    /// Order in lists (0–1000).
    #[serde(default)]
    #[validate(range(max = 1000, message = "Use 0 to 1000."))]
    #[cfg_attr(feature = "openapi", schema(maximum = 1000))]
    pub position: u32,
}

fn yes() -> bool {
    true
}

// ---------- needs ----------

/// A school's need, as the API answers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Need {
    /// Its id.
    pub id: NeedId,
    /// The school.
    pub school_id: SchoolId,
    /// The school's name.
    pub school_name: String,
    /// The school year, by the year it starts in (2026 = 2026-27).
    pub school_year: i32,
    /// The support area.
    pub support_area: SupportArea,
    /// The strategic-plan priority it aligns with.
    pub priority_id: PriorityId,
    /// That priority's name (English).
    pub priority_name: String,
    /// That priority's name (Spanish).
    pub priority_name_es: String,
    /// Time, treasure or talent.
    pub help_kind: HelpKind,
    /// What the school needs.
    pub description: String,
    /// What the ask counts.
    pub ask_unit: AskUnit,
    /// How many (slots, dollars, items or hours).
    pub ask_quantity: u32,
    /// When (e.g. "Fall semester", "By March").
    pub timeframe: String,
    /// The school's rank for it (1 is the most important).
    pub rank: u32,
    /// Ranked 1 to 3: one of the school's primary needs for the year.
    pub primary: bool,
    /// Where it stands.
    pub status: NeedStatus,
    /// Why it last changed status, if given.
    pub status_reason: Option<String>,
    /// Partners may see it (the school's internal notes never).
    pub visible_to_partners: bool,
    /// The school's internal notes (absent for partners).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_notes: Option<String>,
    /// Who recorded it.
    pub recorded_by: UserId,
    /// Optimistic-concurrency version; also the `ETag`.
    pub version: i32,
    /// When it was recorded.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

fn check_need(n: &NeedInput) -> Result<(), validator::ValidationError> {
    if n.help_kind == HelpKind::Time
        && !matches!(n.ask_unit, AskUnit::VolunteerSlots | AskUnit::Hours)
    {
        return Err(validator::ValidationError::new("ask_unit")
            .with_message("Help with time is asked in volunteer slots or hours.".into()));
    }
    Ok(())
}

/// `POST /api/v1/needs` and `PUT /api/v1/needs/{id}` (a need stays with its school and year).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"school_id": "01a205e1-5e5f-7124-aeee-246a84093505", "school_year": 2026, "support_area": "academics", "priority_id": "01a205e1-5e5f-7124-aeee-246a84093506", "help_kind": "time", "description": "Reading buddies for second graders", "ask_unit": "volunteer_slots", "ask_quantity": 12, "timeframe": "Spring semester", "rank": 1, "visible_to_partners": true, "internal_notes": ""})))]
#[validate(schema(function = "check_need", skip_on_field_errors = false))]
pub struct NeedInput {
    /// The school.
    pub school_id: SchoolId,
    /// The school year, by the year it starts in (2000–2100).
    #[validate(range(
        min = 2000,
        max = 2100,
        message = "Enter a school year between 2000 and 2100."
    ))]
    #[cfg_attr(feature = "openapi", schema(minimum = 2000, maximum = 2100))]
    pub school_year: i32,
    /// The support area.
    pub support_area: SupportArea,
    /// The strategic-plan priority it aligns with (an active one, for a new need).
    pub priority_id: PriorityId,
    /// Time, treasure or talent.
    pub help_kind: HelpKind,
    /// What the school needs (1–1000 characters).
    #[validate(length(min = 1, max = 1000, code = "required", message = "Describe the need."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub description: String,
    /// What the ask counts.
    pub ask_unit: AskUnit,
    /// How many (1–10,000,000).
    #[validate(range(
        min = 1,
        max = 10_000_000,
        message = "Enter a number from 1 to 10,000,000."
    ))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 10_000_000))]
    pub ask_quantity: u32,
    /// When (free text, up to 120 characters).
    #[serde(default)]
    #[validate(length(max = 120, message = "Use at most 120 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 120))]
    pub timeframe: String,
    /// The school's rank for it, 1–20; 1 to 3 are its primary needs. Each rank once per
    /// school and year among needs that are not withdrawn (409 `rank_taken`).
    #[validate(range(min = 1, max = 20, message = "Enter a rank from 1 to 20."))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 20))]
    pub rank: u32,
    /// Partners may see it (default yes).
    #[serde(default = "yes")]
    pub visible_to_partners: bool,
    /// The school's internal notes, never shown to partners.
    #[serde(default)]
    #[validate(length(max = 2000, message = "Use at most 2000 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub internal_notes: String,
}

/// `POST /api/v1/needs/{id}/transition`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"action": "meet", "reason": "Twelve volunteers from Queen City Readers signed up."})))]
pub struct NeedTransition {
    /// What happens.
    pub action: NeedAction,
    /// Why (up to 500 characters).
    #[serde(default)]
    #[validate(length(max = 500, message = "Use at most 500 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub reason: String,
}

/// Filters of `GET /api/v1/needs`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct NeedQuery {
    /// Only this school's.
    pub school_id: Option<SchoolId>,
    /// Only this school year (by the year it starts in).
    #[cfg_attr(feature = "openapi", param(minimum = 2000, maximum = 2100))]
    pub school_year: Option<i32>,
    /// Only this status.
    pub status: Option<NeedStatus>,
    /// Only primary (true) or secondary (false) needs.
    pub primary: Option<bool>,
    /// Page size, 1–100 (default 25); anything else is a 422.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

// ---------- the needs assessment ----------

/// `GET /api/v1/needs/assessment`: the school year the office opened the needs assessment for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NeedsAssessment {
    /// The open school year, by the year it starts in (none: never opened).
    pub school_year: Option<i32>,
    /// The same, as the office writes it ("2026-27").
    pub school_year_label: Option<String>,
    /// When it was opened.
    pub opened_at: Option<DateTime<Utc>>,
    /// The version (`ETag`; 0 while it was never opened).
    pub version: i32,
}

/// `PUT /api/v1/needs/assessment`: open the needs assessment for a school year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"school_year": 2026})))]
pub struct OpenAssessment {
    /// The school year, by the year it starts in (2000–2100).
    #[validate(range(
        min = 2000,
        max = 2100,
        message = "Enter a school year between 2000 and 2100."
    ))]
    #[cfg_attr(feature = "openapi", schema(minimum = 2000, maximum = 2100))]
    pub school_year: i32,
}

/// What opening the needs assessment did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssessmentOpened {
    /// The assessment now.
    pub assessment: NeedsAssessment,
    /// Active schools that lack three primary needs for the year.
    pub schools_lacking: u32,
    /// Reminders queued: one per active coordinator of such schools, naming them.
    pub reminders_queued: u32,
}

// ---------- coverage ----------

/// Filters of `GET /api/v1/metrics/needs-coverage`: the drill-down.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct CoverageQuery {
    /// The school year, by the year it starts in (default: the current one).
    #[cfg_attr(feature = "openapi", param(minimum = 2000, maximum = 2100))]
    pub school_year: Option<i32>,
    /// Only this region (exact).
    pub region: Option<String>,
    /// Only this level.
    pub level: Option<SchoolLevel>,
    /// Only Title I (true) or non-Title I (false) schools.
    pub title_i: Option<bool>,
    /// Only this designation.
    pub designation: Option<Designation>,
}

/// An active school and how many of its needs count toward coverage (the function's input).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SchoolCoverage {
    /// The school.
    pub school_id: SchoolId,
    /// Its code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Its region.
    pub region: String,
    /// Its level.
    pub level: SchoolLevel,
    /// Title I.
    pub title_i: bool,
    /// CSI/TSI.
    pub designation: Designation,
    /// Primary needs for the year that are not withdrawn.
    pub primary_needs: u32,
}

impl SchoolCoverage {
    /// Three primary needs or more.
    pub fn covered(&self) -> bool {
        self.primary_needs >= PRIMARY_RANKS
    }
}

/// Covered schools of one group (a region, a level…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoverageGroup {
    /// The group's value (`West`, `elementary`, `true`, `csi`…).
    pub key: String,
    /// Active schools in it.
    pub schools: u32,
    /// Of those, covered.
    pub covered: u32,
}

/// `GET /api/v1/metrics/needs-coverage`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Coverage {
    /// The school year, by the year it starts in.
    pub school_year: i32,
    /// The same, as the office writes it ("2026-27").
    pub school_year_label: String,
    /// Active schools (in the caller's view and the filters).
    pub schools: u32,
    /// Of those, with three primary needs.
    pub covered: u32,
    /// covered ÷ schools, in percent, to one decimal (0 when there is no school).
    pub percent: f64,
    /// The goal (`needs_coverage`: target percent and deadline).
    pub goal: Option<Goal>,
    /// By region.
    pub by_region: Vec<CoverageGroup>,
    /// By level.
    pub by_level: Vec<CoverageGroup>,
    /// By Title I (`true`/`false`).
    pub by_title_i: Vec<CoverageGroup>,
    /// By CSI/TSI designation.
    pub by_designation: Vec<CoverageGroup>,
    /// The schools that lack three primary needs, fewest first, then by name.
    pub lacking: Vec<SchoolCoverage>,
    /// What "covered" means.
    pub definition: String,
}

fn group_by(
    schools: &[SchoolCoverage],
    key: impl Fn(&SchoolCoverage) -> String,
) -> Vec<CoverageGroup> {
    let mut groups: std::collections::BTreeMap<String, (u32, u32)> = Default::default();
    for s in schools {
        let e = groups.entry(key(s)).or_default();
        e.0 += 1;
        e.1 += u32::from(s.covered());
    }
    groups
        .into_iter()
        .map(|(key, (schools, covered))| CoverageGroup {
            key,
            schools,
            covered,
        })
        .collect()
}

/// Coverage of the active schools given (already filtered to the caller's view).
pub fn coverage(school_year: i32, schools: Vec<SchoolCoverage>, goal: Option<Goal>) -> Coverage {
    let total = schools.len() as u32;
    let covered = schools.iter().filter(|s| s.covered()).count() as u32;
    let percent = if total == 0 {
        0.0
    } else {
        (f64::from(covered) * 1000.0 / f64::from(total)).round() / 10.0
    };
    let mut lacking: Vec<SchoolCoverage> =
        schools.iter().filter(|s| !s.covered()).cloned().collect();
    lacking.sort_by(|a, b| {
        a.primary_needs
            .cmp(&b.primary_needs)
            .then_with(|| a.name.cmp(&b.name))
    });
    Coverage {
        school_year,
        school_year_label: school_year_label(school_year),
        schools: total,
        covered,
        percent,
        goal,
        by_region: group_by(&schools, |s| s.region.clone()),
        by_level: group_by(&schools, |s| s.level.as_str().to_string()),
        by_title_i: group_by(&schools, |s| s.title_i.to_string()),
        by_designation: group_by(&schools, |s| s.designation.as_str().to_string()),
        lacking,
        definition: COVERAGE_DEFINITION.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_need_moves_only_along_its_allowed_steps() {
        use NeedAction as A;
        use NeedStatus as S;
        let table = [
            (S::Open, A::PartlyMeet, Some(S::PartlyMet)),
            (S::Open, A::Meet, Some(S::Met)),
            (S::Open, A::Withdraw, Some(S::Withdrawn)),
            (S::Open, A::Reopen, None),
            (S::PartlyMet, A::PartlyMeet, None),
            (S::PartlyMet, A::Meet, Some(S::Met)),
            (S::PartlyMet, A::Withdraw, Some(S::Withdrawn)),
            (S::PartlyMet, A::Reopen, Some(S::Open)),
            (S::Met, A::Meet, None),
            (S::Met, A::Withdraw, None),
            (S::Met, A::Reopen, Some(S::Open)),
            (S::Withdrawn, A::Meet, None),
            (S::Withdrawn, A::Reopen, Some(S::Open)),
        ];
        for (from, action, to) in table {
            assert_eq!(next_need_status(from, action).ok(), to, "{from} + {action}");
        }
    }

    #[test]
    fn only_the_first_three_ranks_are_primary_and_withdrawn_ones_do_not_count() {
        assert!(is_primary(1) && is_primary(3));
        assert!(!is_primary(0) && !is_primary(4));
        assert!(counts_for_coverage(2, NeedStatus::Met));
        assert!(counts_for_coverage(2, NeedStatus::Open));
        assert!(!counts_for_coverage(2, NeedStatus::Withdrawn));
        assert!(!counts_for_coverage(5, NeedStatus::Open));
    }

    #[test]
    fn the_school_year_is_written_as_the_office_writes_it() {
        assert_eq!(school_year_label(2026), "2026-27");
        assert_eq!(school_year_label(2099), "2099-00");
    }

    fn school(name: &str, region: &str, title_i: bool, primary_needs: u32) -> SchoolCoverage {
        SchoolCoverage {
            school_id: SchoolId::new(),
            code: name[..1].into(),
            name: name.into(),
            region: region.into(),
            level: SchoolLevel::Elementary,
            title_i,
            designation: Designation::None,
            primary_needs,
        }
    }

    #[test]
    fn coverage_counts_schools_with_three_primary_needs() {
        let c = coverage(
            2026,
            vec![
                school("Ashley Park", "West", true, 3),
                school("Bruns", "West", true, 2),
                school("Cotswold", "East", false, 4),
                school("Devonshire", "East", true, 0),
            ],
            None,
        );
        assert_eq!((c.schools, c.covered, c.percent), (4, 2, 50.0));
        assert_eq!(
            c.lacking
                .iter()
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>(),
            ["Devonshire", "Bruns"]
        );
        assert_eq!(
            c.by_region,
            [
                CoverageGroup {
                    key: "East".into(),
                    schools: 2,
                    covered: 1
                },
                CoverageGroup {
                    key: "West".into(),
                    schools: 2,
                    covered: 1
                },
            ]
        );
        assert_eq!(
            c.by_title_i,
            [
                CoverageGroup {
                    key: "false".into(),
                    schools: 1,
                    covered: 1
                },
                CoverageGroup {
                    key: "true".into(),
                    schools: 3,
                    covered: 1
                },
            ]
        );
        assert_eq!(coverage(2026, vec![], None).percent, 0.0);
        let third = coverage(
            2026,
            vec![
                school("A", "W", true, 3),
                school("B", "W", true, 0),
                school("C", "W", true, 1),
            ],
            None,
        );
        assert_eq!(third.percent, 33.3);
    }

    #[test]
    fn every_message_of_the_need_form_has_a_spanish_text() {
        let bad = NeedInput {
            school_id: SchoolId::new(),
            school_year: 1999,
            support_area: SupportArea::Academics,
            priority_id: PriorityId::new(),
            help_kind: HelpKind::Time,
            description: String::new(),
            ask_unit: AskUnit::Dollars,
            ask_quantity: 0,
            timeframe: "x".repeat(121),
            rank: 0,
            visible_to_partners: true,
            internal_notes: String::new(),
        };
        let errors = crate::problem::field_errors(&bad.validate().unwrap_err());
        assert_eq!(errors.len(), 6, "{errors:?}");
        for e in errors {
            assert!(
                crate::problem::spanish(&e.message).is_some(),
                "no Spanish for {:?}",
                e.message
            );
        }
    }
}
