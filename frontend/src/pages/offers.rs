//! `/offers`: what partners offer. Staff see every partner's and record offers for any partner,
//! a partner its own; coordinators read them. Each card links to the offer, where its terms
//! are changed and the needs it could meet are listed with the reasons for their scores.

use domain::Permission;
use domain::intake::SupportArea;
use domain::needs::HelpKind;
use domain::offers::{Offer, OfferQuery, OfferStatus, Score};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::use_auth;
use crate::components::load::{LoadedView, load};
use crate::components::status::Empty;
use crate::i18n::{Key, use_i18n};

/// The offers page.
#[component]
pub fn OffersPage() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let status = RwSignal::new("active".to_string());
    let area = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let offers = load(
        move || (status.get(), area.get(), kind.get()),
        |c, (status, area, kind)| async move {
            let q = OfferQuery {
                status: OfferStatus::parse(&status),
                support_area: SupportArea::parse(&area),
                help_kind: HelpKind::parse(&kind),
                limit: Some(100),
                ..Default::default()
            };
            Ok(c.list_offers(&q).await?.items)
        },
    );
    view! {
        <section class="page">
            <div class="page-head">
                <h1>{move || i18n.t(Key::OffersTitle)}</h1>
                <Show when=move || auth.can(Permission::ManageOffers)>
                    <A href="/offers/new" attr:class="button primary">{move || i18n.t(Key::OffersNew)}</A>
                </Show>
            </div>
            <p class="muted">{move || i18n.t(Key::OffersIntro)}</p>
            <crate::pages::listing::DirectoryUsePanel/>
            <form class="filters" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="offers-status">{move || i18n.t(Key::Status)}</label>
                    <select id="offers-status" on:change=move |ev| status.set(event_target_value(&ev))>
                        <option value="" selected=move || status.get().is_empty()>{move || i18n.t(Key::Any)}</option>
                        {OfferStatus::ALL.iter().map(|s| {
                            let s = *s;
                            view! { <option value=s.as_str() selected=move || status.get() == s.as_str()>{move || i18n.offer_status(s)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="offers-area">{move || i18n.t(Key::NeedSupportArea)}</label>
                    <select id="offers-area" on:change=move |ev| area.set(event_target_value(&ev))>
                        <option value="" selected=move || area.get().is_empty()>{move || i18n.t(Key::Any)}</option>
                        {SupportArea::ALL.iter().map(|a| {
                            let a = *a;
                            view! { <option value=a.as_str() selected=move || area.get() == a.as_str()>{move || i18n.support_area(a)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="offers-kind">{move || i18n.t(Key::NeedHelpKind)}</label>
                    <select id="offers-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                        <option value="" selected=move || kind.get().is_empty()>{move || i18n.t(Key::Any)}</option>
                        {HelpKind::ALL.iter().map(|k| {
                            let k = *k;
                            view! { <option value=k.as_str() selected=move || kind.get() == k.as_str()>{move || i18n.help_kind(k)}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </form>
            <LoadedView resource=offers render={move |list: Vec<Offer>| if list.is_empty() {
                view! { <Empty text=Signal::derive(move || i18n.t(Key::OffersNone).to_string())/> }.into_any()
            } else {
                view! { <OfferCards offers=list/> }.into_any()
            }}/>
        </section>
    }
}

#[component]
fn OfferCards(offers: Vec<Offer>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="cards" id="offers-list">
            {offers.into_iter().map(|o| {
                let areas = o.support_areas.clone();
                view! {
                    <li class="card">
                        <A href=format!("/offers/{}", o.id)><span class="card-title">{o.description.clone()}</span></A>
                        <span class="meta">
                            {o.organization_name.clone()} " · "
                            <span class="badge">{move || i18n.offer_status(o.status)}</span>
                        </span>
                        <span class="meta">
                            {move || i18n.help_kind(o.help_kind)} " · " {o.capacity} " " {move || i18n.ask_unit(o.capacity_unit)} " · "
                            {move || areas.iter().map(|a| i18n.support_area(*a)).collect::<Vec<_>>().join(", ")}
                        </span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// A score and the reason for each point, as a list a screen reader reads in order.
#[component]
pub fn ScoreReasons(score: Score) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="meta"><strong>{score.total}</strong> " " {move || i18n.t(Key::MatchPoints)}</p>
        <ul class="reasons">
            {score.reasons.into_iter().map(|r| view! {
                <li>{format!("+{} ", r.points)} {move || i18n.match_reason(r.reason)}</li>
            }).collect_view()}
        </ul>
    }
}
