//! The MOU dashboard: partners with an active agreement per quarter against the district's
//! goal, as an SVG chart that reads on a phone and as a table (for screen readers and for
//! drilling down to the agreements behind each number). Admins edit the goal here.

use chrono::NaiveDate;
use domain::AgreementId;
use domain::Permission;
use domain::agreement::{AgreementMetrics, Goal, GoalInput, MetricsQuery};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api::{error_text, field_errors, use_auth};
use crate::components::field::{FieldErrors, TextField};
use crate::components::status::{ErrorBox, Loading};
use crate::i18n::{I18n, Key, use_i18n};

/// `/agreements/dashboard`.
#[component]
pub fn AgreementDashboard() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let data = RwSignal::new(None::<Result<AgreementMetrics, String>>);
    let drill = RwSignal::new(None::<(String, Key, Vec<AgreementId>)>);
    let load = move || {
        let q = MetricsQuery {
            from: NaiveDate::parse_from_str(&from.get_untracked(), "%Y-%m-%d").ok(),
            to: NaiveDate::parse_from_str(&to.get_untracked(), "%Y-%m-%d").ok(),
            group_by: Some(domain::agreement::AgreementGrouping::Quarter),
        };
        data.set(None);
        drill.set(None);
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let q = q.clone();
                    async move { c.agreement_metrics(&q).await }
                })
                .await;
            let _ = data.try_set(Some(res.map_err(|e| error_text(&i18n, &e))));
        });
    };
    Effect::new(move |_| {
        from.track();
        to.track();
        load();
    });

    view! {
        <section class="page">
            <p><A href="/agreements">{move || format!("← {}", i18n.t(Key::AgreementsTitle))}</A></p>
            <h1>{move || i18n.t(Key::MouDashboard)}</h1>
            <p class="muted">{move || i18n.t(Key::ActiveMouDefinition)}</p>
            {move || {
                let kinds = data.with(|d| {
                    d.as_ref()
                        .and_then(|r| r.as_ref().ok())
                        .and_then(|m| m.goal.as_ref())
                        .map(|g| g.counted_kinds.clone())
                })?;
                let names = if kinds.is_empty() {
                    i18n.t(Key::EveryKind).to_string()
                } else {
                    kinds.iter().map(|k| i18n.agreement_kind(*k)).collect::<Vec<_>>().join(", ")
                };
                Some(view! { <p class="muted"><strong>{i18n.t(Key::CountedKinds)}": "</strong>{names}</p> })
            }}
            <div class="filters">
                <div class="field">
                    <label for="dash-from">{move || i18n.t(Key::FromDate)}</label>
                    <input id="dash-from" type="date" prop:value=move || from.get() on:change=move |ev| from.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="dash-to">{move || i18n.t(Key::ToDate)}</label>
                    <input id="dash-to" type="date" prop:value=move || to.get() on:change=move |ev| to.set(event_target_value(&ev))/>
                </div>
            </div>
            {move || match data.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone()) retry=Callback::new(move |_| load())/> }.into_any(),
                Some(Ok(m)) => {
                    let refs = StoredValue::new(m.agreements.clone());
                    let goal = m.goal.clone();
                    let goal_for_editor = m.goal.clone();
                    let latest = m.quarters.last().map(|q| q.active_partners);
                    view! {
                        {goal.map(|g| view! {
                            <p class="goal-line">
                                <strong>{move || i18n.t(Key::Goal)}": "</strong>
                                {move || format!("{} {} → {} {} · {} {}", i18n.t(Key::Baseline), g.baseline, i18n.t(Key::Target), g.target, i18n.t(Key::Deadline), g.deadline)}
                                {latest.map(|n| view! { " · " <strong>{move || format!("{} {n}", i18n.t(Key::Now))}</strong> })}
                            </p>
                        })}
                        {chart(i18n, &m)}
                        <div class="table-scroll">
                        <table class="data" id="mou-table">
                            <caption>{move || i18n.t(Key::MouTableCaption)}</caption>
                            <thead><tr>
                                <th scope="col">{move || i18n.t(Key::Quarter)}</th>
                                <th scope="col">{move || i18n.t(Key::ActivePartners)}</th>
                                <th scope="col">{move || i18n.t(Key::NewAgreements)}</th>
                                <th scope="col">{move || i18n.t(Key::Renewed)}</th>
                                <th scope="col">{move || i18n.t(Key::Expired)}</th>
                                <th scope="col">{move || i18n.t(Key::Terminated)}</th>
                            </tr></thead>
                            <tbody>
                                {m.quarters.iter().map(|q| {
                                    let label = q.quarter.clone();
                                    let cell = move |key: Key, n: usize, ids: Vec<AgreementId>| {
                                        let label = label.clone();
                                        let aria = label.clone();
                                        view! {
                                            <td>
                                                <button type="button" class="link" disabled=n == 0
                                                    aria-label=move || format!("{} {} {}: {n}", i18n.t(key), i18n.t(Key::In), aria)
                                                    on:click=move |_| drill.set(Some((label.clone(), key, ids.clone())))>{n}</button>
                                            </td>
                                        }
                                    };
                                    view! {
                                        <tr>
                                            <th scope="row">{q.quarter.clone()}</th>
                                            {cell(Key::ActivePartners, q.active_partners as usize, q.active.clone())}
                                            {cell(Key::NewAgreements, q.new.len(), q.new.clone())}
                                            {cell(Key::Renewed, q.renewed.len(), q.renewed.clone())}
                                            {cell(Key::Expired, q.expired.len(), q.expired.clone())}
                                            {cell(Key::Terminated, q.terminated.len(), q.terminated.clone())}
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                        {move || drill.get().map(|(quarter, key, ids)| view! {
                            <div class="panel" role="region" aria-live="polite" aria-label=move || i18n.t(Key::BehindTheNumber)>
                                <h2>{move || format!("{} · {}", i18n.t(key), quarter)}</h2>
                                <ul class="plain">
                                    {ids.iter().filter_map(|id| refs.with_value(|r| r.iter().find(|a| a.id == *id).cloned())).map(|a| {
                                        let st = a.status;
                                        view! {
                                            <li><A href=format!("/agreements/{}", a.id)>{a.title.clone()}</A>
                                                " · " {a.organization_name.clone()} " · " <span class="badge">{move || i18n.agreement_status(st)}</span></li>
                                        }
                                    }).collect_view()}
                                </ul>
                            </div>
                        })}
                        <Show when=move || auth.can(Permission::ManageGoals)>
                            {goal_for_editor.clone().map(|g| view! { <GoalEditor goal=g on_saved=Callback::new(move |_| load())/> })}
                        </Show>
                    }.into_any()
                }
            }}
        </section>
    }
}

/// Bars of active partners per quarter, the goal's target as a line and its baseline dashed.
fn chart(i18n: I18n, m: &AgreementMetrics) -> impl IntoView {
    let (w, h, left, bottom, top) = (320.0_f64, 210.0_f64, 34.0_f64, 26.0_f64, 12.0_f64);
    let goal = m.goal.clone();
    let max = m
        .quarters
        .iter()
        .map(|q| f64::from(q.active_partners))
        .chain(
            goal.iter()
                .flat_map(|g| [g.target as f64, g.baseline as f64]),
        )
        .fold(1.0_f64, f64::max)
        * 1.1;
    let y = move |v: f64| top + (h - bottom - top) * (1.0 - v / max);
    let n = m.quarters.len().max(1) as f64;
    let slot = (w - left - 4.0) / n;
    let summary = m
        .quarters
        .iter()
        .map(|q| format!("{}: {}", q.quarter, q.active_partners))
        .collect::<Vec<_>>()
        .join("; ");
    let bars = m
        .quarters
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let v = f64::from(q.active_partners);
            let x = left + slot * i as f64 + slot * 0.15;
            let bw = slot * 0.7;
            // "Q2" under each bar; the year under the first bar and each Q1.
            let (year, quarter) = q.quarter.split_once('-').unwrap_or(("", q.quarter.as_str()));
            let show_year = i == 0 || quarter == "Q1";
            let cx = x + bw / 2.0;
            view! {
                <g>
                    <rect class="bar" x=format!("{x:.1}") y=format!("{:.1}", y(v)) width=format!("{bw:.1}") height=format!("{:.1}", (h - bottom - y(v)).max(0.0))/>
                    <text class="value" x=format!("{cx:.1}") y=format!("{:.1}", y(v) - 2.0) text-anchor="middle">{q.active_partners}</text>
                    <text class="axis" x=format!("{cx:.1}") y=format!("{:.1}", h - bottom + 10.0) text-anchor="middle">{quarter.to_string()}</text>
                    {show_year.then(|| view! { <text class="axis" x=format!("{cx:.1}") y=format!("{:.1}", h - bottom + 20.0) text-anchor="middle">{year.to_string()}</text> })}
                </g>
            }
        })
        .collect_view();
    let lines = goal.map(|g: Goal| {
        let (ty, by) = (y(g.target as f64), y(g.baseline as f64));
        view! {
            <line class="goal" x1=format!("{left}") x2=format!("{w}") y1=format!("{ty:.1}") y2=format!("{ty:.1}")/>
            <text class="axis" x="2" y=format!("{:.1}", ty + 3.0)>{g.target}</text>
            <line class="baseline" x1=format!("{left}") x2=format!("{w}") y1=format!("{by:.1}") y2=format!("{by:.1}")/>
            <text class="axis" x="2" y=format!("{:.1}", by + 3.0)>{g.baseline}</text>
        }
    });
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {w} {h}") role="img" aria-describedby="mou-table"
                aria-label=move || format!("{}. {summary}", i18n.t(Key::MouChartLabel))>
                <line class="axis-line" x1=format!("{left}") x2=format!("{left}") y1=format!("{top}") y2=format!("{}", h - bottom)/>
                <line class="axis-line" x1=format!("{left}") x2=format!("{w}") y1=format!("{}", h - bottom) y2=format!("{}", h - bottom)/>
                {bars}
                {lines}
            </svg>
            <figcaption class="legend">
                <span class="key bar-key"></span>{move || i18n.t(Key::ActivePartners)}
                <span class="key goal-key"></span>{move || i18n.t(Key::Target)}
                <span class="key baseline-key"></span>{move || i18n.t(Key::Baseline)}
            </figcaption>
        </figure>
    }
}

#[component]
fn GoalEditor(goal: Goal, on_saved: Callback<()>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let baseline = RwSignal::new(goal.baseline.to_string());
    let target = RwSignal::new(goal.target.to_string());
    let deadline = RwSignal::new(goal.deadline.to_string());
    let errors: FieldErrors = RwSignal::new(Default::default());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let (key, version) = (goal.key.clone(), goal.version);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut local = std::collections::HashMap::new();
        let b = baseline.get_untracked().trim().parse::<i64>();
        let t = target.get_untracked().trim().parse::<i64>();
        let d = NaiveDate::parse_from_str(deadline.get_untracked().trim(), "%Y-%m-%d");
        if b.is_err() {
            local.insert("baseline".to_string(), i18n.t(Key::WholeNumber).to_string());
        }
        if t.is_err() {
            local.insert("target".to_string(), i18n.t(Key::WholeNumber).to_string());
        }
        if d.is_err() {
            local.insert("deadline".to_string(), i18n.t(Key::ChooseDate).to_string());
        }
        let (Ok(baseline), Ok(target), Ok(deadline)) = (b, t, d) else {
            errors.set(local);
            return;
        };
        let input = GoalInput {
            baseline,
            target,
            deadline,
            counted_kinds: None,
        };
        let key = key.clone();
        busy.set(true);
        error.set(None);
        errors.set(Default::default());
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let (key, input) = (key.clone(), input.clone());
                    async move { c.set_goal(&key, version, &input).await }
                })
                .await;
            let _ = busy.try_set(false);
            match res {
                Ok(_) => on_saved.run(()),
                Err(e) => {
                    let _ = errors.try_set(field_errors(&i18n, &e));
                    let _ = error.try_set(Some(error_text(&i18n, &e)));
                }
            }
        });
    };
    view! {
        <form class="form panel" novalidate on:submit=submit>
            <h2>{move || i18n.t(Key::EditGoal)}</h2>
            <Show when=move || error.get().is_some()>
                <div class="state error" role="alert">{move || error.get()}</div>
            </Show>
            <div class="grid three">
                <TextField name="baseline" kind="number" label=Signal::derive(move || i18n.t(Key::Baseline)) value=baseline errors=errors/>
                <TextField name="target" kind="number" label=Signal::derive(move || i18n.t(Key::Target)) value=target errors=errors/>
                <TextField name="deadline" kind="date" label=Signal::derive(move || i18n.t(Key::Deadline)) value=deadline errors=errors/>
            </div>
            <button type="submit" class="primary" disabled=move || busy.get()>{move || i18n.t(Key::Save)}</button>
        </form>
    }
}
