//! The family resource directory: offers' listings (languages kept as sorted, comma-separated
//! codes), and its use counted per month and kind in one upsert per request.

use chrono::Utc;
use domain::directory::{ListingInput, ResourceLanguage};
use domain::{OfferId, UserId};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Select, Set,
};

use super::versioned;
use crate::entities::{directory_counts as dc, directory_listings as dl};
use crate::{DbError, DbResult};

/// Languages as stored.
pub fn languages_text(languages: &[ResourceLanguage]) -> String {
    languages
        .iter()
        .map(|l| l.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// Languages as read back (unknown codes are skipped).
pub fn languages_of(text: &str) -> Vec<ResourceLanguage> {
    text.split(',')
        .filter_map(ResourceLanguage::parse)
        .collect()
}

/// An offer's listing, if it has one.
pub async fn get(db: &impl ConnectionTrait, offer: OfferId) -> DbResult<Option<dl::Model>> {
    Ok(dl::Entity::find_by_id(offer.0).one(db).await?)
}

/// Lists an offer (expected version 0: it has no listing yet) or changes its listing.
pub async fn put(
    db: &impl ConnectionTrait,
    offer: OfferId,
    expected: i32,
    i: &ListingInput,
    by: UserId,
) -> DbResult<dl::Model> {
    let now = Utc::now();
    if expected == 0 {
        if get(db, offer).await?.is_some() {
            return Err(DbError::Stale);
        }
        return Ok(dl::ActiveModel {
            offer_id: Set(offer),
            published: Set(i.published),
            category: Set(i.category),
            title_en: Set(i.title_en.clone()),
            title_es: Set(i.title_es.clone()),
            summary_en: Set(i.summary_en.clone()),
            summary_es: Set(i.summary_es.clone()),
            languages: Set(languages_text(&i.languages)),
            how_to_reach: Set(i.how_to_reach.clone()),
            updated_by: Set(by),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(db)
        .await?);
    }
    let changes = dl::Entity::update_many()
        .col_expr(dl::Column::Published, Expr::value(i.published))
        .col_expr(dl::Column::Category, Expr::value(i.category))
        .col_expr(dl::Column::TitleEn, Expr::value(i.title_en.clone()))
        .col_expr(dl::Column::TitleEs, Expr::value(i.title_es.clone()))
        .col_expr(dl::Column::SummaryEn, Expr::value(i.summary_en.clone()))
        .col_expr(dl::Column::SummaryEs, Expr::value(i.summary_es.clone()))
        .col_expr(
            dl::Column::Languages,
            Expr::value(languages_text(&i.languages)),
        )
        .col_expr(dl::Column::HowToReach, Expr::value(i.how_to_reach.clone()))
        .col_expr(dl::Column::UpdatedBy, Expr::value(by));
    versioned::update(db, offer.0, expected, changes)
        .await
        .map_err(|e| match e {
            // No listing yet: any version but 0 is out of date.
            DbError::NotFound => DbError::Stale,
            e => e,
        })?;
    get(db, offer).await?.ok_or(DbError::NotFound)
}

/// The query behind [`published`]; public so that a test can ask the database for its plan.
pub fn published_query() -> Select<dl::Entity> {
    dl::Entity::find()
        .filter(dl::Column::Published.eq(true))
        .order_by_asc(dl::Column::Category)
        .order_by_asc(dl::Column::OfferId)
}

/// Every published listing (the services keep those of active offers).
pub async fn published(db: &impl ConnectionTrait) -> DbResult<Vec<dl::Model>> {
    Ok(published_query().all(db).await?)
}

/// Counts one use of the directory (`view` or `search`) in the current month (UTC).
pub async fn count(db: &impl ConnectionTrait, kind: &str) -> DbResult<()> {
    let month = Utc::now().format("%Y-%m").to_string();
    dc::Entity::insert(dc::ActiveModel {
        month: Set(month),
        kind: Set(kind.into()),
        n: Set(1),
    })
    .on_conflict(
        OnConflict::columns([dc::Column::Month, dc::Column::Kind])
            .value(dc::Column::N, Expr::col((dc::Entity, dc::Column::N)).add(1))
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// The counts of the newest `months` months that have any, newest first.
pub async fn counts(db: &impl ConnectionTrait, months: u64) -> DbResult<Vec<dc::Model>> {
    Ok(dc::Entity::find()
        .order_by_desc(dc::Column::Month)
        .order_by_asc(dc::Column::Kind)
        .limit(months * 2)
        .all(db)
        .await?)
}
