//! Agreements (MOUs): their life from draft to signed, active, renewed, expired or terminated;
//! deliverables, signatures, document versions, the final report; and the one definition of an
//! "active MOU" that the district's goal is counted against.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use validator::{Validate, ValidationError};

use crate::intake::{FormalProcess, StepError};
use crate::user::InvalidTransition;
use crate::{AgreementId, ApplicationId, ContactId, OrganizationId, SchoolId, UserId};

/// How the API and the SPA state what is counted.
pub const ACTIVE_MOU_DEFINITION: &str = "A partner counts as having an active MOU in a quarter when at least one of its agreements of a counted kind (the goal's counted_kinds: partnership agreements) was in force (active, or active with its renewal pending) on the quarter's last day. Counts come from the dated history of status changes, so a past quarter's number does not change later.";

/// The key of the district goal for active MOUs.
pub const ACTIVE_MOUS_GOAL: &str = "active_mous";

wire_enum!(
    /// What kind of agreement.
    AgreementKind {
        /// Community Partnerships & Family Engagement agreement.
        CommunityPartnership => "community_partnership",
        /// Community use of school facilities.
        FacilitiesUse => "facilities_use",
        /// Data sharing / research.
        DataSharing => "data_sharing",
        /// Procurement contract.
        Procurement => "procurement",
        /// Anything else.
        Other => "other",
    }
);

impl AgreementKind {
    /// The agreement a formal process of intake leads to.
    pub fn for_process(p: FormalProcess) -> AgreementKind {
        match p {
            FormalProcess::PartnershipAgreement => Self::CommunityPartnership,
            FormalProcess::CommunityUseOfSchools => Self::FacilitiesUse,
            FormalProcess::DataCollection => Self::DataSharing,
            FormalProcess::Procurement => Self::Procurement,
        }
    }
}

wire_enum!(
    /// Where an agreement is in its life.
    AgreementStatus {
        /// Being written.
        Draft => "draft",
        /// Reviewed by the office (and legal where needed).
        InReview => "in_review",
        /// Sent to both parties to sign.
        AwaitingSignatures => "awaiting_signatures",
        /// Signed by both parties and in effect.
        Active => "active",
        /// In effect; a renewal is being prepared.
        RenewalPending => "renewal_pending",
        /// Ended on its expiry date.
        Expired => "expired",
        /// Ended early (with a reason).
        Terminated => "terminated",
    }
);

impl AgreementStatus {
    /// In force: counts as an active MOU.
    pub fn in_force(self) -> bool {
        matches!(self, Self::Active | Self::RenewalPending)
    }
    /// Ended for good.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Expired | Self::Terminated)
    }
    /// Terms, parties and deliverables can still be edited.
    pub fn is_editable(self) -> bool {
        matches!(self, Self::Draft | Self::InReview)
    }
}

wire_enum!(
    /// A step of an agreement's life.
    AgreementAction {
        /// Staff send the draft for review.
        SubmitForReview => "submit_for_review",
        /// Staff send it back to draft (with a note).
        ReturnToDraft => "return_to_draft",
        /// Staff send it to both parties to sign (dates and a deliverable needed).
        SendForSignature => "send_for_signature",
        /// The system: both parties signed and the effective date has come.
        Activate => "activate",
        /// Staff start a renewal.
        StartRenewal => "start_renewal",
        /// Staff renew it for a new term (a new expiry date).
        Renew => "renew",
        /// The system: the expiry date has passed.
        Expire => "expire",
        /// Staff end it early (with a reason).
        Terminate => "terminate",
    }
);

/// Who acts on an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgreementActor {
    /// Office staff or admin.
    Staff,
    /// The server itself (signatures complete, dates).
    System,
}

impl AgreementAction {
    /// Whether the action needs a note (a reason).
    pub fn needs_note(self) -> bool {
        matches!(self, Self::ReturnToDraft | Self::Terminate)
    }
    /// Who may take it.
    pub fn allowed_for(self, actor: AgreementActor) -> bool {
        match self {
            Self::Activate | Self::Expire => actor == AgreementActor::System,
            _ => actor == AgreementActor::Staff,
        }
    }
}

/// The one place that decides an agreement's next status.
pub fn next_status(
    from: AgreementStatus,
    action: AgreementAction,
    actor: AgreementActor,
    note: Option<&str>,
) -> Result<AgreementStatus, StepError> {
    use AgreementAction as A;
    use AgreementStatus as S;
    if !action.allowed_for(actor) {
        return Err(StepError::NotAllowed);
    }
    let to = match (from, action) {
        (S::Draft, A::SubmitForReview) => S::InReview,
        (S::InReview | S::AwaitingSignatures, A::ReturnToDraft) => S::Draft,
        (S::InReview, A::SendForSignature) => S::AwaitingSignatures,
        (S::AwaitingSignatures, A::Activate) => S::Active,
        (S::Active, A::StartRenewal) => S::RenewalPending,
        (S::Active | S::RenewalPending, A::Renew) => S::Active,
        (S::Active | S::RenewalPending, A::Expire) => S::Expired,
        (s, A::Terminate) if !s.is_final() => S::Terminated,
        (from, action) => {
            return Err(StepError::Transition(InvalidTransition {
                from: from.as_str(),
                action: action.as_str(),
            }));
        }
    };
    if action.needs_note() && note.is_none_or(|n| n.trim().is_empty()) {
        return Err(StepError::NoteRequired);
    }
    Ok(to)
}

wire_enum!(
    /// Who delivers a deliverable.
    Responsible {
        /// The partner organization.
        Partner => "partner",
        /// The district office or department.
        District => "district",
        /// The school(s).
        School => "school",
    }
);

wire_enum!(
    /// How a deliverable stands.
    DeliverableStatus {
        /// Agreed, not started.
        Planned => "planned",
        /// Under way.
        InProgress => "in_progress",
        /// Met its target.
        Met => "met",
        /// Did not meet its target.
        NotMet => "not_met",
    }
);

wire_enum!(
    /// A party to the agreement.
    Party {
        /// The school district.
        District => "district",
        /// The partner organization.
        Partner => "partner",
    }
);

fn err(code: &'static str, msg: &'static str) -> ValidationError {
    ValidationError::new(code).with_message(msg.into())
}

/// A deliverable as written in the agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeliverableInput {
    /// The deliverable's id when editing an existing one; absent for a new one.
    pub id: Option<crate::DeliverableId>,
    /// What is delivered.
    #[validate(length(
        min = 3,
        max = 500,
        code = "required",
        message = "Describe the deliverable (3 to 500 characters)."
    ))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 500))]
    pub description: String,
    /// Who delivers it.
    pub responsible: Responsible,
    /// How it is measured (e.g. "students tutored weekly").
    #[serde(default)]
    #[validate(length(max = 200, message = "Use at most 200 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub metric: String,
    /// The target (e.g. "40").
    #[serde(default)]
    #[validate(length(max = 200, message = "Use at most 200 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub target: String,
    /// Due date, when it has one.
    pub due_on: Option<NaiveDate>,
    /// Cadence (e.g. "weekly"), when recurring.
    #[serde(default)]
    #[validate(length(max = 60, message = "Use at most 60 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 60))]
    pub cadence: String,
}

/// A deliverable with its progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Deliverable {
    /// Its id.
    pub id: crate::DeliverableId,
    /// What is delivered.
    pub description: String,
    /// Who delivers it.
    pub responsible: Responsible,
    /// How it is measured.
    pub metric: String,
    /// The target.
    pub target: String,
    /// Due date.
    pub due_on: Option<NaiveDate>,
    /// Cadence.
    pub cadence: String,
    /// Progress.
    pub status: DeliverableStatus,
    /// Evidence notes.
    pub evidence: String,
}

/// `PUT /api/v1/agreements/{id}/deliverables/{deliverable_id}`: progress on a deliverable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"status": "in_progress", "evidence": "Sign-in sheets for September"})))]
pub struct DeliverableProgress {
    /// Progress.
    pub status: DeliverableStatus,
    /// Evidence notes.
    #[serde(default)]
    #[validate(length(max = 2000, message = "Use at most 2000 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub evidence: String,
}

/// The terms of an agreement: what `POST` creates and `PUT` replaces (draft and in review only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"title": "Reading buddies MOU 2026-27", "kind": "community_partnership", "organization_id": "01a205e1-5e5f-7124-aeee-246a84093505", "application_id": null, "school_ids": ["01a205e1-5e5f-7124-aeee-246a84093506"], "department": "Literacy", "owner_id": null, "partner_contact_id": null, "effective_from": "2026-08-15", "expires_on": "2027-06-30", "renewal_term_months": 12, "notice_period_days": 30, "deliverables": [{"description": "Volunteers read with K-2 students", "responsible": "partner", "metric": "students served weekly", "target": "40", "due_on": null, "cadence": "weekly"}]})))]
#[validate(schema(function = "check_terms"))]
pub struct AgreementInput {
    /// A short title.
    #[validate(length(
        min = 3,
        max = 200,
        code = "required",
        message = "Give the agreement a title (3 to 200 characters)."
    ))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 200))]
    pub title: String,
    /// Kind of agreement.
    pub kind: AgreementKind,
    /// The partner organization.
    pub organization_id: OrganizationId,
    /// The approved application it comes from, if any.
    pub application_id: Option<ApplicationId>,
    /// Collaborating schools.
    #[serde(default)]
    pub school_ids: Vec<SchoolId>,
    /// Collaborating department.
    #[serde(default)]
    #[validate(length(max = 200, message = "Use at most 200 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub department: String,
    /// The district owner (staff).
    pub owner_id: Option<UserId>,
    /// The partner's signatory (a contact of the organization).
    pub partner_contact_id: Option<ContactId>,
    /// In effect from.
    pub effective_from: Option<NaiveDate>,
    /// Expires on (the last day in effect).
    pub expires_on: Option<NaiveDate>,
    /// Renewal term, months (1–60).
    #[validate(range(min = 1, max = 60, message = "Use 1 to 60 months."))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 60))]
    pub renewal_term_months: Option<u16>,
    /// Notice period, days (0–365).
    #[validate(range(max = 365, message = "Use at most 365 days."))]
    #[cfg_attr(feature = "openapi", schema(maximum = 365))]
    pub notice_period_days: Option<u16>,
    /// Deliverables, jointly defined.
    #[serde(default)]
    #[validate(nested)]
    pub deliverables: Vec<DeliverableInput>,
}

fn check_terms(a: &AgreementInput) -> Result<(), ValidationError> {
    if a.school_ids.is_empty() && a.department.trim().is_empty() {
        return Err(err(
            "school_ids",
            "Name at least one collaborating school or department.",
        ));
    }
    if let (Some(from), Some(to)) = (a.effective_from, a.expires_on)
        && to <= from
    {
        return Err(err(
            "expires_on",
            "The expiry date must come after the effective date.",
        ));
    }
    if a.deliverables.len() > 50 {
        return Err(err("deliverables", "Use at most 50 deliverables."));
    }
    Ok(())
}

/// What an agreement still lacks before it can go out for signature.
pub fn missing_for_signature(a: &Agreement) -> Vec<&'static str> {
    let mut out = vec![];
    if a.effective_from.is_none() {
        out.push("effective_from");
    }
    if a.expires_on.is_none() {
        out.push("expires_on");
    }
    if a.deliverables.is_empty() {
        out.push("deliverables");
    }
    out
}

/// A recorded signature: typed name, time and address, as recorded consent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Signature {
    /// For whom.
    pub party: Party,
    /// The name the signer typed.
    pub signer_name: String,
    /// The signer's account.
    pub signer_id: Option<UserId>,
    /// When.
    pub signed_at: DateTime<Utc>,
    /// From which address (office staff only; empty for anyone else).
    pub ip: String,
    /// What was signed: the SHA-256 (hex) of the agreement file's latest version when this
    /// signature was given; none when the agreement had no file.
    pub document_sha256: Option<String>,
}

/// `POST /api/v1/agreements/{id}/signatures`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"party": "partner", "signer_name": "Rosa Méndez", "consent": true})))]
pub struct SignRequest {
    /// For which party (district: staff; partner: the organization's own login).
    pub party: Party,
    /// The signer's full name, typed.
    #[validate(length(
        min = 2,
        max = 120,
        code = "required",
        message = "Type your full name to sign."
    ))]
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 120))]
    pub signer_name: String,
    /// "I agree to sign this agreement electronically": must be true.
    #[validate(custom(function = "must_consent"))]
    pub consent: bool,
}

fn must_consent(c: &bool) -> Result<(), ValidationError> {
    if *c {
        Ok(())
    } else {
        Err(err(
            "consent",
            "Confirm that you agree to sign electronically.",
        ))
    }
}

/// One stored version of the agreement file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentVersion {
    /// 1, 2, 3…
    pub version: i32,
    /// The file name given at upload.
    pub filename: String,
    /// The type found from the file's content.
    pub content_type: String,
    /// Size in bytes.
    pub size_bytes: i64,
    /// SHA-256 of the content, hex.
    pub sha256: String,
    /// Who uploaded it.
    pub uploaded_by: Option<UserId>,
    /// When.
    pub uploaded_at: DateTime<Utc>,
}

/// One step or note in an agreement's life.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgreementHistoryEntry {
    /// When it was recorded.
    pub at: DateTime<Utc>,
    /// The day it took effect (what the quarterly count reads).
    pub effective_on: NaiveDate,
    /// Who (absent for the system).
    pub actor_id: Option<UserId>,
    /// What (`create`, `send_for_signature`, `sign_district`, `sign_partner`, `upload`, `activate`…).
    pub action: String,
    /// Status before.
    pub from: Option<AgreementStatus>,
    /// Status after.
    pub to: Option<AgreementStatus>,
    /// Note or reason.
    pub note: Option<String>,
}

/// The partner's result for one deliverable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeliverableResult {
    /// The deliverable.
    pub deliverable_id: crate::DeliverableId,
    /// What was achieved against the target (e.g. "38 students weekly").
    #[validate(length(
        min = 1,
        max = 500,
        code = "required",
        message = "Say what was achieved."
    ))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 500))]
    pub achieved: String,
    /// Whether the partner considers the target met.
    pub met: bool,
}

/// `PUT /api/v1/agreements/{id}/final-report`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FinalReportInput {
    /// Summary of the program's results.
    #[validate(length(
        min = 10,
        max = 4000,
        code = "required",
        message = "Summarize the results (10 to 4000 characters)."
    ))]
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 4000))]
    pub summary: String,
    /// One result per deliverable.
    #[validate(nested)]
    pub results: Vec<DeliverableResult>,
}

/// `POST /api/v1/agreements/{id}/final-report/review`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FinalReportReviewInput {
    /// Accept (deliverables become met / not met as reported) or ask for changes.
    pub accepted: bool,
    /// Note to the partner (required when asking for changes).
    #[serde(default)]
    #[validate(length(max = 2000, message = "Use at most 2000 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub note: String,
}

wire_enum!(
    /// Where the office's review of a final report stands.
    ReportReview {
        /// Waiting for the office.
        Submitted => "submitted",
        /// Accepted: the deliverables are met or not met as reported.
        Accepted => "accepted",
        /// Sent back to the partner with a note.
        ChangesRequested => "changes_requested",
    }
);

/// The partner's final report and the office's review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FinalReport {
    /// Summary.
    pub summary: String,
    /// Results per deliverable.
    pub results: Vec<DeliverableResult>,
    /// Who submitted it.
    pub submitted_by: Option<UserId>,
    /// When.
    pub submitted_at: DateTime<Utc>,
    /// Where the office's review stands.
    pub review_status: ReportReview,
    /// The reviewer's note.
    pub review_note: String,
}

/// An agreement with everything about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Agreement {
    /// Its id.
    pub id: AgreementId,
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: AgreementKind,
    /// Where it is.
    pub status: AgreementStatus,
    /// The partner organization.
    pub organization_id: OrganizationId,
    /// Its name.
    pub organization_name: String,
    /// The application it came from.
    pub application_id: Option<ApplicationId>,
    /// Collaborating schools.
    pub school_ids: Vec<SchoolId>,
    /// Collaborating department.
    pub department: String,
    /// District owner.
    pub owner_id: Option<UserId>,
    /// The district owner's name.
    pub owner_name: Option<String>,
    /// Partner signatory.
    pub partner_contact_id: Option<ContactId>,
    /// The partner signatory's name.
    pub partner_contact_name: Option<String>,
    /// In effect from.
    pub effective_from: Option<NaiveDate>,
    /// Last day in effect.
    pub expires_on: Option<NaiveDate>,
    /// Renewal term, months.
    pub renewal_term_months: Option<u16>,
    /// Notice period, days.
    pub notice_period_days: Option<u16>,
    /// Why it was terminated.
    pub end_reason: Option<String>,
    /// Deliverables.
    pub deliverables: Vec<Deliverable>,
    /// Signatures recorded.
    pub signatures: Vec<Signature>,
    /// Versions of the agreement file, newest last.
    pub documents: Vec<DocumentVersion>,
    /// Every step, oldest first.
    pub history: Vec<AgreementHistoryEntry>,
    /// The final report, once submitted.
    pub final_report: Option<FinalReport>,
    /// When it entered its current status.
    pub status_changed_at: DateTime<Utc>,
    /// Optimistic-concurrency version; also the `ETag`.
    pub version: i32,
    /// When it was created.
    pub created_at: DateTime<Utc>,
}

/// One line of the agreements list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgreementSummary {
    /// Its id.
    pub id: AgreementId,
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: AgreementKind,
    /// Status.
    pub status: AgreementStatus,
    /// Partner.
    pub organization_id: OrganizationId,
    /// Partner's name.
    pub organization_name: String,
    /// Collaborating schools.
    pub school_ids: Vec<SchoolId>,
    /// District owner.
    pub owner_id: Option<UserId>,
    /// In effect from.
    pub effective_from: Option<NaiveDate>,
    /// Last day in effect.
    pub expires_on: Option<NaiveDate>,
}

/// Filters of `GET /api/v1/agreements`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct AgreementQuery {
    /// Only this status.
    pub status: Option<AgreementStatus>,
    /// Only this kind.
    pub kind: Option<AgreementKind>,
    /// Only agreements with this collaborating school.
    pub school_id: Option<SchoolId>,
    /// Only this district owner.
    pub owner_id: Option<UserId>,
    /// Only this partner.
    pub organization_id: Option<OrganizationId>,
    /// Only agreements in force that expire within this many days (0–3650).
    #[cfg_attr(feature = "openapi", param(maximum = 3650))]
    pub expiring_within_days: Option<u32>,
    /// Free text: title or partner name.
    pub q: Option<String>,
    /// Page size, 1–100 (default 25); anything else is a 422.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// `POST /api/v1/agreements/{id}/transitions`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"action": "renew", "note": "Renewed for 2027-28", "new_expires_on": "2028-06-30"})))]
pub struct AgreementTransition {
    /// The step (`activate` and `expire` are taken by the system).
    pub action: AgreementAction,
    /// Required for `return_to_draft` and `terminate`.
    pub note: Option<String>,
    /// `renew`: the new last day in effect (after the current one).
    pub new_expires_on: Option<NaiveDate>,
}

/// A renewal reminder or an agreement close to its end: the "needs attention" list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttentionItem {
    /// The agreement.
    pub agreement: AgreementSummary,
    /// Days until it expires (negative: overdue for the expiry job).
    pub days_left: i64,
    /// The reminder threshold reached (90, 60 or 30 days), if a reminder was raised.
    pub reminder_days: Option<i32>,
}

/// A district goal (data, editable by admin).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Goal {
    /// `active_mous` or `active_volunteers`.
    pub key: String,
    /// Where the district started.
    pub baseline: i64,
    /// Where it wants to be.
    pub target: i64,
    /// By when.
    pub deadline: NaiveDate,
    /// The kinds of agreement the goal counts (the MOU goal: `community_partnership`); empty
    /// counts every kind, and means nothing for goals that are not about agreements.
    pub counted_kinds: Vec<AgreementKind>,
    /// Optimistic-concurrency version; also the `ETag`.
    pub version: i32,
}

/// `PUT /api/v1/goals/{key}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"baseline": 102, "target": 154, "deadline": "2025-06-30"})))]
pub struct GoalInput {
    /// Where the district started (0–10,000,000).
    #[validate(range(max = 10_000_000, message = "Use 0 to 10,000,000."))]
    #[cfg_attr(feature = "openapi", schema(maximum = 10_000_000))]
    pub baseline: i64,
    /// Where it wants to be (0–10,000,000).
    #[validate(range(max = 10_000_000, message = "Use 0 to 10,000,000."))]
    #[cfg_attr(feature = "openapi", schema(maximum = 10_000_000))]
    pub target: i64,
    /// By when.
    pub deadline: NaiveDate,
    /// Which kinds of agreement it counts (absent: unchanged).
    #[serde(default)]
    pub counted_kinds: Option<Vec<AgreementKind>>,
}

// ---------- counting against the goal ----------

/// A calendar quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    /// Year.
    pub year: i32,
    /// 1–4.
    pub q: u32,
}

impl Quarter {
    /// The quarter a day falls in.
    pub fn containing(d: NaiveDate) -> Quarter {
        Quarter {
            year: d.year(),
            q: d.month0() / 3 + 1,
        }
    }
    /// First day.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, (self.q - 1) * 3 + 1, 1).unwrap_or_default()
    }
    /// Last day.
    pub fn last_day(self) -> NaiveDate {
        self.next()
            .first_day()
            .pred_opt()
            .unwrap_or_else(|| self.first_day())
    }
    /// The quarter after.
    pub fn next(self) -> Quarter {
        if self.q == 4 {
            Quarter {
                year: self.year + 1,
                q: 1,
            }
        } else {
            Quarter {
                year: self.year,
                q: self.q + 1,
            }
        }
    }
    /// `2025-Q2`.
    pub fn label(self) -> String {
        format!("{}-Q{}", self.year, self.q)
    }
    /// The quarters from the one holding `from` to the one holding `to`, at most `max`.
    pub fn range(from: NaiveDate, to: NaiveDate, max: usize) -> Vec<Quarter> {
        let last = Quarter::containing(to);
        let mut q = Quarter::containing(from);
        let mut out = vec![];
        while q <= last && out.len() < max {
            out.push(q);
            q = q.next();
        }
        out
    }
}

/// A dated status change, as the count reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusChange {
    /// The agreement.
    pub agreement_id: AgreementId,
    /// Its partner.
    pub organization_id: OrganizationId,
    /// The day it took effect.
    pub effective_on: NaiveDate,
    /// Order among changes on the same day (recording order).
    pub seq: i64,
    /// The step.
    pub action: AgreementAction,
    /// The status after.
    pub to: AgreementStatus,
}

/// One quarter of the active-MOU count, with the agreements behind every number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuarterCount {
    /// `2025-Q2`.
    pub quarter: String,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day (the day counted).
    pub ends_on: NaiveDate,
    /// Partners with an agreement in force on the last day: the goal's measure.
    pub active_partners: u32,
    /// The agreements in force on the last day.
    pub active: Vec<AgreementId>,
    /// Agreements that came into force during the quarter.
    pub new: Vec<AgreementId>,
    /// Agreements renewed during the quarter.
    pub renewed: Vec<AgreementId>,
    /// Agreements that expired during the quarter.
    pub expired: Vec<AgreementId>,
    /// Agreements terminated during the quarter.
    pub terminated: Vec<AgreementId>,
}

/// Counts per quarter from the dated history: the one definition of an active MOU.
pub fn count_by_quarter(changes: &[StatusChange], quarters: &[Quarter]) -> Vec<QuarterCount> {
    let mut by_agreement: BTreeMap<AgreementId, Vec<&StatusChange>> = BTreeMap::new();
    for c in changes {
        by_agreement.entry(c.agreement_id).or_default().push(c);
    }
    for list in by_agreement.values_mut() {
        list.sort_by_key(|c| (c.effective_on, c.seq));
    }
    quarters
        .iter()
        .map(|q| {
            let (start, end) = (q.first_day(), q.last_day());
            let mut out = QuarterCount {
                quarter: q.label(),
                starts_on: start,
                ends_on: end,
                active_partners: 0,
                active: vec![],
                new: vec![],
                renewed: vec![],
                expired: vec![],
                terminated: vec![],
            };
            let mut partners = BTreeSet::new();
            for (id, list) in &by_agreement {
                let status_at_end = list
                    .iter()
                    .take_while(|c| c.effective_on <= end)
                    .last()
                    .map(|c| c.to);
                if status_at_end.is_some_and(AgreementStatus::in_force) {
                    out.active.push(*id);
                    if let Some(c) = list.first() {
                        partners.insert(c.organization_id);
                    }
                }
                for c in list
                    .iter()
                    .filter(|c| c.effective_on >= start && c.effective_on <= end)
                {
                    let bucket = match c.action {
                        AgreementAction::Activate => &mut out.new,
                        AgreementAction::Renew => &mut out.renewed,
                        AgreementAction::Expire => &mut out.expired,
                        AgreementAction::Terminate => &mut out.terminated,
                        _ => continue,
                    };
                    if !bucket.contains(id) {
                        bucket.push(*id);
                    }
                }
            }
            out.active_partners = u32::try_from(partners.len()).unwrap_or(u32::MAX);
            out
        })
        .collect()
}

/// A named agreement in a drill-down.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgreementRef {
    /// Its id.
    pub id: AgreementId,
    /// Title.
    pub title: String,
    /// Partner's name.
    pub organization_name: String,
    /// Status today.
    pub status: AgreementStatus,
}

wire_enum!(
    /// How the MOU count is grouped.
    AgreementGrouping {
        /// By calendar quarter (the goal is read quarterly).
        Quarter => "quarter",
    }
);

/// `GET /api/v1/metrics/agreements`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgreementMetrics {
    /// What an active MOU is.
    pub definition: String,
    /// Grouping.
    pub group_by: AgreementGrouping,
    /// One entry per quarter, oldest first.
    pub quarters: Vec<QuarterCount>,
    /// The district goal, when set.
    pub goal: Option<Goal>,
    /// Every agreement named in `quarters`, for drill-down.
    pub agreements: Vec<AgreementRef>,
}

/// Query of `GET /api/v1/metrics/agreements`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct MetricsQuery {
    /// First day of the range (default: a year before `to`).
    pub from: Option<NaiveDate>,
    /// Last day of the range (default: today).
    pub to: Option<NaiveDate>,
    /// Grouping (default `quarter`, the only one offered).
    pub group_by: Option<AgreementGrouping>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use AgreementAction as A;
    use AgreementStatus as S;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_lifecycle_moves_only_along_its_edges() {
        let st = AgreementActor::Staff;
        let sys = AgreementActor::System;
        assert_eq!(
            next_status(S::Draft, A::SubmitForReview, st, None),
            Ok(S::InReview)
        );
        assert_eq!(
            next_status(S::InReview, A::SendForSignature, st, None),
            Ok(S::AwaitingSignatures)
        );
        assert_eq!(
            next_status(S::AwaitingSignatures, A::Activate, sys, None),
            Ok(S::Active)
        );
        assert_eq!(
            next_status(S::Active, A::StartRenewal, st, None),
            Ok(S::RenewalPending)
        );
        assert_eq!(
            next_status(S::RenewalPending, A::Renew, st, None),
            Ok(S::Active)
        );
        assert_eq!(
            next_status(S::RenewalPending, A::Expire, sys, None),
            Ok(S::Expired)
        );
        // Staff cannot press the system's buttons, nor the system staff's.
        assert_eq!(
            next_status(S::AwaitingSignatures, A::Activate, st, None),
            Err(StepError::NotAllowed)
        );
        assert_eq!(
            next_status(S::Active, A::Terminate, sys, Some("x")),
            Err(StepError::NotAllowed)
        );
        // Wrong status.
        assert!(matches!(
            next_status(S::Draft, A::SendForSignature, st, None),
            Err(StepError::Transition(_))
        ));
        assert!(matches!(
            next_status(S::Expired, A::Renew, st, None),
            Err(StepError::Transition(_))
        ));
        assert!(matches!(
            next_status(S::Terminated, A::Terminate, st, Some("again")),
            Err(StepError::Transition(_))
        ));
        // Reasons.
        assert_eq!(
            next_status(S::Active, A::Terminate, st, Some("  ")),
            Err(StepError::NoteRequired)
        );
        assert_eq!(
            next_status(S::Active, A::Terminate, st, Some("Program ended")),
            Ok(S::Terminated)
        );
    }

    #[test]
    fn every_status_round_trips_and_only_active_ones_are_in_force() {
        for s in AgreementStatus::ALL {
            assert_eq!(AgreementStatus::parse(s.as_str()), Some(*s));
        }
        let in_force: Vec<_> = AgreementStatus::ALL
            .iter()
            .filter(|s| s.in_force())
            .collect();
        assert_eq!(in_force, [&S::Active, &S::RenewalPending]);
    }

    #[test]
    fn quarters_have_the_right_days() {
        let q = Quarter::containing(d(2025, 5, 17));
        assert_eq!(q.label(), "2025-Q2");
        assert_eq!(q.first_day(), d(2025, 4, 1));
        assert_eq!(q.last_day(), d(2025, 6, 30));
        assert_eq!(
            Quarter::containing(d(2024, 12, 31)).last_day(),
            d(2024, 12, 31)
        );
        let r = Quarter::range(d(2024, 8, 1), d(2025, 6, 30), 40);
        let labels: Vec<_> = r.iter().map(|q| q.label()).collect();
        assert_eq!(labels, ["2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"]);
    }

    struct History(Vec<StatusChange>, i64);
    impl History {
        fn add(&mut self, a: AgreementId, o: OrganizationId, on: NaiveDate, action: A, to: S) {
            self.1 += 1;
            self.0.push(StatusChange {
                agreement_id: a,
                organization_id: o,
                effective_on: on,
                seq: self.1,
                action,
                to,
            });
        }
    }

    #[test]
    fn the_quarter_count_reads_the_dated_history() {
        let (o1, o2, o3) = (
            OrganizationId::new(),
            OrganizationId::new(),
            OrganizationId::new(),
        );
        let (a1, a2, a3, a4) = (
            AgreementId::new(),
            AgreementId::new(),
            AgreementId::new(),
            AgreementId::new(),
        );
        let mut h = History(vec![], 0);
        // a1: active all year, renewed mid Q4.
        h.add(a1, o1, d(2024, 7, 1), A::Activate, S::Active);
        h.add(a1, o1, d(2024, 10, 20), A::StartRenewal, S::RenewalPending);
        h.add(a1, o1, d(2024, 11, 5), A::Renew, S::Active);
        // a2: same partner as a1: counts once.
        h.add(a2, o1, d(2024, 8, 1), A::Activate, S::Active);
        // a3: terminated early in Q1, before the quarter's last day.
        h.add(a3, o2, d(2024, 9, 15), A::Activate, S::Active);
        h.add(a3, o2, d(2025, 2, 1), A::Terminate, S::Terminated);
        // a4: signed in Q2 and expires on the last day of Q2 (still counts), expired the day after.
        h.add(a4, o3, d(2025, 4, 10), A::Activate, S::Active);
        h.add(a4, o3, d(2025, 7, 1), A::Expire, S::Expired);
        let qs = Quarter::range(d(2024, 7, 1), d(2025, 9, 30), 10);
        let c = count_by_quarter(&h.0, &qs);
        let partners: Vec<_> = c.iter().map(|q| q.active_partners).collect();
        assert_eq!(partners, [2, 2, 1, 2, 1]);
        assert_eq!(c[0].new, [a1, a2, a3]);
        assert_eq!(c[1].renewed, [a1]);
        assert!(c[1].new.is_empty());
        assert_eq!(c[2].terminated, [a3]);
        assert_eq!(c[3].new, [a4]);
        assert_eq!(c[3].active, [a1, a2, a4]);
        assert_eq!(c[4].expired, [a4]);
        // Later history does not change earlier quarters.
        let before = c.clone();
        h.add(a2, o1, d(2025, 9, 1), A::Terminate, S::Terminated);
        let a5 = AgreementId::new();
        h.add(
            a5,
            OrganizationId::new(),
            d(2025, 9, 2),
            A::Activate,
            S::Active,
        );
        let after = count_by_quarter(&h.0, &qs);
        assert_eq!(after[..4], before[..4]);
        assert_eq!(after[4].active_partners, 2);
    }

    #[test]
    fn terms_are_checked_together() {
        let mut a = AgreementInput {
            title: "Reading buddies".into(),
            kind: AgreementKind::CommunityPartnership,
            organization_id: OrganizationId::new(),
            application_id: None,
            school_ids: vec![],
            department: String::new(),
            owner_id: None,
            partner_contact_id: None,
            effective_from: Some(d(2026, 8, 1)),
            expires_on: Some(d(2026, 8, 1)),
            renewal_term_months: None,
            notice_period_days: None,
            deliverables: vec![],
        };
        let e = crate::problem::field_errors(&a.validate().unwrap_err());
        assert_eq!(e[0].code, "school_ids");
        a.department = "Literacy".into();
        let e = crate::problem::field_errors(&a.validate().unwrap_err());
        assert_eq!(e[0].code, "expires_on");
        a.expires_on = Some(d(2027, 6, 30));
        assert!(a.validate().is_ok());
    }
}
