//! The sign-in page.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::{SessionState, error_text, use_auth};
use crate::components::field::TextField;
use crate::i18n::{Key, use_i18n};

/// Where to go after signing in: `next` if it is a path of this app, else the schools list.
pub fn safe_next(next: Option<String>) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.starts_with("/login")
                && !n.starts_with("/account/password") =>
        {
            n
        }
        _ => "/schools".into(),
    }
}

/// Email and password; errors in the user's language.
#[component]
pub fn Login() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let query = use_query_map();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(Default::default());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    // Already signed in (e.g. a reload on /login): go on.
    let nav = navigate.clone();
    Effect::new(move |_| {
        if auth.state.get() == SessionState::SignedIn {
            nav(
                &safe_next(query.with_untracked(|q| q.get("next"))),
                Default::default(),
            );
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match auth
                .anonymous()
                .login(&email.get_untracked(), &password.get_untracked())
                .await
            {
                Ok(t) => {
                    password.set(String::new());
                    auth.set(t);
                }
                Err(e) => error.set(Some(error_text(&i18n, &e))),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="page narrow">
            <h1>{move || i18n.t(Key::SignInTitle)}</h1>
            <p class="muted">{move || i18n.t(Key::SignInIntro)}</p>
            <form on:submit=submit novalidate>
                <Show when=move || error.get().is_some()>
                    <div class="state error" role="alert">{move || error.get()}</div>
                </Show>
                <TextField name="email" label=Signal::derive(move || i18n.t(Key::Email)) value=email errors=errors kind="email" autocomplete="username" required=true/>
                <TextField name="password" label=Signal::derive(move || i18n.t(Key::Password)) value=password errors=errors kind="password" autocomplete="current-password" required=true/>
                <button type="submit" class="primary" disabled=move || busy.get()>
                    {move || if busy.get() { i18n.t(Key::SigningIn) } else { i18n.t(Key::SignIn) }}
                </button>
            </form>
            <p><A href="/forgot-password">{move || i18n.t(Key::ForgotLink)}</A></p>
        </section>
    }
}
