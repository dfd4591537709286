//! Proposed matches: the office proposes a partner's offer for a school's need, the partner
//! accepts or declines it (or the office records its answer), and the accepted ones cover the
//! need's ask, so the need's status follows. Statuses have one transition function; who may
//! take which step is decided here too.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::needs::{AskUnit, NeedStatus};
use crate::user::InvalidTransition;
use crate::{MatchId, NeedId, OfferId, OrganizationId, SchoolId, UserId};

wire_enum!(
    /// Where a proposed match stands.
    MatchStatus {
        /// The office proposed it; the partner has not answered.
        Proposed => "proposed",
        /// The partner takes it on: it covers its share of the need's ask.
        Accepted => "accepted",
        /// The partner declined it.
        Declined => "declined",
        /// The office (or the partner, once accepted) called it off.
        Withdrawn => "withdrawn",
    }
);

wire_enum!(
    /// What can happen to a proposed match.
    MatchAction {
        /// The partner takes it on.
        Accept => "accept",
        /// The partner declines it.
        Decline => "decline",
        /// Call it off (a proposal, or an accepted match the partner can no longer give).
        Withdraw => "withdraw",
        /// Propose a declined or withdrawn match again.
        Propose => "propose",
    }
);

/// The one place that decides a match's next status.
pub fn next_match_status(
    from: MatchStatus,
    action: MatchAction,
) -> Result<MatchStatus, InvalidTransition> {
    use MatchAction as A;
    use MatchStatus as S;
    match (from, action) {
        (S::Proposed, A::Accept) => Ok(S::Accepted),
        (S::Proposed, A::Decline) => Ok(S::Declined),
        (S::Proposed | S::Accepted, A::Withdraw) => Ok(S::Withdrawn),
        (S::Declined | S::Withdrawn, A::Propose) => Ok(S::Proposed),
        (from, action) => Err(InvalidTransition {
            from: from.as_str(),
            action: action.as_str(),
        }),
    }
}

/// Whether the partner itself may take this step (the office takes every step, recording the
/// partner's answer when it comes by phone or email): a partner answers a proposal, and calls
/// off one it accepted.
pub fn partner_may(action: MatchAction) -> bool {
    matches!(
        action,
        MatchAction::Accept | MatchAction::Decline | MatchAction::Withdraw
    )
}

/// What a need's status becomes once its accepted matches cover `covered` of its `ask`: met
/// when the ask is covered, partly met when some is, open when none is. A withdrawn need stays
/// withdrawn.
pub fn need_status_covered(current: NeedStatus, ask: u32, covered: u32) -> NeedStatus {
    match current {
        NeedStatus::Withdrawn => NeedStatus::Withdrawn,
        _ if covered >= ask => NeedStatus::Met,
        _ if covered > 0 => NeedStatus::PartlyMet,
        _ => NeedStatus::Open,
    }
}

/// How much of a need's ask a new proposal covers unless the office says otherwise: what is
/// still uncovered, or less when the offer counts in the same unit and gives less.
pub fn default_quantity(
    ask_unit: AskUnit,
    uncovered: u32,
    capacity_unit: AskUnit,
    capacity: u32,
) -> u32 {
    let q = if ask_unit == capacity_unit {
        uncovered.min(capacity)
    } else {
        uncovered
    };
    q.max(1)
}

/// A proposed match, as the API answers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Match {
    /// Its id.
    pub id: MatchId,
    /// The need.
    pub need_id: NeedId,
    /// What the school asks for (never its internal notes).
    pub need_description: String,
    /// The need's school.
    pub school_id: SchoolId,
    /// Its name.
    pub school_name: String,
    /// The offer.
    pub offer_id: OfferId,
    /// What the partner offers.
    pub offer_description: String,
    /// The partner.
    pub organization_id: OrganizationId,
    /// Its legal name.
    pub organization_name: String,
    /// How much of the need's ask it covers once accepted, in the need's unit.
    pub quantity: u32,
    /// The need's unit.
    pub ask_unit: AskUnit,
    /// The match's score when it was proposed.
    pub score: u32,
    /// Why the office proposes it.
    pub note: String,
    /// Where it stands.
    pub status: MatchStatus,
    /// Why it was last answered or changed, if given.
    pub status_reason: Option<String>,
    /// Who proposed it.
    pub proposed_by: UserId,
    /// Their name.
    pub proposed_by_name: String,
    /// Who took the last step after the proposal (the partner, or staff for it).
    pub answered_by: Option<UserId>,
    /// Their name.
    pub answered_by_name: Option<String>,
    /// When.
    pub answered_at: Option<DateTime<Utc>>,
    /// Optimistic-concurrency version; also the `ETag`.
    pub version: i32,
    /// When it was proposed.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// `POST /api/v1/needs/{id}/proposals`: propose an offer for the need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"offer_id": "0193f5a0-0000-7000-8000-000000000001", "quantity": 12, "note": "Their tutors already read at two schools of the region."})))]
pub struct MatchProposal {
    /// The offer.
    pub offer_id: OfferId,
    /// How much of the ask it would cover, in the need's unit (default: what is still
    /// uncovered, or the offer's capacity when smaller and in the same unit).
    #[validate(range(min = 1, max = 1_000_000_000, message = "Enter 1 to 1,000,000,000."))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1_000_000_000))]
    pub quantity: Option<u32>,
    /// Why the office proposes it (up to 500 characters; the partner reads it).
    #[serde(default)]
    #[validate(length(max = 500, message = "Use at most 500 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub note: String,
}

/// `POST /api/v1/matches/{id}/transition`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"action": "accept", "reason": "Twelve of our tutors can start in January."})))]
pub struct MatchTransition {
    /// What happens.
    pub action: MatchAction,
    /// Why (up to 500 characters).
    #[serde(default)]
    #[validate(length(max = 500, message = "Use at most 500 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub reason: String,
}

/// Filters of `GET /api/v1/matches`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct MatchListQuery {
    /// Only this need's.
    pub need_id: Option<NeedId>,
    /// Only this offer's.
    pub offer_id: Option<OfferId>,
    /// Only this status.
    pub status: Option<MatchStatus>,
    /// Page size, 1–100 (default 25); anything else is a 422.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_is_decided_by_the_one_function() {
        use MatchAction as A;
        use MatchStatus as S;
        let allowed = [
            (S::Proposed, A::Accept, S::Accepted),
            (S::Proposed, A::Decline, S::Declined),
            (S::Proposed, A::Withdraw, S::Withdrawn),
            (S::Accepted, A::Withdraw, S::Withdrawn),
            (S::Declined, A::Propose, S::Proposed),
            (S::Withdrawn, A::Propose, S::Proposed),
        ];
        for from in S::ALL {
            for action in A::ALL {
                let want = allowed
                    .iter()
                    .find(|(f, a, _)| f == from && a == action)
                    .map(|(_, _, to)| *to);
                assert_eq!(
                    next_match_status(*from, *action).ok(),
                    want,
                    "{from} {action}"
                );
            }
        }
    }

    #[test]
    fn a_partner_answers_but_never_proposes() {
        assert!(partner_may(MatchAction::Accept));
        assert!(partner_may(MatchAction::Decline));
        assert!(partner_may(MatchAction::Withdraw));
        assert!(!partner_may(MatchAction::Propose));
    }

    #[test]
    fn the_need_follows_what_its_accepted_matches_cover() {
        use NeedStatus as N;
        assert_eq!(need_status_covered(N::Open, 12, 12), N::Met);
        assert_eq!(need_status_covered(N::Open, 12, 20), N::Met);
        assert_eq!(need_status_covered(N::Open, 12, 5), N::PartlyMet);
        assert_eq!(need_status_covered(N::Met, 12, 5), N::PartlyMet);
        assert_eq!(need_status_covered(N::PartlyMet, 12, 0), N::Open);
        assert_eq!(need_status_covered(N::Withdrawn, 12, 12), N::Withdrawn);
    }

    #[test]
    fn a_proposal_covers_what_is_left_or_what_the_offer_gives() {
        use AskUnit as U;
        assert_eq!(
            default_quantity(U::VolunteerSlots, 12, U::VolunteerSlots, 5),
            5
        );
        assert_eq!(
            default_quantity(U::VolunteerSlots, 12, U::VolunteerSlots, 50),
            12
        );
        assert_eq!(default_quantity(U::Dollars, 500, U::Items, 3), 500);
        assert_eq!(default_quantity(U::Items, 0, U::Items, 3), 1);
    }
}
