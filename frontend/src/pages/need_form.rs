//! Record a need (`/needs/new`) and change one (`/needs/:id`): its terms, and its status with a
//! reason. Field errors come from the API's 422 answer; a concurrent edit (412) is explained.

use domain::intake::SupportArea;
use domain::needs::{
    AskUnit, HelpKind, Need, NeedAction, NeedInput, NeedTransition, Priority, next_need_status,
    school_year_label,
};
use domain::school::SchoolChoice;
use domain::{NeedId, Permission};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use std::collections::HashMap;

use crate::api::use_auth;
use crate::components::field::{CheckField, SelectField, TextField, options};
use crate::components::form::{FormState, ProblemBanner, StatusSteps};
use crate::components::load::{LoadedView, load, load_record};
use crate::components::status::Empty;
use crate::i18n::{Key, Lang, use_i18n};
use crate::pages::matches::{NeedProposals, ProposeButton};
use crate::pages::needs::this_school_year;
use crate::pages::offers::ScoreReasons;
use domain::offers::{MatchQuery, OfferMatch};

/// What the form needs besides the need: the plan's priorities and the caller's schools.
#[derive(Clone)]
struct Choices {
    priorities: Vec<Priority>,
    schools: Vec<SchoolChoice>,
}

fn choices() -> crate::components::load::Loaded<Choices> {
    let auth = use_auth();
    load(
        || (),
        move |c, ()| async move {
            let mine = auth
                .me
                .with_untracked(|m| m.as_ref().map(|m| m.school_ids.clone()));
            let schools = c.public_schools().await?;
            let schools = match mine.filter(|ids| !ids.is_empty()) {
                Some(ids) => schools
                    .into_iter()
                    .filter(|s| ids.contains(&s.id))
                    .collect(),
                None => schools,
            };
            Ok(Choices {
                priorities: c.priorities().await?,
                schools,
            })
        },
    )
}

/// `/needs/new?school=…&year=…`.
#[component]
pub fn NewNeed() -> impl IntoView {
    let i18n = use_i18n();
    let choices = choices();
    view! {
        <section class="page narrow">
            <h1>{move || i18n.t(Key::NeedsNew)}</h1>
            <LoadedView resource=choices render={|c: Choices| view! { <NeedForm existing=None choices=c/> }}/>
        </section>
    }
}

/// `/needs/:id`.
#[component]
pub fn EditNeed() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .with(|p| p.get("id"))
            .and_then(|s| s.parse::<NeedId>().ok())
    };
    let choices = choices();
    let need = load_record(id, |c, id| async move { c.get_need(id).await });
    view! {
        <section class="page narrow">
            <h1>{move || i18n.t(Key::NeedEdit)}</h1>
            <LoadedView resource=need render={move |n: Need| {
                let shown = n.clone();
                let proposals = RwSignal::new(0u32);
                view! {
                    <LoadedView resource=choices render={move |c: Choices| view! { <NeedForm existing=Some(shown.clone()) choices=c/> }}/>
                    <Show when=move || auth.can(Permission::ManageNeeds)>
                        <NeedMatches id=n.id on_proposed=Callback::new(move |_| proposals.update(|n| *n += 1))/>
                    </Show>
                    <Show when=move || auth.can(Permission::ReadMatches)>
                        <NeedProposals need=n.id reload=proposals/>
                    </Show>
                    <StatusActions need=n.clone() on_done=Callback::new(move |_| need.refetch())/>
                }
            }}/>
        </section>
    }
}

#[component]
fn NeedForm(existing: Option<Need>, choices: Choices) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let query = use_query_map();
    let e = existing.clone();
    let pick = |key: &str| {
        query
            .with_untracked(|q| q.get(key))
            .filter(|v| !v.is_empty())
    };
    let school = RwSignal::new(
        e.as_ref()
            .map(|n| n.school_id.to_string())
            .or_else(|| pick("school"))
            .or_else(|| choices.schools.first().map(|s| s.id.to_string()))
            .unwrap_or_default(),
    );
    let year = RwSignal::new(
        e.as_ref()
            .map(|n| n.school_year.to_string())
            .or_else(|| pick("year"))
            .unwrap_or_else(|| this_school_year().to_string()),
    );
    let area = RwSignal::new(
        e.as_ref()
            .map_or("academics", |n| n.support_area.as_str())
            .to_string(),
    );
    let active: Vec<Priority> = choices
        .priorities
        .iter()
        .filter(|p| p.active || e.as_ref().is_some_and(|n| n.priority_id == p.id))
        .cloned()
        .collect();
    let priority = RwSignal::new(
        e.as_ref()
            .map(|n| n.priority_id.to_string())
            .or_else(|| active.first().map(|p| p.id.to_string()))
            .unwrap_or_default(),
    );
    let help = RwSignal::new(
        e.as_ref()
            .map_or("time", |n| n.help_kind.as_str())
            .to_string(),
    );
    let description = RwSignal::new(
        e.as_ref()
            .map(|n| n.description.clone())
            .unwrap_or_default(),
    );
    let unit = RwSignal::new(
        e.as_ref()
            .map_or("volunteer_slots", |n| n.ask_unit.as_str())
            .to_string(),
    );
    let quantity = RwSignal::new(
        e.as_ref()
            .map(|n| n.ask_quantity.to_string())
            .unwrap_or_default(),
    );
    let timeframe = RwSignal::new(e.as_ref().map(|n| n.timeframe.clone()).unwrap_or_default());
    let rank = RwSignal::new(e.as_ref().map(|n| n.rank.to_string()).unwrap_or_default());
    let visible = RwSignal::new(e.as_ref().is_none_or(|n| n.visible_to_partners));
    let notes = RwSignal::new(
        e.as_ref()
            .and_then(|n| n.internal_notes.clone())
            .unwrap_or_default(),
    );
    let form = FormState::new();
    let errors = form.errors;
    let saved = RwSignal::new(false);
    let target = existing.as_ref().map(|n| (n.id, n.version));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !form.start() {
            return;
        }
        saved.set(false);
        let mut bad = HashMap::new();
        let school_id = school.get_untracked().parse().ok();
        let priority_id = priority.get_untracked().parse().ok();
        let number = |s: RwSignal<String>, field: &str, bad: &mut HashMap<String, String>| {
            s.get_untracked()
                .trim()
                .parse::<u32>()
                .map_err(|_| {
                    bad.insert(field.to_string(), i18n.t(Key::FixErrors).to_string());
                })
                .unwrap_or(0)
        };
        let ask_quantity = number(quantity, "ask_quantity", &mut bad);
        let rank_n = number(rank, "rank", &mut bad);
        let (Some(school_id), Some(priority_id)) = (school_id, priority_id) else {
            bad.insert("school_id".into(), i18n.t(Key::ChooseSchool).to_string());
            form.invalid(&i18n, bad);
            return;
        };
        let input = NeedInput {
            school_id,
            school_year: year
                .get_untracked()
                .parse()
                .unwrap_or_else(|_| this_school_year()),
            support_area: SupportArea::parse(&area.get_untracked())
                .unwrap_or(SupportArea::Academics),
            priority_id,
            help_kind: HelpKind::parse(&help.get_untracked()).unwrap_or(HelpKind::Time),
            description: description.get_untracked(),
            ask_unit: AskUnit::parse(&unit.get_untracked()).unwrap_or(AskUnit::VolunteerSlots),
            ask_quantity,
            timeframe: timeframe.get_untracked(),
            rank: rank_n,
            visible_to_partners: visible.get_untracked(),
            internal_notes: notes.get_untracked(),
        };
        errors.set(bad);
        let navigate = navigate.clone();
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let input = input.clone();
                    async move {
                        match target {
                            Some((id, version)) => c.update_need(id, version, &input).await,
                            None => c.create_need(&input).await,
                        }
                    }
                })
                .await;
            match res {
                Ok(n) if target.is_none() => {
                    form.done();
                    navigate(
                        &format!("/needs?school={}&year={}", n.school_id, n.school_year),
                        Default::default(),
                    )
                }
                Ok(_) => {
                    form.done();
                    saved.set(true)
                }
                Err(e) => form.fail(&i18n, &e),
            }
        });
    };
    let schools = choices
        .schools
        .iter()
        .map(|s| (s.id.to_string(), format!("{} ({})", s.name, s.code)))
        .collect::<Vec<_>>();
    let years = move || {
        let now = this_school_year();
        (now - 1..=now + 1)
            .map(|y| (y.to_string(), school_year_label(y)))
            .collect::<Vec<_>>()
    };
    let priorities = move || {
        active
            .iter()
            .map(|p| {
                (
                    p.id.to_string(),
                    p.name_in(if i18n.lang.get() == Lang::Es {
                        "es"
                    } else {
                        "en"
                    })
                    .to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    let is_new = existing.is_none();
    view! {
        <form class="form" on:submit=submit novalidate>
            <ProblemBanner form=form/>
            <Show when=move || saved.get()>
                <p class="state ok" role="status">{move || i18n.t(Key::NeedSaved)}</p>
            </Show>
            <Show when=move || is_new>
                <SelectField name="school_id" label=Signal::derive(move || i18n.t(Key::SchoolLabel)) value=school errors=errors options=Signal::derive({ let s = schools.clone(); move || s.clone() })/>
                <SelectField name="school_year" label=Signal::derive(move || i18n.t(Key::NeedSchoolYear)) value=year errors=errors options=Signal::derive(years)/>
            </Show>
            <TextField name="description" label=Signal::derive(move || i18n.t(Key::NeedDescription)) value=description errors=errors required=true/>
            <TextField name="rank" kind="number" label=Signal::derive(move || i18n.t(Key::NeedRank)) value=rank errors=errors required=true/>
            <SelectField name="support_area" label=Signal::derive(move || i18n.t(Key::NeedSupportArea)) value=area errors=errors
                options=Signal::derive(move || options(SupportArea::ALL, |a| i18n.support_area(a), SupportArea::as_str))/>
            <SelectField name="priority_id" label=Signal::derive(move || i18n.t(Key::NeedPriority)) value=priority errors=errors options=Signal::derive(priorities)/>
            <SelectField name="help_kind" label=Signal::derive(move || i18n.t(Key::NeedHelpKind)) value=help errors=errors
                options=Signal::derive(move || options(HelpKind::ALL, |k| i18n.help_kind(k), HelpKind::as_str))/>
            <SelectField name="ask_unit" label=Signal::derive(move || i18n.t(Key::NeedAskUnit)) value=unit errors=errors
                options=Signal::derive(move || options(AskUnit::ALL, |u| i18n.ask_unit(u), AskUnit::as_str))/>
            <TextField name="ask_quantity" kind="number" label=Signal::derive(move || i18n.t(Key::NeedAskQuantity)) value=quantity errors=errors required=true/>
            <TextField name="timeframe" label=Signal::derive(move || i18n.t(Key::NeedTimeframe)) value=timeframe errors=errors/>
            <CheckField name="visible_to_partners" label=Signal::derive(move || i18n.t(Key::NeedVisible)) value=visible/>
            <TextField name="internal_notes" label=Signal::derive(move || i18n.t(Key::NeedNotes)) value=notes errors=errors/>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || form.busy.get()>
                    {move || if form.busy.get() { i18n.t(Key::Saving) } else { i18n.t(Key::Save) }}
                </button>
                <A href="/needs" attr:class="button">{move || i18n.t(Key::NeedBack)}</A>
            </div>
        </form>
    }
}

/// The offers that could meet this need, best first, with the reasons for their scores.
#[component]
fn NeedMatches(id: NeedId, on_proposed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let matches = load(
        || (),
        move |c, ()| async move { c.need_matches(id, &MatchQuery::default()).await },
    );
    view! {
        <section class="panel" aria-labelledby="need-matches">
            <h2 id="need-matches">{move || i18n.t(Key::NeedMatchesTitle)}</h2>
            <LoadedView resource=matches render={move |list: Vec<OfferMatch>| if list.is_empty() {
                view! { <Empty text=Signal::derive(move || i18n.t(Key::NeedMatchesNone).to_string())/> }.into_any()
            } else {
                view! {
                    <ol class="cards" id="need-matches-list">
                        {list.into_iter().map(|m| view! {
                            <li class="card">
                                <A href=format!("/offers/{}", m.offer.id)><span class="card-title">{m.offer.description.clone()}</span></A>
                                <span class="meta">{m.offer.organization_name.clone()} " · " {m.offer.capacity} " " {move || i18n.ask_unit(m.offer.capacity_unit)}</span>
                                <ScoreReasons score=m.score/>
                                <ProposeButton need=id offer=m.offer.id on_done=on_proposed/>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}/>
        </section>
    }
}

/// The status steps the need allows, each with the optional reason.
#[component]
fn StatusActions(need: Need, on_done: Callback<()>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let steps: Vec<NeedAction> = NeedAction::ALL
        .iter()
        .copied()
        .filter(|a| next_need_status(need.status, *a).is_ok())
        .collect();
    let (id, version, status) = (need.id, need.version, need.status);
    view! {
        <Show when=move || auth.can(Permission::ManageNeeds)>
            <StatusSteps heading_id="need-status" status=Signal::derive(move || i18n.need_status(status))
                steps=steps.clone() step_label=move |a| i18n.need_action(a) on_done=on_done
                send=move |c: client::Client, action: NeedAction, reason: String| async move {
                    c.transition_need(id, version, &NeedTransition { action, reason }).await
                }/>
        </Show>
    }
}
