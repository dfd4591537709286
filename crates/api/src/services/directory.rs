//! The family resource directory: the office publishes partners' offers for families, in
//! English and Spanish; families search it without an account; each use is counted by month
//! (a view or a search; nothing about who), the plan's measure of families' awareness.

use chrono::Utc;
use db::repo::directory as repo;
use db::repo::{offers as offer_repo, schools};
use domain::OfferId;
use domain::Permission;
use domain::audit::AuditEntity;
use domain::directory::{
    DirectoryMonth, DirectoryUse, Listing, ListingInput, Resource, ResourceQuery,
};
use domain::offers::{self as offer_rules, OfferStatus};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use validator::Validate;

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult, OrNotFound};
use crate::services::audit::{self, AuditAction};
use crate::services::{Actor, offers};

type ListingRow = db::entities::directory_listings::Model;

fn listing_of(offer: OfferId, row: Option<ListingRow>) -> Listing {
    match row {
        Some(r) => Listing {
            offer_id: offer,
            published: r.published,
            category: r.category,
            title_en: r.title_en,
            title_es: r.title_es,
            summary_en: r.summary_en,
            summary_es: r.summary_es,
            languages: repo::languages_of(&r.languages),
            how_to_reach: r.how_to_reach,
            version: r.version,
            updated_at: Some(r.updated_at),
        },
        None => Listing::unlisted(offer),
    }
}

/// An offer's listing (office staff; version 0 and unpublished while it has none).
pub async fn listing(db: &DatabaseConnection, auth: &AuthUser, id: OfferId) -> ApiResult<Listing> {
    auth.require(Permission::ManageDirectory)?;
    offer_repo::get(db, id).await.or_not_found("offer")?;
    Ok(listing_of(id, repo::get(db, id).await?))
}

/// Lists an offer in the family directory, or changes or hides its listing (office staff;
/// `If-Match`, 0 while it has none). Audited on the offer.
pub async fn set_listing(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: OfferId,
    version: i32,
    input: ListingInput,
) -> ApiResult<Listing> {
    auth.require(Permission::ManageDirectory)?;
    // Trimmed first: a title of spaces is no title.
    let input = input.normalized();
    input.validate().map_err(|e| ApiError::validation(&e))?;
    offer_repo::get(db, id).await.or_not_found("offer")?;
    let txn = db::begin_write(db).await?;
    let before = listing_of(id, repo::get(&txn, id).await?);
    let row = repo::put(&txn, id, version, &input, auth.id).await?;
    let after = listing_of(id, Some(row));
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Offer,
        id,
        AuditAction::UpdateListing,
        audit::diff(
            &serde_json::to_value(&before).unwrap_or_default(),
            &serde_json::to_value(&after).unwrap_or_default(),
        ),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(offer.id = %id, published = after.published, "directory listing saved");
    Ok(after)
}

/// What families can find now: the published listings of active offers that have not ended,
/// each with its partner and reach; by category, then English title.
async fn findable(db: &impl ConnectionTrait) -> ApiResult<Vec<(Resource, domain::offers::Offer)>> {
    let listings = repo::published(db).await?;
    let ids: Vec<OfferId> = listings.iter().map(|l| l.offer_id).collect();
    let rows: Vec<_> = offer_repo::many(db, &ids).await?.into_values().collect();
    let today = Utc::now().date_naive();
    let live: Vec<_> = rows
        .into_iter()
        .filter(|o| o.status == OfferStatus::Active && o.available_until.is_none_or(|d| d >= today))
        .collect();
    let by_id: std::collections::HashMap<OfferId, domain::offers::Offer> =
        offers::assemble_many(db, live)
            .await?
            .into_iter()
            .map(|o| (o.id, o))
            .collect();
    let mut out: Vec<(Resource, domain::offers::Offer)> = listings
        .into_iter()
        .filter_map(|l| {
            let o = by_id.get(&l.offer_id)?.clone();
            Some((
                Resource {
                    id: o.id,
                    organization_id: o.organization_id,
                    partner_name: o.organization_name.clone(),
                    category: l.category,
                    title_en: l.title_en,
                    title_es: l.title_es,
                    summary_en: l.summary_en,
                    summary_es: l.summary_es,
                    languages: repo::languages_of(&l.languages),
                    how_to_reach: l.how_to_reach,
                    support_areas: o.support_areas.clone(),
                    school_ids: o.school_ids.clone(),
                },
                o,
            ))
        })
        .collect();
    out.sort_by(|(a, _), (b, _)| {
        (a.category, &a.title_en, a.id).cmp(&(b.category, &b.title_en, b.id))
    });
    Ok(out)
}

/// Searches the directory (no account): the resources every filter admits. Counts the use
/// as a search when a filter is given, a view otherwise.
pub async fn search(db: &DatabaseConnection, q: &ResourceQuery) -> ApiResult<Vec<Resource>> {
    let text = q.q.as_deref().map(str::trim).unwrap_or_default();
    if text.chars().count() > 100 {
        return Err(ApiError::invalid_field(
            "q",
            "length",
            "Search with at most 100 characters.",
        ));
    }
    let school = match q.school_id {
        None => None,
        Some(id) => match schools::get(db, id).await {
            Ok(s) => Some(s),
            Err(db::DbError::NotFound) => {
                return Err(ApiError::invalid_field(
                    "school_id",
                    "not_found",
                    "No such school.",
                ));
            }
            Err(e) => return Err(e.into()),
        },
    };
    let found: Vec<Resource> = findable(db)
        .await?
        .into_iter()
        .filter(|(r, o)| {
            r.found_by(text)
                && q.category.is_none_or(|c| r.category == c)
                && q.language.is_none_or(|l| r.languages.contains(&l))
                && q.support_area.is_none_or(|a| r.support_areas.contains(&a))
                && school
                    .as_ref()
                    .is_none_or(|s| offer_rules::reaches(o, s.id, &s.region, s.level))
        })
        .map(|(r, _)| r)
        .collect();
    repo::count(db, if q.is_search() { "search" } else { "view" }).await?;
    Ok(found)
}

/// The directory's use by month (newest first, up to 24 months) and what families can find
/// now. The office and coordinators (it is a goal's measure).
pub async fn usage(db: &DatabaseConnection, auth: &AuthUser) -> ApiResult<DirectoryUse> {
    auth.require(Permission::ReadMetrics)?;
    let mut months: Vec<DirectoryMonth> = vec![];
    for row in repo::counts(db, 24).await? {
        let n = u64::try_from(row.n).unwrap_or(0);
        if months.last().is_none_or(|m| m.month != row.month) {
            months.push(DirectoryMonth {
                month: row.month.clone(),
                views: 0,
                searches: 0,
            });
        }
        if let Some(m) = months.last_mut() {
            match row.kind.as_str() {
                "search" => m.searches = n,
                _ => m.views = n,
            }
        }
    }
    Ok(DirectoryUse {
        published: findable(db).await?.len() as u64,
        months,
    })
}
