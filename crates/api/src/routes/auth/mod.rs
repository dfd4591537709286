//! `/api/v1/auth`: sign in, refresh, sign out, who am I, set a forgotten password.

pub mod change_password;
pub mod login;
pub mod logout;
pub mod me;
pub mod refresh;
pub mod request_password_reset;
pub mod reset_password;

use actix_web::cookie::{Cookie, SameSite, time};

use crate::auth::tokens::{REFRESH_COOKIE, REFRESH_COOKIE_PATH};
use crate::state::AppState;

/// The HttpOnly cookie that carries a refresh token.
pub fn refresh_cookie(state: &AppState, token: String) -> Cookie<'static> {
    Cookie::build(REFRESH_COOKIE, token)
        .path(REFRESH_COOKIE_PATH)
        .http_only(true)
        .secure(state.settings.auth.cookie_secure)
        .same_site(SameSite::Strict)
        .max_age(time::Duration::days(state.settings.auth.refresh_ttl_days))
        .finish()
}

/// A cookie that deletes the refresh cookie.
pub fn clear_cookie(state: &AppState) -> Cookie<'static> {
    let mut c = refresh_cookie(state, String::new());
    c.make_removal();
    c
}
