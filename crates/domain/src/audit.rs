//! The audit trail: who changed what, when, and how.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::UserId;
use crate::agreement::AgreementAction;
use crate::hours::HourAction;
use crate::intake::ApplicationAction;
use crate::matches::MatchAction;
use crate::needs::NeedAction;
use crate::offers::OfferAction;

wire_enum!(
    /// The kinds of record that have an audit trail.
    AuditEntity {
        /// A school of the directory.
        School => "school",
        /// A user account (its trail is for admins only).
        User => "user",
        /// A partner organization and its contacts.
        Organization => "organization",
        /// A partnership application.
        Application => "application",
        /// An agreement (MOU).
        Agreement => "agreement",
        /// A district goal.
        Goal => "goal",
        /// A volunteer profile.
        Volunteer => "volunteer",
        /// A volunteer opportunity.
        Opportunity => "opportunity",
        /// A sign-up for an opportunity.
        Signup => "signup",
        /// Volunteer hours.
        Hours => "hours",
        /// A setting of the office.
        Setting => "setting",
        /// A school's need.
        Need => "need",
        /// A strategic-plan priority.
        Priority => "priority",
        /// A partner's offer.
        Offer => "offer",
        /// A proposed match of an offer to a need.
        Match => "match",
        /// A donation in the ledger.
        Donation => "donation",
    }
);

wire_enum!(
    /// What was done to a record: the closed set the audit trail records.
    AuditAction {
        /// A record was created.
        Create => "create",
        /// Fields of a record were changed.
        Update => "update",
        /// Rows came from an import file.
        Import => "import",
        /// A school import created the school.
        ImportCreate => "import_create",
        /// A school import updated the school.
        ImportUpdate => "import_update",
        /// A school was archived.
        Archive => "archive",
        /// An archived school was restored.
        Restore => "restore",
        /// An account or agreement was deactivated.
        Deactivate => "deactivate",
        /// An account was reactivated.
        Reactivate => "reactivate",
        /// A password was set from a reset or invitation link.
        SetPassword => "set_password",
        /// A signed-in user changed their password.
        ChangePassword => "change_password",
        /// A contact was added to an organization.
        AddContact => "add_contact",
        /// A contact's details changed.
        UpdateContact => "update_contact",
        /// A contact was removed from an organization.
        RemoveContact => "remove_contact",
        /// A partner contact was given a login.
        GiveLogin => "give_login",
        /// A partner login lost its access (contact removed, organization inactive).
        EndPartnerAccess => "end_partner_access",
        /// An opportunity was posted.
        Post => "post",
        /// A waitlisted sign-up got a slot.
        Promote => "promote",
        /// An opportunity was revised.
        Revise => "revise",
        /// An opportunity or a sign-up was cancelled.
        Cancel => "cancel",
        /// A volunteer signed up for an opportunity.
        SignUp => "sign_up",
        /// An agreement went to review.
        SubmitForReview => "submit_for_review",
        /// An agreement went back to draft.
        ReturnToDraft => "return_to_draft",
        /// An agreement went out for signature.
        SendForSignature => "send_for_signature",
        /// An agreement took effect.
        Activate => "activate",
        /// An agreement's renewal started.
        StartRenewal => "start_renewal",
        /// An agreement was renewed.
        Renew => "renew",
        /// An agreement expired.
        Expire => "expire",
        /// An agreement was terminated.
        Terminate => "terminate",
        /// A party signed an agreement.
        Sign => "sign",
        /// A document was uploaded.
        Upload => "upload",
        /// The partner submitted a final report.
        FinalReport => "final_report",
        /// The partner reported a deliverable's progress.
        DeliverableProgress => "deliverable_progress",
        /// Staff accepted a final report.
        AcceptFinalReport => "accept_final_report",
        /// Staff asked for changes to a final report.
        RequestFinalReportChanges => "request_final_report_changes",
        /// An application was submitted.
        Submit => "submit",
        /// Vetting started.
        StartVetting => "start_vetting",
        /// Planning started.
        StartPlanning => "start_planning",
        /// Formalizing started.
        StartFormalizing => "start_formalizing",
        /// An application or hour entry was approved.
        Approve => "approve",
        /// An application was declined.
        Decline => "decline",
        /// An application was withdrawn.
        Withdraw => "withdraw",
        /// An application was returned for information.
        ReturnForInformation => "return_for_information",
        /// An application was resubmitted.
        Resubmit => "resubmit",
        /// Staff issued a new resume link.
        ReissueLink => "reissue_link",
        /// An applicant asked for a fresh resume link.
        SendFreshLink => "send_fresh_link",
        /// An application was routed to an agreement.
        RequireAgreement => "require_agreement",
        /// Staff resolved a possible organization match.
        ResolveMatch => "resolve_match",
        /// A vetting checklist answer was recorded.
        Checklist => "checklist",
        /// A subtask changed.
        Subtask => "subtask",
        /// A reviewer was assigned.
        Assign => "assign",
        /// A note was added.
        Note => "note",
        /// A volunteer registered.
        Register => "register",
        /// A clearance was recorded.
        RecordClearance => "record_clearance",
        /// A volunteer was flagged as a parent leader.
        FlagParentLeader => "flag_parent_leader",
        /// The parent-leader flag was removed.
        UnflagParentLeader => "unflag_parent_leader",
        /// A volunteer stopped volunteering.
        StopVolunteering => "stop_volunteering",
        /// Staff ended a volunteer profile.
        EndProfile => "end_profile",
        /// An ended profile was reinstated.
        ReinstateProfile => "reinstate_profile",
        /// A volunteer's badges were revoked.
        RevokeBadges => "revoke_badges",
        /// A duplicate profile was folded into this one.
        Merge => "merge",
        /// This profile was folded into another.
        MergedInto => "merged_into",
        /// A volunteer logged hours.
        Log => "log",
        /// A volunteer checked in.
        CheckIn => "check_in",
        /// A volunteer checked out.
        CheckOut => "check_out",
        /// A forgotten check-out was closed at the cap.
        AutoCheckOut => "auto_check_out",
        /// An hour entry was rejected.
        Reject => "reject",
        /// An hour entry was corrected.
        Correct => "correct",
        /// Part of a need's ask was met.
        PartlyMeet => "partly_meet",
        /// A need's ask was met.
        Meet => "meet",
        /// A met or withdrawn need, or a closed offer, was opened again.
        Reopen => "reopen",
        /// An offer was paused.
        Pause => "pause",
        /// A paused offer was resumed.
        Resume => "resume",
        /// An offer was closed.
        Close => "close",
        /// The office proposed an offer for a need (again).
        Propose => "propose",
        /// A partner accepted a proposed match.
        Accept => "accept",
        /// A need's status followed what its accepted matches cover.
        FollowMatches => "follow_matches",
        /// An offer's listing in the family directory changed.
        UpdateListing => "update_listing",
        /// A donation was voided (recorded in error); it leaves the totals.
        Void => "void",
    }
);

impl From<AgreementAction> for AuditAction {
    fn from(a: AgreementAction) -> Self {
        match a {
            AgreementAction::SubmitForReview => Self::SubmitForReview,
            AgreementAction::ReturnToDraft => Self::ReturnToDraft,
            AgreementAction::SendForSignature => Self::SendForSignature,
            AgreementAction::Activate => Self::Activate,
            AgreementAction::StartRenewal => Self::StartRenewal,
            AgreementAction::Renew => Self::Renew,
            AgreementAction::Expire => Self::Expire,
            AgreementAction::Terminate => Self::Terminate,
        }
    }
}

impl From<ApplicationAction> for AuditAction {
    fn from(a: ApplicationAction) -> Self {
        match a {
            ApplicationAction::Submit => Self::Submit,
            ApplicationAction::StartVetting => Self::StartVetting,
            ApplicationAction::StartPlanning => Self::StartPlanning,
            ApplicationAction::StartFormalizing => Self::StartFormalizing,
            ApplicationAction::Approve => Self::Approve,
            ApplicationAction::Decline => Self::Decline,
            ApplicationAction::Withdraw => Self::Withdraw,
            ApplicationAction::ReturnForInformation => Self::ReturnForInformation,
            ApplicationAction::Resubmit => Self::Resubmit,
        }
    }
}

impl From<HourAction> for AuditAction {
    fn from(a: HourAction) -> Self {
        match a {
            HourAction::CheckOut => Self::CheckOut,
            HourAction::AutoCheckOut => Self::AutoCheckOut,
            HourAction::Approve => Self::Approve,
            HourAction::Reject => Self::Reject,
        }
    }
}

impl From<NeedAction> for AuditAction {
    fn from(a: NeedAction) -> Self {
        match a {
            NeedAction::PartlyMeet => Self::PartlyMeet,
            NeedAction::Meet => Self::Meet,
            NeedAction::Withdraw => Self::Withdraw,
            NeedAction::Reopen => Self::Reopen,
        }
    }
}

impl From<crate::donations::DonationAction> for AuditAction {
    fn from(a: crate::donations::DonationAction) -> Self {
        use crate::donations::DonationAction as D;
        match a {
            D::Void => Self::Void,
            D::Restore => Self::Restore,
        }
    }
}

impl From<MatchAction> for AuditAction {
    fn from(a: MatchAction) -> Self {
        match a {
            MatchAction::Accept => Self::Accept,
            MatchAction::Decline => Self::Decline,
            MatchAction::Withdraw => Self::Withdraw,
            MatchAction::Propose => Self::Propose,
        }
    }
}

impl From<OfferAction> for AuditAction {
    fn from(a: OfferAction) -> Self {
        match a {
            OfferAction::Pause => Self::Pause,
            OfferAction::Resume => Self::Resume,
            OfferAction::Close => Self::Close,
            OfferAction::Reopen => Self::Reopen,
        }
    }
}

/// One recorded change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEvent {
    /// The event's id.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub id: uuid::Uuid,
    /// When it happened.
    pub at: DateTime<Utc>,
    /// Who did it (absent for the system, e.g. a command-line import).
    pub actor_id: Option<UserId>,
    /// What was done.
    pub action: AuditAction,
    /// The kind of record.
    pub entity: AuditEntity,
    /// The record's id.
    pub entity_id: String,
    /// Changed fields: `{ "field": { "before": …, "after": … } }`.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub changes: serde_json::Value,
    /// The request that made the change.
    pub request_id: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_is_recorded_under_its_own_wire_name() {
        for a in AgreementAction::ALL {
            assert_eq!(AuditAction::from(*a).as_str(), a.as_str());
        }
        for a in ApplicationAction::ALL {
            assert_eq!(AuditAction::from(*a).as_str(), a.as_str());
        }
        for a in HourAction::ALL {
            assert_eq!(AuditAction::from(*a).as_str(), a.as_str());
        }
        for a in NeedAction::ALL {
            assert_eq!(AuditAction::from(*a).as_str(), a.as_str());
        }
        for a in crate::donations::DonationAction::ALL {
            assert_eq!(AuditAction::from(*a).as_str(), a.as_str());
        }
    }

    #[test]
    fn every_action_reads_back() {
        for a in AuditAction::ALL {
            assert_eq!(AuditAction::parse(a.as_str()), Some(*a));
        }
    }
}
