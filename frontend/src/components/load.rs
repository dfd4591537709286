//! The data-loading layer for pages: a resource that asks the API (refreshing the session once
//! on a 401) again whenever its source changes, and one view of its three states — loading,
//! failed with a retry, loaded.

use leptos::prelude::*;
use std::future::Future;

use client::{Client, ClientError};

use crate::api::{error_text, use_auth};
use crate::components::status::{ErrorBox, Loading};
use crate::i18n::{Key, use_i18n};

/// What a page loads: the value, or the error in the UI's language.
pub type Loaded<T> = LocalResource<Result<T, String>>;

/// Loads `fetch(client, source())`, and again whenever a signal `source` reads changes.
pub fn load<S, T, F, Fut>(source: impl Fn() -> S + 'static, fetch: F) -> Loaded<T>
where
    S: Clone + 'static,
    T: 'static,
    F: Fn(Client, S) -> Fut + Clone + 'static,
    Fut: Future<Output = Result<T, ClientError>> + 'static,
{
    let auth = use_auth();
    let i18n = use_i18n();
    LocalResource::new(move || {
        let s = source();
        let fetch = fetch.clone();
        async move {
            auth.call(move |c| fetch(c, s.clone()))
                .await
                .map_err(|e| error_text(&i18n, &e))
        }
    })
}

/// Loads the record the address names, `fetch(client, id)`, again whenever the id changes;
/// "not found" in the UI's language when the address names none.
pub fn load_record<I, T, F, Fut>(id: impl Fn() -> Option<I> + 'static, fetch: F) -> Loaded<T>
where
    I: Clone + 'static,
    T: 'static,
    F: Fn(Client, I) -> Fut + Clone + 'static,
    Fut: Future<Output = Result<T, ClientError>> + 'static,
{
    let auth = use_auth();
    let i18n = use_i18n();
    LocalResource::new(move || {
        let id = id();
        let fetch = fetch.clone();
        async move {
            let Some(id) = id else {
                return Err(i18n.t(Key::NotFoundText).to_string());
            };
            auth.call(move |c| fetch(c, id.clone()))
                .await
                .map_err(|e| error_text(&i18n, &e))
        }
    })
}

/// `Loading` until the resource answers, then its value through `render`, or the error with
/// a retry.
#[component]
pub fn LoadedView<T, V, C>(resource: Loaded<T>, render: C) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    C: Fn(T) -> V + Send + Sync + 'static,
{
    move || {
        match resource.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(msg)) => view! {
            <ErrorBox text=Signal::derive(move || msg.clone()) retry=Callback::new(move |_| resource.refetch())/>
        }
        .into_any(),
        Some(Ok(value)) => render(value).into_any(),
    }
    }
}
