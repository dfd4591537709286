//! The session and the API client.
//!
//! The access token lives only in memory. On start, and whenever a call answers 401, the app
//! asks `/auth/refresh` (the HttpOnly cookie proves the session): a reload or a deep link keeps
//! the user signed in, and nothing readable by scripts outlives the tab.

use client::{Client, ClientError};
use domain::auth::{Me, TokenResponse};
use domain::{Permission, Role};
use leptos::prelude::*;
use std::future::Future;

use crate::i18n::{I18n, Key, Lang};

/// Whether the first session check has finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionState {
    /// Asking the server whether the refresh cookie is still good.
    Checking,
    /// Signed in.
    SignedIn,
    /// Not signed in.
    SignedOut,
}

/// The session, shared through context. `Copy`: it only holds signal handles.
#[derive(Clone, Copy)]
pub struct Auth {
    /// The access token, in memory only.
    token: RwSignal<Option<String>>,
    /// The signed-in user.
    pub me: RwSignal<Option<Me>>,
    /// Whether the session is known yet.
    pub state: RwSignal<SessionState>,
    base: StoredValue<String>,
}

impl Auth {
    /// A signed-out session against this origin.
    pub fn new() -> Self {
        let base = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        Self {
            token: RwSignal::new(None),
            me: RwSignal::new(None),
            state: RwSignal::new(SessionState::Checking),
            base: StoredValue::new(base),
        }
    }

    /// A client without a token (sign-in, refresh).
    pub fn anonymous(&self) -> Client {
        Client::new(self.base.get_value())
    }

    /// A client with the current token.
    pub fn client(&self) -> Client {
        self.anonymous().with_token(self.token.get_untracked())
    }

    /// Stores a new session.
    pub fn set(&self, t: TokenResponse) {
        self.token.set(Some(t.access_token));
        self.me.set(Some(t.user));
        self.state.set(SessionState::SignedIn);
    }

    /// Forgets the session.
    pub fn clear(&self) {
        self.token.set(None);
        self.me.set(None);
        self.state.set(SessionState::SignedOut);
    }

    /// Tries the refresh cookie; used on start.
    pub async fn resume(&self) {
        match self.anonymous().refresh().await {
            Ok(t) => self.set(t),
            Err(_) => self.clear(),
        }
    }

    /// The signed-in user's role.
    pub fn role(&self) -> Option<Role> {
        self.me.with(|m| m.as_ref().map(|m| m.role))
    }

    /// Whether the signed-in user holds a permission (for showing controls; the API decides).
    pub fn can(&self, p: Permission) -> bool {
        self.role().is_some_and(|r| r.can(p))
    }

    /// Runs a call with the token; on 401 refreshes once and retries.
    pub async fn call<T, F, Fut>(&self, f: F) -> Result<T, ClientError>
    where
        F: Fn(Client) -> Fut,
        Fut: Future<Output = Result<T, ClientError>>,
    {
        match f(self.client()).await {
            Err(e) if e.status() == Some(401) => match self.anonymous().refresh().await {
                Ok(t) => {
                    self.set(t);
                    f(self.client()).await
                }
                Err(_) => {
                    self.clear();
                    Err(e)
                }
            },
            other => other,
        }
    }
}

impl Default for Auth {
    fn default() -> Self {
        Self::new()
    }
}

/// The `Auth` of the app.
pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}

/// A message for an error, in the UI's language where the server's text is English-only.
pub fn error_text(i18n: &I18n, e: &ClientError) -> String {
    match e {
        ClientError::Network(_) => i18n.t(Key::NetworkError).to_string(),
        ClientError::Api(p) if p.status == 412 => i18n.t(Key::StaleVersion).to_string(),
        ClientError::Api(p) if p.status == 403 => i18n.t(Key::Forbidden).to_string(),
        ClientError::Api(p) if p.status == 422 && !p.errors.is_empty() => {
            i18n.t(Key::FixErrors).to_string()
        }
        ClientError::Api(p) if i18n.lang.get_untracked() != Lang::En => {
            domain::problem::spanish(&p.detail).unwrap_or_else(|| p.code.spanish().to_string())
        }
        ClientError::Api(p) => p.detail.clone(),
        ClientError::Decode(d) => d.clone(),
    }
}

/// A field error's message in the UI's language.
pub fn field_message(i18n: &I18n, code: &str, server_message: &str) -> String {
    if i18n.lang.get() == Lang::En {
        return server_message.to_string();
    }
    if let Some(es) = domain::problem::spanish(server_message) {
        return es;
    }
    match code {
        "required" => "Este campo es obligatorio.".into(),
        "length" => "La longitud de este campo no es válida.".into(),
        "format" => "El formato no es válido.".into(),
        "duplicate" => "Ya existe un registro con este valor.".into(),
        "email" => "Escriba un correo electrónico válido.".into(),
        "unknown" => "Uno o más valores no existen.".into(),
        _ => server_message.to_string(),
    }
}

/// The field errors of a 422 answer, by field name, in the UI's language (empty otherwise).
pub fn field_errors(i18n: &I18n, e: &ClientError) -> std::collections::HashMap<String, String> {
    e.problem()
        .map(|p| {
            p.errors
                .iter()
                .map(|f| (f.field.clone(), field_message(i18n, &f.code, &f.message)))
                .collect()
        })
        .unwrap_or_default()
}

/// Fetches a CSV export (`f` asks the API for it) and hands it to the browser as `filename`;
/// a failure lands in `error`, in the UI's language.
pub fn download_csv<F, Fut>(
    auth: Auth,
    i18n: I18n,
    filename: &'static str,
    error: RwSignal<Option<String>>,
    f: F,
) where
    F: Fn(Client) -> Fut + 'static,
    Fut: Future<Output = Result<String, ClientError>> + 'static,
{
    error.set(None);
    leptos::task::spawn_local(async move {
        match auth.call(f).await {
            Ok(csv) => crate::pages::organizations::download(filename, &csv),
            Err(e) => {
                let _ = error.try_set(Some(error_text(&i18n, &e)));
            }
        }
    });
}
