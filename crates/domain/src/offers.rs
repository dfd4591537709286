//! What partners give (offers of time, treasure and talent), their statuses and their one
//! transition function, and the scored matching of needs and offers: one pure function,
//! shared with the SPA, whose weights are data the office keeps, and which says why it gave
//! each point.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::intake::SupportArea;
use crate::needs::{AskUnit, HelpKind, Need, NeedStatus, PRIMARY_RANKS};
use crate::school::SchoolLevel;
use crate::user::InvalidTransition;
use crate::{OfferId, OrganizationId, SchoolId, UserId};

wire_enum!(
    /// Where an offer stands.
    OfferStatus {
        /// Available: matched to needs.
        Active => "active",
        /// Held for now (the partner is at capacity, between seasons).
        Paused => "paused",
        /// No longer offered.
        Closed => "closed",
    }
);

wire_enum!(
    /// What can happen to an offer's status.
    OfferAction {
        /// Hold it for now.
        Pause => "pause",
        /// Make a paused offer available again.
        Resume => "resume",
        /// It is no longer offered.
        Close => "close",
        /// Offer a closed one again.
        Reopen => "reopen",
    }
);

/// The one place that decides an offer's next status.
pub fn next_offer_status(
    from: OfferStatus,
    action: OfferAction,
) -> Result<OfferStatus, InvalidTransition> {
    use OfferAction as A;
    use OfferStatus as S;
    match (from, action) {
        (S::Active, A::Pause) => Ok(S::Paused),
        (S::Paused, A::Resume) | (S::Closed, A::Reopen) => Ok(S::Active),
        (S::Active | S::Paused, A::Close) => Ok(S::Closed),
        (from, action) => Err(InvalidTransition {
            from: from.as_str(),
            action: action.as_str(),
        }),
    }
}

/// A partner's offer, as the API answers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Offer {
    /// Its id.
    pub id: OfferId,
    /// The partner organization.
    pub organization_id: OrganizationId,
    /// Its legal name.
    pub organization_name: String,
    /// The support areas it helps with.
    pub support_areas: Vec<SupportArea>,
    /// Time, treasure or talent.
    pub help_kind: HelpKind,
    /// What the partner offers.
    pub description: String,
    /// What the capacity counts.
    pub capacity_unit: AskUnit,
    /// How many (volunteer slots, dollars, items or hours).
    pub capacity: u32,
    /// The schools it serves (none: not limited to schools).
    pub school_ids: Vec<SchoolId>,
    /// The regions it serves (none: not limited to regions).
    pub regions: Vec<String>,
    /// The school levels it serves (none: every level).
    pub levels: Vec<SchoolLevel>,
    /// Available from (none: now).
    pub available_from: Option<NaiveDate>,
    /// Available until (none: open-ended).
    pub available_until: Option<NaiveDate>,
    /// Where it stands.
    pub status: OfferStatus,
    /// Why it last changed status, if given.
    pub status_reason: Option<String>,
    /// Who recorded it.
    pub created_by: UserId,
    /// Optimistic-concurrency version; also the `ETag`.
    pub version: i32,
    /// When it was recorded.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

fn check_offer(o: &OfferInput) -> Result<(), validator::ValidationError> {
    if o.help_kind == HelpKind::Time
        && !matches!(o.capacity_unit, AskUnit::VolunteerSlots | AskUnit::Hours)
    {
        return Err(validator::ValidationError::new("capacity_unit")
            .with_message("Time is offered in volunteer slots or hours.".into()));
    }
    if let (Some(from), Some(until)) = (o.available_from, o.available_until)
        && until < from
    {
        return Err(validator::ValidationError::new("available_until")
            .with_message("The end comes before the start.".into()));
    }
    Ok(())
}

fn check_regions(regions: &[String]) -> Result<(), validator::ValidationError> {
    if regions
        .iter()
        .any(|r| r.trim().is_empty() || r.chars().count() > 80)
    {
        return Err(validator::ValidationError::new("length")
            .with_message("Name each region in 1 to 80 characters.".into()));
    }
    Ok(())
}

/// `POST /api/v1/offers` and `PUT /api/v1/offers/{id}` (an offer stays with its partner).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"organization_id": "01a205e1-5e5f-7124-aeee-246a84093505", "support_areas": ["academics"], "help_kind": "time", "description": "Volunteers read with K-2 students twice a week", "capacity_unit": "volunteer_slots", "capacity": 20, "school_ids": [], "regions": ["West"], "levels": ["elementary"], "available_from": "2026-09-01", "available_until": "2027-06-10"})))]
#[validate(schema(function = "check_offer", skip_on_field_errors = false))]
pub struct OfferInput {
    /// The partner organization (a partner's own, from its login).
    pub organization_id: OrganizationId,
    /// The support areas it helps with (1–7).
    #[validate(length(min = 1, max = 7, message = "Choose at least one support area."))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 7))]
    pub support_areas: Vec<SupportArea>,
    /// Time, treasure or talent.
    pub help_kind: HelpKind,
    /// What the partner offers (1–1000 characters).
    #[validate(length(
        min = 1,
        max = 1000,
        code = "required",
        message = "Describe the offer."
    ))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub description: String,
    /// What the capacity counts.
    pub capacity_unit: AskUnit,
    /// How many (1–10,000,000).
    #[validate(range(
        min = 1,
        max = 10_000_000,
        message = "Enter a number from 1 to 10,000,000."
    ))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 10_000_000))]
    pub capacity: u32,
    /// The schools it serves (up to 200; none: not limited to schools).
    #[serde(default)]
    #[validate(length(max = 200, message = "Choose at most 200 schools."))]
    #[cfg_attr(feature = "openapi", schema(max_items = 200))]
    pub school_ids: Vec<SchoolId>,
    /// The regions it serves (up to 20; none: not limited to regions).
    #[serde(default)]
    #[validate(length(max = 20, message = "Name at most 20 regions."))]
    #[validate(custom(function = "check_regions"))]
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub regions: Vec<String>,
    /// The school levels it serves (none: every level).
    #[serde(default)]
    #[validate(length(max = 6, message = "Choose at most 6 levels."))]
    #[cfg_attr(feature = "openapi", schema(max_items = 6))]
    pub levels: Vec<SchoolLevel>,
    /// Available from (none: now).
    #[serde(default)]
    pub available_from: Option<NaiveDate>,
    /// Available until (none: open-ended; not before `available_from`).
    #[serde(default)]
    pub available_until: Option<NaiveDate>,
}

impl OfferInput {
    /// The input as stored: trimmed, lists sorted and without repeats.
    pub fn normalized(mut self) -> Self {
        self.description = self.description.trim().to_string();
        self.support_areas.sort();
        self.support_areas.dedup();
        self.school_ids.sort();
        self.school_ids.dedup();
        self.regions = self.regions.iter().map(|r| r.trim().to_string()).collect();
        self.regions.sort();
        self.regions.dedup();
        self.levels.sort();
        self.levels.dedup();
        self
    }
}

/// `POST /api/v1/offers/{id}/transition`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"action": "pause", "reason": "All our readers are placed until January."})))]
pub struct OfferTransition {
    /// What happens.
    pub action: OfferAction,
    /// Why (up to 500 characters).
    #[serde(default)]
    #[validate(length(max = 500, message = "Use at most 500 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub reason: String,
}

/// Filters of `GET /api/v1/offers`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct OfferQuery {
    /// Only this partner's.
    pub organization_id: Option<OrganizationId>,
    /// Only this status.
    pub status: Option<OfferStatus>,
    /// Only offers that help with this support area.
    pub support_area: Option<SupportArea>,
    /// Only this kind of help.
    pub help_kind: Option<HelpKind>,
    /// Page size, 1–100 (default 25); anything else is a 422.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

// ---------- matching ----------

wire_enum!(
    /// Why a match got points: one reason per rule of [`score`].
    MatchReason {
        /// The offer helps with the need's support area.
        SupportArea => "support_area",
        /// The same kind of help (time, treasure, talent).
        HelpKind => "help_kind",
        /// The offer names the need's school.
        ServesSchool => "serves_school",
        /// The offer serves the school's region.
        ServesRegion => "serves_region",
        /// The offer serves the school's level.
        ServesLevel => "serves_level",
        /// The offer is not limited to schools, regions or levels.
        ServesDistrict => "serves_district",
        /// Counted in the same unit, the capacity left covers the whole ask.
        CapacityCovers => "capacity_covers",
        /// Counted in the same unit, the capacity left covers part of the ask.
        CapacityPartial => "capacity_partial",
        /// The partner has an active agreement with the district.
        GoodStanding => "good_standing",
        /// Deliverables the partner met under its agreements (points each, up to a cap).
        DeliverablesMet => "deliverables_met",
        /// One of the school's primary needs (rank 1 most).
        PrimaryNeed => "primary_need",
        /// The need has waited (points per 30 days open, up to a cap).
        Waiting => "waiting",
    }
);

/// The points each rule of [`score`] gives: data the office keeps (`/api/v1/matching/weights`),
/// 0–100 each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct MatchWeights {
    /// The offer helps with the need's support area.
    #[validate(range(max = 100, message = "Use 0 to 100."))]
    #[cfg_attr(feature = "openapi", schema(maximum = 100))]
    pub support_area: u32,
    /// The same kind of help.
    #[validate(range(max = 100, message = "Use 0 to 100."))]
    #[cfg_attr(feature = "openapi", schema(maximum = 100))]
    pub help_kind: u32,
    /// The offer names the school.
    #[validate(range(max = 100, message = "Use 0 to 100."))]
    #[cfg_attr(feature = "openapi", schema(maximum = 100))]
    pub serves_school: u32,
    /// The offer serves the school's region.
    #[validate(range(max = 100, message = "Use 0 to 100."))]
    #[cfg_attr(feature = "openapi", schema(maximum = 100))]
    pub serves_region: u32,
    /// The offer serves the school's level.
    #[validate(range(max = 100, message = "Use 0 to 100."))]
    #[cfg_attr(feature = "openapi", schema(maximum = 100))]
    pub serves_level: u32,
    /// The offer serves the whole district.
    #[validate(range(max = 100, message = "Use 0 to 100."))]
    #[cfg_attr(feature = "openapi", schema(maximum = 100))]
    pub serves_district: u32,
    /// The capacity left covers the ask.
    #[validate(range(max = 100, message = "Use 0 to 100."))]
    #[cfg_attr(feature = "openapi", schema(maximum = 100))]
    pub capacity_covers: u32,
    /// The capacity left covers part of the ask.
    #[validate(range(max = 100, message = "Use 0 to 100."))]
    #[cfg_attr(feature = "openapi", schema(maximum = 100))]
    pub capacity_partial: u32,
    /// The partner has an active agreement.
    #[validate(range(max = 100, message = "Use 0 to 100."))]
    #[cfg_attr(feature = "openapi", schema(maximum = 100))]
    pub good_standing: u32,
    /// Per deliverable met.
    #[validate(range(max = 100, message = "Use 0 to 100."))]
    #[cfg_attr(feature = "openapi", schema(maximum = 100))]
    pub per_deliverable_met: u32,
    /// At most this many deliverables count.
    #[validate(range(max = 100, message = "Use 0 to 100."))]
    #[cfg_attr(feature = "openapi", schema(maximum = 100))]
    pub deliverables_cap: u32,
    /// A rank-1 need (rank 2 gets two thirds, rank 3 one third).
    #[validate(range(max = 100, message = "Use 0 to 100."))]
    #[cfg_attr(feature = "openapi", schema(maximum = 100))]
    pub primary_need: u32,
    /// Per 30 days the need has been open.
    #[validate(range(max = 100, message = "Use 0 to 100."))]
    #[cfg_attr(feature = "openapi", schema(maximum = 100))]
    pub per_month_waiting: u32,
    /// At most this many months count.
    #[validate(range(max = 100, message = "Use 0 to 100."))]
    #[cfg_attr(feature = "openapi", schema(maximum = 100))]
    pub waiting_cap: u32,
}

impl Default for MatchWeights {
    /// Fit first (area, kind, place), then what the partner can deliver, then urgency.
    fn default() -> Self {
        Self {
            support_area: 30,
            help_kind: 20,
            serves_school: 25,
            serves_region: 15,
            serves_level: 10,
            serves_district: 5,
            capacity_covers: 15,
            capacity_partial: 7,
            good_standing: 10,
            per_deliverable_met: 2,
            deliverables_cap: 5,
            primary_need: 9,
            per_month_waiting: 1,
            waiting_cap: 6,
        }
    }
}

/// `GET /api/v1/matching/weights`: the weights matching uses now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MatchingWeights {
    /// The points per rule.
    pub weights: MatchWeights,
    /// Still the defaults (never changed here).
    pub is_default: bool,
    /// The version (`ETag`; 0 while they are the defaults).
    pub version: i32,
    /// When they were last changed.
    pub updated_at: Option<DateTime<Utc>>,
}

/// What [`score`] needs to know of a need and its school.
#[derive(Debug, Clone, PartialEq)]
pub struct NeedFacts {
    /// The school.
    pub school_id: SchoolId,
    /// The school's region.
    pub region: String,
    /// The school's level.
    pub level: SchoolLevel,
    /// The support area.
    pub support_area: SupportArea,
    /// The kind of help.
    pub help_kind: HelpKind,
    /// What the ask counts.
    pub ask_unit: AskUnit,
    /// How much is still asked.
    pub ask_left: u32,
    /// The school's rank for it.
    pub rank: u32,
    /// Where it stands.
    pub status: NeedStatus,
    /// When it was recorded.
    pub recorded_on: NaiveDate,
}

impl NeedFacts {
    /// The facts of a need (all of its ask still asked) at a school of this region and level.
    pub fn of(need: &Need, region: &str, level: SchoolLevel) -> Self {
        Self {
            school_id: need.school_id,
            region: region.to_string(),
            level,
            support_area: need.support_area,
            help_kind: need.help_kind,
            ask_unit: need.ask_unit,
            ask_left: need.ask_quantity,
            rank: need.rank,
            status: need.status,
            recorded_on: need.created_at.date_naive(),
        }
    }
}

/// What [`score`] needs to know of the partner behind an offer.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PartnerRecord {
    /// It has an active agreement with the district.
    pub good_standing: bool,
    /// Deliverables it met under its agreements.
    pub deliverables_met: u32,
}

/// One reason and the points it gave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScoreReason {
    /// The rule.
    pub reason: MatchReason,
    /// The points it gave.
    pub points: u32,
}

/// A match's score and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Score {
    /// The sum of the reasons' points.
    pub total: u32,
    /// Each rule that gave points, in the order of [`MatchReason`].
    pub reasons: Vec<ScoreReason>,
}

/// Whether the offer serves the need's school: each of its lists that is not empty names it.
pub fn serves(offer: &Offer, need: &NeedFacts) -> bool {
    reaches(offer, need.school_id, &need.region, need.level)
}

/// Whether the offer reaches a school of this region and level: each of its lists that is
/// not empty names it.
pub fn reaches(offer: &Offer, school: SchoolId, region: &str, level: SchoolLevel) -> bool {
    (offer.school_ids.is_empty() || offer.school_ids.contains(&school))
        && (offer.regions.is_empty() || offer.regions.iter().any(|r| r == region))
        && (offer.levels.is_empty() || offer.levels.contains(&level))
}

/// Scores an offer for a need on `today`, with the reason for each point; none when the offer
/// is no candidate: not active, ended, starting more than a year from today, not serving the
/// school, or neither in the need's support area nor of its kind of help; or the need is met
/// or withdrawn.
pub fn score(
    need: &NeedFacts,
    offer: &Offer,
    partner: PartnerRecord,
    w: &MatchWeights,
    today: NaiveDate,
) -> Option<Score> {
    let open = matches!(need.status, NeedStatus::Open | NeedStatus::PartlyMet);
    let available = offer.status == OfferStatus::Active
        && offer.available_until.is_none_or(|d| d >= today)
        && offer
            .available_from
            .is_none_or(|d| d <= today + chrono::Days::new(365));
    let area = offer.support_areas.contains(&need.support_area);
    let kind = offer.help_kind == need.help_kind;
    if !open || !available || !serves(offer, need) || !(area || kind) {
        return None;
    }
    let mut reasons = Vec::new();
    let mut give = |reason: MatchReason, points: u32| {
        if points > 0 {
            reasons.push(ScoreReason { reason, points });
        }
    };
    give(
        MatchReason::SupportArea,
        if area { w.support_area } else { 0 },
    );
    give(MatchReason::HelpKind, if kind { w.help_kind } else { 0 });
    let district = offer.school_ids.is_empty() && offer.regions.is_empty();
    if !offer.school_ids.is_empty() {
        give(MatchReason::ServesSchool, w.serves_school);
    }
    if !offer.regions.is_empty() {
        give(MatchReason::ServesRegion, w.serves_region);
    }
    if !offer.levels.is_empty() {
        give(MatchReason::ServesLevel, w.serves_level);
    }
    if district {
        give(MatchReason::ServesDistrict, w.serves_district);
    }
    if offer.capacity_unit == need.ask_unit && offer.capacity > 0 {
        if offer.capacity >= need.ask_left {
            give(MatchReason::CapacityCovers, w.capacity_covers);
        } else {
            give(MatchReason::CapacityPartial, w.capacity_partial);
        }
    }
    if partner.good_standing {
        give(MatchReason::GoodStanding, w.good_standing);
    }
    give(
        MatchReason::DeliverablesMet,
        partner.deliverables_met.min(w.deliverables_cap) * w.per_deliverable_met,
    );
    if (1..=PRIMARY_RANKS).contains(&need.rank) {
        give(
            MatchReason::PrimaryNeed,
            w.primary_need * (PRIMARY_RANKS + 1 - need.rank) / PRIMARY_RANKS,
        );
    }
    let months = u32::try_from((today - need.recorded_on).num_days().max(0) / 30).unwrap_or(0);
    give(
        MatchReason::Waiting,
        months.min(w.waiting_cap) * w.per_month_waiting,
    );
    Some(Score {
        total: reasons.iter().map(|r| r.points).sum(),
        reasons,
    })
}

/// Orders scored candidates best first (ties: the older id first, so the order is stable) and
/// keeps `limit`.
pub fn best<T>(
    mut scored: Vec<(T, Score)>,
    id: impl Fn(&T) -> uuid::Uuid,
    limit: usize,
) -> Vec<(T, Score)> {
    scored.sort_by(|(a, sa), (b, sb)| sb.total.cmp(&sa.total).then_with(|| id(a).cmp(&id(b))));
    scored.truncate(limit);
    scored
}

/// An offer ranked for a need (`GET /api/v1/needs/{id}/matches`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferMatch {
    /// The offer.
    pub offer: Offer,
    /// Its score for the need, and why.
    pub score: Score,
}

/// A need ranked for an offer (`GET /api/v1/offers/{id}/matches`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NeedMatch {
    /// The need.
    pub need: Need,
    /// The offer's score for it, and why.
    pub score: Score,
}

/// Filters of the matches endpoints.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct MatchQuery {
    /// How many, best first: 1–50 (default 10).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 50))]
    pub limit: Option<u32>,
    /// For an offer: the school year of the needs (default: the current one); for a need it
    /// is not used, but checked.
    #[cfg_attr(feature = "openapi", param(minimum = 2000, maximum = 2100))]
    pub school_year: Option<i32>,
}

/// The offers an approved application's answers make, one per kind of contribution it names:
/// time as the volunteers it expects, treasure as the estimated value of its cash and in-kind
/// gifts (dollars), talent as hours; its support areas, schools and dates. The office edits them
/// afterwards like any offer.
pub fn from_application(
    organization_id: OrganizationId,
    p: &crate::application::ProposedProgram,
) -> Vec<OfferInput> {
    use crate::intake::ContributionKind as C;
    let what = if p.description.trim().is_empty() {
        p.title.trim().to_string()
    } else {
        format!("{}: {}", p.title.trim(), p.description.trim())
    };
    let description: String = what.chars().take(1000).collect();
    let mut kinds = p.contributions.clone();
    kinds.sort();
    kinds.dedup();
    kinds
        .into_iter()
        .map(|kind| {
            let (help_kind, capacity_unit, capacity) = match kind {
                C::Time => (
                    HelpKind::Time,
                    AskUnit::VolunteerSlots,
                    p.volunteers_expected.unwrap_or(1),
                ),
                C::Treasure => (
                    HelpKind::Treasure,
                    AskUnit::Dollars,
                    p.cash_value_usd
                        .unwrap_or(0)
                        .saturating_add(p.in_kind_value_usd.unwrap_or(0)),
                ),
                C::Talent => (HelpKind::Talent, AskUnit::Hours, 1),
            };
            OfferInput {
                organization_id,
                support_areas: p.support_areas.clone(),
                help_kind,
                description: description.clone(),
                capacity_unit,
                capacity: capacity.clamp(1, 10_000_000),
                school_ids: p.school_ids.clone(),
                regions: vec![],
                levels: vec![],
                available_from: p.start_date,
                available_until: p.end_date.filter(|e| p.start_date.is_none_or(|s| *e >= s)),
            }
            .normalized()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_approved_application_offers_what_it_named_one_offer_per_kind() {
        use crate::intake::ContributionKind as C;
        let school = SchoolId::new();
        let p = crate::application::ProposedProgram {
            title: "Reading buddies".into(),
            description: "Volunteers read with K-2 students.".into(),
            support_areas: vec![SupportArea::Academics],
            contributions: vec![C::Treasure, C::Time, C::Time],
            volunteers_expected: Some(12),
            cash_value_usd: Some(500),
            in_kind_value_usd: Some(250),
            school_ids: vec![school],
            ..Default::default()
        };
        let org = OrganizationId::new();
        let offers = from_application(org, &p);
        let kinds: Vec<(HelpKind, AskUnit, u32)> = offers
            .iter()
            .map(|o| (o.help_kind, o.capacity_unit, o.capacity))
            .collect();
        assert_eq!(
            kinds,
            [
                (HelpKind::Time, AskUnit::VolunteerSlots, 12),
                (HelpKind::Treasure, AskUnit::Dollars, 750)
            ]
        );
        assert!(offers.iter().all(|o| o.validate().is_ok()));
        assert_eq!(
            offers[0].description,
            "Reading buddies: Volunteers read with K-2 students."
        );
        assert_eq!(offers[0].school_ids, [school]);
        let talent = crate::application::ProposedProgram {
            contributions: vec![C::Talent],
            ..p
        };
        assert_eq!(
            from_application(org, &talent)[0].capacity,
            1,
            "at least one"
        );
    }

    #[test]
    fn an_offer_moves_only_along_its_allowed_steps() {
        use OfferAction as A;
        use OfferStatus as S;
        let table = [
            (S::Active, A::Pause, Some(S::Paused)),
            (S::Active, A::Resume, None),
            (S::Active, A::Close, Some(S::Closed)),
            (S::Active, A::Reopen, None),
            (S::Paused, A::Pause, None),
            (S::Paused, A::Resume, Some(S::Active)),
            (S::Paused, A::Close, Some(S::Closed)),
            (S::Paused, A::Reopen, None),
            (S::Closed, A::Pause, None),
            (S::Closed, A::Resume, None),
            (S::Closed, A::Close, None),
            (S::Closed, A::Reopen, Some(S::Active)),
        ];
        for (from, action, to) in table {
            assert_eq!(
                next_offer_status(from, action).ok(),
                to,
                "{from} + {action}"
            );
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn need() -> NeedFacts {
        NeedFacts {
            school_id: SchoolId(uuid::Uuid::from_u128(7)),
            region: "West".into(),
            level: SchoolLevel::Elementary,
            support_area: SupportArea::Academics,
            help_kind: HelpKind::Time,
            ask_unit: AskUnit::VolunteerSlots,
            ask_left: 12,
            rank: 4,
            status: NeedStatus::Open,
            recorded_on: day(2026, 9, 1),
        }
    }

    fn offer() -> Offer {
        let at = day(2026, 8, 1).and_hms_opt(0, 0, 0).unwrap().and_utc();
        Offer {
            id: OfferId(uuid::Uuid::from_u128(1)),
            organization_id: OrganizationId(uuid::Uuid::from_u128(2)),
            organization_name: "Queen City Readers".into(),
            support_areas: vec![SupportArea::Academics],
            help_kind: HelpKind::Time,
            description: "Readers".into(),
            capacity_unit: AskUnit::VolunteerSlots,
            capacity: 5,
            school_ids: vec![],
            regions: vec![],
            levels: vec![],
            available_from: None,
            available_until: None,
            status: OfferStatus::Active,
            status_reason: None,
            created_by: UserId(uuid::Uuid::from_u128(3)),
            version: 1,
            created_at: at,
            updated_at: at,
        }
    }

    #[allow(non_snake_case)]
    fn TODAY() -> NaiveDate {
        day(2026, 9, 15)
    }

    fn points(n: &NeedFacts, o: &Offer, p: PartnerRecord) -> Option<(u32, Vec<MatchReason>)> {
        score(n, o, p, &MatchWeights::default(), TODAY())
            .map(|s| (s.total, s.reasons.iter().map(|r| r.reason).collect()))
    }

    #[test]
    fn each_reason_moves_the_score_by_its_weight() {
        let w = MatchWeights::default();
        let none = PartnerRecord::default();
        let (base, reasons) = points(&need(), &offer(), none).unwrap();
        use MatchReason as R;
        assert_eq!(
            reasons,
            [
                R::SupportArea,
                R::HelpKind,
                R::ServesDistrict,
                R::CapacityPartial
            ]
        );
        assert_eq!(
            base,
            w.support_area + w.help_kind + w.serves_district + w.capacity_partial
        );

        // (what changes, the score it should reach from `base`)
        type Change = fn(&mut NeedFacts, &mut Offer, &mut PartnerRecord);
        let table: [(&str, Change, i64); 12] = [
            (
                "another support area",
                |_, o, _| o.support_areas = vec![SupportArea::HealthWellness],
                -i64::from(w.support_area),
            ),
            (
                "another kind of help",
                |_, o, _| {
                    o.help_kind = HelpKind::Talent;
                },
                -i64::from(w.help_kind),
            ),
            (
                "names the school",
                |n, o, _| o.school_ids = vec![n.school_id],
                i64::from(w.serves_school) - i64::from(w.serves_district),
            ),
            (
                "serves the region",
                |_, o, _| o.regions = vec!["West".into()],
                i64::from(w.serves_region) - i64::from(w.serves_district),
            ),
            (
                "serves the level (still district-wide by place)",
                |_, o, _| o.levels = vec![SchoolLevel::Elementary],
                i64::from(w.serves_level),
            ),
            (
                "capacity covers the ask",
                |_, o, _| o.capacity = 12,
                i64::from(w.capacity_covers) - i64::from(w.capacity_partial),
            ),
            (
                "capacity in another unit",
                |_, o, _| o.capacity_unit = AskUnit::Hours,
                -i64::from(w.capacity_partial),
            ),
            (
                "an active agreement",
                |_, _, p| p.good_standing = true,
                i64::from(w.good_standing),
            ),
            (
                "deliverables met, up to the cap",
                |_, _, p| p.deliverables_met = 50,
                i64::from(w.deliverables_cap * w.per_deliverable_met),
            ),
            ("rank 1", |n, _, _| n.rank = 1, i64::from(w.primary_need)),
            (
                "rank 3",
                |n, _, _| n.rank = 3,
                i64::from(w.primary_need / 3),
            ),
            (
                "open for 10 months (capped)",
                |n, _, _| n.recorded_on = day(2025, 11, 1),
                i64::from(w.waiting_cap * w.per_month_waiting),
            ),
        ];
        for (what, change, delta) in table {
            let (mut n, mut o, mut p) = (need(), offer(), none);
            change(&mut n, &mut o, &mut p);
            let (got, _) = points(&n, &o, p).unwrap_or_else(|| panic!("{what}: no candidate"));
            assert_eq!(i64::from(got) - i64::from(base), delta, "{what}");
        }
    }

    #[test]
    fn offers_that_cannot_meet_the_need_are_no_candidates() {
        let none = PartnerRecord::default();
        type Change = fn(&mut NeedFacts, &mut Offer);
        let table: [(&str, Change); 8] = [
            ("paused", |_, o| o.status = OfferStatus::Paused),
            ("ended", |_, o| o.available_until = Some(day(2026, 9, 14))),
            ("starts in two years", |_, o| {
                o.available_from = Some(day(2028, 9, 1))
            }),
            ("another school", |_, o| {
                o.school_ids = vec![SchoolId(uuid::Uuid::from_u128(8))]
            }),
            ("another region", |_, o| o.regions = vec!["East".into()]),
            ("another level", |_, o| o.levels = vec![SchoolLevel::High]),
            ("neither area nor kind", |_, o| {
                o.support_areas = vec![SupportArea::HealthWellness];
                o.help_kind = HelpKind::Treasure;
            }),
            ("the need is met", |n, _| n.status = NeedStatus::Met),
        ];
        for (what, change) in table {
            let (mut n, mut o) = (need(), offer());
            change(&mut n, &mut o);
            assert_eq!(points(&n, &o, none), None, "{what}");
        }
        let mut o = offer();
        o.available_until = Some(TODAY());
        assert!(points(&need(), &o, none).is_some(), "the last day counts");
    }

    #[test]
    fn zero_weights_give_no_reason_and_the_best_come_first() {
        let zero = MatchWeights {
            support_area: 0,
            help_kind: 0,
            serves_school: 0,
            serves_region: 0,
            serves_level: 0,
            serves_district: 0,
            capacity_covers: 0,
            capacity_partial: 0,
            good_standing: 0,
            per_deliverable_met: 0,
            deliverables_cap: 0,
            primary_need: 0,
            per_month_waiting: 0,
            waiting_cap: 0,
        };
        let s = score(&need(), &offer(), PartnerRecord::default(), &zero, TODAY()).unwrap();
        assert_eq!((s.total, s.reasons.len()), (0, 0));

        let s = |total| Score {
            total,
            reasons: vec![],
        };
        let ranked = best(
            vec![(3u128, s(10)), (1, s(40)), (2, s(10)), (4, s(90))],
            |id| uuid::Uuid::from_u128(*id),
            3,
        );
        let ids: Vec<u128> = ranked.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, [4, 1, 2]);
    }
}
