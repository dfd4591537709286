//! Record an offer (`/offers/new`) and change one (`/offers/:id`): its terms and reach, its
//! status with a reason, and the needs it could meet, best first, with the reasons.

use domain::intake::SupportArea;
use domain::needs::{AskUnit, HelpKind};
use domain::offers::{
    MatchQuery, NeedMatch, Offer, OfferAction, OfferInput, OfferTransition, next_offer_status,
};
use domain::organization::{Organization, OrganizationQuery};
use domain::school::{SchoolChoice, SchoolLevel};
use domain::{OfferId, OrganizationId, Permission, SchoolId};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::api::use_auth;
use crate::components::field::{CheckList, SelectField, TextField, options};
use crate::components::form::{FormState, ProblemBanner, StatusSteps};
use crate::components::load::{LoadedView, load, load_record};
use crate::components::status::Empty;
use crate::i18n::{Key, use_i18n};
use crate::pages::offers::ScoreReasons;

/// The partners and schools the form offers.
#[derive(Clone)]
struct Choices {
    /// Staff choose the partner; a partner's login records for itself (none here).
    partners: Vec<Organization>,
    schools: Vec<SchoolChoice>,
}

fn choices() -> crate::components::load::Loaded<Choices> {
    let auth = use_auth();
    load(
        || (),
        move |c, ()| async move {
            let own = auth
                .me
                .with_untracked(|m| m.as_ref().and_then(|m| m.organization_id));
            let partners = match own {
                Some(_) => vec![],
                None => {
                    c.list_organizations(&OrganizationQuery {
                        limit: Some(100),
                        ..Default::default()
                    })
                    .await?
                    .items
                }
            };
            Ok(Choices {
                partners,
                schools: c.public_schools().await?,
            })
        },
    )
}

/// `/offers/new`.
#[component]
pub fn NewOffer() -> impl IntoView {
    let i18n = use_i18n();
    let choices = choices();
    view! {
        <section class="page narrow">
            <h1>{move || i18n.t(Key::OffersNew)}</h1>
            <LoadedView resource=choices render={|c: Choices| view! { <OfferForm existing=None choices=c/> }}/>
        </section>
    }
}

/// `/offers/:id`.
#[component]
pub fn EditOffer() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .with(|p| p.get("id"))
            .and_then(|s| s.parse::<OfferId>().ok())
    };
    let choices = choices();
    let offer = load_record(id, |c, id| async move { c.get_offer(id).await });
    view! {
        <section class="page narrow">
            <h1>{move || i18n.t(Key::OfferEdit)}</h1>
            <LoadedView resource=offer render={move |o: Offer| {
                let shown = o.clone();
                let oid = o.id;
                view! {
                    <Show when=move || auth.can(Permission::ManageOffers)
                        fallback={let o = o.clone(); move || view! { <OfferSummary offer=o.clone()/> }}>
                        <LoadedView resource=choices render={let shown = shown.clone(); move |c: Choices| view! { <OfferForm existing=Some(shown.clone()) choices=c/> }}/>
                        <OfferStatusActions offer=shown.clone() on_done=Callback::new(move |_| offer.refetch())/>
                    </Show>
                    <crate::pages::listing::ListingPanel offer=oid/>
                    <OfferMatches id=oid/>
                }
            }}/>
        </section>
    }
}

/// An offer for those who read it only (coordinators).
#[component]
fn OfferSummary(offer: Offer) -> impl IntoView {
    let i18n = use_i18n();
    let areas = offer.support_areas.clone();
    view! {
        <dl class="facts">
            <dt>{move || i18n.t(Key::OfferPartner)}</dt><dd>{offer.organization_name.clone()}</dd>
            <dt>{move || i18n.t(Key::OfferDescription)}</dt><dd>{offer.description.clone()}</dd>
            <dt>{move || i18n.t(Key::NeedHelpKind)}</dt><dd>{move || i18n.help_kind(offer.help_kind)}</dd>
            <dt>{move || i18n.t(Key::OfferCapacity)}</dt><dd>{offer.capacity} " " {move || i18n.ask_unit(offer.capacity_unit)}</dd>
            <dt>{move || i18n.t(Key::SupportAreas)}</dt>
            <dd>{move || areas.iter().map(|a| i18n.support_area(*a)).collect::<Vec<_>>().join(", ")}</dd>
            <dt>{move || i18n.t(Key::Status)}</dt><dd>{move || i18n.offer_status(offer.status)}</dd>
        </dl>
    }
}

/// Whole days as `YYYY-MM-DD`, empty for none; an unreadable date is a field error.
fn date_of(s: &str) -> Result<Option<chrono::NaiveDate>, ()> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    s.parse().map(Some).map_err(|_| ())
}

#[component]
fn OfferForm(existing: Option<Offer>, choices: Choices) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let e = existing.clone();
    let own = auth
        .me
        .with_untracked(|m| m.as_ref().and_then(|m| m.organization_id));
    let partner = RwSignal::new(
        e.as_ref()
            .map(|o| o.organization_id.to_string())
            .or(own.map(|o| o.to_string()))
            .unwrap_or_default(),
    );
    let areas = RwSignal::new(
        e.as_ref()
            .map(|o| o.support_areas.clone())
            .unwrap_or_default(),
    );
    let help = RwSignal::new(
        e.as_ref()
            .map_or("time", |o| o.help_kind.as_str())
            .to_string(),
    );
    let description = RwSignal::new(
        e.as_ref()
            .map(|o| o.description.clone())
            .unwrap_or_default(),
    );
    let unit = RwSignal::new(
        e.as_ref()
            .map_or("volunteer_slots", |o| o.capacity_unit.as_str())
            .to_string(),
    );
    let capacity = RwSignal::new(
        e.as_ref()
            .map(|o| o.capacity.to_string())
            .unwrap_or_default(),
    );
    let regions = RwSignal::new(e.as_ref().map(|o| o.regions.join(", ")).unwrap_or_default());
    let levels = RwSignal::new(e.as_ref().map(|o| o.levels.clone()).unwrap_or_default());
    let schools = RwSignal::new(e.as_ref().map(|o| o.school_ids.clone()).unwrap_or_default());
    let from = RwSignal::new(
        e.as_ref()
            .and_then(|o| o.available_from)
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    let until = RwSignal::new(
        e.as_ref()
            .and_then(|o| o.available_until)
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    let form = FormState::new();
    let errors = form.errors;
    let saved = RwSignal::new(false);
    let target = existing.as_ref().map(|o| (o.id, o.version));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !form.start() {
            return;
        }
        saved.set(false);
        let mut bad = std::collections::HashMap::new();
        let fix = i18n.t(Key::FixErrors).to_string();
        let capacity_n = capacity
            .get_untracked()
            .trim()
            .parse::<u32>()
            .unwrap_or_else(|_| {
                bad.insert("capacity".to_string(), fix.clone());
                0
            });
        let available_from = date_of(&from.get_untracked()).unwrap_or_else(|_| {
            bad.insert("available_from".to_string(), fix.clone());
            None
        });
        let available_until = date_of(&until.get_untracked()).unwrap_or_else(|_| {
            bad.insert("available_until".to_string(), fix.clone());
            None
        });
        let Some(organization_id) = partner.get_untracked().parse::<OrganizationId>().ok() else {
            bad.insert(
                "organization_id".into(),
                i18n.t(Key::OfferChoosePartner).to_string(),
            );
            form.invalid(&i18n, bad);
            return;
        };
        let input = OfferInput {
            organization_id,
            support_areas: areas.get_untracked(),
            help_kind: HelpKind::parse(&help.get_untracked()).unwrap_or(HelpKind::Time),
            description: description.get_untracked(),
            capacity_unit: AskUnit::parse(&unit.get_untracked()).unwrap_or(AskUnit::VolunteerSlots),
            capacity: capacity_n,
            school_ids: schools.get_untracked(),
            regions: regions
                .get_untracked()
                .split(',')
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty())
                .collect(),
            levels: levels.get_untracked(),
            available_from,
            available_until,
        };
        errors.set(bad);
        let navigate = navigate.clone();
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let input = input.clone();
                    async move {
                        match target {
                            Some((id, version)) => c.update_offer(id, version, &input).await,
                            None => c.create_offer(&input).await,
                        }
                    }
                })
                .await;
            match res {
                Ok(o) if target.is_none() => {
                    form.done();
                    navigate(&format!("/offers/{}", o.id), Default::default())
                }
                Ok(_) => {
                    form.done();
                    saved.set(true)
                }
                Err(e) => form.fail(&i18n, &e),
            }
        });
    };
    let partners = choices
        .partners
        .iter()
        .map(|o| (o.id.to_string(), o.legal_name.clone()))
        .collect::<Vec<_>>();
    let school_list = choices.schools.clone();
    let choose_partner = own.is_none() && existing.is_none();
    view! {
        <form class="form" on:submit=submit novalidate>
            <ProblemBanner form=form/>
            <Show when=move || saved.get()>
                <p class="state ok" role="status">{move || i18n.t(Key::OfferSaved)}</p>
            </Show>
            <Show when=move || choose_partner>
                <SelectField name="organization_id" label=Signal::derive(move || i18n.t(Key::OfferPartner)) value=partner errors=errors
                    options=Signal::derive({ let p = partners.clone(); move || p.clone() })/>
            </Show>
            <TextField name="description" label=Signal::derive(move || i18n.t(Key::OfferDescription)) value=description errors=errors required=true/>
            <CheckList name="support_areas" legend=Signal::derive(move || i18n.t(Key::SupportAreas)) all=SupportArea::ALL
                value_name=SupportArea::as_str label=move |a| i18n.support_area(a) picked=areas errors=errors id_prefix="offer-area-"/>
            <SelectField name="help_kind" label=Signal::derive(move || i18n.t(Key::NeedHelpKind)) value=help errors=errors
                options=Signal::derive(move || options(HelpKind::ALL, |k| i18n.help_kind(k), HelpKind::as_str))/>
            <SelectField name="capacity_unit" label=Signal::derive(move || i18n.t(Key::OfferCapacityUnit)) value=unit errors=errors
                options=Signal::derive(move || options(AskUnit::ALL, |u| i18n.ask_unit(u), AskUnit::as_str))/>
            <TextField name="capacity" kind="number" label=Signal::derive(move || i18n.t(Key::OfferCapacity)) value=capacity errors=errors required=true/>
            <TextField name="regions" label=Signal::derive(move || i18n.t(Key::OfferRegions)) value=regions errors=errors/>
            <CheckList name="levels" legend=Signal::derive(move || i18n.t(Key::OfferLevels)) all=SchoolLevel::ALL
                value_name=SchoolLevel::as_str label=move |l| i18n.level(l) picked=levels errors=errors id_prefix="offer-level-"/>
            <div class="field" class:invalid=move || errors.with(|e| e.contains_key("school_ids"))>
                <label for="f-school_ids">{move || i18n.t(Key::OfferSchools)}</label>
                <select id="f-school_ids" multiple size="6" aria-describedby="f-school_ids-error"
                    on:change=move |ev| {
                        use wasm_bindgen::JsCast;
                        let Some(sel) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) else { return };
                        let opts = sel.selected_options();
                        let picked: Vec<SchoolId> = (0..opts.length())
                            .filter_map(|i| opts.item(i))
                            .filter_map(|o| o.get_attribute("value"))
                            .filter_map(|v| v.parse().ok())
                            .collect();
                        schools.set(picked);
                    }>
                    {school_list.into_iter().map(|s| {
                        let sid = s.id;
                        view! { <option value=s.id.to_string() selected=move || schools.with(|v| v.contains(&sid))>{format!("{} ({})", s.name, s.code)}</option> }
                    }).collect_view()}
                </select>
                <p class="field-error" id="f-school_ids-error" aria-live="polite">{move || errors.with(|e| e.get("school_ids").cloned())}</p>
            </div>
            <TextField name="available_from" kind="date" label=Signal::derive(move || i18n.t(Key::OfferFrom)) value=from errors=errors/>
            <TextField name="available_until" kind="date" label=Signal::derive(move || i18n.t(Key::OfferUntil)) value=until errors=errors/>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || form.busy.get()>
                    {move || if form.busy.get() { i18n.t(Key::Saving) } else { i18n.t(Key::Save) }}
                </button>
                <A href="/offers" attr:class="button">{move || i18n.t(Key::OfferBack)}</A>
            </div>
        </form>
    }
}

/// The status steps the offer allows, each with the optional reason.
#[component]
fn OfferStatusActions(offer: Offer, on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let steps: Vec<OfferAction> = OfferAction::ALL
        .iter()
        .copied()
        .filter(|a| next_offer_status(offer.status, *a).is_ok())
        .collect();
    let (id, version, status) = (offer.id, offer.version, offer.status);
    view! {
        <StatusSteps heading_id="offer-status" status=Signal::derive(move || i18n.offer_status(status))
            steps=steps step_label=move |a| i18n.offer_action(a) on_done=on_done
            send=move |c: client::Client, action: OfferAction, reason: String| async move {
                c.transition_offer(id, version, &OfferTransition { action, reason }).await
            }/>
    }
}

/// The needs this offer could meet, best first, with the reasons for their scores.
#[component]
fn OfferMatches(id: OfferId) -> impl IntoView {
    let i18n = use_i18n();
    let matches = load(
        || (),
        move |c, ()| async move { c.offer_matches(id, &MatchQuery::default()).await },
    );
    view! {
        <section class="panel" aria-labelledby="offer-matches">
            <h2 id="offer-matches">{move || i18n.t(Key::OfferMatchesTitle)}</h2>
            <LoadedView resource=matches render={move |list: Vec<NeedMatch>| if list.is_empty() {
                view! { <Empty text=Signal::derive(move || i18n.t(Key::OfferMatchesNone).to_string())/> }.into_any()
            } else {
                view! {
                    <ol class="cards" id="offer-matches-list">
                        {list.into_iter().map(|m| view! {
                            <li class="card">
                                <span class="card-title">{m.need.description.clone()}</span>
                                <span class="meta">{m.need.school_name.clone()} " · " {move || i18n.t(Key::NeedRankShort)} " " {m.need.rank}</span>
                                <ScoreReasons score=m.score/>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}/>
        </section>
    }
}
