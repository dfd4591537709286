//! The donation ledger (treasure): staff record what partners gave, for a school, a need, an
//! accepted match or a one-time event of the partnership process; a donation recorded in error
//! is voided with a reason, never deleted. Coordinators read their schools' donations, partners
//! their own; totals by partner, school, support area and school year come from the database's
//! sums, folded by `domain::donations::totals`.

use chrono::Datelike;
use db::repo::donations::{self as repo, NewDonation};
use db::repo::{
    applications, matches as match_repo, needs as need_repo, organizations, schools, users,
    versioned, volunteer_totals,
};
use domain::audit::AuditEntity;
use domain::donations::{
    self as rules, Donation, DonationGrouping, DonationInput, DonationQuery, DonationTotals,
    DonationTotalsQuery, DonationTransition,
};
use domain::intake::{ApplicationStatus, SupportArea};
use domain::matches::MatchStatus;
use domain::needs::school_year_label;
use domain::page::Page;
use domain::{DonationId, OrganizationId, Permission, SchoolId};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use validator::Validate;

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult, OrNotFound};
use crate::services::audit::{self, AuditAction};
use crate::services::{Actor, agreements::today};

type DonationRow = db::entities::donations::Model;

/// Donations as the API answers them, with the partner's, school's and recorder's names.
async fn assemble_many(
    db: &impl ConnectionTrait,
    rows: Vec<DonationRow>,
) -> ApiResult<Vec<Donation>> {
    let orgs =
        organizations::names_of(db, &super::distinct(rows.iter().map(|r| r.organization_id)))
            .await?;
    let school_names = schools::names_of(
        db,
        &super::distinct(rows.iter().filter_map(|r| r.school_id)),
    )
    .await?;
    let people = users::names_of(db, &super::distinct(rows.iter().map(|r| r.recorded_by))).await?;
    Ok(rows
        .into_iter()
        .map(|r| Donation {
            id: r.id,
            organization_id: r.organization_id,
            organization_name: orgs.get(&r.organization_id).cloned().unwrap_or_default(),
            school_id: r.school_id,
            school_name: r.school_id.and_then(|s| school_names.get(&s).cloned()),
            received_on: r.received_on,
            school_year: r.school_year,
            school_year_label: school_year_label(r.school_year),
            kind: r.kind,
            value_usd: u32::try_from(r.value_usd).unwrap_or(0),
            description: r.description,
            support_area: r.support_area,
            need_id: r.need_id,
            match_id: r.match_id,
            application_id: r.application_id,
            event: r.event,
            status: r.status,
            status_reason: r.status_reason,
            recorded_by: r.recorded_by,
            recorded_by_name: people.get(&r.recorded_by).cloned().unwrap_or_default(),
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
        .collect())
}

async fn assemble(db: &impl ConnectionTrait, row: DonationRow) -> ApiResult<Donation> {
    assemble_many(db, vec![row])
        .await?
        .pop()
        .ok_or(ApiError::NotFound("donation"))
}

/// The donation, when the caller sees it (another school's or partner's: 404).
async fn visible(
    db: &impl ConnectionTrait,
    auth: &AuthUser,
    id: DonationId,
) -> ApiResult<DonationRow> {
    auth.require(Permission::ReadDonations)?;
    let row = repo::get(db, id).await.or_not_found("donation")?;
    if !repo::sees(&auth.audience(), &row) {
        return Err(ApiError::NotFound("donation"));
    }
    Ok(row)
}

fn mismatch(field: &str, message: &str) -> ApiError {
    ApiError::invalid_field(field, "mismatch", message)
}

/// A reference the input names that does not exist is a 422 on its field; any other failure
/// of the look-up stays what it is (a database outage is not "no such record").
fn unknown<'a>(field: &'a str, message: &'a str) -> impl Fn(db::DbError) -> ApiError + 'a {
    move |e| match e {
        db::DbError::NotFound => ApiError::invalid_field(field, "not_found", message),
        e => e.into(),
    }
}

/// Who gave, to which school, for what: the input's own answers, completed (and checked) from
/// the match, need and application it names.
struct Resolved {
    organization_id: OrganizationId,
    school_id: Option<SchoolId>,
    support_area: Option<SupportArea>,
    need_id: Option<domain::NeedId>,
    event: String,
}

async fn resolve(db: &impl ConnectionTrait, input: &DonationInput) -> ApiResult<Resolved> {
    let mut org = input.organization_id;
    let mut school = input.school_id;
    let mut need_id = input.need_id;
    let mut area = input.support_area;
    let mut event = input.event.clone();
    if let Some(mid) = input.match_id {
        let m = match_repo::get(db, mid)
            .await
            .map_err(unknown("match_id", "No such match."))?;
        if m.status != MatchStatus::Accepted {
            return Err(ApiError::invalid_field(
                "match_id",
                "not_accepted",
                "Only an accepted match leads to a donation.",
            ));
        }
        if org.is_some_and(|o| o != m.organization_id) {
            return Err(mismatch(
                "organization_id",
                "The match's partner is another organization.",
            ));
        }
        if need_id.is_some_and(|n| n != m.need_id) {
            return Err(mismatch("need_id", "The match is for another need."));
        }
        org = Some(m.organization_id);
        need_id = Some(m.need_id);
    }
    if let Some(nid) = need_id {
        let n = need_repo::get(db, nid)
            .await
            .map_err(unknown("need_id", "No such need."))?;
        if school.is_some_and(|s| s != n.school_id) {
            return Err(mismatch("school_id", "The need is another school's."));
        }
        school = Some(n.school_id);
        area = area.or(Some(n.support_area));
    }
    if let Some(aid) = input.application_id {
        let a = applications::get(db, aid)
            .await
            .map_err(unknown("application_id", "No such application."))?;
        let approved = a.status == ApplicationStatus::Approved;
        let Some(partner) = a.organization_id.filter(|_| approved) else {
            return Err(ApiError::invalid_field(
                "application_id",
                "not_approved",
                "Only an approved application's event records its donation.",
            ));
        };
        if org.is_some_and(|o| o != partner) {
            return Err(mismatch(
                "organization_id",
                "The application's partner is another organization.",
            ));
        }
        org = Some(partner);
        if event.is_empty() {
            event = a.program_title;
        }
    }
    let Some(organization_id) = org else {
        return Err(ApiError::invalid_field(
            "organization_id",
            "required",
            "Choose the partner who gave.",
        ));
    };
    organizations::get(db, organization_id)
        .await
        .map_err(unknown("organization_id", "No such organization."))?;
    if let Some(s) = school {
        schools::get(db, s)
            .await
            .map_err(unknown("school_id", "No such school."))?;
    }
    Ok(Resolved {
        organization_id,
        school_id: school,
        support_area: area,
        need_id,
        event,
    })
}

/// Records a donation (office staff): not after today; its school year is the office's school
/// year of the day it was received. Audited.
pub async fn record(
    db: &DatabaseConnection,
    auth: &AuthUser,
    input: DonationInput,
) -> ApiResult<Donation> {
    auth.require(Permission::RecordDonations)?;
    let input = input.normalized();
    input.validate().map_err(|e| ApiError::validation(&e))?;
    if input.received_on > today() {
        return Err(ApiError::invalid_field(
            "received_on",
            "future",
            "The day it was received cannot be after today.",
        ));
    }
    if input.received_on.year() < 2000 {
        return Err(ApiError::invalid_field(
            "received_on",
            "range",
            "Enter a day in 2000 or later.",
        ));
    }
    let r = resolve(db, &input).await?;
    let school_year = volunteer_totals::school_year(db)
        .await?
        .start(input.received_on)
        .year();
    let txn = db::begin_write(db).await?;
    let row = repo::insert(
        &txn,
        NewDonation {
            organization_id: r.organization_id,
            school_id: r.school_id,
            received_on: input.received_on,
            school_year,
            kind: input.kind,
            value_usd: input.value_usd,
            description: &input.description,
            support_area: r.support_area,
            need_id: r.need_id,
            match_id: input.match_id,
            application_id: input.application_id,
            event: &r.event,
            by: auth.id,
        },
    )
    .await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Donation,
        row.id,
        AuditAction::Create,
        audit::created(&serde_json::to_value(&input).unwrap_or_default()),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(donation.id = %row.id, "donation recorded");
    assemble(db, row).await
}

/// Voids a donation recorded in error, or restores a voided one (office staff; a reason is
/// required). Audited.
pub async fn transition(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: DonationId,
    version: i32,
    t: DonationTransition,
) -> ApiResult<Donation> {
    let current = visible(db, auth, id).await?;
    auth.require(Permission::RecordDonations)?;
    let t = DonationTransition {
        reason: t.reason.trim().to_string(),
        ..t
    };
    t.validate().map_err(|e| ApiError::validation(&e))?;
    let to = rules::next_donation_status(current.status, t.action).map_err(ApiError::transition)?;
    let txn = db::begin_write(db).await?;
    versioned::set_status::<db::entities::donations::Entity>(&txn, id.0, version, to, &t.reason)
        .await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Donation,
        id,
        t.action,
        audit::status_change(current.status, to, &t.reason),
    )
    .await?;
    let row = repo::get(&txn, id).await?;
    txn.commit().await?;
    tracing::info!(donation.id = %id, status = %to, "donation status changed");
    assemble(db, row).await
}

/// One donation the caller sees.
pub async fn get(db: &DatabaseConnection, auth: &AuthUser, id: DonationId) -> ApiResult<Donation> {
    let row = visible(db, auth, id).await?;
    assemble(db, row).await
}

/// A page of the donations the caller sees, newest first.
pub async fn browse(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &DonationQuery,
) -> ApiResult<Page<Donation>> {
    auth.require(Permission::ReadDonations)?;
    super::needs::school_year_in_range(q.school_year)?;
    let limit = super::page_limit(q.limit)?;
    let after = super::parse_cursor(q.cursor.as_deref())?;
    let (rows, next) = repo::list(db, q, &auth.audience(), limit, after).await?;
    Ok(Page {
        items: assemble_many(db, rows).await?,
        next_cursor: next.map(|c| c.encode()),
    })
}

/// The recorded donations the caller sees, totalled by partner, school, support area or school
/// year.
pub async fn totals(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &DonationTotalsQuery,
) -> ApiResult<DonationTotals> {
    auth.require(Permission::ReadDonations)?;
    let year = super::needs::school_year_in_range(q.school_year)?;
    let sums = repo::sums(db, q.by, year, &auth.audience()).await?;
    let keys = super::distinct(sums.iter().map(|s| s.key.clone()));
    let labels: std::collections::HashMap<String, String> = match q.by {
        DonationGrouping::Partner => {
            let ids: Vec<OrganizationId> = keys.iter().filter_map(|k| k.parse().ok()).collect();
            organizations::names_of(db, &ids)
                .await?
                .into_iter()
                .map(|(id, name)| (id.to_string(), name))
                .collect()
        }
        DonationGrouping::School => {
            let ids: Vec<SchoolId> = keys.iter().filter_map(|k| k.parse().ok()).collect();
            schools::names_of(db, &ids)
                .await?
                .into_iter()
                .map(|(id, name)| (id.to_string(), name))
                .collect()
        }
        DonationGrouping::SupportArea => keys
            .iter()
            .filter_map(|k| SupportArea::parse(k).map(|a| (k.clone(), a.title().to_string())))
            .collect(),
        DonationGrouping::SchoolYear => keys
            .iter()
            .filter_map(|k| k.parse().ok().map(|y| (k.clone(), school_year_label(y))))
            .collect(),
    };
    Ok(rules::totals(q.by, year, sums, |key| {
        labels.get(key).cloned().unwrap_or_else(|| {
            match q.by {
                DonationGrouping::School => "District-wide",
                DonationGrouping::SupportArea => "No support area",
                _ => "Unknown",
            }
            .to_string()
        })
    }))
}

/// The donations the caller sees, as CSV: the list's filters, every match.
pub async fn export_csv(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &DonationQuery,
    cap: usize,
) -> ApiResult<String> {
    super::page_limit(q.limit)?;
    let items = super::every_page(cap, |cursor| {
        let q = DonationQuery {
            limit: Some(domain::page::MAX_LIMIT),
            cursor,
            ..q.clone()
        };
        async move { browse(db, auth, &q).await }
    })
    .await?;
    let header = [
        "id",
        "received_on",
        "school_year",
        "partner",
        "school",
        "kind",
        "value_usd",
        "description",
        "support_area",
        "event",
        "need_id",
        "match_id",
        "application_id",
        "status",
        "status_reason",
        "recorded_by",
        "created_at",
    ];
    let opt = |v: Option<String>| v.unwrap_or_default();
    let rows = items.into_iter().map(|d| {
        vec![
            d.id.to_string(),
            d.received_on.to_string(),
            d.school_year_label,
            d.organization_name,
            d.school_name.unwrap_or_else(|| "District-wide".into()),
            d.kind.as_str().to_string(),
            d.value_usd.to_string(),
            d.description,
            opt(d.support_area.map(|a| a.as_str().to_string())),
            d.event,
            opt(d.need_id.map(|x| x.to_string())),
            opt(d.match_id.map(|x| x.to_string())),
            opt(d.application_id.map(|x| x.to_string())),
            d.status.as_str().to_string(),
            opt(d.status_reason),
            d.recorded_by_name,
            d.created_at.to_rfc3339(),
        ]
    });
    super::csv_text(&header, rows)
}
