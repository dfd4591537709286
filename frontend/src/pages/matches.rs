//! Proposed matches. `/matches`: the proposals a caller sees (a partner those proposed to it,
//! staff every one, a coordinator their schools'); `/matches/:id`: one proposal, who proposed
//! and who answered it, and the steps the caller may take (a partner accepts or declines).
//! On a need's page: [`ProposeButton`] beside each ranked offer, and [`NeedProposals`], the
//! need's proposals and what met it.

use domain::matches::{
    Match, MatchAction, MatchListQuery, MatchProposal, MatchStatus, MatchTransition,
    next_match_status, partner_may,
};
use domain::{MatchId, NeedId, OfferId, Permission, Role};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::use_auth;
use crate::components::form::{FormState, ProblemBanner, StatusSteps};
use crate::components::load::{LoadedView, load, load_record};
use crate::components::status::Empty;
use crate::i18n::{Key, use_i18n};
use crate::time::local_text;

/// `/matches`.
#[component]
pub fn MatchesPage() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let first = if auth.role() == Some(Role::Partner) {
        "proposed"
    } else {
        ""
    };
    let status = RwSignal::new(first.to_string());
    let matches = load(
        move || status.get(),
        |c, status| async move {
            let q = MatchListQuery {
                status: MatchStatus::parse(&status),
                limit: Some(100),
                ..Default::default()
            };
            Ok(c.list_matches(&q).await?.items)
        },
    );
    view! {
        <section class="page">
            <h1>{move || i18n.t(Key::MatchesTitle)}</h1>
            <p class="muted">{move || i18n.t(Key::MatchesIntro)}</p>
            <form class="filters" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="matches-status">{move || i18n.t(Key::Status)}</label>
                    <select id="matches-status" on:change=move |ev| status.set(event_target_value(&ev))>
                        <option value="" selected=move || status.get().is_empty()>{move || i18n.t(Key::Any)}</option>
                        {MatchStatus::ALL.iter().map(|s| {
                            let s = *s;
                            view! { <option value=s.as_str() selected=move || status.get() == s.as_str()>{move || i18n.match_status(s)}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </form>
            <LoadedView resource=matches render={move |list: Vec<Match>| if list.is_empty() {
                view! { <Empty text=Signal::derive(move || i18n.t(Key::MatchesNone).to_string())/> }.into_any()
            } else {
                view! { <MatchCards matches=list list_id="matches-list"/> }.into_any()
            }}/>
        </section>
    }
}

/// Proposals as cards: the need and its school, the offer and its partner, what it covers,
/// where it stands, who proposed and who answered.
#[component]
fn MatchCards(matches: Vec<Match>, list_id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="cards" id=list_id>
            {matches.into_iter().map(|m| {
                let proposed = m.created_at;
                let answered = m.answered_at.zip(m.answered_by_name.clone());
                view! {
                    <li class="card">
                        <A href=format!("/matches/{}", m.id)><span class="card-title">{m.need_description.clone()}</span></A>
                        <span class="meta">
                            {m.school_name.clone()} " · "
                            <span class="badge">{move || i18n.match_status(m.status)}</span>
                        </span>
                        <span class="meta">
                            {m.organization_name.clone()} ": " {m.offer_description.clone()} " · "
                            {m.quantity} " " {move || i18n.ask_unit(m.ask_unit)}
                        </span>
                        <span class="meta">
                            {move || i18n.t(Key::MatchProposedBy)} " " {m.proposed_by_name.clone()} ", "
                            {move || local_text(proposed, i18n.lang.get())}
                        </span>
                        {answered.map(|(at, name)| view! {
                            <span class="meta">
                                {move || i18n.t(Key::MatchAnsweredBy)} " " {name} ", "
                                {move || local_text(at, i18n.lang.get())}
                            </span>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// `/matches/:id`.
#[component]
pub fn MatchPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .with(|p| p.get("id"))
            .and_then(|s| s.parse::<MatchId>().ok())
    };
    let found = load_record(id, |c, id| async move { c.get_match(id).await });
    view! {
        <section class="page narrow">
            <h1>{move || i18n.t(Key::MatchTitle)}</h1>
            <LoadedView resource=found render={move |m: Match| view! {
                <MatchFacts m=m.clone()/>
                {(m.status == MatchStatus::Accepted).then(|| view! { <crate::pages::donations::MatchDonations m=m.id/> })}
                <MatchSteps m=m on_done=Callback::new(move |_| found.refetch())/>
            }}/>
            <p><A href="/matches" attr:class="button">{move || i18n.t(Key::MatchBack)}</A></p>
        </section>
    }
}

#[component]
fn MatchFacts(m: Match) -> impl IntoView {
    let i18n = use_i18n();
    let proposed = m.created_at;
    let answered = m.answered_at.zip(m.answered_by_name.clone());
    view! {
        <dl class="facts" id="match-facts">
            <dt>{move || i18n.t(Key::MatchNeed)}</dt>
            <dd>{m.need_description.clone()} " (" {m.school_name.clone()} ")"</dd>
            <dt>{move || i18n.t(Key::MatchOffer)}</dt>
            <dd>{m.offer_description.clone()} " (" {m.organization_name.clone()} ")"</dd>
            <dt>{move || i18n.t(Key::MatchCovers)}</dt>
            <dd>{m.quantity} " " {move || i18n.ask_unit(m.ask_unit)}</dd>
            <dt>{move || i18n.t(Key::MatchScore)}</dt>
            <dd>{m.score} " " {move || i18n.t(Key::MatchPoints)}</dd>
            <Show when={let note = m.note.clone(); move || !note.is_empty()}>
                <dt>{move || i18n.t(Key::MatchNote)}</dt>
                <dd>{m.note.clone()}</dd>
            </Show>
            <dt>{move || i18n.t(Key::MatchProposedBy)}</dt>
            <dd>{m.proposed_by_name.clone()} ", " {move || local_text(proposed, i18n.lang.get())}</dd>
            {answered.map(|(at, name)| view! {
                <dt>{move || i18n.t(Key::MatchAnsweredBy)}</dt>
                <dd>{name} ", " {move || local_text(at, i18n.lang.get())}
                    {m.status_reason.clone().map(|r| format!(" — {r}"))}</dd>
            })}
        </dl>
    }
}

/// The steps the caller may take now: a partner answers; staff take every step.
#[component]
fn MatchSteps(m: Match, on_done: Callback<()>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let partner = auth.role() == Some(Role::Partner);
    let steps: Vec<MatchAction> = MatchAction::ALL
        .iter()
        .copied()
        .filter(|a| next_match_status(m.status, *a).is_ok())
        .filter(|a| !partner || partner_may(*a))
        .collect();
    let (id, version, status) = (m.id, m.version, m.status);
    view! {
        <Show when=move || auth.can(Permission::AnswerMatches)>
            <StatusSteps heading_id="match-status" status=Signal::derive(move || i18n.match_status(status))
                steps=steps.clone() step_label=move |a| i18n.match_action(a) on_done=on_done
                send=move |c: client::Client, action: MatchAction, reason: String| async move {
                    c.transition_match(id, version, &MatchTransition { action, reason }).await
                }/>
        </Show>
    }
}

/// Proposes an offer for a need (staff), with the offer's default share of the ask.
#[component]
pub fn ProposeButton(need: NeedId, offer: OfferId, on_done: Callback<()>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let form = FormState::new();
    let proposed = RwSignal::new(false);
    let propose = move |_| {
        if !form.start() {
            return;
        }
        spawn_local(async move {
            let p = MatchProposal {
                offer_id: offer,
                quantity: None,
                note: String::new(),
            };
            match auth
                .call(|c| {
                    let p = p.clone();
                    async move { c.propose_match(need, &p).await }
                })
                .await
            {
                Ok(_) => {
                    form.done();
                    proposed.set(true);
                    on_done.run(())
                }
                Err(e) => form.fail(&i18n, &e),
            }
        });
    };
    view! {
        <Show when=move || auth.can(Permission::ProposeMatches)>
            <ProblemBanner form=form/>
            <Show when=move || !proposed.get() fallback=move || view! {
                <p class="state" role="status">{move || i18n.t(Key::MatchProposed)}</p>
            }>
                <button type="button" disabled=move || form.busy.get() on:click=propose>{move || i18n.t(Key::MatchPropose)}</button>
            </Show>
        </Show>
    }
}

/// A need's proposals, newest first: who proposed which offer, who answered, and what met it.
#[component]
pub fn NeedProposals(need: NeedId, reload: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let matches = load(
        move || reload.get(),
        move |c, _| async move {
            let q = MatchListQuery {
                need_id: Some(need),
                limit: Some(100),
                ..Default::default()
            };
            Ok(c.list_matches(&q).await?.items)
        },
    );
    view! {
        <section class="panel" aria-labelledby="need-proposals">
            <h2 id="need-proposals">{move || i18n.t(Key::NeedProposalsTitle)}</h2>
            <LoadedView resource=matches render={move |list: Vec<Match>| if list.is_empty() {
                view! { <Empty text=Signal::derive(move || i18n.t(Key::NeedProposalsNone).to_string())/> }.into_any()
            } else {
                view! { <MatchCards matches=list list_id="need-proposals-list"/> }.into_any()
            }}/>
        </section>
    }
}
