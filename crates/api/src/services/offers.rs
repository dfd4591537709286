//! Partners' offers: staff record them for any partner, a partner for itself from its login;
//! coordinators read them to find help for their schools. The rules live in `domain::offers`.

use db::repo::audience::Audience;
use db::repo::offers as repo;
use db::repo::{organizations, schools, versioned};
use domain::audit::AuditEntity;
use domain::offers::{self as rules, Offer, OfferInput, OfferQuery, OfferTransition};
use domain::page::Page;
use domain::{OfferId, OrganizationId, Permission};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use validator::Validate;

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult, OrNotFound};
use crate::services::Actor;
use crate::services::audit::{self, AuditAction};

type OfferRow = db::entities::offers::Model;

/// Offers as the API answers them: each with its partner's name and its lists.
pub(crate) async fn assemble_many(
    db: &impl ConnectionTrait,
    rows: Vec<OfferRow>,
) -> ApiResult<Vec<Offer>> {
    let mut offers = unnamed(db, rows).await?;
    name(db, &mut offers).await?;
    Ok(offers)
}

/// Offers with their lists but not yet their partners' names: what scoring reads, before
/// [`name`] names the few that are kept.
pub(crate) async fn unnamed(
    db: &impl ConnectionTrait,
    rows: Vec<OfferRow>,
) -> ApiResult<Vec<Offer>> {
    let ids: Vec<OfferId> = rows.iter().map(|r| r.id).collect();
    let mut lists = repo::lists_of(db, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let l = lists.remove(&r.id).unwrap_or_default();
            Offer {
                id: r.id,
                organization_id: r.organization_id,
                organization_name: String::new(),
                support_areas: l.support_areas,
                help_kind: r.help_kind,
                description: r.description,
                capacity_unit: r.capacity_unit,
                capacity: u32::try_from(r.capacity).unwrap_or(u32::MAX),
                school_ids: l.school_ids,
                regions: l.regions,
                levels: l.levels,
                available_from: r.available_from,
                available_until: r.available_until,
                status: r.status,
                status_reason: r.status_reason,
                created_by: r.created_by,
                version: r.version,
                created_at: r.created_at,
                updated_at: r.updated_at,
            }
        })
        .collect())
}

/// Gives each offer its partner's name.
pub(crate) async fn name(db: &impl ConnectionTrait, offers: &mut [Offer]) -> ApiResult<()> {
    let orgs: Vec<OrganizationId> = super::distinct(offers.iter().map(|o| o.organization_id));
    let names = organizations::names_of(db, &orgs).await?;
    for o in offers {
        o.organization_name = names.get(&o.organization_id).cloned().unwrap_or_default();
    }
    Ok(())
}

async fn assemble(db: &impl ConnectionTrait, row: OfferRow) -> ApiResult<Offer> {
    assemble_many(db, vec![row])
        .await?
        .pop()
        .ok_or(ApiError::NotFound("offer"))
}

/// The offer, when the caller sees it (another partner's, for a partner: 404).
pub(crate) async fn visible(
    db: &impl ConnectionTrait,
    auth: &AuthUser,
    id: OfferId,
) -> ApiResult<OfferRow> {
    auth.require(Permission::ReadOffers)?;
    let row = repo::get(db, id).await.or_not_found("offer")?;
    if !repo::sees(&auth.audience(), &row) {
        return Err(ApiError::NotFound("offer"));
    }
    Ok(row)
}

/// A partner the caller records offers for: staff any, a partner itself (another: 404).
fn require_partner(auth: &AuthUser, org: OrganizationId) -> ApiResult<()> {
    auth.require(Permission::ManageOffers)?;
    match auth.audience() {
        Audience::All => Ok(()),
        Audience::Organization(own) if own == org => Ok(()),
        _ => Err(ApiError::NotFound("organization")),
    }
}

/// The input is valid and its references exist: the partner and every school named.
async fn check_input(db: &impl ConnectionTrait, input: OfferInput) -> ApiResult<OfferInput> {
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let input = input.normalized();
    match organizations::get(db, input.organization_id).await {
        Err(db::DbError::NotFound) => {
            return Err(ApiError::invalid_field(
                "organization_id",
                "unknown",
                "No such organization.",
            ));
        }
        Err(e) => return Err(e.into()),
        Ok(_) => {}
    }
    let known = schools::existing_ids(db, &input.school_ids).await?;
    if known.len() != input.school_ids.len() {
        return Err(ApiError::invalid_field(
            "school_ids",
            "unknown",
            "One of the schools does not exist.",
        ));
    }
    Ok(input)
}

/// Records an offer (staff for any partner, a partner for itself).
pub async fn record(
    db: &DatabaseConnection,
    auth: &AuthUser,
    input: OfferInput,
) -> ApiResult<Offer> {
    require_partner(auth, input.organization_id)?;
    let input = check_input(db, input).await?;
    let txn = db::begin_write(db).await?;
    let row = repo::insert(&txn, auth.id, &input).await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Offer,
        row.id,
        AuditAction::Create,
        audit::created(&serde_json::to_value(&input).unwrap_or_default()),
    )
    .await?;
    let offer = assemble(&txn, row).await?;
    txn.commit().await?;
    tracing::info!(offer.id = %offer.id, "offer recorded");
    Ok(offer)
}

/// Changes an offer's terms (its partner stays).
pub async fn revise(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: OfferId,
    version: i32,
    input: OfferInput,
) -> ApiResult<Offer> {
    let current = visible(db, auth, id).await?;
    require_partner(auth, current.organization_id)?;
    if input.organization_id != current.organization_id {
        return Err(ApiError::invalid_field(
            "organization_id",
            "immutable",
            "An offer stays with its partner; record a new one instead.",
        ));
    }
    let input = check_input(db, input).await?;
    let txn = db::begin_write(db).await?;
    let before = assemble(&txn, current).await?;
    repo::update(&txn, id, version, &input).await?;
    let after = assemble(&txn, repo::get(&txn, id).await?).await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Offer,
        id,
        AuditAction::Update,
        audit::diff(
            &serde_json::to_value(&before).unwrap_or_default(),
            &serde_json::to_value(&after).unwrap_or_default(),
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}

/// Pauses, resumes, closes or reopens an offer, with a reason.
pub async fn transition(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: OfferId,
    version: i32,
    t: OfferTransition,
) -> ApiResult<Offer> {
    t.validate().map_err(|e| ApiError::validation(&e))?;
    let current = visible(db, auth, id).await?;
    require_partner(auth, current.organization_id)?;
    let to = rules::next_offer_status(current.status, t.action).map_err(ApiError::transition)?;
    let txn = db::begin_write(db).await?;
    versioned::set_status::<db::entities::offers::Entity>(&txn, id, version, to, &t.reason).await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Offer,
        id,
        t.action,
        audit::status_change(current.status, to, &t.reason),
    )
    .await?;
    let offer = assemble(&txn, repo::get(&txn, id).await?).await?;
    txn.commit().await?;
    Ok(offer)
}

/// One offer the caller sees.
pub async fn get(db: &DatabaseConnection, auth: &AuthUser, id: OfferId) -> ApiResult<Offer> {
    let row = visible(db, auth, id).await?;
    assemble(db, row).await
}

/// A page of the offers the caller sees, newest first.
pub async fn browse(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &OfferQuery,
) -> ApiResult<Page<Offer>> {
    auth.require(Permission::ReadOffers)?;
    let limit = super::page_limit(q.limit)?;
    let after = super::parse_cursor(q.cursor.as_deref())?;
    let (rows, next) = repo::list(db, q, &auth.audience(), limit, after).await?;
    Ok(Page {
        items: assemble_many(db, rows).await?,
        next_cursor: next.map(|c| c.encode()),
    })
}
