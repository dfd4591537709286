//! The partner directory: organizations and contacts, duplicate detection on create, partner
//! logins for contacts, CSV export. Partners see only their own organization (in the query).

use crate::services::Actor;
use crate::services::audit::{self, AuditAction};
use db::repo::audience::Audience;
use db::repo::{organizations as repo, users};
use domain::audit::AuditEntity;
use domain::organization::{
    Contact, ContactInput, ContactLogin, CreateOrganization, DuplicateCandidate, Organization,
    OrganizationInput, OrganizationQuery, name_key,
};
use domain::page::Page;
use domain::problem::ErrorCode;
use domain::{ContactId, OrganizationId, Permission, Role, UserId};
use sea_orm::DatabaseConnection;
use validator::Validate;

use crate::auth::AuthUser;
use crate::auth::password;
use crate::error::{ApiError, ApiResult, OrNotFound};

/// How similar two reduced names must be to count as "very similar" (Jaro-Winkler).
const SIMILAR_NAME: f64 = 0.9;

fn json<T: serde::Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or_default()
}

/// What of the directory the caller sees: a partner their own organization (nothing without
/// one), every other role that may read it the whole directory.
fn scope(auth: &AuthUser) -> ApiResult<Audience> {
    auth.require(Permission::ReadOrganizations)?;
    Ok(match auth.audience() {
        own @ Audience::Organization(_) => own,
        _ => Audience::All,
    })
}

/// Staff edit any organization's contacts; a partner contact edits their own organization's
/// (another organization's answers 404, as if it did not exist).
pub fn may_edit_contacts(auth: &AuthUser, id: OrganizationId) -> ApiResult<()> {
    if auth.role.can(Permission::ManageOrganizations) {
        return Ok(());
    }
    match (auth.role, auth.organization_id()) {
        (Role::Partner, Some(own)) if own == id => Ok(()),
        (Role::Partner, _) => Err(ApiError::NotFound("organization")),
        _ => Err(ApiError::Forbidden),
    }
}

/// Active partners' ids and names, for public forms.
pub async fn partner_choices(
    db: &DatabaseConnection,
) -> ApiResult<Vec<domain::organization::PartnerChoice>> {
    Ok(repo::active_partners(db).await?)
}

/// A page of the directory.
pub async fn browse(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &OrganizationQuery,
) -> ApiResult<Page<Organization>> {
    let audience = scope(auth)?;
    let after = super::parse_cursor(q.cursor.as_deref())?;
    let (items, next) =
        repo::list(db, q, &audience, Some(super::page_limit(q.limit)?), after).await?;
    Ok(Page {
        items,
        next_cursor: next.map(|c| c.encode()),
    })
}

/// Every organization matching the filters, as CSV (staff).
pub async fn export_csv(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &OrganizationQuery,
    cap: usize,
) -> ApiResult<String> {
    // The page size is not used (an export holds every row) but is checked like a list's.
    super::page_limit(q.limit)?;
    auth.require(Permission::ManageOrganizations)?;
    let (items, more) = repo::list(db, q, &Audience::All, Some(cap as u64), None).await?;
    if more.is_some() {
        return Err(super::too_many_rows(cap));
    }
    let header = [
        "legal_name",
        "org_type",
        "tax_status",
        "ein",
        "website",
        "address",
        "city",
        "postal_code",
        "support_areas",
        "status",
        "primary_contact",
        "primary_contact_email",
        "primary_contact_phone",
    ];
    let rows = items.into_iter().map(|o| {
        let primary = o
            .contacts
            .iter()
            .find(|c| c.is_primary)
            .or(o.contacts.first());
        let areas = o
            .support_areas
            .iter()
            .map(|a| a.as_str())
            .collect::<Vec<_>>()
            .join(";");
        vec![
            o.legal_name.clone(),
            o.org_type.as_str().into(),
            o.tax_status.as_str().into(),
            o.ein.clone().unwrap_or_default(),
            o.website.clone(),
            o.address.clone(),
            o.city.clone(),
            o.postal_code.clone(),
            areas,
            o.status.as_str().into(),
            primary.map(|c| c.name.clone()).unwrap_or_default(),
            primary.map(|c| c.email.clone()).unwrap_or_default(),
            primary.map(|c| c.phone.clone()).unwrap_or_default(),
        ]
    });
    super::csv_text(&header, rows)
}

/// One organization.
pub async fn find(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: OrganizationId,
) -> ApiResult<Organization> {
    if let Audience::Organization(own) = scope(auth)?
        && own != id
    {
        // Not theirs: as if it did not exist.
        return Err(ApiError::NotFound("organization"));
    }
    repo::get(db, id).await.or_not_found("organization")
}

fn check(input: OrganizationInput) -> ApiResult<OrganizationInput> {
    let input = input.normalized();
    input.validate().map_err(|e| ApiError::validation(&e))?;
    Ok(input)
}

/// Likely duplicates of a new organization: same EIN, or a very similar name and the same website.
pub async fn duplicates(
    db: &DatabaseConnection,
    input: &OrganizationInput,
) -> ApiResult<Vec<DuplicateCandidate>> {
    let key = name_key(&input.legal_name);
    Ok(repo::same_ein_or_website(db, input)
        .await?
        .into_iter()
        .filter_map(|(o, same_ein)| {
            if same_ein {
                Some(DuplicateCandidate {
                    id: o.id,
                    legal_name: o.legal_name,
                    reason: "same_ein".into(),
                })
            } else if strsim::jaro_winkler(&key, &name_key(&o.legal_name)) >= SIMILAR_NAME {
                Some(DuplicateCandidate {
                    id: o.id,
                    legal_name: o.legal_name,
                    reason: "similar_name_same_website".into(),
                })
            } else {
                None
            }
        })
        .collect())
}

/// Adds an organization; likely duplicates answer 409 `possible_duplicate` unless confirmed.
pub async fn add(
    db: &DatabaseConnection,
    actor: &Actor,
    req: CreateOrganization,
) -> ApiResult<Organization> {
    actor.require(Permission::ManageOrganizations)?;
    let input = check(req.organization)?;
    if !req.confirm_not_duplicate {
        let found = duplicates(db, &input).await?;
        if !found.is_empty() {
            return Err(ApiError::PossibleDuplicate(found));
        }
    }
    let txn = db::begin_write(db).await?;
    let org = repo::create(&txn, &input).await?;
    audit::record(
        &txn,
        actor,
        AuditEntity::Organization,
        org.id,
        AuditAction::Create,
        audit::created(&json(&input)),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(organization.id = %org.id, "organization created");
    Ok(org)
}

/// Replaces an organization's details, if nobody changed it since `version`.
pub async fn edit(
    db: &DatabaseConnection,
    actor: &Actor,
    id: OrganizationId,
    version: i32,
    input: OrganizationInput,
) -> ApiResult<Organization> {
    actor.require(Permission::ManageOrganizations)?;
    let input = check(input)?;
    let txn = db::begin_write(db).await?;
    let before = repo::get(&txn, id).await.or_not_found("organization")?;
    if before.version != version {
        return Err(ApiError::VersionMismatch);
    }
    let after = repo::update(&txn, id, version, &input).await?;
    let strip = |o: &Organization| {
        let mut v = json(o);
        if let Some(m) = v.as_object_mut() {
            m.remove("contacts");
        }
        v
    };
    audit::record(
        &txn,
        actor,
        AuditEntity::Organization,
        id,
        AuditAction::Update,
        audit::diff(&strip(&before), &strip(&after)),
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}

/// What a contact change did.
pub enum ContactChange {
    /// Added.
    Add(ContactInput),
    /// Replaced.
    Update(ContactId, ContactInput),
    /// Removed.
    Remove(ContactId),
}

/// Adds, edits or removes a contact, if nobody changed the organization since `version`.
/// Answers the organization as it is afterwards.
pub async fn change_contact(
    db: &DatabaseConnection,
    actor: &Actor,
    id: OrganizationId,
    version: i32,
    change: ContactChange,
) -> ApiResult<Organization> {
    if let ContactChange::Remove(_) = change {
        // Ending someone's access to the organization is the office's call.
        actor.require(Permission::ManageOrganizations)?;
    }
    let txn = db::begin_write(db).await?;
    repo::get(&txn, id).await.or_not_found("organization")?;
    repo::bump(&txn, id, version).await?;
    let (action, contact_id, changes) = match change {
        ContactChange::Add(input) => {
            input.validate().map_err(|e| ApiError::validation(&e))?;
            let c: Contact = repo::add_contact(&txn, id, &trim(input)).await?;
            (AuditAction::AddContact, c.id, audit::created(&json(&c)))
        }
        ContactChange::Update(cid, input) => {
            input.validate().map_err(|e| ApiError::validation(&e))?;
            let before = repo::find_contact(&txn, id, cid)
                .await
                .or_not_found("contact")?;
            let after = repo::update_contact(&txn, id, cid, &trim(input)).await?;
            let before = json(&serde_json::json!({
                "name": before.name, "title": before.title, "email": before.email, "phone": before.phone, "is_primary": before.is_primary,
            }));
            let mut after_v = json(&after);
            if let Some(m) = after_v.as_object_mut() {
                m.remove("id");
                m.remove("has_login");
            }
            (
                AuditAction::UpdateContact,
                cid,
                audit::diff(&before, &after_v),
            )
        }
        ContactChange::Remove(cid) => {
            let removed = repo::remove_contact(&txn, id, cid)
                .await
                .or_not_found("contact")?;
            if let Some(login) = removed.user_id {
                end_partner_logins(
                    &txn,
                    actor,
                    &[login],
                    serde_json::json!({ "contact_removed": cid, "organization": id }),
                )
                .await?;
            }
            (
                AuditAction::RemoveContact,
                cid,
                serde_json::json!({ "name": { "before": removed.name, "after": null } }),
            )
        }
    };
    audit::record(
        &txn,
        actor,
        AuditEntity::Organization,
        id,
        action,
        serde_json::json!({ "contact_id": contact_id, "fields": changes }),
    )
    .await?;
    txn.commit().await?;
    repo::get(db, id).await.or_not_found("organization")
}

fn trim(mut c: ContactInput) -> ContactInput {
    c.name = c.name.trim().to_string();
    c.title = c.title.trim().to_string();
    c.email = c.email.trim().to_lowercase();
    c.phone = c.phone.trim().to_string();
    c
}

/// Gives a contact a partner login that sees only their organization.
pub async fn give_login(
    db: &DatabaseConnection,
    actor: &Actor,
    id: OrganizationId,
    contact: ContactId,
    req: ContactLogin,
) -> ApiResult<Organization> {
    actor.require(Permission::ManageOrganizations)?;
    req.validate().map_err(|e| ApiError::validation(&e))?;
    let c = repo::find_contact(db, id, contact)
        .await
        .or_not_found("contact")?;
    if c.user_id.is_some() {
        return Err(ApiError::Conflict {
            code: ErrorCode::AlreadyHasLogin,
            detail: "this contact already has a login".into(),
        });
    }
    if users::find_by_email(db, &c.email).await?.is_some() {
        return Err(ApiError::invalid_field(
            "email",
            "duplicate",
            "An account with this contact's email already exists.",
        ));
    }
    let hash = password::hash_async(req.password).await?;
    let txn = db::begin_write(db).await?;
    let user = users::create(
        &txn,
        users::NewUser {
            email: &c.email,
            display_name: &c.name,
            role: Role::Partner,
            school_ids: &[],
            password_hash: hash,
            // Staff chose it: the partner chooses their own at the first sign-in (demo data and
            // the command line, without a person acting, hand out known passwords).
            change_required: actor.user.is_some(),
        },
    )
    .await?;
    users::set_organization(&txn, user.id, id).await?;
    repo::link_contact_login(&txn, contact, user.id).await?;
    audit::record(
        &txn,
        actor,
        AuditEntity::Organization,
        id,
        AuditAction::GiveLogin,
        serde_json::json!({ "contact_id": contact, "user_id": user.id }),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(organization.id = %id, user.id = %user.id, "partner login created");
    repo::get(db, id).await.or_not_found("organization")
}

/// Ends the access of partner logins whose reason to exist is gone (their contact was removed,
/// or their organization became inactive): each account is deactivated, unlinked from the
/// organization and signed out everywhere, in the caller's transaction, with an audit event
/// that says why. Staff may reactivate an account and give a contact a login again.
pub async fn end_partner_logins(
    txn: &impl sea_orm::ConnectionTrait,
    actor: &Actor,
    logins: &[UserId],
    because: serde_json::Value,
) -> ApiResult<()> {
    for &login in logins {
        let was_active = users::end_partner_access(txn, login).await?;
        audit::record(
txn,
actor,
AuditEntity::User,
login,
AuditAction::EndPartnerAccess,
serde_json::json!({
                    "status": { "before": if was_active { "active" } else { "deactivated" }, "after": "deactivated" },
                    "organization": { "after": null },
                    "because": because,
                }),
)
        .await?;
        tracing::info!(user.id = %login, "partner access ended");
    }
    Ok(())
}
