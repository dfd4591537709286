//! Proposed matches of offers to needs: one row per (need, offer), proposed again on the same
//! row after a decline or a withdrawal; what the accepted ones of a need cover.

use chrono::Utc;
use domain::matches::{MatchListQuery, MatchStatus};
use domain::{MatchId, NeedId, OfferId, OrganizationId, SchoolId, UserId};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QuerySelect, Select, Set,
};

use super::audience::{self, Audience};
use super::versioned;
use crate::entities::need_matches as m;
use crate::repo::cursor::Cursor;
use crate::repo::paging::{Keyset, id_cursor};
use crate::{DbError, DbResult};

/// A new proposal.
#[derive(Debug, Clone)]
pub struct NewMatch<'a> {
    /// The need.
    pub need_id: NeedId,
    /// Its school.
    pub school_id: SchoolId,
    /// The offer.
    pub offer_id: OfferId,
    /// Its partner.
    pub organization_id: OrganizationId,
    /// What it covers, in the need's unit.
    pub quantity: u32,
    /// Its score now.
    pub score: u32,
    /// Why the office proposes it.
    pub note: &'a str,
    /// Who proposes it.
    pub by: UserId,
}

/// Records a proposal (`Duplicate` when the offer was already proposed for the need).
pub async fn insert(db: &impl ConnectionTrait, n: NewMatch<'_>) -> DbResult<m::Model> {
    let now = Utc::now();
    Ok(m::ActiveModel {
        id: Set(MatchId::new()),
        need_id: Set(n.need_id),
        offer_id: Set(n.offer_id),
        school_id: Set(n.school_id),
        organization_id: Set(n.organization_id),
        quantity: Set(i64::from(n.quantity)),
        score: Set(i32::try_from(n.score).unwrap_or(i32::MAX)),
        note: Set(n.note.trim().into()),
        status: Set(MatchStatus::Proposed),
        status_reason: Set(None),
        proposed_by: Set(n.by),
        answered_by: Set(None),
        answered_at: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?)
}

/// One match.
pub async fn get(db: &impl ConnectionTrait, id: MatchId) -> DbResult<m::Model> {
    m::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(DbError::NotFound)
}

/// The match of this offer for this need, if it was ever proposed.
pub async fn of_pair(
    db: &impl ConnectionTrait,
    need: NeedId,
    offer: OfferId,
) -> DbResult<Option<m::Model>> {
    Ok(m::Entity::find()
        .filter(m::Column::NeedId.eq(need))
        .filter(m::Column::OfferId.eq(offer))
        .one(db)
        .await?)
}

/// Moves a match along (`If-Match` `expected`): the partner's (or the office's) answer, by
/// `by` now; proposing it again starts over, with `by` as its proposer.
pub async fn step(
    db: &impl ConnectionTrait,
    id: MatchId,
    expected: i32,
    to: MatchStatus,
    reason: &str,
    by: UserId,
) -> DbResult<()> {
    let reason = reason.trim();
    let reason = (!reason.is_empty()).then(|| reason.to_string());
    let mut changes = m::Entity::update_many()
        .col_expr(m::Column::Status, Expr::value(to))
        .col_expr(m::Column::StatusReason, Expr::value(reason));
    changes = if to == MatchStatus::Proposed {
        changes
            .col_expr(m::Column::ProposedBy, Expr::value(by))
            .col_expr(m::Column::AnsweredBy, Expr::value(Option::<UserId>::None))
            .col_expr(
                m::Column::AnsweredAt,
                Expr::value(Option::<chrono::DateTime<Utc>>::None),
            )
    } else {
        changes
            .col_expr(m::Column::AnsweredBy, Expr::value(Some(by)))
            .col_expr(m::Column::AnsweredAt, Expr::value(Some(Utc::now())))
    };
    versioned::update(db, id.0, expected, changes).await
}

/// How much of a need's ask its accepted matches cover (a need has a few matches: summed
/// here, as SQL's SUM of a bigint is a numeric on PostgreSQL and an integer on SQLite).
pub async fn covered(db: &impl ConnectionTrait, need: NeedId) -> DbResult<u32> {
    let quantities: Vec<i64> = m::Entity::find()
        .select_only()
        .column(m::Column::Quantity)
        .filter(m::Column::NeedId.eq(need))
        .filter(m::Column::Status.eq(MatchStatus::Accepted))
        .into_tuple()
        .all(db)
        .await?;
    let sum: i64 = quantities.iter().map(|q| q.max(&0)).sum();
    Ok(u32::try_from(sum).unwrap_or(u32::MAX))
}

/// Every proposal of a need that the partner has not answered yet.
pub async fn unanswered_of(db: &impl ConnectionTrait, need: NeedId) -> DbResult<Vec<m::Model>> {
    Ok(m::Entity::find()
        .filter(m::Column::NeedId.eq(need))
        .filter(m::Column::Status.eq(MatchStatus::Proposed))
        .all(db)
        .await?)
}

fn visible(audience: &Audience) -> Condition {
    match audience {
        Audience::All => Condition::all(),
        Audience::Schools(ids) => {
            Condition::all().add(m::Column::SchoolId.is_in(ids.iter().copied()))
        }
        Audience::Organization(org) => Condition::all().add(m::Column::OrganizationId.eq(*org)),
        Audience::Volunteer(_) => audience::nothing(),
    }
}

/// Whether the audience sees this match: staff all, a coordinator their schools', a partner
/// those proposed to its organization.
pub fn sees(audience: &Audience, row: &m::Model) -> bool {
    match audience {
        Audience::All => true,
        Audience::Schools(ids) => ids.contains(&row.school_id),
        Audience::Organization(org) => row.organization_id == *org,
        Audience::Volunteer(_) => false,
    }
}

/// Newest first.
const ORDER: Keyset<m::Column> = Keyset::newest_first(m::Column::Id);

/// A page of the matches the audience sees.
pub async fn list(
    db: &impl ConnectionTrait,
    q: &MatchListQuery,
    audience: &Audience,
    limit: u64,
    after: Option<Cursor>,
) -> DbResult<(Vec<m::Model>, Option<Cursor>)> {
    let rows = list_query(q, audience, limit, after)?.all(db).await?;
    Ok(ORDER.page(rows, Some(limit), |r| id_cursor(r.id)))
}

/// The query behind [`list`]; public so that a test can ask the database for its plan.
pub fn list_query(
    q: &MatchListQuery,
    audience: &Audience,
    limit: u64,
    after: Option<Cursor>,
) -> DbResult<Select<m::Entity>> {
    let mut sel = m::Entity::find().filter(visible(audience));
    if let Some(need) = q.need_id {
        sel = sel.filter(m::Column::NeedId.eq(need));
    }
    if let Some(offer) = q.offer_id {
        sel = sel.filter(m::Column::OfferId.eq(offer));
    }
    if let Some(status) = q.status {
        sel = sel.filter(m::Column::Status.eq(status));
    }
    ORDER.apply(sel, after.as_ref(), Some(limit))
}
