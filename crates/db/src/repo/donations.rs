//! The donation ledger: one row per donation, voided (never deleted) when recorded in error;
//! the totals summed by the database, grouped by one column and the kind.

use chrono::{NaiveDate, Utc};
use domain::donations::{
    DonationGrouping, DonationKind, DonationQuery, DonationStatus, DonationSum,
};
use domain::intake::SupportArea;
use domain::{ApplicationId, DonationId, MatchId, NeedId, OrganizationId, SchoolId, UserId};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QuerySelect, Select, Set,
};

use super::audience::{self, Audience};
use crate::entities::donations as d;
use crate::repo::cursor::Cursor;
use crate::repo::paging::{Keyset, id_cursor};
use crate::{DbError, DbResult};

/// A donation to record (its input checked, its school year decided).
#[derive(Debug, Clone)]
pub struct NewDonation<'a> {
    /// Who gave.
    pub organization_id: OrganizationId,
    /// Which school received (none: district-wide).
    pub school_id: Option<SchoolId>,
    /// When.
    pub received_on: NaiveDate,
    /// The school year it falls in.
    pub school_year: i32,
    /// Cash or in kind.
    pub kind: DonationKind,
    /// Whole dollars.
    pub value_usd: u32,
    /// What was given.
    pub description: &'a str,
    /// The support area it served.
    pub support_area: Option<SupportArea>,
    /// The need it met.
    pub need_id: Option<NeedId>,
    /// The match it fulfils.
    pub match_id: Option<MatchId>,
    /// The one-time event's application.
    pub application_id: Option<ApplicationId>,
    /// The event's name.
    pub event: &'a str,
    /// Who records it.
    pub by: UserId,
}

/// Records a donation.
pub async fn insert(db: &impl ConnectionTrait, n: NewDonation<'_>) -> DbResult<d::Model> {
    let now = Utc::now();
    Ok(d::ActiveModel {
        id: Set(DonationId::new()),
        organization_id: Set(n.organization_id),
        school_id: Set(n.school_id),
        received_on: Set(n.received_on),
        school_year: Set(n.school_year),
        kind: Set(n.kind),
        value_usd: Set(i32::try_from(n.value_usd).unwrap_or(i32::MAX)),
        description: Set(n.description.into()),
        support_area: Set(n.support_area),
        need_id: Set(n.need_id),
        match_id: Set(n.match_id),
        application_id: Set(n.application_id),
        event: Set(n.event.into()),
        status: Set(DonationStatus::Recorded),
        status_reason: Set(None),
        recorded_by: Set(n.by),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?)
}

/// One donation.
pub async fn get(db: &impl ConnectionTrait, id: DonationId) -> DbResult<d::Model> {
    d::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(DbError::NotFound)
}

fn visible(audience: &Audience) -> Condition {
    match audience {
        Audience::All => Condition::all(),
        Audience::Schools(ids) => {
            Condition::all().add(d::Column::SchoolId.is_in(ids.iter().copied()))
        }
        Audience::Organization(org) => Condition::all().add(d::Column::OrganizationId.eq(*org)),
        Audience::Volunteer(_) => audience::nothing(),
    }
}

/// Whether the audience sees this donation: staff all, a coordinator those to their schools,
/// a partner its own organization's.
pub fn sees(audience: &Audience, row: &d::Model) -> bool {
    match audience {
        Audience::All => true,
        Audience::Schools(ids) => row.school_id.is_some_and(|s| ids.contains(&s)),
        Audience::Organization(org) => row.organization_id == *org,
        Audience::Volunteer(_) => false,
    }
}

/// Newest first.
const ORDER: Keyset<d::Column> = Keyset::newest_first(d::Column::Id);

/// A page of the donations the audience sees.
pub async fn list(
    db: &impl ConnectionTrait,
    q: &DonationQuery,
    audience: &Audience,
    limit: u64,
    after: Option<Cursor>,
) -> DbResult<(Vec<d::Model>, Option<Cursor>)> {
    let rows = list_query(q, audience, limit, after)?.all(db).await?;
    Ok(ORDER.page(rows, Some(limit), |r| id_cursor(r.id)))
}

/// The query behind [`list`]; public so that a test can ask the database for its plan.
pub fn list_query(
    q: &DonationQuery,
    audience: &Audience,
    limit: u64,
    after: Option<Cursor>,
) -> DbResult<Select<d::Entity>> {
    let mut sel = d::Entity::find().filter(visible(audience));
    if let Some(org) = q.organization_id {
        sel = sel.filter(d::Column::OrganizationId.eq(org));
    }
    if let Some(school) = q.school_id {
        sel = sel.filter(d::Column::SchoolId.eq(school));
    }
    if let Some(year) = q.school_year {
        sel = sel.filter(d::Column::SchoolYear.eq(year));
    }
    if let Some(kind) = q.kind {
        sel = sel.filter(d::Column::Kind.eq(kind));
    }
    if let Some(status) = q.status {
        sel = sel.filter(d::Column::Status.eq(status));
    }
    if let Some(need) = q.need_id {
        sel = sel.filter(d::Column::NeedId.eq(need));
    }
    if let Some(m) = q.match_id {
        sel = sel.filter(d::Column::MatchId.eq(m));
    }
    ORDER.apply(sel, after.as_ref(), Some(limit))
}

/// The recorded donations the audience sees, summed by the database per group and kind.
pub async fn sums(
    db: &impl ConnectionTrait,
    by: DonationGrouping,
    school_year: Option<i32>,
    audience: &Audience,
) -> DbResult<Vec<DonationSum>> {
    let mut sel = d::Entity::find()
        .filter(visible(audience))
        .filter(d::Column::Status.eq(DonationStatus::Recorded));
    if let Some(year) = school_year {
        sel = sel.filter(d::Column::SchoolYear.eq(year));
    }
    let id = |k: Option<uuid::Uuid>| k.map(|u| u.to_string()).unwrap_or_default();
    match by {
        DonationGrouping::Partner => sum_by(db, sel, d::Column::OrganizationId, id).await,
        DonationGrouping::School => sum_by(db, sel, d::Column::SchoolId, id).await,
        DonationGrouping::SupportArea => {
            sum_by(db, sel, d::Column::SupportArea, |k: Option<String>| {
                k.unwrap_or_default()
            })
            .await
        }
        DonationGrouping::SchoolYear => {
            sum_by(db, sel, d::Column::SchoolYear, |k: i32| k.to_string()).await
        }
    }
}

/// One GROUP BY of `sel` on `column` and the kind (the key read as its own type, so that ids
/// stored as blobs on SQLite read back as ids).
async fn sum_by<K: sea_orm::TryGetable>(
    db: &impl ConnectionTrait,
    sel: Select<d::Entity>,
    column: d::Column,
    key: impl Fn(K) -> String,
) -> DbResult<Vec<DonationSum>> {
    let rows: Vec<(K, DonationKind, i64, Option<i64>)> = sel
        .select_only()
        .column(column)
        .column(d::Column::Kind)
        .expr(Func::count(Expr::col(d::Column::Id)))
        .expr(Func::sum(Expr::col(d::Column::ValueUsd)))
        .group_by(column)
        .group_by(d::Column::Kind)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(k, kind, n, total)| DonationSum {
            key: key(k),
            kind,
            count: u64::try_from(n).unwrap_or(0),
            value_usd: u64::try_from(total.unwrap_or(0)).unwrap_or(0),
        })
        .collect())
}
