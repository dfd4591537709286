//! Matching needs and offers: for a need, the offers ranked by their score with the reason for
//! each point; for an offer, the needs it could meet, ranked the same way. The scoring is
//! `domain::offers::score`; its weights are data the office keeps (a setting, admin-edited).

use chrono::Utc;
use db::repo::audience::Audience;
use db::repo::{needs as need_repo, offers as offer_repo, schools, settings};
use domain::audit::AuditEntity;
use domain::needs::Need;
use domain::offers::{
    self as rules, MatchQuery, MatchWeights, MatchingWeights, NeedFacts, NeedMatch, OfferMatch,
    PartnerRecord,
};
use domain::school::School;
use domain::{NeedId, OfferId, Permission, SchoolId};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use std::collections::HashMap;
use validator::Validate;

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::services::audit::{self, AuditAction};
use crate::services::{Actor, needs, offers};

/// The setting that holds the weights (JSON).
pub const WEIGHTS_KEY: &str = "match_weights";

fn weights_of(row: Option<db::entities::settings::Model>) -> MatchingWeights {
    // A stored value that no longer reads (a field renamed) falls back field by field:
    // `MatchWeights` takes its default for what is missing.
    let stored = row
        .as_ref()
        .and_then(|r| serde_json::from_str::<MatchWeights>(&r.value).ok());
    MatchingWeights {
        is_default: stored.is_none(),
        weights: stored.unwrap_or_default(),
        version: row.as_ref().map_or(0, |r| r.version),
        updated_at: row.map(|r| r.updated_at),
    }
}

async fn current_weights(db: &impl ConnectionTrait) -> ApiResult<MatchWeights> {
    Ok(weights_of(settings::get(db, WEIGHTS_KEY).await?).weights)
}

/// The weights matching uses (everyone who reads offers).
pub async fn weights(db: &DatabaseConnection, auth: &AuthUser) -> ApiResult<MatchingWeights> {
    auth.require(Permission::ReadOffers)?;
    Ok(weights_of(settings::get(db, WEIGHTS_KEY).await?))
}

/// Changes the weights (admin; `If-Match`, 0 while they are the defaults). Audited.
pub async fn set_weights(
    db: &DatabaseConnection,
    auth: &AuthUser,
    version: i32,
    input: MatchWeights,
) -> ApiResult<MatchingWeights> {
    auth.require(Permission::ManageGoals)?;
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let txn = db::begin_write(db).await?;
    let before = weights_of(settings::get(&txn, WEIGHTS_KEY).await?);
    let value = serde_json::to_string(&input).map_err(|e| ApiError::Internal(e.into()))?;
    settings::put(&txn, WEIGHTS_KEY, &value, version, auth.id).await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Setting,
        WEIGHTS_KEY,
        AuditAction::Update,
        audit::diff(
            &serde_json::to_value(&before.weights).unwrap_or_default(),
            &serde_json::to_value(&input).unwrap_or_default(),
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(weights_of(settings::get(db, WEIGHTS_KEY).await?))
}

/// The query's limit, once both its fields are in range (a school year out of range is a 422
/// even where it is not used, as the spec states its range for both endpoints).
fn limit_of(q: &MatchQuery) -> ApiResult<usize> {
    needs::school_year_in_range(q.school_year)?;
    match q.limit {
        None => Ok(10),
        Some(n @ 1..=50) => Ok(n as usize),
        Some(_) => Err(ApiError::invalid_field(
            "limit",
            "range",
            "Ask for 1 to 50 matches.",
        )),
    }
}

fn facts(need: &Need, school: &School) -> NeedFacts {
    NeedFacts::of(need, &school.region, school.level)
}

/// The offers that could meet a need, best first, each with its reasons. Staff for any need,
/// coordinators for their schools' (another school's need: 404).
pub async fn for_need(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: NeedId,
    q: &MatchQuery,
) -> ApiResult<Vec<OfferMatch>> {
    let limit = limit_of(q)?;
    let row = needs::visible(db, auth, id).await?;
    needs::require_school(auth, row.school_id)?;
    auth.require(Permission::ReadOffers)?;
    let need = needs::assemble_many(db, &Audience::All, vec![row])
        .await?
        .pop()
        .ok_or(ApiError::NotFound("need"))?;
    let school = schools::get(db, need.school_id).await?;
    let w = current_weights(db).await?;
    let candidates = offer_repo::candidates(db, need.support_area, need.help_kind).await?;
    let offers = offers::unnamed(db, candidates).await?;
    let orgs = super::distinct(offers.iter().map(|o| o.organization_id));
    let records = offer_repo::partner_records(db, &orgs).await?;
    let today = Utc::now().date_naive();
    let n = facts(&need, &school);
    let scored: Vec<_> = offers
        .into_iter()
        .filter_map(|o| {
            let p = records.get(&o.organization_id).copied().unwrap_or_default();
            rules::score(&n, &o, p, &w, today).map(|s| (o, s))
        })
        .collect();
    let (mut kept, scores): (Vec<_>, Vec<_>) =
        rules::best(scored, |o| o.id.0, limit).into_iter().unzip();
    offers::name(db, &mut kept).await?;
    Ok(kept
        .into_iter()
        .zip(scores)
        .map(|(offer, score)| OfferMatch { offer, score })
        .collect())
}

/// The needs of a school year (default: the current one) that an offer could meet, best
/// first, each with its reasons: for staff every school's, for a coordinator their schools',
/// for the offer's partner the needs shown to partners (without internal notes).
pub async fn for_offer(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: OfferId,
    q: &MatchQuery,
) -> ApiResult<Vec<NeedMatch>> {
    let limit = limit_of(q)?;
    let row = offers::visible(db, auth, id).await?;
    auth.require(Permission::ReadNeeds)?;
    let school_year = needs::school_year_asked(db, q.school_year).await?;
    let audience = auth.audience();
    let offer = offers::assemble_many(db, vec![row])
        .await?
        .pop()
        .ok_or(ApiError::NotFound("offer"))?;
    let record: PartnerRecord = offer_repo::partner_records(db, &[offer.organization_id])
        .await?
        .remove(&offer.organization_id)
        .unwrap_or_default();
    let w = current_weights(db).await?;
    let active: HashMap<SchoolId, School> = schools::all_active(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let rows = need_repo::still_asked(db, school_year, &audience).await?;
    let rows = rows
        .into_iter()
        .filter(|r| active.contains_key(&r.school_id))
        .collect();
    let today = Utc::now().date_naive();
    let scored: Vec<_> = needs::unnamed(&audience, rows)
        .into_iter()
        .filter_map(|n| {
            let school = active.get(&n.school_id)?;
            rules::score(&facts(&n, school), &offer, record, &w, today).map(|s| (n, s))
        })
        .collect();
    let (mut kept, scores): (Vec<_>, Vec<_>) =
        rules::best(scored, |n| n.id.0, limit).into_iter().unzip();
    needs::name(db, &mut kept).await?;
    Ok(kept
        .into_iter()
        .zip(scores)
        .map(|(need, score)| NeedMatch { need, score })
        .collect())
}

/// The score of one offer for one need, when the offer could meet the need at all.
pub(crate) async fn score_pair(
    db: &impl ConnectionTrait,
    need: &Need,
    offer: &domain::offers::Offer,
) -> ApiResult<Option<domain::offers::Score>> {
    let school = schools::get(db, need.school_id).await?;
    let w = current_weights(db).await?;
    let record = offer_repo::partner_records(db, &[offer.organization_id])
        .await?
        .remove(&offer.organization_id)
        .unwrap_or_default();
    Ok(rules::score(
        &facts(need, &school),
        offer,
        record,
        &w,
        Utc::now().date_naive(),
    ))
}
