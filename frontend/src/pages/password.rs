//! Forgotten passwords and invitations: ask for a link (`/forgot-password`), then choose a new
//! password with it (`/reset-password#token`). The token stays in the URL's fragment, which the
//! browser never sends to a server. A signed-in user changes their password at
//! `/account/password` (and must, before anything else, when staff or an admin set it).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api::{error_text, field_errors, use_auth};
use crate::components::field::TextField;
use crate::i18n::{Key, use_i18n};

/// `/forgot-password`: the email of the account; the same answer whether or not it exists.
#[component]
pub fn ForgotPassword() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let errors = RwSignal::new(Default::default());
    let error = RwSignal::new(None::<String>);
    let sent = RwSignal::new(false);
    let busy = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        errors.set(Default::default());
        spawn_local(async move {
            match auth
                .anonymous()
                .request_password_reset(&email.get_untracked())
                .await
            {
                Ok(()) => sent.set(true),
                Err(e) => {
                    errors.set(field_errors(&i18n, &e));
                    error.set(Some(error_text(&i18n, &e)));
                }
            }
            busy.set(false);
        });
    };

    view! {
        <section class="page narrow">
            <h1>{move || i18n.t(Key::ForgotTitle)}</h1>
            <Show
                when=move || sent.get()
                fallback=move || view! {
                    <p class="muted">{move || i18n.t(Key::ForgotIntro)}</p>
                    <form on:submit=submit novalidate>
                        <Show when=move || error.get().is_some()>
                            <div class="state error" role="alert">{move || error.get()}</div>
                        </Show>
                        <TextField name="email" label=Signal::derive(move || i18n.t(Key::Email)) value=email errors=errors kind="email" autocomplete="username" required=true/>
                        <button type="submit" class="primary" disabled=move || busy.get()>
                            {move || if busy.get() { i18n.t(Key::Sending) } else { i18n.t(Key::ForgotSend) }}
                        </button>
                    </form>
                }
            >
                <p class="state ok" role="status">{move || i18n.t(Key::ForgotSent)}</p>
            </Show>
            <p><A href="/login">{move || i18n.t(Key::BackToSignIn)}</A></p>
        </section>
    }
}

/// The token in the page's fragment (`#…`), if any.
fn fragment_token() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let token = hash.trim_start_matches('#').trim().to_string();
    (!token.is_empty()).then_some(token)
}

/// `/reset-password#token`: choose a password (twice), then sign in.
#[component]
pub fn ResetPassword() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let token = fragment_token();
    let has_token = token.is_some();
    let token = StoredValue::new(token.unwrap_or_default());
    let password = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let errors = RwSignal::new(Default::default());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);
    let busy = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        error.set(None);
        if password.get_untracked() != again.get_untracked() {
            errors.set(
                [(
                    "password_again".to_string(),
                    i18n.t(Key::PasswordsDiffer).to_string(),
                )]
                .into_iter()
                .collect(),
            );
            return;
        }
        errors.set(Default::default());
        busy.set(true);
        spawn_local(async move {
            match auth
                .anonymous()
                .reset_password(&token.get_value(), &password.get_untracked())
                .await
            {
                Ok(()) => {
                    password.set(String::new());
                    again.set(String::new());
                    done.set(true);
                }
                Err(e) => {
                    let mut fe = field_errors(&i18n, &e);
                    // An expired or used link is not something to fix in a field.
                    match fe.remove("token") {
                        Some(msg) => error.set(Some(msg)),
                        None => error.set(Some(error_text(&i18n, &e))),
                    }
                    errors.set(fe);
                }
            }
            busy.set(false);
        });
    };

    view! {
        <section class="page narrow">
            <h1>{move || i18n.t(Key::ResetTitle)}</h1>
            {move || if done.get() {
                view! {
                    <p class="state ok" role="status">{move || i18n.t(Key::ResetDone)}</p>
                    <p><A href="/login" attr:class="button primary">{move || i18n.t(Key::SignIn)}</A></p>
                }.into_any()
            } else if !has_token {
                view! {
                    <div class="state error" role="alert">{move || i18n.t(Key::ResetNoToken)}</div>
                    <p><A href="/forgot-password">{move || i18n.t(Key::ForgotSend)}</A></p>
                }.into_any()
            } else {
                view! {
                    <p class="muted">{move || i18n.t(Key::ResetIntro)}</p>
                    <form on:submit=submit novalidate>
                        <Show when=move || error.get().is_some()>
                            <div class="state error" role="alert">
                                <p>{move || error.get()}</p>
                                <p><A href="/forgot-password">{move || i18n.t(Key::ForgotSend)}</A></p>
                            </div>
                        </Show>
                        <TextField name="password" label=Signal::derive(move || i18n.t(Key::ResetPassword)) value=password errors=errors kind="password" autocomplete="new-password" required=true/>
                        <TextField name="password_again" label=Signal::derive(move || i18n.t(Key::ResetPasswordAgain)) value=again errors=errors kind="password" autocomplete="new-password" required=true/>
                        <button type="submit" class="primary" disabled=move || busy.get()>
                            {move || if busy.get() { i18n.t(Key::Saving) } else { i18n.t(Key::ResetSave) }}
                        </button>
                    </form>
                }.into_any()
            }}
        </section>
    }
}

/// `/account/password`: the signed-in user changes their password (with the current one). When
/// the password was set by someone else, every other page sends them here first.
#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let query = leptos_router::hooks::use_query_map();
    let navigate = StoredValue::new_local(leptos_router::hooks::use_navigate());
    let next = move || crate::pages::login::safe_next(query.with(|q| q.get("next")));
    let current = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let errors = RwSignal::new(Default::default());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let required = move || {
        auth.me
            .with(|m| m.as_ref().is_some_and(|m| m.password_change_required))
    };
    let required_now = move || {
        auth.me
            .with_untracked(|m| m.as_ref().is_some_and(|m| m.password_change_required))
    };
    let next_now = move || crate::pages::login::safe_next(query.with_untracked(|q| q.get("next")));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        error.set(None);
        if password.get_untracked() != again.get_untracked() {
            errors.set(
                [(
                    "password_again".to_string(),
                    i18n.t(Key::PasswordsDiffer).to_string(),
                )]
                .into_iter()
                .collect(),
            );
            return;
        }
        errors.set(Default::default());
        busy.set(true);
        let input = domain::auth::ChangePassword {
            current_password: current.get_untracked(),
            new_password: password.get_untracked(),
        };
        spawn_local(async move {
            let was_required = required_now();
            match auth.client().change_password(&input).await {
                Ok(session) => {
                    auth.set(session);
                    if was_required {
                        // On to where they were going: nothing answered them before this.
                        navigate.with_value(|go| go(&next_now(), Default::default()));
                        return;
                    }
                    current.set(String::new());
                    password.set(String::new());
                    again.set(String::new());
                    done.set(true);
                }
                Err(e) => {
                    errors.set(field_errors(&i18n, &e));
                    error.set(Some(error_text(&i18n, &e)));
                }
            }
            busy.set(false);
        });
    };

    view! {
        <section class="page narrow">
            <h1>{move || i18n.t(Key::ChangePasswordTitle)}</h1>
            <Show when=move || done.get()>
                <p class="state ok" role="status">{move || i18n.t(Key::PasswordChanged)}</p>
                <p><A href=next attr:class="button primary">{move || i18n.t(Key::Continue)}</A></p>
            </Show>
            <Show when=move || !done.get()>
                <Show when=required>
                    <p class="state" role="status">{move || i18n.t(Key::ChangePasswordRequired)}</p>
                </Show>
                <p class="muted">{move || i18n.t(Key::ChangePasswordIntro)}</p>
                <form on:submit=submit novalidate>
                    <Show when=move || error.get().is_some()>
                        <div class="state error" role="alert">{move || error.get()}</div>
                    </Show>
                    <TextField name="current_password" label=Signal::derive(move || i18n.t(Key::CurrentPassword)) value=current errors=errors kind="password" autocomplete="current-password" required=true/>
                    <TextField name="new_password" label=Signal::derive(move || i18n.t(Key::ResetPassword)) value=password errors=errors kind="password" autocomplete="new-password" required=true/>
                    <TextField name="password_again" label=Signal::derive(move || i18n.t(Key::ResetPasswordAgain)) value=again errors=errors kind="password" autocomplete="new-password" required=true/>
                    <button type="submit" class="primary" disabled=move || busy.get()>
                        {move || if busy.get() { i18n.t(Key::Saving) } else { i18n.t(Key::ChangePasswordSave) }}
                    </button>
                </form>
            </Show>
        </section>
    }
}
