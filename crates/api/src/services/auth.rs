//! Signing in, refreshing and signing out.
//!
//! Refresh tokens rotate on every use. Presenting a token that was already used means it was
//! stolen or replayed: the whole family (every token descending from that login) is revoked.

use chrono::{Duration, Utc};
use db::repo::{tokens, users};
use domain::UserId;
use domain::audit::AuditEntity;
use domain::auth::{ChangePassword, LoginRequest, Me, TokenResponse};
use domain::user::UserStatus;
use uuid::Uuid;
use validator::Validate;

use crate::auth::password;
use crate::auth::tokens::{hash_refresh_token, new_refresh_token};
use crate::error::{ApiError, ApiResult};
use crate::services::Actor;
use crate::services::audit::{self, AuditAction};
use crate::state::AppState;

const BAD_CREDENTIALS: ApiError = ApiError::Unauthorized("the email or password is not correct");

/// A successful sign-in: the response body and the new refresh token (for the cookie).
pub struct Session {
    /// The JSON body.
    pub body: TokenResponse,
    /// The refresh token to set as a cookie.
    pub refresh_token: String,
}

/// When a session (a token family) ends for good: its sign-in time, carried by the family's
/// UUIDv7, plus the absolute lifetime.
fn session_end(state: &AppState, family: Uuid) -> Option<chrono::DateTime<Utc>> {
    let (secs, nanos) = family.get_timestamp()?.to_unix();
    let started = chrono::DateTime::from_timestamp(i64::try_from(secs).ok()?, nanos)?;
    Some(started + Duration::days(state.settings.auth.session_max_days))
}

async fn issue(state: &AppState, user: UserId, family: Uuid) -> ApiResult<Session> {
    let account = users::get(&state.db, user).await?;
    let refresh_token = new_refresh_token();
    let sliding = Utc::now() + Duration::days(state.settings.auth.refresh_ttl_days);
    let expires = session_end(state, family).map_or(sliding, |end| end.min(sliding));
    tokens::insert(
        &state.db,
        user,
        family,
        hash_refresh_token(&refresh_token),
        expires,
    )
    .await?;
    let access_token = state.keys.issue(user, account.user.role)?;
    Ok(Session {
        body: TokenResponse {
            access_token,
            token_type: "Bearer".into(),
            expires_in: state.keys.access_ttl_secs,
            user: me_of(account.user),
        },
        refresh_token,
    })
}

/// The `Me` view of a user.
pub fn me_of(u: domain::user::User) -> Me {
    Me {
        id: u.id,
        email: u.email,
        display_name: u.display_name,
        role: u.role,
        school_ids: u.school_ids,
        organization_id: u.organization_id,
        password_change_required: u.password_change_required,
    }
}

/// Checks credentials (rate limited per IP and per account) and starts a session.
pub async fn login(state: &AppState, ip: &str, req: LoginRequest) -> ApiResult<Session> {
    let email = req.email.trim().to_lowercase();
    state.login_limiter.check(ip, &email)?;
    let account = users::find_by_email(&state.db, &email).await?;
    // Verify against a dummy hash when the account is unknown: same cost, same answer.
    let phc = account
        .as_ref()
        .map(|a| a.password_hash.clone())
        .unwrap_or_else(|| password::dummy_hash().to_string());
    let ok = password::verify_async(req.password, phc).await?;
    match account {
        Some(a) if ok && a.user.status == UserStatus::Active => {
            tracing::info!(user.id = %a.user.id, "signed in");
            issue(state, a.user.id, Uuid::now_v7()).await
        }
        _ => {
            tracing::info!("sign-in refused");
            Err(BAD_CREDENTIALS)
        }
    }
}

/// The signed-in user changes their password (a password set by someone else must be changed
/// this way before anything else answers). The current password is checked (rate limited like
/// a sign-in); the new one is at least 12 characters and not the current one. Every session of
/// the account ends and a new one starts for this caller. Audited, without either password.
pub async fn change_password(
    state: &AppState,
    auth: &crate::auth::AuthUser,
    ip: &str,
    req: ChangePassword,
) -> ApiResult<Session> {
    req.validate().map_err(|e| ApiError::validation(&e))?;
    let account = users::get(&state.db, auth.id).await?;
    state.login_limiter.check(ip, &account.user.email)?;
    let ok = password::verify_async(req.current_password.clone(), account.password_hash).await?;
    if !ok {
        return Err(ApiError::invalid_field(
            "current_password",
            "incorrect",
            "The current password is not correct.",
        ));
    }
    if req.new_password == req.current_password {
        return Err(ApiError::invalid_field(
            "new_password",
            "unchanged",
            "Choose a password different from the current one.",
        ));
    }
    let hash = password::hash_async(req.new_password).await?;
    let txn = db::begin_write(&state.db).await?;
    users::set_password(&txn, auth.id, hash).await?;
    tokens::revoke_user(&txn, auth.id).await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::User,
        auth.id,
        AuditAction::ChangePassword,
        serde_json::json!({
            "was_required": account.user.password_change_required,
        }),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(user.id = %auth.id, "password changed");
    issue(state, auth.id, Uuid::now_v7()).await
}

/// Exchanges a refresh token for a new one and a new access token.
pub async fn refresh(state: &AppState, presented: &str) -> ApiResult<Session> {
    const INVALID: ApiError = ApiError::Unauthorized("the session has ended; sign in again");
    let stored = tokens::find_by_hash(&state.db, &hash_refresh_token(presented))
        .await?
        .ok_or(INVALID)?;
    let now = Utc::now();
    if stored.revoked_at.is_some()
        || stored.expires_at <= now
        || session_end(state, stored.family_id).is_none_or(|end| end <= now)
    {
        return Err(INVALID);
    }
    let txn = db::begin_write(&state.db).await?;
    if !tokens::mark_used(&txn, stored.id).await? {
        // Reuse: someone else already rotated this token.
        tokens::revoke_family(&txn, stored.family_id).await?;
        txn.commit().await?;
        tracing::warn!(user.id = %stored.user_id, "refresh token reuse detected; session family revoked");
        return Err(INVALID);
    }
    txn.commit().await?;
    let account = users::get(&state.db, UserId(stored.user_id)).await?;
    if account.user.status != UserStatus::Active {
        return Err(INVALID);
    }
    issue(state, UserId(stored.user_id), stored.family_id).await
}

/// Ends the session the refresh token belongs to.
pub async fn logout(state: &AppState, presented: Option<&str>) -> ApiResult<()> {
    if let Some(t) = presented
        && let Some(stored) = tokens::find_by_hash(&state.db, &hash_refresh_token(t)).await?
    {
        tokens::revoke_family(&state.db, stored.family_id).await?;
    }
    Ok(())
}
