//! The partnership application: the public form, its draft/submit life, and what staff see.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

use crate::intake::{
    ApplicationAction, ApplicationStatus, CommitmentLevel, ContributionKind, EligibilityCriterion,
    FormalProcess, OrganizationType, PlanningItem, Reason, Routing, RoutingAnswers, SupportArea,
    TaxStatus,
};
use crate::{ApplicationId, OrganizationId, SchoolId, UserId};

/// The organization, as the applicant describes it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicantOrganization {
    /// Legal name.
    #[validate(length(
        min = 2,
        max = 200,
        code = "required",
        message = "Enter the organization's legal name."
    ))]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub legal_name: String,
    /// Kind of organization.
    pub org_type: Option<OrganizationType>,
    /// Tax status.
    pub tax_status: Option<TaxStatus>,
    /// EIN, `12-3456789` (optional).
    #[serde(default)]
    pub ein: String,
    /// Website (optional).
    #[serde(default)]
    #[validate(length(max = 200, message = "Use at most 200 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub website: String,
    /// City.
    #[serde(default)]
    #[validate(length(max = 80, message = "Use at most 80 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 80))]
    pub city: String,
}

/// The person the office will talk to.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicantContact {
    /// Full name.
    #[validate(length(min = 1, max = 120, code = "required", message = "Enter your name."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 120))]
    pub name: String,
    /// Job title.
    #[serde(default)]
    #[validate(length(max = 120, message = "Use at most 120 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 120))]
    pub title: String,
    /// Email (the resume link goes here).
    #[validate(email(code = "email", message = "Enter a valid email address."))]
    pub email: String,
    /// Phone.
    #[serde(default)]
    #[validate(length(max = 20, message = "Use at most 20 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 20))]
    pub phone: String,
}

/// The proposed program.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[validate(schema(function = "check_program"))]
pub struct ProposedProgram {
    /// Name of the program or service.
    #[validate(length(
        min = 2,
        max = 200,
        code = "required",
        message = "Name the program or service."
    ))]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub title: String,
    /// What it is and how it works.
    #[validate(length(
        min = 10,
        max = 4000,
        code = "required",
        message = "Describe the program (10 to 4000 characters)."
    ))]
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    pub description: String,
    /// Its goals.
    #[serde(default)]
    #[validate(length(max = 2000, message = "Use at most 2000 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub goals: String,
    /// Support areas it serves (at least one).
    #[serde(default)]
    pub support_areas: Vec<SupportArea>,
    /// Contribution types (at least one).
    #[serde(default)]
    pub contributions: Vec<ContributionKind>,
    /// Time: expected number of volunteers.
    pub volunteers_expected: Option<u32>,
    /// Treasure: cash, estimated US dollars.
    pub cash_value_usd: Option<u32>,
    /// Treasure: in-kind, estimated US dollars.
    pub in_kind_value_usd: Option<u32>,
    /// Treasure: what the in-kind donation is.
    #[serde(default)]
    #[validate(length(max = 1000, message = "Use at most 1000 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub in_kind_description: String,
    /// One-time event or ongoing commitment.
    pub commitment: Option<CommitmentLevel>,
    /// Ongoing: how often (e.g. weekly).
    #[serde(default)]
    #[validate(length(max = 120, message = "Use at most 120 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 120))]
    pub frequency: String,
    /// Ongoing: school year (e.g. 2026-27).
    #[serde(default)]
    #[validate(length(max = 20, message = "Use at most 20 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 20))]
    pub school_year: String,
    /// Schools to serve.
    #[serde(default)]
    pub school_ids: Vec<SchoolId>,
    /// Departments to serve (free text).
    #[serde(default)]
    #[validate(length(max = 500, message = "Use at most 500 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub departments: String,
    /// Grades served (e.g. K-2, 9-12).
    #[serde(default)]
    #[validate(length(max = 60, message = "Use at most 60 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 60))]
    pub grades: String,
    /// Expected number of students served.
    pub students_expected: Option<u32>,
    /// First day.
    pub start_date: Option<NaiveDate>,
    /// Last day.
    pub end_date: Option<NaiveDate>,
}

fn err(code: &'static str, msg: &'static str) -> ValidationError {
    ValidationError::new(code).with_message(msg.into())
}

fn check_program(p: &ProposedProgram) -> Result<(), ValidationError> {
    if p.support_areas.is_empty() {
        return Err(err("support_areas", "Choose at least one support area."));
    }
    if p.contributions.is_empty() {
        return Err(err(
            "contributions",
            "Choose at least one kind of contribution.",
        ));
    }
    if p.commitment.is_none() {
        return Err(err(
            "commitment",
            "Say whether this is a one-time event or an ongoing commitment.",
        ));
    }
    if p.school_ids.is_empty() && p.departments.trim().is_empty() {
        return Err(err(
            "school_ids",
            "Name at least one school or department to serve.",
        ));
    }
    if p.contributions.contains(&ContributionKind::Treasure)
        && p.cash_value_usd.is_none()
        && p.in_kind_value_usd.is_none()
    {
        return Err(err(
            "cash_value_usd",
            "Give the estimated value of the cash or in-kind donation.",
        ));
    }
    if let (Some(s), Some(e)) = (p.start_date, p.end_date)
        && e < s
    {
        return Err(err("end_date", "The last day comes before the first day."));
    }
    Ok(())
}

/// The whole public form. Drafts may be incomplete, so the schema states only the limits that
/// always hold (at most so many characters); required answers and formats are checked when the
/// form is submitted (422 naming each field).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationForm {
    /// The organization.
    #[validate(nested)]
    #[serde(default)]
    pub organization: ApplicantOrganization,
    /// The contact person.
    #[validate(nested)]
    #[serde(default)]
    pub contact: ApplicantContact,
    /// The program.
    #[validate(nested)]
    #[serde(default)]
    pub program: ProposedProgram,
    /// The routing questions.
    #[serde(default)]
    pub routing: RoutingAnswers,
    /// The applicant's language (`en` or `es`), for messages to them.
    #[serde(default = "english")]
    pub language: String,
}

fn english() -> String {
    "en".into()
}

/// `POST /api/v1/public/applications`: start a draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"form": {"organization": {"legal_name": "Reading Buddies", "org_type": "nonprofit", "tax_status": "nonprofit"}, "contact": {"name": "Rosa Méndez", "email": "rosa@readingbuddies.example.org"}, "program": {"title": "Reading buddies", "description": "Volunteers read with K-2 students every week.", "support_areas": ["academics"], "contributions": ["time"], "volunteers_expected": 12, "commitment": "ongoing", "frequency": "weekly", "school_ids": ["01a205e1-5e5f-7124-aeee-246a84093505"]}, "routing": {"free_for_participants": true, "uses_facilities": true, "contact_with_people": true, "students_participate": true}, "language": "es"}, "fax_number": ""})))]
pub struct StartApplication {
    /// What the applicant has filled in so far.
    pub form: ApplicationForm,
    /// Leave empty. (A field people do not see; bots fill it in.)
    #[serde(default)]
    pub fax_number: String,
}

/// The applicant's view of their application (public link or partner login).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicantView {
    /// The application's id.
    pub id: ApplicationId,
    /// Where it is.
    pub status: ApplicationStatus,
    /// The form.
    pub form: ApplicationForm,
    /// The staff's message when returned for information.
    pub message: Option<String>,
    /// History visible to the applicant (no staff-only notes).
    pub history: Vec<HistoryEntry>,
    /// Optimistic-concurrency version; also the `ETag`.
    pub version: i32,
}

/// A started draft: keep the token; it is the only way back to the draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftCreated {
    /// The application.
    pub application: ApplicantView,
    /// The secret that opens the draft (`/apply/{token}`); also emailed to the contact.
    pub resume_token: String,
}

/// `POST /api/v1/applications/{id}/resume-link`: a fresh link to the applicant's form, for a
/// partner who is signed in (to answer a return for information, or to withdraw).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResumeLink {
    /// Opens the form at `/apply/{resume_token}`; earlier links stop working.
    pub resume_token: String,
}

/// One step in an application's life.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryEntry {
    /// When.
    pub at: DateTime<Utc>,
    /// Who (absent for the applicant and the system).
    pub actor_id: Option<UserId>,
    /// The step taken (`submit`, `start_vetting`…), or `note`.
    pub action: String,
    /// Status before.
    pub from: Option<ApplicationStatus>,
    /// Status after.
    pub to: Option<ApplicationStatus>,
    /// The note, reason or message.
    pub note: Option<String>,
    /// Whether only staff see it.
    pub staff_only: bool,
}

wire_enum!(
    /// The answer to a checklist item.
    CheckAnswer {
        /// Not answered yet.
        Pending => "pending",
        /// Confirmed / done.
        Yes => "yes",
        /// Not met.
        No => "no",
        /// Does not apply (decided by a rule).
        NotApplicable => "not_applicable",
    }
);

/// A vetting criterion and its answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CriterionCheck {
    /// The criterion.
    pub criterion: EligibilityCriterion,
    /// The answer.
    pub answer: CheckAnswer,
    /// Notes.
    pub note: String,
}

/// A planning item, whether it applies (and the rule that said so) and its answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanningCheck {
    /// The item.
    pub item: PlanningItem,
    /// Whether it applies.
    pub applies: bool,
    /// The rule that decided.
    pub rule: Reason,
    /// The answer (`not_applicable` when it does not apply).
    pub answer: CheckAnswer,
    /// Notes.
    pub note: String,
}

wire_enum!(
    /// Status of a formal-process sub-task.
    SubtaskStatus {
        /// Not started.
        Open => "open",
        /// Under way.
        InProgress => "in_progress",
        /// Finished.
        Done => "done",
        /// Turned out not to be needed.
        NotNeeded => "not_needed",
    }
);

impl SubtaskStatus {
    /// Whether it no longer blocks approval.
    pub fn is_settled(self) -> bool {
        matches!(self, Self::Done | Self::NotNeeded)
    }
}

/// A formal process to complete before approval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Subtask {
    /// The process.
    pub process: FormalProcess,
    /// Its status.
    pub status: SubtaskStatus,
    /// Who owns it.
    pub owner_id: Option<UserId>,
    /// Notes.
    pub note: String,
}

/// An application as staff see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Application {
    /// The application's id.
    pub id: ApplicationId,
    /// Where it is.
    pub status: ApplicationStatus,
    /// The organization it belongs to, once submitted (none while a possible match waits for
    /// staff).
    pub organization_id: Option<OrganizationId>,
    /// An organization of the directory that this application seems to come from (same EIN,
    /// or a similar name and website). Nothing is linked until staff confirm it or create a new
    /// organization (`PUT /api/v1/applications/{id}/organization-match`).
    pub possible_match: Option<OrganizationMatch>,
    /// The form.
    pub form: ApplicationForm,
    /// The staff owner.
    pub owner_id: Option<UserId>,
    /// The collaborating department (free text).
    pub collaborating_department: String,
    /// The collaborating school.
    pub collaborating_school_id: Option<SchoolId>,
    /// Step 1 checklist.
    pub vetting: Vec<CriterionCheck>,
    /// Step 2 checklist.
    pub planning: Vec<PlanningCheck>,
    /// Step 3: which formal processes apply, and why.
    pub routing: Vec<Routing>,
    /// Formal processes that would apply but are not required, and why (a one-time event's
    /// partnership agreement). Staff may require it anyway
    /// (`POST /api/v1/applications/{id}/require-agreement`).
    pub waived: Vec<Routing>,
    /// Staff required the partnership agreement although it is a one-time event.
    pub agreement_required: bool,
    /// Step 3 sub-tasks (created on entering formalizing).
    pub subtasks: Vec<Subtask>,
    /// Every step and note, oldest first.
    pub history: Vec<HistoryEntry>,
    /// When it was submitted.
    pub submitted_at: Option<DateTime<Utc>>,
    /// When it entered its current status (ageing).
    pub status_changed_at: DateTime<Utc>,
    /// Optimistic-concurrency version; also the `ETag`.
    pub version: i32,
    /// When the draft was started.
    pub created_at: DateTime<Utc>,
}

/// One line of the staff pipeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationSummary {
    /// The application's id.
    pub id: ApplicationId,
    /// Where it is.
    pub status: ApplicationStatus,
    /// The organization's name as given.
    pub organization_name: String,
    /// The program's title.
    pub program_title: String,
    /// Support areas.
    pub support_areas: Vec<SupportArea>,
    /// Schools to serve.
    pub school_ids: Vec<SchoolId>,
    /// The staff owner.
    pub owner_id: Option<UserId>,
    /// When it entered its current status.
    pub status_changed_at: DateTime<Utc>,
    /// When it was submitted.
    pub submitted_at: Option<DateTime<Utc>>,
}

/// One column of the pipeline board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Stage {
    /// The stage.
    pub status: ApplicationStatus,
    /// How many applications are in it.
    pub count: u64,
    /// When the longest-waiting one entered it.
    pub oldest_since: Option<DateTime<Utc>>,
}

/// Filters of `GET /api/v1/applications`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct ApplicationQuery {
    /// Only this status (drafts are never listed).
    pub status: Option<ApplicationStatus>,
    /// Only applications serving this support area.
    pub support_area: Option<SupportArea>,
    /// Only applications serving this school.
    pub school_id: Option<SchoolId>,
    /// Only applications owned by this staff member.
    pub owner_id: Option<UserId>,
    /// Only applications that have been in their current status for at least this many days
    /// (0–3650): the ones waiting longest.
    #[cfg_attr(feature = "openapi", param(maximum = 3650))]
    pub min_days_in_status: Option<u32>,
    /// Free text: organization name or program title.
    pub q: Option<String>,
    /// Page size, 1–100 (default 25); anything else is a 422.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// A step request: `POST /api/v1/applications/{id}/transitions`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"action": "return_for_information", "note": "Which grades will you serve?", "override_criteria": false})))]
pub struct TransitionRequest {
    /// The step.
    pub action: ApplicationAction,
    /// Required for decline, withdraw and return for information.
    pub note: Option<String>,
    /// Admin only: move to planning although not every criterion is confirmed (recorded).
    #[serde(default)]
    pub override_criteria: bool,
}

/// `POST /api/v1/public/applications/{token}/withdraw`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WithdrawRequest {
    /// Why (required).
    pub reason: String,
}

/// `PUT /api/v1/applications/{id}/checklist/{item}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"answer": "yes", "note": "Confirmed with the principal"})))]
pub struct ChecklistAnswer {
    /// The answer.
    pub answer: CheckAnswer,
    /// Notes.
    #[serde(default)]
    pub note: String,
}

/// `PUT /api/v1/applications/{id}/subtasks/{process}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"status": "done", "owner_id": null, "note": "Agreement signed"})))]
pub struct SubtaskUpdate {
    /// The status.
    pub status: SubtaskStatus,
    /// Who owns it.
    pub owner_id: Option<UserId>,
    /// Notes.
    #[serde(default)]
    pub note: String,
}

/// `PUT /api/v1/applications/{id}/assignment`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Assignment {
    /// The staff owner.
    pub owner_id: Option<UserId>,
    /// The collaborating department.
    #[serde(default)]
    pub collaborating_department: String,
    /// The collaborating school.
    #[serde(default)]
    pub collaborating_school_id: Option<SchoolId>,
}

/// `POST /api/v1/applications/{id}/notes`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewNote {
    /// The note.
    #[validate(length(
        min = 1,
        max = 4000,
        message = "Write a note of at most 4000 characters."
    ))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 4000))]
    pub text: String,
    /// Hidden from the partner.
    #[serde(default = "yes")]
    pub staff_only: bool,
}

fn yes() -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> ApplicationForm {
        ApplicationForm {
            organization: ApplicantOrganization {
                legal_name: "Reading Buddies".into(),
                ..Default::default()
            },
            contact: ApplicantContact {
                name: "Rosa".into(),
                email: "rosa@example.org".into(),
                ..Default::default()
            },
            program: ProposedProgram {
                title: "Reading buddies".into(),
                description: "Volunteers read with K-2 students weekly.".into(),
                support_areas: vec![SupportArea::Academics],
                contributions: vec![ContributionKind::Time],
                commitment: Some(CommitmentLevel::Ongoing),
                departments: "Literacy".into(),
                ..Default::default()
            },
            routing: RoutingAnswers::default(),
            language: "en".into(),
        }
    }

    #[test]
    fn a_complete_form_validates() {
        assert!(complete().validate().is_ok());
    }

    #[test]
    fn missing_choices_are_reported_on_the_program() {
        let mut f = complete();
        f.program.support_areas.clear();
        let errs = crate::problem::field_errors(&f.validate().unwrap_err());
        assert_eq!(errs[0].code, "support_areas");
        let mut f = complete();
        f.program.contributions = vec![ContributionKind::Treasure];
        let errs = crate::problem::field_errors(&f.validate().unwrap_err());
        assert_eq!(errs[0].code, "cash_value_usd");
    }
}

/// A directory organization that a submitted application seems to come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganizationMatch {
    /// The organization.
    pub organization_id: OrganizationId,
    /// Its legal name.
    pub legal_name: String,
}

wire_enum!(
    /// What staff decide about a possible match.
    MatchDecision {
        /// It is that organization: link the application and add the applicant as a contact.
        Link => "link",
        /// It is not: create a new organization from the application.
        NewOrganization => "new_organization",
    }
);

/// `PUT /api/v1/applications/{id}/organization-match`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"decision": "link"})))]
pub struct MatchResolution {
    /// The decision.
    pub decision: MatchDecision,
}

/// `POST /api/v1/applications/{id}/require-agreement`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"note": "Weekly follow-up visits are planned after the event"})))]
pub struct RequireAgreement {
    /// Why (kept in the history).
    #[validate(length(min = 1, max = 2000, message = "Say why the agreement is required."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 2000))]
    pub note: String,
}
