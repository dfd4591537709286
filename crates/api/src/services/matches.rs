//! Proposed matches: staff propose a partner's offer for a school's need; the partner accepts
//! or declines from its login (or staff record its answer); what the accepted matches of a need
//! cover decides the need's status, in the same transaction. The rules live in
//! `domain::matches`.

use db::repo::audience::Audience;
use db::repo::matches::{self as repo, NewMatch};
use db::repo::{
    applications, needs as need_repo, offers as offer_repo, organizations, schools, users,
    versioned,
};
use domain::audit::AuditEntity;
use domain::matches::{self as rules, Match, MatchListQuery, MatchProposal, MatchTransition};
use domain::needs::NeedStatus;
use domain::offers::OfferStatus;
use domain::page::Page;
use domain::problem::ErrorCode;
use domain::{MatchId, NeedId, Permission};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use validator::Validate;

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult, OrNotFound};
use crate::services::audit::{self, AuditAction};
use crate::services::{Actor, matching, needs, offers};

type MatchRow = db::entities::need_matches::Model;

/// Matches as the API answers them: each with its need's and offer's descriptions and the
/// names of the school, the partner and the people who proposed and answered it.
async fn assemble_many(db: &impl ConnectionTrait, rows: Vec<MatchRow>) -> ApiResult<Vec<Match>> {
    let need_rows = need_repo::many(db, &super::distinct(rows.iter().map(|r| r.need_id))).await?;
    let offer_rows =
        offer_repo::many(db, &super::distinct(rows.iter().map(|r| r.offer_id))).await?;
    let school_names =
        schools::names_of(db, &super::distinct(rows.iter().map(|r| r.school_id))).await?;
    let org_names =
        organizations::names_of(db, &super::distinct(rows.iter().map(|r| r.organization_id)))
            .await?;
    let people = users::names_of(
        db,
        &super::distinct(
            rows.iter()
                .flat_map(|r| std::iter::once(r.proposed_by).chain(r.answered_by)),
        ),
    )
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let need = need_rows.get(&r.need_id)?;
            Some(Match {
                id: r.id,
                need_id: r.need_id,
                need_description: need.description.clone(),
                school_id: r.school_id,
                school_name: school_names.get(&r.school_id).cloned().unwrap_or_default(),
                offer_id: r.offer_id,
                offer_description: offer_rows
                    .get(&r.offer_id)
                    .map(|o| o.description.clone())
                    .unwrap_or_default(),
                organization_id: r.organization_id,
                organization_name: org_names
                    .get(&r.organization_id)
                    .cloned()
                    .unwrap_or_default(),
                quantity: u32::try_from(r.quantity).unwrap_or(u32::MAX),
                ask_unit: need.ask_unit,
                score: u32::try_from(r.score).unwrap_or(0),
                note: r.note,
                status: r.status,
                status_reason: r.status_reason,
                proposed_by: r.proposed_by,
                proposed_by_name: people.get(&r.proposed_by).cloned().unwrap_or_default(),
                answered_by: r.answered_by,
                answered_by_name: r.answered_by.and_then(|u| people.get(&u).cloned()),
                answered_at: r.answered_at,
                version: r.version,
                created_at: r.created_at,
                updated_at: r.updated_at,
            })
        })
        .collect())
}

async fn assemble(db: &impl ConnectionTrait, row: MatchRow) -> ApiResult<Match> {
    assemble_many(db, vec![row])
        .await?
        .pop()
        .ok_or(ApiError::NotFound("match"))
}

/// The match, when the caller sees it (staff all, a coordinator their schools', a partner
/// those proposed to it; another: 404).
async fn visible(db: &impl ConnectionTrait, auth: &AuthUser, id: MatchId) -> ApiResult<MatchRow> {
    auth.require(Permission::ReadMatches)?;
    let row = repo::get(db, id).await.or_not_found("match")?;
    if !repo::sees(&auth.audience(), &row) {
        return Err(ApiError::NotFound("match"));
    }
    Ok(row)
}

fn need_closed() -> ApiError {
    ApiError::Conflict {
        code: ErrorCode::InvalidTransition,
        detail: "This need is met or withdrawn: reopen it before proposing offers for it.".into(),
    }
}

/// Proposes an offer for a need (office staff): the offer must be active and able to meet
/// the need (its score says why); the partner's logins are told by email (outbox). Audited.
pub async fn propose(
    db: &DatabaseConnection,
    auth: &AuthUser,
    need_id: NeedId,
    input: MatchProposal,
) -> ApiResult<Match> {
    auth.require(Permission::ProposeMatches)?;
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let need_row = needs::visible(db, auth, need_id).await?;
    if !matches!(need_row.status, NeedStatus::Open | NeedStatus::PartlyMet) {
        return Err(need_closed());
    }
    let offer_row = match offer_repo::get(db, input.offer_id).await {
        Err(db::DbError::NotFound) => {
            return Err(ApiError::invalid_field(
                "offer_id",
                "not_found",
                "No such offer.",
            ));
        }
        other => other?,
    };
    if offer_row.status != OfferStatus::Active {
        return Err(ApiError::invalid_field(
            "offer_id",
            "not_active",
            "This offer is paused or closed: only active offers are proposed.",
        ));
    }
    let need = needs::assemble_many(db, &Audience::All, vec![need_row])
        .await?
        .pop()
        .ok_or(ApiError::NotFound("need"))?;
    let offer = offers::assemble_many(db, vec![offer_row])
        .await?
        .pop()
        .ok_or(ApiError::NotFound("offer"))?;
    let Some(score) = matching::score_pair(db, &need, &offer).await? else {
        return Err(ApiError::invalid_field(
            "offer_id",
            "cannot_meet",
            "This offer cannot meet this need: it helps with neither its support area nor its \
             kind of help, does not serve the school, or is not available.",
        ));
    };
    let txn = db::begin_write(db).await?;
    if repo::of_pair(&txn, need.id, offer.id).await?.is_some() {
        return Err(already_proposed());
    }
    let uncovered = need
        .ask_quantity
        .saturating_sub(repo::covered(&txn, need.id).await?);
    let quantity = input.quantity.unwrap_or_else(|| {
        rules::default_quantity(
            need.ask_unit,
            uncovered,
            offer.capacity_unit,
            offer.capacity,
        )
    });
    let row = repo::insert(
        &txn,
        NewMatch {
            need_id: need.id,
            school_id: need.school_id,
            offer_id: offer.id,
            organization_id: offer.organization_id,
            quantity,
            score: score.total,
            note: &input.note,
            by: auth.id,
        },
    )
    .await
    .map_err(|e| match e {
        db::DbError::Duplicate(_) => already_proposed(),
        e => e.into(),
    })?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Match,
        row.id,
        AuditAction::Propose,
        audit::created(
            &serde_json::json!({ "need_id": need.id, "offer_id": offer.id,
            "quantity": quantity, "score": score.total, "note": input.note.trim() }),
        ),
    )
    .await?;
    for email in users::partner_emails(&txn, offer.organization_id).await? {
        applications::queue_message(
            &txn,
            "match_proposed",
            &email,
            &format!("A school asks for your help: {}", need.school_name),
            &format!(
                "The Community Partnerships office proposes your offer \"{}\" for a need of {}:\n\n\
                 {}\n\nSign in to PartnerHub to accept or decline it: /matches/{}",
                offer.description, need.school_name, need.description, row.id
            ),
        )
        .await?;
    }
    txn.commit().await?;
    tracing::info!(match.id = %row.id, need.id = %need.id, offer.id = %offer.id, "match proposed");
    assemble(db, row).await
}

fn already_proposed() -> ApiError {
    ApiError::Conflict {
        code: ErrorCode::Duplicate,
        detail: "This offer was already proposed for this need; answer or propose that match \
                 again instead."
            .into(),
    }
}

/// Moves a match along: the partner accepts, declines or (once accepted) withdraws it for its
/// organization; staff take any step, recording the partner's answer, and propose a declined
/// or withdrawn match again. When what the need's accepted matches cover changes, the need's
/// status follows (met, partly met, open), audited as the matches' doing.
pub async fn transition(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: MatchId,
    version: i32,
    t: MatchTransition,
) -> ApiResult<Match> {
    t.validate().map_err(|e| ApiError::validation(&e))?;
    let current = visible(db, auth, id).await?;
    auth.require(Permission::AnswerMatches)?;
    let partner = matches!(auth.audience(), Audience::Organization(_));
    if partner && !rules::partner_may(t.action) {
        return Err(ApiError::Forbidden);
    }
    let to = rules::next_match_status(current.status, t.action).map_err(ApiError::transition)?;
    let txn = db::begin_write(db).await?;
    let need = need_repo::get(&txn, current.need_id).await?;
    if to == rules::MatchStatus::Proposed
        && !matches!(need.status, NeedStatus::Open | NeedStatus::PartlyMet)
    {
        return Err(need_closed());
    }
    repo::step(&txn, id, version, to, &t.reason, auth.id).await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Match,
        id,
        t.action,
        audit::status_change(current.status, to, &t.reason),
    )
    .await?;
    let accepted = rules::MatchStatus::Accepted;
    if current.status == accepted || to == accepted {
        follow(&txn, auth, need, id).await?;
    }
    let row = repo::get(&txn, id).await?;
    txn.commit().await?;
    tracing::info!(match.id = %id, status = %to, "match answered");
    assemble(db, row).await
}

/// Sets the need's status from what its accepted matches now cover.
async fn follow(
    db: &impl ConnectionTrait,
    auth: &AuthUser,
    need: db::entities::school_needs::Model,
    by_match: MatchId,
) -> ApiResult<()> {
    let covered = repo::covered(db, need.id).await?;
    let ask = u32::try_from(need.ask_quantity).unwrap_or(u32::MAX);
    let to = rules::need_status_covered(need.status, ask, covered);
    if to == need.status {
        return Ok(());
    }
    let reason = format!("Accepted matches cover {covered} of {ask}.");
    versioned::set_status::<db::entities::school_needs::Entity>(
        db,
        need.id,
        need.version,
        to,
        &reason,
    )
    .await?;
    let mut changes = audit::status_change(need.status, to, &reason);
    changes["match_id"] = serde_json::json!(by_match);
    audit::record(
        db,
        &Actor::from(auth),
        AuditEntity::Need,
        need.id,
        AuditAction::FollowMatches,
        changes,
    )
    .await?;
    Ok(())
}

/// Withdraws the proposals of a need the school withdrew that the partner has not answered (it
/// need not answer them now); accepted ones stay, as the partner's answer is history. Audited,
/// each as the caller's step.
pub(crate) async fn withdraw_open(
    db: &impl ConnectionTrait,
    auth: &AuthUser,
    need: NeedId,
) -> ApiResult<()> {
    let rows = repo::unanswered_of(db, need).await?;
    let reason = "The school withdrew this need.";
    for r in rows {
        let to = rules::MatchStatus::Withdrawn;
        repo::step(db, r.id, r.version, to, reason, auth.id).await?;
        audit::record(
            db,
            &Actor::from(auth),
            AuditEntity::Match,
            r.id,
            rules::MatchAction::Withdraw,
            audit::status_change(r.status, to, reason),
        )
        .await?;
    }
    Ok(())
}

/// One match the caller sees.
pub async fn get(db: &DatabaseConnection, auth: &AuthUser, id: MatchId) -> ApiResult<Match> {
    let row = visible(db, auth, id).await?;
    assemble(db, row).await
}

/// A page of the matches the caller sees, newest first.
pub async fn browse(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &MatchListQuery,
) -> ApiResult<Page<Match>> {
    auth.require(Permission::ReadMatches)?;
    let limit = super::page_limit(q.limit)?;
    let after = super::parse_cursor(q.cursor.as_deref())?;
    let (rows, next) = repo::list(db, q, &auth.audience(), limit, after).await?;
    Ok(Page {
        items: assemble_many(db, rows).await?,
        next_cursor: next.map(|c| c.encode()),
    })
}
