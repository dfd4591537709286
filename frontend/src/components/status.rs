//! Loading, empty and error states, announced to screen readers.

use leptos::prelude::*;

use crate::i18n::{Key, use_i18n};

/// A polite "Loading…" line.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="state loading" role="status" aria-live="polite">{move || i18n.t(Key::Loading)}</p> }
}

/// An empty-state message.
#[component]
pub fn Empty(#[prop(into)] text: Signal<String>) -> impl IntoView {
    view! { <p class="state empty" role="status">{move || text.get()}</p> }
}

/// An error with an optional retry.
#[component]
pub fn ErrorBox(
    #[prop(into)] text: Signal<String>,
    #[prop(optional)] retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="state error" role="alert">
            <p>{move || text.get()}</p>
            {retry.map(|r| view! {
                <button type="button" on:click=move |_| r.run(())>{move || i18n.t(Key::Retry)}</button>
            })}
        </div>
    }
}
