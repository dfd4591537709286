//! Partners' offers, with the support areas each helps with and where each reaches, and the
//! facts matching needs: the candidate offers for a need (one indexed query) and each partner's
//! record with the district (active agreements, deliverables met).

use chrono::Utc;
use domain::agreement::{AgreementStatus, DeliverableStatus, Responsible};
use domain::intake::SupportArea;
use domain::needs::HelpKind;
use domain::offers::{OfferInput, OfferQuery, OfferStatus, PartnerRecord};
use domain::school::SchoolLevel;
use domain::{OfferId, OrganizationId, SchoolId, UserId};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QuerySelect, Select, Set,
};
use std::collections::HashMap;

use super::audience::{self, Audience};
use super::versioned;
use crate::entities::offer_reach::{self as r, Reach};
use crate::entities::{
    agreement_deliverables as d, agreements as ag, offer_support_areas as a, offers as of,
};
use crate::repo::cursor::Cursor;
use crate::repo::paging::{Keyset, id_cursor};
use crate::{DbError, DbResult};

/// An offer's lists: the support areas it helps with and where it reaches.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OfferLists {
    /// Support areas, sorted.
    pub support_areas: Vec<SupportArea>,
    /// Schools it names.
    pub school_ids: Vec<SchoolId>,
    /// Regions it names.
    pub regions: Vec<String>,
    /// Levels it names.
    pub levels: Vec<SchoolLevel>,
}

async fn write_lists(db: &impl ConnectionTrait, id: OfferId, i: &OfferInput) -> DbResult<()> {
    a::Entity::delete_many()
        .filter(a::Column::OfferId.eq(id))
        .exec(db)
        .await?;
    r::Entity::delete_many()
        .filter(r::Column::OfferId.eq(id))
        .exec(db)
        .await?;
    if !i.support_areas.is_empty() {
        a::Entity::insert_many(i.support_areas.iter().map(|area| a::ActiveModel {
            offer_id: Set(id),
            area: Set(*area),
        }))
        .exec(db)
        .await?;
    }
    let reach: Vec<r::ActiveModel> = i
        .school_ids
        .iter()
        .map(|s| (Reach::School, s.0.to_string()))
        .chain(i.regions.iter().map(|g| (Reach::Region, g.clone())))
        .chain(
            i.levels
                .iter()
                .map(|l| (Reach::Level, l.as_str().to_string())),
        )
        .map(|(kind, value)| r::ActiveModel {
            offer_id: Set(id),
            kind: Set(kind),
            value: Set(value),
        })
        .collect();
    if !reach.is_empty() {
        r::Entity::insert_many(reach).exec(db).await?;
    }
    Ok(())
}

/// Records an offer (active), with its lists. `i` is normalized (sorted, no repeats).
pub async fn insert(db: &impl ConnectionTrait, by: UserId, i: &OfferInput) -> DbResult<of::Model> {
    let now = Utc::now();
    let row = of::ActiveModel {
        id: Set(OfferId::new()),
        organization_id: Set(i.organization_id),
        help_kind: Set(i.help_kind),
        description: Set(i.description.clone()),
        capacity_unit: Set(i.capacity_unit),
        capacity: Set(i64::from(i.capacity)),
        available_from: Set(i.available_from),
        available_until: Set(i.available_until),
        status: Set(OfferStatus::Active),
        status_reason: Set(None),
        created_by: Set(by),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    write_lists(db, row.id, i).await?;
    Ok(row)
}

/// One offer.
pub async fn get(db: &impl ConnectionTrait, id: OfferId) -> DbResult<of::Model> {
    of::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(DbError::NotFound)
}

/// Replaces an offer's terms and lists (not its partner or status) when still at `expected`.
pub async fn update(
    db: &impl ConnectionTrait,
    id: OfferId,
    expected: i32,
    i: &OfferInput,
) -> DbResult<()> {
    versioned::update(
        db,
        id.0,
        expected,
        of::Entity::update_many()
            .col_expr(of::Column::HelpKind, Expr::value(i.help_kind))
            .col_expr(of::Column::Description, Expr::value(i.description.clone()))
            .col_expr(of::Column::CapacityUnit, Expr::value(i.capacity_unit))
            .col_expr(of::Column::Capacity, Expr::value(i64::from(i.capacity)))
            .col_expr(of::Column::AvailableFrom, Expr::value(i.available_from))
            .col_expr(of::Column::AvailableUntil, Expr::value(i.available_until)),
    )
    .await?;
    write_lists(db, id, i).await
}

/// The lists of many offers at once (two queries).
pub async fn lists_of(
    db: &impl ConnectionTrait,
    ids: &[OfferId],
) -> DbResult<HashMap<OfferId, OfferLists>> {
    let mut out: HashMap<OfferId, OfferLists> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    for row in a::Entity::find()
        .filter(a::Column::OfferId.is_in(ids.iter().copied()))
        .all(db)
        .await?
    {
        out.entry(row.offer_id)
            .or_default()
            .support_areas
            .push(row.area);
    }
    for row in r::Entity::find()
        .filter(r::Column::OfferId.is_in(ids.iter().copied()))
        .all(db)
        .await?
    {
        let lists = out.entry(row.offer_id).or_default();
        match row.kind {
            Reach::School => {
                if let Ok(id) = row.value.parse::<uuid::Uuid>() {
                    lists.school_ids.push(SchoolId(id));
                }
            }
            Reach::Region => lists.regions.push(row.value),
            Reach::Level => lists.levels.extend(SchoolLevel::parse(&row.value)),
        }
    }
    for lists in out.values_mut() {
        lists.support_areas.sort();
        lists.school_ids.sort();
        lists.regions.sort();
        lists.levels.sort();
    }
    Ok(out)
}

/// The rows an audience sees: staff all, coordinators all (to find partners for their
/// schools), a partner its own, a volunteer none.
fn visible(audience: &Audience) -> Condition {
    match audience {
        Audience::All | Audience::Schools(_) => Condition::all(),
        Audience::Organization(org) => Condition::all().add(of::Column::OrganizationId.eq(*org)),
        Audience::Volunteer(_) => audience::nothing(),
    }
}

/// Whether the audience sees this offer.
pub fn sees(audience: &Audience, row: &of::Model) -> bool {
    match audience {
        Audience::All | Audience::Schools(_) => true,
        Audience::Organization(org) => row.organization_id == *org,
        Audience::Volunteer(_) => false,
    }
}

/// Newest first.
const ORDER: Keyset<of::Column> = Keyset::newest_first(of::Column::Id);

/// A page of offers the audience sees.
pub async fn list(
    db: &impl ConnectionTrait,
    q: &OfferQuery,
    audience: &Audience,
    limit: u64,
    after: Option<Cursor>,
) -> DbResult<(Vec<of::Model>, Option<Cursor>)> {
    let rows = list_query(q, audience, limit, after)?.all(db).await?;
    Ok(ORDER.page(rows, Some(limit), |r| id_cursor(r.id)))
}

/// Offers that help with the support area (a subquery on its index).
fn in_area(area: SupportArea) -> Condition {
    Condition::all().add(
        of::Column::Id.in_subquery(
            Query::select()
                .column(a::Column::OfferId)
                .from(a::Entity)
                .and_where(a::Column::Area.eq(area))
                .to_owned(),
        ),
    )
}

/// The query behind [`list`]; public so that a test can ask the database for its plan.
pub fn list_query(
    q: &OfferQuery,
    audience: &Audience,
    limit: u64,
    after: Option<Cursor>,
) -> DbResult<Select<of::Entity>> {
    let mut sel = of::Entity::find().filter(visible(audience));
    if let Some(org) = q.organization_id {
        sel = sel.filter(of::Column::OrganizationId.eq(org));
    }
    if let Some(status) = q.status {
        sel = sel.filter(of::Column::Status.eq(status));
    }
    if let Some(area) = q.support_area {
        sel = sel.filter(in_area(area));
    }
    if let Some(kind) = q.help_kind {
        sel = sel.filter(of::Column::HelpKind.eq(kind));
    }
    ORDER.apply(sel, after.as_ref(), Some(limit))
}

/// The query behind [`candidates`]: active offers in the support area or of the kind of help.
pub fn candidates_query(area: SupportArea, kind: HelpKind) -> Select<of::Entity> {
    of::Entity::find()
        .filter(of::Column::Status.eq(OfferStatus::Active))
        .filter(
            Condition::any()
                .add(of::Column::HelpKind.eq(kind))
                .add(in_area(area)),
        )
}

/// The offers that could meet a need of this support area and kind of help (the scoring
/// decides which do).
pub async fn candidates(
    db: &impl ConnectionTrait,
    area: SupportArea,
    kind: HelpKind,
) -> DbResult<Vec<of::Model>> {
    Ok(candidates_query(area, kind).all(db).await?)
}

/// Each partner's record with the district: an active agreement (active or up for renewal),
/// and the deliverables the partner was responsible for and met.
pub async fn partner_records(
    db: &impl ConnectionTrait,
    orgs: &[OrganizationId],
) -> DbResult<HashMap<OrganizationId, PartnerRecord>> {
    let mut out: HashMap<OrganizationId, PartnerRecord> = HashMap::new();
    if orgs.is_empty() {
        return Ok(out);
    }
    let active: Vec<OrganizationId> = ag::Entity::find()
        .select_only()
        .column(ag::Column::OrganizationId)
        .distinct()
        .filter(ag::Column::OrganizationId.is_in(orgs.iter().copied()))
        .filter(
            ag::Column::Status.is_in([AgreementStatus::Active, AgreementStatus::RenewalPending]),
        )
        .into_tuple()
        .all(db)
        .await?;
    for org in active {
        out.entry(org).or_default().good_standing = true;
    }
    let met: Vec<(OrganizationId, i64)> = d::Entity::find()
        .select_only()
        .column(ag::Column::OrganizationId)
        .column_as(d::Column::Id.count(), "n")
        .join(
            sea_orm::JoinType::InnerJoin,
            d::Entity::belongs_to(ag::Entity)
                .from(d::Column::AgreementId)
                .to(ag::Column::Id)
                .into(),
        )
        .filter(ag::Column::OrganizationId.is_in(orgs.iter().copied()))
        .filter(d::Column::Status.eq(DeliverableStatus::Met))
        .filter(d::Column::Responsible.eq(Responsible::Partner))
        .group_by(ag::Column::OrganizationId)
        .into_tuple()
        .all(db)
        .await?;
    for (org, n) in met {
        out.entry(org).or_default().deliverables_met = u32::try_from(n).unwrap_or(u32::MAX);
    }
    Ok(out)
}

/// Many offers at once, by id.
pub async fn many(
    db: &impl ConnectionTrait,
    ids: &[OfferId],
) -> DbResult<HashMap<OfferId, of::Model>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(of::Entity::find()
        .filter(of::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect())
}
