//! Partner intake rules: the district's eligibility criteria, the application's status machine,
//! the planning checklist and the routing to formal processes. Pure functions, unit-tested here;
//! the server enforces them and the SPA shows the same reasons.

use serde::{Deserialize, Serialize};

use crate::user::InvalidTransition;

wire_enum!(
    /// The seven support areas a partnership can serve.
    SupportArea {
        /// Tutoring, academic and language interventions.
        Academics => "academics",
        /// Mentoring, SEL interventions.
        SocialEmotionalLearning => "social_emotional_learning",
        /// Internships, shadowing, CTE, STEM/STEAM, engineering, arts.
        WorkBasedLearning => "work_based_learning",
        /// Postsecondary attainment and persistence.
        PostsecondaryAttainment => "postsecondary_attainment",
        /// Sports, physical activity, mental health, wellness.
        HealthWellness => "health_wellness",
        /// Leadership, character, family engagement, socio-economic development.
        SocialCivicFamilyLife => "social_civic_family_life",
        /// Teacher and staff support, facilities.
        SchoolLife => "school_life",
    }
);

impl SupportArea {
    /// Its name in English, as the office's reports write it.
    pub fn title(self) -> &'static str {
        match self {
            Self::Academics => "Academics",
            Self::SocialEmotionalLearning => "Social emotional learning",
            Self::WorkBasedLearning => "Work-based learning",
            Self::PostsecondaryAttainment => "Postsecondary attainment",
            Self::HealthWellness => "Health & wellness",
            Self::SocialCivicFamilyLife => "Social, civic & family life",
            Self::SchoolLife => "School life",
        }
    }
}

wire_enum!(
    /// The five characteristics an eligible partnership shows (vetting checklist).
    EligibilityCriterion {
        /// The relationship is built through a district department or school.
        RelationshipThroughDistrict => "relationship_through_district",
        /// There is (or will be) a formal documented agreement between the parties.
        FormalAgreement => "formal_agreement",
        /// Programs are linked to district priorities and outcomes.
        LinkedToPriorities => "linked_to_priorities",
        /// Deliverables are jointly defined with the partner and the department or school.
        JointDeliverables => "joint_deliverables",
        /// An established organization whose programs align with the support areas.
        EstablishedAligned => "established_aligned",
    }
);

wire_enum!(
    /// Kinds of organization.
    OrganizationType {
        /// A business.
        Business => "business",
        /// A faith-based organization.
        FaithBased => "faith_based",
        /// A civic organization.
        Civic => "civic",
        /// A government agency.
        GovernmentAgency => "government_agency",
        /// A university, college or other educational institution.
        EducationalInstitution => "educational_institution",
        /// A nonprofit.
        Nonprofit => "nonprofit",
        /// A grassroots or community group.
        Grassroots => "grassroots",
    }
);

wire_enum!(
    /// Tax status of an organization.
    TaxStatus {
        /// Tax-exempt nonprofit.
        Nonprofit => "nonprofit",
        /// For-profit.
        ForProfit => "for_profit",
        /// Government.
        Government => "government",
    }
);

wire_enum!(
    /// Where an organization stands with the district.
    OrganizationStatus {
        /// Known, not applied.
        Prospect => "prospect",
        /// Has an application in progress.
        Applicant => "applicant",
        /// Has an approved, active partnership.
        ActivePartner => "active_partner",
        /// No active partnership.
        Inactive => "inactive",
    }
);

wire_enum!(
    /// What a partner contributes.
    ContributionKind {
        /// Time: volunteers.
        Time => "time",
        /// Treasure: cash or in-kind, with an estimated value.
        Treasure => "treasure",
        /// Talent: programs or services.
        Talent => "talent",
    }
);

wire_enum!(
    /// One-time event or ongoing commitment.
    CommitmentLevel {
        /// A one-time event.
        OneTime => "one_time",
        /// An ongoing commitment (frequency, school year).
        Ongoing => "ongoing",
    }
);

wire_enum!(
    /// The four formal processes an application can be routed to.
    FormalProcess {
        /// Community Partnerships & Family Engagement agreement.
        PartnershipAgreement => "partnership_agreement",
        /// Community Use of Schools (facilities).
        CommunityUseOfSchools => "community_use_of_schools",
        /// Data Collection and Requests (Office of Accountability).
        DataCollection => "data_collection",
        /// Procurement.
        Procurement => "procurement",
    }
);

wire_enum!(
    /// Why a formal process applies (or a planning item does).
    Reason {
        /// The organization is a nonprofit.
        Nonprofit => "nonprofit",
        /// The organization is a government agency, a partner by the process's definition.
        GovernmentAgency => "government_agency",
        /// The program uses district facilities.
        UsesFacilities => "uses_facilities",
        /// The program involves contact with students, staff or families.
        ContactWithPeople => "contact_with_people",
        /// The program is free for attendees.
        FreeForAttendees => "free_for_attendees",
        /// Facilities are used before or after school hours.
        OutsideSchoolHours => "outside_school_hours",
        /// Participants pay.
        NotFree => "not_free",
        /// The organization is for-profit.
        ForProfit => "for_profit",
        /// Surveys, questionnaires, assessments, tests, interviews or focus groups.
        CollectsData => "collects_data",
        /// The organization asks the district for a financial commitment.
        FinancialCommitment => "financial_commitment",
        /// Students take part.
        StudentsParticipate => "students_participate",
        /// The program has a virtual component.
        VirtualComponent => "virtual_component",
        /// The program is a one-time event.
        OneTimeEvent => "one_time_event",
        /// The partner's people come on a campus (district facilities) or have contact with
        /// students, staff or families.
        OnSiteOrContact => "on_site_or_contact",
        /// Staff required it (a one-time event's partnership agreement), with who and why in
        /// the application's history.
        RequiredByStaff => "required_by_staff",
        /// Applies to every program.
        Always => "always",
    }
);

/// The routing questions of the application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct RoutingAnswers {
    /// Is the organization for-profit?
    pub for_profit: bool,
    /// Is the program free for participants?
    pub free_for_participants: bool,
    /// Does it use district (CMS) facilities?
    pub uses_facilities: bool,
    /// If so, before or after school hours?
    pub outside_school_hours: bool,
    /// Does it involve contact with students, staff or families?
    pub contact_with_people: bool,
    /// Does it collect data (surveys, questionnaires, assessments, tests, interviews, focus groups)?
    pub collects_data: bool,
    /// Does it request a financial commitment from the district?
    pub financial_commitment: bool,
    /// Does it have a virtual component?
    pub virtual_component: bool,
    /// Do students take part?
    pub students_participate: bool,
    /// Is it a one-time event? (Set from the program's commitment, not asked again.)
    pub one_time_event: bool,
}

/// A formal process that applies, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Routing {
    /// The process.
    pub process: FormalProcess,
    /// The answers that made it apply.
    pub reasons: Vec<Reason>,
}

/// Which formal processes apply, each with its reasons. Several can apply at once.
///
/// * Partnership agreement: a nonprofit partner, with access to facilities and/or contact with
///   students, staff or families, free for attendees — unless it is a one-time event.
/// * Community Use of Schools: facilities used before or after school hours; or not free to
///   participants; or a for-profit organization.
/// * Data Collection and Requests: any data collection.
/// * Procurement: a financial commitment requested from the district.
pub fn route(a: &RoutingAnswers) -> Vec<Routing> {
    route_with(a, false, None)
}

/// Whether the declared tax status contradicts the "is the organization for-profit?" answer
/// (a for-profit organization answering no, or a nonprofit or government agency answering
/// yes). The applicant is asked to settle it before the application is sent; routing never
/// resolves it silently.
pub fn contradicts_tax_status(tax: Option<TaxStatus>, a: &RoutingAnswers) -> bool {
    match tax {
        Some(TaxStatus::ForProfit) => !a.for_profit,
        Some(TaxStatus::Nonprofit | TaxStatus::Government) => a.for_profit,
        None => false,
    }
}

/// Whether the partnership agreement's conditions hold, one-time event or not.
fn partnership_conditions(a: &RoutingAnswers) -> bool {
    !a.for_profit && (a.uses_facilities || a.contact_with_people) && a.free_for_participants
}

/// [`route`], with staff's decision to require the partnership agreement for a one-time event
/// anyway (recorded on the application with who and why).
/// The declared tax status names the partner reason: a government agency is a partner by the
/// process's definition, not a nonprofit.
pub fn route_with(
    a: &RoutingAnswers,
    agreement_required_by_staff: bool,
    tax: Option<TaxStatus>,
) -> Vec<Routing> {
    let mut out = Vec::new();
    // One-time events may skip the formal agreement (they acknowledge the volunteer and visitor
    // guidelines in planning instead), unless staff require it.
    if partnership_conditions(a) && (!a.one_time_event || agreement_required_by_staff) {
        let mut reasons = vec![if tax == Some(TaxStatus::Government) {
            Reason::GovernmentAgency
        } else {
            Reason::Nonprofit
        }];
        if a.uses_facilities {
            reasons.push(Reason::UsesFacilities);
        }
        if a.contact_with_people {
            reasons.push(Reason::ContactWithPeople);
        }
        reasons.push(Reason::FreeForAttendees);
        if a.one_time_event {
            reasons.push(Reason::RequiredByStaff);
        }
        out.push(Routing {
            process: FormalProcess::PartnershipAgreement,
            reasons,
        });
    }
    let mut use_reasons = vec![];
    if a.uses_facilities && a.outside_school_hours {
        use_reasons.push(Reason::OutsideSchoolHours);
    }
    if !a.free_for_participants {
        use_reasons.push(Reason::NotFree);
    }
    if a.for_profit {
        use_reasons.push(Reason::ForProfit);
    }
    if !use_reasons.is_empty() {
        out.push(Routing {
            process: FormalProcess::CommunityUseOfSchools,
            reasons: use_reasons,
        });
    }
    if a.collects_data {
        out.push(Routing {
            process: FormalProcess::DataCollection,
            reasons: vec![Reason::CollectsData],
        });
    }
    if a.financial_commitment {
        out.push(Routing {
            process: FormalProcess::Procurement,
            reasons: vec![Reason::FinancialCommitment],
        });
    }
    out
}

/// The formal processes that would apply but are not required, each with the reason: a
/// one-time event "may not require a formal agreement" (unless staff require it).
pub fn waived(a: &RoutingAnswers, agreement_required_by_staff: bool) -> Vec<Routing> {
    if partnership_conditions(a) && a.one_time_event && !agreement_required_by_staff {
        vec![Routing {
            process: FormalProcess::PartnershipAgreement,
            reasons: vec![Reason::OneTimeEvent],
        }]
    } else {
        vec![]
    }
}

wire_enum!(
    /// The planning (logistics) checklist of step 2.
    PlanningItem {
        /// A permission form for each participating student.
        StudentPermissionForms => "student_permission_forms",
        /// A password-protected virtual platform, link and password shared with school staff.
        ProtectedVirtualPlatform => "protected_virtual_platform",
        /// Volunteer and staff clearances under the district's volunteer process.
        VolunteerClearances => "volunteer_clearances",
        /// Agreement to submit a final report with metrics to the leading department.
        FinalReportAgreement => "final_report_agreement",
        /// One-time events: acknowledgement of the volunteer and visitor guidelines.
        GuidelinesAcknowledged => "guidelines_acknowledged",
    }
);

/// Whether a planning item applies, and the rule that decided it.
pub fn planning_item_applies(item: PlanningItem, a: &RoutingAnswers) -> (bool, Reason) {
    match item {
        PlanningItem::StudentPermissionForms => {
            (a.students_participate, Reason::StudentsParticipate)
        }
        PlanningItem::ProtectedVirtualPlatform => (a.virtual_component, Reason::VirtualComponent),
        // Anyone volunteering on a campus goes through the district's volunteer process, with or
        // without contact (a garden build, repairs, a program in a building after hours); only
        // programs with neither (a cash donation, a virtual program without contact) skip it.
        PlanningItem::VolunteerClearances => (
            a.uses_facilities || a.contact_with_people,
            Reason::OnSiteOrContact,
        ),
        PlanningItem::FinalReportAgreement => (true, Reason::Always),
        PlanningItem::GuidelinesAcknowledged => (a.one_time_event, Reason::OneTimeEvent),
    }
}

wire_enum!(
    /// Where an application is in the process.
    ApplicationStatus {
        /// Being written by the applicant; resumable from a link.
        Draft => "draft",
        /// Sent; waiting for staff.
        Submitted => "submitted",
        /// Step 1: checked against the eligibility criteria.
        Vetting => "vetting",
        /// Step 2: logistics.
        Planning => "planning",
        /// Step 3: formal processes.
        Formalizing => "formalizing",
        /// Approved: an active partnership.
        Approved => "approved",
        /// Declined by staff (with reason).
        Declined => "declined",
        /// Withdrawn by the applicant or staff (with reason).
        Withdrawn => "withdrawn",
        /// Sent back to the applicant for more information.
        ReturnedForInformation => "returned_for_information",
    }
);

impl ApplicationStatus {
    /// Whether the application can still move (not approved, declined or withdrawn).
    pub fn is_open(self) -> bool {
        !matches!(self, Self::Approved | Self::Declined | Self::Withdrawn)
    }
    /// Sent, but formalizing has not started: the formal processes can still change (the
    /// sub-tasks are made from the routing when formalizing starts).
    pub fn routing_open(self) -> bool {
        matches!(self, Self::Submitted | Self::Vetting | Self::Planning)
    }
}

wire_enum!(
    /// A step of the process.
    ApplicationAction {
        /// The applicant sends the draft.
        Submit => "submit",
        /// Staff start vetting.
        StartVetting => "start_vetting",
        /// Staff move to planning (all five criteria confirmed, or an admin override).
        StartPlanning => "start_planning",
        /// Staff move to formalizing (every applicable planning item done).
        StartFormalizing => "start_formalizing",
        /// Staff approve (every applicable formal process done).
        Approve => "approve",
        /// Staff decline, with a reason.
        Decline => "decline",
        /// The applicant or staff withdraw, with a reason.
        Withdraw => "withdraw",
        /// Staff return the application for more information, with a message.
        ReturnForInformation => "return_for_information",
        /// The applicant answers a return and sends it again.
        Resubmit => "resubmit",
    }
);

/// Who is acting on an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// The applicant (public link or partner login).
    Applicant,
    /// Partnership office staff or admin.
    Staff,
}

impl ApplicationAction {
    /// Whether the action needs a note (a reason or message).
    pub fn needs_note(self) -> bool {
        matches!(
            self,
            Self::Decline | Self::Withdraw | Self::ReturnForInformation
        )
    }

    /// Who may take the action.
    pub fn allowed_for(self, actor: Actor) -> bool {
        match self {
            Self::Submit | Self::Resubmit => actor == Actor::Applicant,
            Self::Withdraw => true,
            _ => actor == Actor::Staff,
        }
    }
}

/// Why a step was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepError {
    /// Not allowed from this status.
    Transition(InvalidTransition),
    /// This actor may not take the step.
    NotAllowed,
    /// The step needs a note.
    NoteRequired,
}

/// The one place that decides the application's next status.
pub fn next_status(
    from: ApplicationStatus,
    action: ApplicationAction,
    actor: Actor,
    note: Option<&str>,
) -> Result<ApplicationStatus, StepError> {
    use ApplicationAction as A;
    use ApplicationStatus as S;
    if !action.allowed_for(actor) {
        return Err(StepError::NotAllowed);
    }
    let to = match (from, action) {
        (S::Draft, A::Submit) => S::Submitted,
        (S::Submitted, A::StartVetting) => S::Vetting,
        (S::Vetting, A::StartPlanning) => S::Planning,
        (S::Planning, A::StartFormalizing) => S::Formalizing,
        (S::Formalizing, A::Approve) => S::Approved,
        (S::ReturnedForInformation, A::Resubmit) => S::Submitted,
        (S::Submitted | S::Vetting | S::Planning | S::Formalizing, A::ReturnForInformation) => {
            S::ReturnedForInformation
        }
        (
            S::Submitted | S::Vetting | S::Planning | S::Formalizing | S::ReturnedForInformation,
            A::Decline,
        ) => S::Declined,
        (s, A::Withdraw) if s.is_open() => S::Withdrawn,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_time_event_says_why_it_needs_no_agreement_and_staff_may_require_one() {
        let event = RoutingAnswers {
            one_time_event: true,
            contact_with_people: true,
            free_for_participants: true,
            ..Default::default()
        };
        assert!(route(&event).is_empty());
        assert_eq!(
            waived(&event, false),
            vec![Routing {
                process: FormalProcess::PartnershipAgreement,
                reasons: vec![Reason::OneTimeEvent],
            }]
        );
        let required = route_with(&event, true, None);
        assert_eq!(required.len(), 1);
        assert_eq!(required[0].process, FormalProcess::PartnershipAgreement);
        assert!(required[0].reasons.contains(&Reason::RequiredByStaff));
        assert!(waived(&event, true).is_empty());
        // A for-profit one-time event never needed the agreement: nothing is waived.
        let sale = RoutingAnswers {
            for_profit: true,
            ..event
        };
        assert!(waived(&sale, false).is_empty());
    }

    #[test]
    fn a_government_agency_is_routed_as_one_and_contradictions_are_caught() {
        let a = RoutingAnswers {
            uses_facilities: true,
            free_for_participants: true,
            ..Default::default()
        };
        let gov = route_with(&a, false, Some(TaxStatus::Government));
        assert_eq!(gov[0].process, FormalProcess::PartnershipAgreement);
        assert_eq!(gov[0].reasons[0], Reason::GovernmentAgency);
        assert_eq!(
            route_with(&a, false, Some(TaxStatus::Nonprofit))[0].reasons[0],
            Reason::Nonprofit
        );
        // Declared for-profit, answered "not for-profit": caught, never routed silently.
        assert!(contradicts_tax_status(Some(TaxStatus::ForProfit), &a));
        let says_for_profit = RoutingAnswers {
            for_profit: true,
            ..a
        };
        assert!(contradicts_tax_status(
            Some(TaxStatus::Nonprofit),
            &says_for_profit
        ));
        assert!(contradicts_tax_status(
            Some(TaxStatus::Government),
            &says_for_profit
        ));
        assert!(!contradicts_tax_status(
            Some(TaxStatus::ForProfit),
            &says_for_profit
        ));
        assert!(!contradicts_tax_status(Some(TaxStatus::Nonprofit), &a));
        assert!(!contradicts_tax_status(None, &a));
    }

    #[test]
    fn clearances_apply_to_people_on_a_campus_even_without_contact() {
        let on_campus = RoutingAnswers {
            uses_facilities: true,
            ..Default::default()
        };
        let with_contact = RoutingAnswers {
            contact_with_people: true,
            ..Default::default()
        };
        let virtual_without_contact = RoutingAnswers {
            virtual_component: true,
            ..Default::default()
        };
        let item = PlanningItem::VolunteerClearances;
        assert_eq!(
            planning_item_applies(item, &on_campus),
            (true, Reason::OnSiteOrContact)
        );
        assert!(planning_item_applies(item, &with_contact).0);
        assert!(
            !planning_item_applies(item, &RoutingAnswers::default()).0,
            "a cash donation"
        );
        assert!(!planning_item_applies(item, &virtual_without_contact).0);
        assert!(
            planning_item_applies(
                PlanningItem::ProtectedVirtualPlatform,
                &virtual_without_contact
            )
            .0,
            "the virtual program still needs the protected platform"
        );
    }

    fn all_answers() -> Vec<RoutingAnswers> {
        (0u32..1024)
            .map(|bits| {
                let b = |i: u32| bits & (1 << i) != 0;
                RoutingAnswers {
                    for_profit: b(0),
                    free_for_participants: b(1),
                    uses_facilities: b(2),
                    outside_school_hours: b(3),
                    contact_with_people: b(4),
                    collects_data: b(5),
                    financial_commitment: b(6),
                    virtual_component: b(7),
                    students_participate: b(8),
                    one_time_event: b(9),
                }
            })
            .collect()
    }

    fn processes(a: &RoutingAnswers) -> Vec<FormalProcess> {
        route(a).into_iter().map(|r| r.process).collect()
    }

    #[test]
    fn routing_follows_the_districts_rules_for_every_combination_of_answers() {
        for a in all_answers() {
            let got = processes(&a);
            let agreement = !a.for_profit
                && !a.one_time_event
                && (a.uses_facilities || a.contact_with_people)
                && a.free_for_participants;
            let community_use = (a.uses_facilities && a.outside_school_hours)
                || !a.free_for_participants
                || a.for_profit;
            assert_eq!(
                got.contains(&FormalProcess::PartnershipAgreement),
                agreement,
                "{a:?}"
            );
            assert_eq!(
                got.contains(&FormalProcess::CommunityUseOfSchools),
                community_use,
                "{a:?}"
            );
            assert_eq!(
                got.contains(&FormalProcess::DataCollection),
                a.collects_data,
                "{a:?}"
            );
            assert_eq!(
                got.contains(&FormalProcess::Procurement),
                a.financial_commitment,
                "{a:?}"
            );
            // Every routing explains itself, and the order is stable.
            assert!(route(&a).iter().all(|r| !r.reasons.is_empty()));
            let mut sorted = got.clone();
            sorted.sort();
            assert_eq!(got, sorted);
        }
    }

    #[test]
    fn a_one_time_event_skips_the_agreement_but_acknowledges_the_guidelines() {
        let career_day = RoutingAnswers {
            free_for_participants: true,
            uses_facilities: true,
            contact_with_people: true,
            one_time_event: true,
            ..Default::default()
        };
        assert!(route(&career_day).is_empty());
        assert_eq!(
            planning_item_applies(PlanningItem::GuidelinesAcknowledged, &career_day),
            (true, Reason::OneTimeEvent)
        );
        let ongoing = RoutingAnswers {
            one_time_event: false,
            ..career_day
        };
        assert!(!planning_item_applies(PlanningItem::GuidelinesAcknowledged, &ongoing).0);
    }

    #[test]
    fn routing_examples_read_like_the_policy() {
        // A nonprofit tutoring program in school hours, free: the partnership agreement only.
        let tutoring = RoutingAnswers {
            free_for_participants: true,
            contact_with_people: true,
            uses_facilities: true,
            ..Default::default()
        };
        assert_eq!(
            route(&tutoring),
            vec![Routing {
                process: FormalProcess::PartnershipAgreement,
                reasons: vec![
                    Reason::Nonprofit,
                    Reason::UsesFacilities,
                    Reason::ContactWithPeople,
                    Reason::FreeForAttendees
                ],
            }]
        );
        // A for-profit camp after school, paid, with a survey and asking for money: three processes.
        let camp = RoutingAnswers {
            for_profit: true,
            uses_facilities: true,
            outside_school_hours: true,
            collects_data: true,
            financial_commitment: true,
            ..Default::default()
        };
        assert_eq!(
            processes(&camp),
            vec![
                FormalProcess::CommunityUseOfSchools,
                FormalProcess::DataCollection,
                FormalProcess::Procurement
            ]
        );
        assert_eq!(
            route(&camp)[0].reasons,
            vec![
                Reason::OutsideSchoolHours,
                Reason::NotFree,
                Reason::ForProfit
            ]
        );
    }

    #[test]
    fn planning_items_apply_by_rule() {
        let a = RoutingAnswers {
            students_participate: true,
            ..Default::default()
        };
        assert_eq!(
            planning_item_applies(PlanningItem::StudentPermissionForms, &a),
            (true, Reason::StudentsParticipate)
        );
        assert_eq!(
            planning_item_applies(PlanningItem::ProtectedVirtualPlatform, &a),
            (false, Reason::VirtualComponent)
        );
        assert!(planning_item_applies(PlanningItem::FinalReportAgreement, &a).0);
    }

    #[test]
    fn every_edge_of_the_process_is_allowed_only_from_the_right_status_and_actor() {
        use ApplicationAction as A;
        use ApplicationStatus as S;
        let allowed: &[(S, A, Actor, S)] = &[
            (S::Draft, A::Submit, Actor::Applicant, S::Submitted),
            (S::Submitted, A::StartVetting, Actor::Staff, S::Vetting),
            (S::Vetting, A::StartPlanning, Actor::Staff, S::Planning),
            (
                S::Planning,
                A::StartFormalizing,
                Actor::Staff,
                S::Formalizing,
            ),
            (S::Formalizing, A::Approve, Actor::Staff, S::Approved),
            (
                S::ReturnedForInformation,
                A::Resubmit,
                Actor::Applicant,
                S::Submitted,
            ),
        ];
        for from in S::ALL {
            for action in A::ALL {
                for actor in [Actor::Applicant, Actor::Staff] {
                    let got = next_status(*from, *action, actor, Some("because"));
                    let expected_simple = allowed
                        .iter()
                        .find(|(f, a, who, _)| f == from && a == action && *who == actor)
                        .map(|e| e.3);
                    let expected = match action {
                        A::Withdraw if from.is_open() => Some(S::Withdrawn),
                        A::Decline
                            if actor == Actor::Staff && from.is_open() && *from != S::Draft =>
                        {
                            Some(S::Declined)
                        }
                        A::ReturnForInformation
                            if actor == Actor::Staff
                                && matches!(
                                    from,
                                    S::Submitted | S::Vetting | S::Planning | S::Formalizing
                                ) =>
                        {
                            Some(S::ReturnedForInformation)
                        }
                        _ => expected_simple,
                    };
                    assert_eq!(got.ok(), expected, "{from:?} --{action:?}/{actor:?}-->");
                }
            }
        }
    }

    #[test]
    fn declining_withdrawing_and_returning_need_a_note() {
        use ApplicationAction as A;
        use ApplicationStatus as S;
        assert_eq!(
            next_status(S::Vetting, A::Decline, Actor::Staff, None),
            Err(StepError::NoteRequired)
        );
        assert_eq!(
            next_status(S::Vetting, A::Decline, Actor::Staff, Some("  ")),
            Err(StepError::NoteRequired)
        );
        assert_eq!(
            next_status(
                S::Draft,
                A::Withdraw,
                Actor::Applicant,
                Some("changed plans")
            ),
            Ok(S::Withdrawn)
        );
        assert_eq!(
            next_status(S::Vetting, A::StartPlanning, Actor::Applicant, None),
            Err(StepError::NotAllowed)
        );
        assert!(matches!(
            next_status(S::Approved, A::Withdraw, Actor::Staff, Some("x")),
            Err(StepError::Transition(_))
        ));
    }

    #[test]
    fn wire_names_round_trip() {
        for s in SupportArea::ALL {
            assert_eq!(SupportArea::parse(s.as_str()), Some(*s));
        }
        for s in ApplicationStatus::ALL {
            assert_eq!(ApplicationStatus::parse(s.as_str()), Some(*s));
        }
        assert_eq!(SupportArea::ALL.len(), 7);
        assert_eq!(EligibilityCriterion::ALL.len(), 5);
        assert_eq!(OrganizationType::ALL.len(), 7);
    }
}
