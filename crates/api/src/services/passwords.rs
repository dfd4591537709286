//! Setting a password with a one-time link: a reset the account holder asks for, and the
//! invitation an imported volunteer receives (they never chose a password).
//!
//! The link is `{public_url}/reset-password#{token}`: the token rides in the fragment, which
//! browsers never send to a server, so it stays out of access logs. Only its SHA-256 is stored;
//! it works once, and using it ends every session of the account.

use crate::services::Actor;
use crate::services::audit::{self, AuditAction};
use chrono::{DateTime, Duration, Utc};
use db::repo::{password_tokens, tokens, users};
use domain::UserId;
use domain::audit::AuditEntity;
use domain::auth::{PasswordResetConfirm, PasswordResetRequest};
use domain::user::UserStatus;
use sea_orm::{ConnectionTrait, DatabaseConnection};
use validator::Validate;

use crate::auth::password;
use crate::auth::tokens::{hash_refresh_token, new_refresh_token};
use crate::error::{ApiError, ApiResult};

/// How long a reset link works.
pub const RESET_TTL: Duration = Duration::hours(2);
/// How long an invitation works.
pub const INVITATION_TTL: Duration = Duration::days(30);

/// What a password link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The account holder forgot their password.
    Reset,
    /// An imported volunteer sets their first password.
    Invitation,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::Reset => "reset",
            Purpose::Invitation => "invitation",
        }
    }
}

fn message(purpose: Purpose, spanish: bool, link: &str, until: DateTime<Utc>) -> (String, String) {
    let until = until.format("%Y-%m-%d %H:%M UTC");
    match (purpose, spanish) {
        (Purpose::Reset, false) => (
            "Set a new PartnerHub password".into(),
            format!(
                "Someone asked to reset the password of this PartnerHub account. To choose a new \
                 one, open {link} (it works once, until {until}). If it was not you, ignore this \
                 message: your password stays as it is."
            ),
        ),
        (Purpose::Reset, true) => (
            "Elija una nueva contraseña de PartnerHub".into(),
            format!(
                "Alguien pidió restablecer la contraseña de esta cuenta de PartnerHub. Para elegir \
                 una nueva, abra {link} (funciona una vez, hasta el {until}). Si no fue usted, \
                 ignore este mensaje: su contraseña no cambia."
            ),
        ),
        (Purpose::Invitation, false) => (
            "Your volunteer account with the district is ready".into(),
            format!(
                "The volunteer office added you to PartnerHub, where you sign up for \
                 opportunities, log your hours and show your volunteer badge. Choose your \
                 password at {link} (the link works once, until {until}); then sign in with \
                 this email address."
            ),
        ),
        (Purpose::Invitation, true) => (
            "Su cuenta de voluntario del distrito está lista".into(),
            format!(
                "La oficina de voluntarios lo agregó a PartnerHub, donde se inscribe en \
                 oportunidades, registra sus horas y muestra su credencial de voluntario. Elija \
                 su contraseña en {link} (el enlace funciona una vez, hasta el {until}); luego \
                 inicie sesión con este correo."
            ),
        ),
    }
}

/// Creates a link for the account and queues the message with it, in the transaction the
/// caller commits.
pub async fn queue_link(
    db: &impl ConnectionTrait,
    public_url: &str,
    user: UserId,
    email: &str,
    spanish: bool,
    purpose: Purpose,
) -> ApiResult<()> {
    let token = new_refresh_token();
    let until = Utc::now()
        + match purpose {
            Purpose::Reset => RESET_TTL,
            Purpose::Invitation => INVITATION_TTL,
        };
    password_tokens::insert(
        db,
        user,
        hash_refresh_token(&token),
        purpose.as_str(),
        until,
    )
    .await?;
    let link = format!(
        "{}/reset-password#{token}",
        public_url.trim_end_matches('/')
    );
    let (subject, body) = message(purpose, spanish, &link, until);
    let kind = match purpose {
        Purpose::Reset => "password_reset",
        Purpose::Invitation => "volunteer_invitation",
    };
    db::repo::applications::queue_message(db, kind, email, &subject, &body).await?;
    Ok(())
}

/// How long a reset request takes at least, whether or not the account exists: the lookup and
/// the queued message take a few milliseconds that would otherwise tell the two apart.
pub const RESET_REQUEST_FLOOR: std::time::Duration = std::time::Duration::from_millis(250);

/// Sends a reset link to an active account with this email. The answer, and the time it
/// takes (at least [`RESET_REQUEST_FLOOR`]), are the same whether or not there is one, so
/// nobody learns who has an account.
pub async fn request_reset(
    db: &DatabaseConnection,
    public_url: &str,
    req: PasswordResetRequest,
) -> ApiResult<()> {
    req.validate().map_err(|e| ApiError::validation(&e))?;
    let started = std::time::Instant::now();
    let done = queue_reset(db, public_url, &req.email).await;
    if let Some(rest) = RESET_REQUEST_FLOOR.checked_sub(started.elapsed()) {
        actix_web::rt::time::sleep(rest).await;
    }
    done
}

async fn queue_reset(db: &DatabaseConnection, public_url: &str, email: &str) -> ApiResult<()> {
    let email = email.trim().to_lowercase();
    let Some(account) = users::find_by_email(db, &email).await? else {
        tracing::info!("password reset asked for an unknown address");
        return Ok(());
    };
    if account.user.status != UserStatus::Active {
        tracing::info!(user.id = %account.user.id, "password reset refused: account not active");
        return Ok(());
    }
    let spanish = match db::repo::volunteers::by_user(db, account.user.id).await {
        Ok(v) => v.preferred_language == "es",
        Err(_) => false,
    };
    let txn = db::begin_write(db).await?;
    queue_link(
        &txn,
        public_url,
        account.user.id,
        &email,
        spanish,
        Purpose::Reset,
    )
    .await?;
    txn.commit().await?;
    tracing::info!(user.id = %account.user.id, "password reset link queued");
    Ok(())
}

/// Sets the password with a link's token, once; every session of the account ends. Audited.
pub async fn reset(db: &DatabaseConnection, req: PasswordResetConfirm) -> ApiResult<()> {
    req.validate().map_err(|e| ApiError::validation(&e))?;
    let expired = || {
        ApiError::invalid_field(
            "token",
            "expired",
            "This link has expired or was already used. Ask for a new one.",
        )
    };
    let hash = password::hash_async(req.password).await?;
    let txn = db::begin_write(db).await?;
    let user = password_tokens::redeem(&txn, &hash_refresh_token(&req.token), Utc::now())
        .await?
        .ok_or_else(expired)?;
    if users::get(&txn, user).await?.user.status != UserStatus::Active {
        return Err(expired());
    }
    users::set_password(&txn, user, hash).await?;
    tokens::revoke_user(&txn, user).await?;
    audit::record(
        &txn,
        &Actor {
            user: Some(user),
            ..Actor::system()
        },
        AuditEntity::User,
        user,
        AuditAction::SetPassword,
        serde_json::json!({}),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(user.id = %user, "password set with a one-time link");
    Ok(())
}
