//! The office's side of the family resource directory: on an offer's page, how the offer shows
//! to families ([`ListingPanel`]); on the offers page, how much families use the directory
//! ([`DirectoryUsePanel`]).

use domain::directory::{DirectoryUse, Listing, ListingInput, ResourceCategory, ResourceLanguage};
use domain::{OfferId, Permission};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::use_auth;
use crate::components::field::{CheckField, CheckList, SelectField, TextField, options};
use crate::components::form::{FormState, ProblemBanner};
use crate::components::load::{LoadedView, load};
use crate::i18n::{Key, use_i18n};

/// An offer's listing in the family directory (office staff).
#[component]
pub fn ListingPanel(offer: OfferId) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let listing = load(
        || (),
        move |c, ()| async move { c.get_listing(offer).await },
    );
    view! {
        <Show when=move || auth.can(Permission::ManageDirectory)>
            <section class="panel" aria-labelledby="listing-title">
                <h2 id="listing-title">{move || i18n.t(Key::ListingTitle)}</h2>
                <p class="muted">{move || i18n.t(Key::ListingIntro)}</p>
                <LoadedView resource=listing render={move |l: Listing| view! { <ListingForm listing=l/> }}/>
            </section>
        </Show>
    }
}

#[component]
fn ListingForm(listing: Listing) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let form = FormState::new();
    let i = listing.clone();
    let published = RwSignal::new(i.published);
    let category = RwSignal::new(i.category.as_str().to_string());
    let title_en = RwSignal::new(i.title_en);
    let title_es = RwSignal::new(i.title_es);
    let summary_en = RwSignal::new(i.summary_en);
    let summary_es = RwSignal::new(i.summary_es);
    let languages = RwSignal::new(i.languages);
    let reach = RwSignal::new(i.how_to_reach);
    let version = RwSignal::new(listing.version);
    let saved = RwSignal::new(false);
    let offer = listing.offer_id;
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !form.start() {
            return;
        }
        saved.set(false);
        let input = ListingInput {
            published: published.get_untracked(),
            category: ResourceCategory::parse(&category.get_untracked())
                .unwrap_or(ResourceCategory::Other),
            title_en: title_en.get_untracked(),
            title_es: title_es.get_untracked(),
            summary_en: summary_en.get_untracked(),
            summary_es: summary_es.get_untracked(),
            languages: languages.get_untracked(),
            how_to_reach: reach.get_untracked(),
        };
        let v = version.get_untracked();
        spawn_local(async move {
            match auth
                .call(|c| {
                    let input = input.clone();
                    async move { c.set_listing(offer, v, &input).await }
                })
                .await
            {
                Ok(l) => {
                    form.done();
                    version.set(l.version);
                    saved.set(true);
                }
                Err(e) => form.fail(&i18n, &e),
            }
        });
    };
    let errors = form.errors;
    view! {
        <form on:submit=save novalidate>
            <ProblemBanner form=form/>
            <CheckField name="published" id_prefix="listing-" label=Signal::derive(move || i18n.t(Key::ListingPublished)) value=published/>
            <SelectField name="category" label=Signal::derive(move || i18n.t(Key::ResourcesCategory)) value=category errors=errors
                options=Signal::derive(move || options(ResourceCategory::ALL, |c| i18n.resource_category(c), ResourceCategory::as_str))/>
            <TextField name="title_en" label=Signal::derive(move || i18n.t(Key::ListingTitleEn)) value=title_en errors=errors required=true/>
            <TextField name="title_es" label=Signal::derive(move || i18n.t(Key::ListingTitleEs)) value=title_es errors=errors required=true/>
            <TextField name="summary_en" label=Signal::derive(move || i18n.t(Key::ListingSummaryEn)) value=summary_en errors=errors required=true/>
            <TextField name="summary_es" label=Signal::derive(move || i18n.t(Key::ListingSummaryEs)) value=summary_es errors=errors required=true/>
            <CheckList name="languages" legend=Signal::derive(move || i18n.t(Key::ListingLanguages)) all=ResourceLanguage::ALL
                value_name=ResourceLanguage::as_str label=move |l| i18n.resource_language(l) picked=languages errors=errors id_prefix="listing-lang-"/>
            <TextField name="how_to_reach" label=Signal::derive(move || i18n.t(Key::ListingReach)) value=reach errors=errors required=true/>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || form.busy.get()>
                    {move || if form.busy.get() { i18n.t(Key::Saving) } else { i18n.t(Key::Save) }}
                </button>
            </div>
            <Show when=move || saved.get()>
                <p class="state" role="status">{move || i18n.t(Key::ListingSaved)}</p>
            </Show>
        </form>
    }
}

/// How much families use the directory this month, and how many resources they can find.
#[component]
pub fn DirectoryUsePanel() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let usage = load(|| (), |c, ()| async move { c.directory_usage().await });
    view! {
        <Show when=move || auth.can(Permission::ManageDirectory)>
            <section class="panel" aria-labelledby="directory-use">
                <h2 id="directory-use">{move || i18n.t(Key::DirectoryUseTitle)}</h2>
                <LoadedView resource=usage render={move |u: DirectoryUse| {
                    let month = u.months.first().cloned();
                    let (views, searches) = month.map_or((0, 0), |m| (m.views, m.searches));
                    view! {
                        <p id="directory-use-summary">
                            <strong>{u.published}</strong> " " {move || i18n.t(Key::DirectoryUseText)} ": "
                            <strong>{views}</strong> " " {move || i18n.t(Key::DirectoryViews)} ", "
                            <strong>{searches}</strong> " " {move || i18n.t(Key::DirectorySearches)}
                        </p>
                    }
                }}/>
            </section>
        </Show>
    }
}
