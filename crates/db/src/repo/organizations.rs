//! Organizations and contacts: directory queries, versioned updates, duplicate candidates.

use chrono::Utc;
use domain::intake::{OrganizationStatus, SupportArea};
use domain::organization::{
    Contact, ContactInput, Organization, OrganizationInput, OrganizationQuery, name_key,
    website_host,
};
use domain::{ContactId, OrganizationId, UserId};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use super::audience::{Audience, nothing};
use super::versioned;
use crate::entities::{contacts as c, organization_support_areas as sa, organizations as o};
use crate::repo::cursor::Cursor;
use crate::repo::paging::{Key, Keyset};
use crate::{DbError, DbResult};

fn contact(m: c::Model) -> Contact {
    Contact {
        id: m.id,
        name: m.name,
        title: m.title,
        email: m.email,
        phone: m.phone,
        is_primary: m.is_primary,
        has_login: m.user_id.is_some(),
    }
}

/// The organization with this legal name (compared as `name_key` does), if exactly one has it.
pub async fn find_by_name(
    db: &impl ConnectionTrait,
    legal_name: &str,
) -> DbResult<Option<OrganizationId>> {
    let ids: Vec<Uuid> = o::Entity::find()
        .select_only()
        .column(o::Column::Id)
        .filter(o::Column::NameKey.eq(name_key(legal_name)))
        .limit(2)
        .into_tuple()
        .all(db)
        .await?;
    Ok(match ids.as_slice() {
        [one] => Some(OrganizationId(*one)),
        _ => None,
    })
}

/// Rows into organizations, loading support areas and contacts for all of them at once
/// (two queries per 500 organizations, not two per organization).
async fn hydrate_all(
    db: &impl ConnectionTrait,
    rows: Vec<o::Model>,
) -> DbResult<Vec<Organization>> {
    use std::collections::{BTreeSet, HashMap};
    let mut areas: HashMap<OrganizationId, BTreeSet<SupportArea>> = HashMap::new();
    let mut contacts: HashMap<OrganizationId, Vec<Contact>> = HashMap::new();
    for chunk in rows.chunks(500) {
        let ids: Vec<OrganizationId> = chunk.iter().map(|m| m.id).collect();
        for r in sa::Entity::find()
            .filter(sa::Column::OrganizationId.is_in(ids.clone()))
            .all(db)
            .await?
        {
            areas.entry(r.organization_id).or_default().insert(r.area);
        }
        let found = c::Entity::find()
            .filter(c::Column::OrganizationId.is_in(ids))
            .order_by_desc(c::Column::IsPrimary)
            .order_by_asc(c::Column::Name)
            .all(db)
            .await?;
        for r in found {
            contacts
                .entry(r.organization_id)
                .or_default()
                .push(contact(r));
        }
    }
    rows.into_iter()
        .map(|m| {
            Ok(Organization {
                id: m.id,
                org_type: m.org_type,
                tax_status: m.tax_status,
                status: m.status,
                support_areas: areas
                    .remove(&m.id)
                    .map(|s| s.into_iter().collect())
                    .unwrap_or_default(),
                contacts: contacts.remove(&m.id).unwrap_or_default(),
                legal_name: m.legal_name,
                ein: m.ein,
                website: m.website,
                address: m.address,
                city: m.city,
                postal_code: m.postal_code,
                description: m.description,
                version: m.version,
                created_at: m.created_at,
                updated_at: m.updated_at,
            })
        })
        .collect()
}

async fn hydrate(db: &impl ConnectionTrait, m: o::Model) -> DbResult<Organization> {
    hydrate_all(db, vec![m])
        .await?
        .pop()
        .ok_or(DbError::NotFound)
}

/// A page of the directory (or, with `limit = None`, every match: the CSV export).
pub async fn list(
    db: &impl ConnectionTrait,
    q: &OrganizationQuery,
    audience: &Audience,
    limit: Option<u64>,
    after: Option<Cursor>,
) -> DbResult<(Vec<Organization>, Option<Cursor>)> {
    let rows = list_query(q, audience, limit, after)?.all(db).await?;
    let (rows, next) = ORDER.page(rows, limit, |r| Cursor {
        key: r.legal_name.clone(),
        id: r.id.0,
    });
    Ok((hydrate_all(db, rows).await?, next))
}

/// The directory by legal name.
const ORDER: Keyset<o::Column> = Keyset::by(o::Column::LegalName, Key::Text, o::Column::Id, false);

/// The query behind [`list`]; public so that a test can ask the database for its plan.
pub fn list_query(
    q: &OrganizationQuery,
    audience: &Audience,
    limit: Option<u64>,
    after: Option<Cursor>,
) -> DbResult<sea_orm::Select<o::Entity>> {
    let mut sel = o::Entity::find().filter(match audience {
        Audience::All => Condition::all(),
        Audience::Organization(id) => Condition::all().add(o::Column::Id.eq(*id)),
        Audience::Schools(_) | Audience::Volunteer(_) => nothing(),
    });
    if let Some(text) = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        sel = sel.filter(Expr::col(o::Column::NameKey).like(super::contains(&name_key(text))));
    }
    if let Some(t) = q.org_type {
        sel = sel.filter(o::Column::OrgType.eq(t));
    }
    if let Some(s) = q.status {
        sel = sel.filter(o::Column::Status.eq(s));
    }
    // EXISTS rather than IN: the directory is read in its order and each organization checked,
    // so a page stops after its rows instead of sorting every match.
    if let Some(area) = q.support_area {
        sel = sel.filter(Expr::exists(
            Query::select()
                .expr(Expr::val(1))
                .from(sa::Entity)
                .and_where(
                    Expr::col((sa::Entity, sa::Column::OrganizationId))
                        .equals((o::Entity, o::Column::Id)),
                )
                .and_where(sa::Column::Area.eq(area))
                .to_owned(),
        ));
    }
    if let Some(school) = q.school_id {
        use crate::entities::{application_schools as asch, applications as ap};
        sel = sel.filter(Expr::exists(
            Query::select()
                .expr(Expr::val(1))
                .from(ap::Entity)
                .inner_join(
                    asch::Entity,
                    Expr::col((asch::Entity, asch::Column::ApplicationId))
                        .equals((ap::Entity, ap::Column::Id)),
                )
                .and_where(
                    Expr::col((ap::Entity, ap::Column::OrganizationId))
                        .equals((o::Entity, o::Column::Id)),
                )
                .and_where(Expr::col((asch::Entity, asch::Column::SchoolId)).eq(school))
                .to_owned(),
        ));
    }
    ORDER.apply(sel, after.as_ref(), limit)
}

/// One organization with its contacts.
pub async fn get(db: &impl ConnectionTrait, id: OrganizationId) -> DbResult<Organization> {
    let m = o::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(DbError::NotFound)?;
    hydrate(db, m).await
}

/// Organizations with the same EIN, or with the same website host (callers compare names).
pub async fn same_ein_or_website(
    db: &impl ConnectionTrait,
    input: &OrganizationInput,
) -> DbResult<Vec<(Organization, bool)>> {
    let mut cond = Condition::any();
    let mut any = false;
    if let Some(ein) = &input.ein {
        cond = cond.add(o::Column::Ein.eq(ein.clone()));
        any = true;
    }
    if let Some(host) = website_host(&input.website) {
        cond = cond.add(o::Column::WebsiteHost.eq(host));
        any = true;
    }
    if !any {
        return Ok(vec![]);
    }
    let rows = o::Entity::find().filter(cond).limit(20).all(db).await?;
    let same_ein: Vec<bool> = rows
        .iter()
        .map(|m| input.ein.is_some() && m.ein == input.ein)
        .collect();
    Ok(hydrate_all(db, rows)
        .await?
        .into_iter()
        .zip(same_ein)
        .collect())
}

async fn set_areas(
    db: &impl ConnectionTrait,
    id: OrganizationId,
    areas: &[SupportArea],
) -> DbResult<()> {
    sa::Entity::delete_many()
        .filter(sa::Column::OrganizationId.eq(id))
        .exec(db)
        .await?;
    for a in areas {
        sa::ActiveModel {
            organization_id: Set(id),
            area: Set(*a),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Adds an organization (status `prospect`).
pub async fn create(
    db: &impl ConnectionTrait,
    input: &OrganizationInput,
) -> DbResult<Organization> {
    let now = Utc::now();
    let id = OrganizationId::new();
    o::ActiveModel {
        id: Set(id),
        legal_name: Set(input.legal_name.clone()),
        name_key: Set(name_key(&input.legal_name)),
        org_type: Set(input.org_type),
        tax_status: Set(input.tax_status),
        ein: Set(input.ein.clone()),
        website: Set(input.website.clone()),
        website_host: Set(website_host(&input.website)),
        address: Set(input.address.clone()),
        city: Set(input.city.clone()),
        postal_code: Set(input.postal_code.clone()),
        description: Set(input.description.clone()),
        status: Set(OrganizationStatus::Prospect),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    set_areas(db, id, &input.support_areas).await?;
    get(db, id).await
}

/// Marks a change: bumps the version if it is still `expected_version`.
pub async fn bump(
    db: &impl ConnectionTrait,
    id: OrganizationId,
    expected_version: i32,
) -> DbResult<()> {
    versioned::update(db, id.0, expected_version, o::Entity::update_many()).await
}

/// Replaces the editable fields if the stored version is still `expected_version`.
pub async fn update(
    db: &impl ConnectionTrait,
    id: OrganizationId,
    expected_version: i32,
    input: &OrganizationInput,
) -> DbResult<Organization> {
    let changes = o::Entity::update_many()
        .col_expr(o::Column::LegalName, Expr::value(input.legal_name.clone()))
        .col_expr(o::Column::NameKey, Expr::value(name_key(&input.legal_name)))
        .col_expr(o::Column::OrgType, Expr::value(input.org_type))
        .col_expr(o::Column::TaxStatus, Expr::value(input.tax_status))
        .col_expr(o::Column::Ein, Expr::value(input.ein.clone()))
        .col_expr(o::Column::Website, Expr::value(input.website.clone()))
        .col_expr(
            o::Column::WebsiteHost,
            Expr::value(website_host(&input.website)),
        )
        .col_expr(o::Column::Address, Expr::value(input.address.clone()))
        .col_expr(o::Column::City, Expr::value(input.city.clone()))
        .col_expr(
            o::Column::PostalCode,
            Expr::value(input.postal_code.clone()),
        )
        .col_expr(
            o::Column::Description,
            Expr::value(input.description.clone()),
        );
    versioned::update(db, id.0, expected_version, changes).await?;
    set_areas(db, id, &input.support_areas).await?;
    get(db, id).await
}

async fn clear_primary(db: &impl ConnectionTrait, org: OrganizationId) -> DbResult<()> {
    c::Entity::update_many()
        .col_expr(c::Column::IsPrimary, Expr::value(false))
        .filter(c::Column::OrganizationId.eq(org))
        .exec(db)
        .await?;
    Ok(())
}

/// Adds a contact; a primary contact takes the flag from any other.
pub async fn add_contact(
    db: &impl ConnectionTrait,
    org: OrganizationId,
    input: &ContactInput,
) -> DbResult<Contact> {
    if input.is_primary {
        clear_primary(db, org).await?;
    }
    let m = c::ActiveModel {
        id: Set(ContactId::new()),
        organization_id: Set(org),
        name: Set(input.name.clone()),
        title: Set(input.title.clone()),
        email: Set(input.email.clone()),
        phone: Set(input.phone.clone()),
        is_primary: Set(input.is_primary),
        user_id: Set(None),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?;
    Ok(contact(m))
}

/// The stored contact of this organization (`NotFound` if it belongs to another).
pub async fn find_contact(
    db: &impl ConnectionTrait,
    org: OrganizationId,
    id: ContactId,
) -> DbResult<c::Model> {
    c::Entity::find_by_id(id.0)
        .filter(c::Column::OrganizationId.eq(org))
        .one(db)
        .await?
        .ok_or(DbError::NotFound)
}

/// Replaces a contact's fields.
pub async fn update_contact(
    db: &impl ConnectionTrait,
    org: OrganizationId,
    id: ContactId,
    input: &ContactInput,
) -> DbResult<Contact> {
    find_contact(db, org, id).await?;
    if input.is_primary {
        clear_primary(db, org).await?;
    }
    c::Entity::update_many()
        .col_expr(c::Column::Name, Expr::value(input.name.clone()))
        .col_expr(c::Column::Title, Expr::value(input.title.clone()))
        .col_expr(c::Column::Email, Expr::value(input.email.clone()))
        .col_expr(c::Column::Phone, Expr::value(input.phone.clone()))
        .col_expr(c::Column::IsPrimary, Expr::value(input.is_primary))
        .filter(c::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(contact(find_contact(db, org, id).await?))
}

/// Removes a contact.
pub async fn remove_contact(
    db: &impl ConnectionTrait,
    org: OrganizationId,
    id: ContactId,
) -> DbResult<c::Model> {
    let m = find_contact(db, org, id).await?;
    c::Entity::delete_by_id(id.0).exec(db).await?;
    Ok(m)
}

/// Records the partner login given to a contact.
pub async fn link_contact_login(
    db: &impl ConnectionTrait,
    id: ContactId,
    user: UserId,
) -> DbResult<()> {
    c::Entity::update_many()
        .col_expr(c::Column::UserId, Expr::value(Some(user)))
        .filter(c::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Sets where an organization stands (intake moves it; no version bump: a system change).
pub async fn set_status(
    db: &impl ConnectionTrait,
    id: OrganizationId,
    status: OrganizationStatus,
) -> DbResult<()> {
    o::Entity::update_many()
        .col_expr(o::Column::Status, Expr::value(status))
        .col_expr(o::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(o::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Active partners' ids and names, by name.
pub async fn active_partners(
    db: &impl ConnectionTrait,
) -> DbResult<Vec<domain::organization::PartnerChoice>> {
    Ok(o::Entity::find()
        .select_only()
        .column(o::Column::Id)
        .column(o::Column::LegalName)
        .filter(o::Column::Status.eq(OrganizationStatus::ActivePartner))
        .order_by_asc(o::Column::LegalName)
        .order_by_asc(o::Column::Id)
        .into_tuple::<(Uuid, String)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, name)| domain::organization::PartnerChoice {
            id: OrganizationId(id),
            name,
        })
        .collect())
}

/// Legal names of many organizations at once.
pub async fn names_of(
    db: &impl ConnectionTrait,
    ids: &[OrganizationId],
) -> DbResult<std::collections::HashMap<OrganizationId, String>> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(o::Entity::find()
        .select_only()
        .column(o::Column::Id)
        .column(o::Column::LegalName)
        .filter(o::Column::Id.is_in(ids.iter().copied()))
        .into_tuple::<(OrganizationId, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}
