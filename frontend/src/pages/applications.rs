//! The office's pipeline: a board of counts per stage with ageing, and the list below it.
//! Coordinators see applications for their schools; partners see their organization's.

use chrono::Utc;
use domain::application::{ApplicationQuery, ApplicationSummary, Stage};
use domain::intake::{ApplicationStatus, SupportArea};
use domain::{Permission, Role};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api::{error_text, use_auth};
use crate::components::status::{Empty, ErrorBox, Loading};
use crate::i18n::{Key, use_i18n};

/// `/applications`.
#[component]
pub fn Applications() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let stages = RwSignal::new(Vec::<Stage>::new());
    let status = RwSignal::new(None::<ApplicationStatus>);
    let area = RwSignal::new(String::new());
    let school = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let min_days = RwSignal::new(String::new());
    let staff = RwSignal::new(Vec::<domain::user::StaffMember>::new());
    let school_choices = RwSignal::new(Vec::<domain::school::SchoolChoice>::new());
    let items = RwSignal::new(None::<Result<Vec<ApplicationSummary>, String>>);
    let next = RwSignal::new(None::<String>);
    let generation = StoredValue::new(0u32);

    let load = move |more: bool| {
        let q = ApplicationQuery {
            status: status.get_untracked(),
            support_area: SupportArea::parse(&area.get_untracked()),
            school_id: school.get_untracked().parse().ok(),
            owner_id: owner.get_untracked().parse().ok(),
            min_days_in_status: min_days.get_untracked().parse().ok(),
            limit: Some(25),
            cursor: if more { next.get_untracked() } else { None },
            ..Default::default()
        };
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        if !more {
            items.set(None);
        }
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let q = q.clone();
                    async move { c.list_applications(&q).await }
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
        area.track();
        school.track();
        owner.track();
        min_days.track();
        load(false);
    });
    spawn_local(async move {
        if let Ok(list) = auth.anonymous().public_schools().await {
            school_choices.set(list);
        }
    });
    if auth.can(Permission::ManageApplications) {
        spawn_local(async move {
            if let Ok(list) = auth.call(|c| async move { c.staff().await }).await {
                let _ = staff.try_set(list);
            }
        });
    }
    spawn_local(async move {
        if let Ok(s) = auth.call(|c| async move { c.pipeline().await }).await {
            stages.set(s);
        }
    });
    let export_error = RwSignal::new(None::<String>);
    let export = move |_| {
        let q = ApplicationQuery {
            status: status.get_untracked(),
            support_area: SupportArea::parse(&area.get_untracked()),
            ..Default::default()
        };
        export_error.set(None);
        spawn_local(async move {
            match auth
                .call(|c| {
                    let q = q.clone();
                    async move { c.export_applications(&q).await }
                })
                .await
            {
                Ok(csv) => crate::pages::organizations::download("applications.csv", &csv),
                Err(e) => export_error.set(Some(error_text(&i18n, &e))),
            }
        });
    };
    let days = |since: chrono::DateTime<Utc>| (Utc::now() - since).num_days().max(0);

    view! {
        <section class="page">
            <div class="page-head">
                <h1>{move || i18n.t(Key::PipelineTitle)}</h1>
                <Show when=move || auth.can(Permission::ManageApplications)>
                    <button type="button" on:click=export>{move || i18n.t(Key::ExportCsv)}</button>
                </Show>
            </div>
            <Show when=move || export_error.get().is_some()>
                <div class="state error" role="alert">{move || export_error.get()}</div>
            </Show>
            <Show when=move || auth.role() != Some(Role::Partner)>
                <nav class="board" aria-label=move || i18n.t(Key::PipelineTitle)>
                    <button type="button" class="stage" aria-pressed=move || status.get().is_none().to_string()
                        on:click=move |_| status.set(None)>{move || i18n.t(Key::AllStages)}</button>
                    {move || stages.get().into_iter().map(|s| {
                        let st = s.status;
                        view! {
                            <button type="button" class="stage" aria-pressed=move || (status.get() == Some(st)).to_string()
                                on:click=move |_| status.set(Some(st))>
                                <span class="stage-name">{move || i18n.app_status(st)}</span>
                                <span class="stage-count">{s.count}</span>
                                {s.oldest_since.map(|d| view! { <span class="muted small">{format!("≤ {} ", days(d))}{move || i18n.t(Key::DaysInStage)}</span> })}
                            </button>
                        }
                    }).collect_view()}
                </nav>
                <div class="filters five">
                    <div class="field">
                        <label for="filter-app-school">{move || i18n.t(Key::SchoolServed)}</label>
                        <select id="filter-app-school" on:change=move |ev| school.set(event_target_value(&ev))>
                            <option value="">{move || i18n.t(Key::Any)}</option>
                            {move || school_choices.get().into_iter().map(|s| view! {
                                <option value=s.id.to_string()>{format!("{} ({})", s.name, s.code)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <Show when=move || auth.can(Permission::ManageApplications)>
                        <div class="field">
                            <label for="filter-app-owner">{move || i18n.t(Key::Owner)}</label>
                            <select id="filter-app-owner" on:change=move |ev| owner.set(event_target_value(&ev))>
                                <option value="">{move || i18n.t(Key::Any)}</option>
                                {move || staff.get().into_iter().map(|m| view! {
                                    <option value=m.id.to_string()>{m.display_name}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    </Show>
                    <div class="field">
                        <label for="filter-app-age">{move || i18n.t(Key::InStageAtLeast)}</label>
                        <select id="filter-app-age" on:change=move |ev| min_days.set(event_target_value(&ev))>
                            <option value="">{move || i18n.t(Key::Any)}</option>
                            {[7u32, 14, 30, 60].into_iter().map(|d| view! {
                                <option value=d.to_string()>{move || format!("{d} {}", i18n.t(Key::DaysWord))}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="filter-app-area">{move || i18n.t(Key::SupportAreaFilter)}</label>
                        <select id="filter-app-area" on:change=move |ev| area.set(event_target_value(&ev))>
                            <option value="">{move || i18n.t(Key::Any)}</option>
                            {SupportArea::ALL.iter().map(|a| {
                                let a = *a;
                                view! { <option value=a.as_str()>{move || i18n.support_area(a)}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                </div>
            </Show>
            {move || match items.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone()) retry=Callback::new(move |_| load(false))/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <Empty text=Signal::derive(move || i18n.t(Key::NoApplications).to_string())/> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="cards">
                        {list.into_iter().map(|a| {
                            let st = a.status;
                            view! {
                                <li class="card">
                                    <A href=format!("/applications/{}", a.id)><span class="card-title">{a.organization_name.clone()}</span></A>
                                    <span>{a.program_title.clone()}</span>
                                    <span class="meta">
                                        <span class="badge">{move || i18n.app_status(st)}</span>
                                        " " {format!("{} ", days(a.status_changed_at))}{move || i18n.t(Key::DaysInStage)}
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
