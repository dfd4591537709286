//! Agreements (MOUs): the list with filters and CSV export, and the "expiring soon" panel.
//! Staff see every agreement; coordinators their schools'; partners their own.

use domain::Permission;
use domain::agreement::{
    AgreementKind, AgreementQuery, AgreementStatus, AgreementSummary, AttentionItem,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api::{error_text, use_auth};
use crate::components::status::{Empty, ErrorBox, Loading};
use crate::i18n::{Key, use_i18n};

/// `/agreements`.
#[component]
pub fn Agreements() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let status = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let school = RwSignal::new(String::new());
    let expiring = RwSignal::new(String::new());
    let mine_only = RwSignal::new(false);
    let school_choices = RwSignal::new(Vec::<domain::school::SchoolChoice>::new());
    let items = RwSignal::new(None::<Result<Vec<AgreementSummary>, String>>);
    let next = RwSignal::new(None::<String>);
    let attention = RwSignal::new(Vec::<AttentionItem>::new());
    let generation = StoredValue::new(0u32);
    let expiring_error = RwSignal::new(false);

    let query = move |more: bool| AgreementQuery {
        status: AgreementStatus::parse(&status.get_untracked()),
        kind: AgreementKind::parse(&kind.get_untracked()),
        school_id: school.get_untracked().parse().ok(),
        owner_id: if mine_only.get_untracked() {
            auth.me.with_untracked(|m| m.as_ref().map(|m| m.id))
        } else {
            None
        },
        expiring_within_days: expiring.get_untracked().trim().parse().ok(),
        limit: Some(25),
        cursor: if more { next.get_untracked() } else { None },
        ..Default::default()
    };
    let load = move |more: bool| {
        let text = expiring.get_untracked();
        let bad_days =
            !text.trim().is_empty() && text.trim().parse::<u32>().map_or(true, |d| d > 3650);
        expiring_error.set(bad_days);
        if bad_days {
            return;
        }
        let q = query(more);
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        if !more {
            items.set(None);
        }
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let q = q.clone();
                    async move { c.list_agreements(&q).await }
                })
                .await;
            if generation.try_get_value() != Some(mine) {
                return;
            }
            match res {
                Ok(page) => {
                    next.set(page.next_cursor);
                    if more {
                        items.update(|i| {
                            if let Some(Ok(v)) = i {
                                v.extend(page.items)
                            }
                        });
                    } else {
                        items.set(Some(Ok(page.items)));
                    }
                }
                Err(e) => items.set(Some(Err(error_text(&i18n, &e)))),
            }
        });
    };
    Effect::new(move |_| {
        status.track();
        kind.track();
        school.track();
        expiring.track();
        mine_only.track();
        load(false);
    });
    spawn_local(async move {
        if let Ok(list) = auth.anonymous().public_schools().await {
            school_choices.set(list);
        }
    });
    spawn_local(async move {
        if let Ok(list) = auth
            .call(|c| async move { c.agreements_needing_attention().await })
            .await
        {
            attention.set(list);
        }
    });
    let export_error = RwSignal::new(None::<String>);
    let export = move |_| {
        let mut q = query(false);
        q.limit = None;
        export_error.set(None);
        spawn_local(async move {
            match auth
                .call(|c| {
                    let q = q.clone();
                    async move { c.export_agreements(&q).await }
                })
                .await
            {
                Ok(csv) => crate::pages::organizations::download("agreements.csv", &csv),
                Err(e) => export_error.set(Some(error_text(&i18n, &e))),
            }
        });
    };

    view! {
        <section class="page">
            <div class="page-head">
                <h1>{move || i18n.t(Key::AgreementsTitle)}</h1>
                <div class="actions">
                    <Show when=move || auth.can(Permission::ManageAgreements)>
                        <A href="/agreements/new" attr:class="button primary">{move || i18n.t(Key::NewAgreement)}</A>
                    </Show>
                    <Show when=move || auth.can(Permission::ReadMetrics)>
                        <A href="/agreements/dashboard" attr:class="button">{move || i18n.t(Key::MouDashboard)}</A>
                    </Show>
                    <button type="button" on:click=export>{move || i18n.t(Key::ExportCsv)}</button>
                </div>
            </div>
            <Show when=move || export_error.get().is_some()>
                <div class="state error" role="alert">{move || export_error.get()}</div>
            </Show>
            <Show when=move || !attention.get().is_empty()>
                <div class="panel attention">
                    <h2>{move || i18n.t(Key::ExpiringSoon)}</h2>
                    <ul class="plain">
                        {move || attention.get().into_iter().map(|a| view! {
                            <li>
                                <A href=format!("/agreements/{}", a.agreement.id)>{a.agreement.title.clone()}</A>
                                " · " {a.agreement.organization_name.clone()} " · "
                                <strong>{move || format!("{} {}", a.days_left, i18n.t(Key::DaysLeft))}</strong>
                                {a.reminder_days.map(|d| view! { " " <span class="badge">{move || format!("{} {d}", i18n.t(Key::ReminderSent))}</span> })}
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            </Show>
            <div class="filters four">
                <div class="field">
                    <label for="filter-agr-status">{move || i18n.t(Key::Status)}</label>
                    <select id="filter-agr-status" on:change=move |ev| status.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t(Key::Any)}</option>
                        {AgreementStatus::ALL.iter().map(|s| {
                            let s = *s;
                            view! { <option value=s.as_str()>{move || i18n.agreement_status(s)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-agr-kind">{move || i18n.t(Key::AgreementKindLabel)}</label>
                    <select id="filter-agr-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t(Key::Any)}</option>
                        {AgreementKind::ALL.iter().map(|k| {
                            let k = *k;
                            view! { <option value=k.as_str()>{move || i18n.agreement_kind(k)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-agr-school">{move || i18n.t(Key::SchoolServed)}</label>
                    <select id="filter-agr-school" on:change=move |ev| school.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t(Key::Any)}</option>
                        {move || school_choices.get().into_iter().map(|s| view! {
                            <option value=s.id.to_string()>{format!("{} ({})", s.name, s.code)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field" class:invalid=move || expiring_error.get()>
                    <label for="filter-agr-expiring">{move || i18n.t(Key::ExpiringWithin)}</label>
                    <input id="filter-agr-expiring" type="number" min="0" max="3650" inputmode="numeric"
                        aria-describedby="filter-agr-expiring-error"
                        prop:value=move || expiring.get() on:change=move |ev| expiring.set(event_target_value(&ev))/>
                    <p class="field-error" id="filter-agr-expiring-error" aria-live="polite">
                        {move || expiring_error.get().then(|| i18n.t(Key::DaysRange))}
                    </p>
                </div>
                <Show when=move || auth.can(Permission::ManageAgreements)>
                    <div class="field check">
                        <input id="filter-agr-mine" type="checkbox" prop:checked=move || mine_only.get() on:change=move |ev| mine_only.set(event_target_checked(&ev))/>
                        <label for="filter-agr-mine">{move || i18n.t(Key::MineOnly)}</label>
                    </div>
                </Show>
            </div>
            {move || match items.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone()) retry=Callback::new(move |_| load(false))/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <Empty text=Signal::derive(move || i18n.t(Key::NoAgreements).to_string())/> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="cards">
                        {list.into_iter().map(|a| {
                            let (st, k) = (a.status, a.kind);
                            view! {
                                <li class="card">
                                    <A href=format!("/agreements/{}", a.id)><span class="card-title">{a.title.clone()}</span></A>
                                    <span>{a.organization_name.clone()}</span>
                                    <span class="meta">
                                        <span class="badge">{move || i18n.agreement_status(st)}</span>
                                        " " {move || i18n.agreement_kind(k)}
                                        {a.expires_on.map(|d| view! { " · " {move || i18n.t(Key::ExpiresOn)} " " <time datetime=d.to_string()>{d.to_string()}</time> })}
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <Show when=move || next.get().is_some()>
                        <button type="button" class="more" on:click=move |_| load(true)>{move || i18n.t(Key::LoadMore)}</button>
                    </Show>
                }.into_any(),
            }}
        </section>
    }
}
