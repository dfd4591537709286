//! One school: its details, archive/restore for the office, and its history.

use domain::audit::{AuditEntity, AuditEvent};
use domain::school::{School, SchoolStatus};
use domain::{Permission, SchoolId};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::{error_text, use_auth};
use crate::components::status::{Empty, ErrorBox, Loading};
use crate::i18n::{Key, use_i18n};

/// The id in the URL, if it is one.
pub fn school_id_param() -> Signal<Option<SchoolId>> {
    let params = use_params_map();
    Signal::derive(move || params.with(|p| p.get("id")).and_then(|s| s.parse().ok()))
}

/// The school detail page.
#[component]
pub fn SchoolDetail() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let id = school_id_param();
    let school = RwSignal::new(None::<Result<School, String>>);
    let action_error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let load = move || {
        let Some(id) = id.get_untracked() else {
            school.set(Some(Err(i18n.t(Key::NotFoundText).to_string())));
            return;
        };
        school.set(None);
        spawn_local(async move {
            let res = auth.call(|c| async move { c.get_school(id).await }).await;
            school.set(Some(res.map_err(|e| error_text(&i18n, &e))));
        });
    };
    Effect::new(move |_| {
        id.track();
        load();
    });

    let change_status = move |archive: bool| {
        let Some(Ok(s)) = school.get_untracked() else {
            return;
        };
        busy.set(true);
        action_error.set(None);
        spawn_local(async move {
            let res = auth
                .call(|c| async move {
                    if archive {
                        c.archive_school(s.id, s.version).await
                    } else {
                        c.restore_school(s.id, s.version).await
                    }
                })
                .await;
            match res {
                Ok(updated) => school.set(Some(Ok(updated))),
                Err(e) => action_error.set(Some(error_text(&i18n, &e))),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="page">
            <p><A href="/schools">{move || format!("← {}", i18n.t(Key::NavSchools))}</A></p>
            {move || match school.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone()) retry=Callback::new(move |_| load())/> }.into_any(),
                Some(Ok(s)) => {
                    let archived = s.status == SchoolStatus::Archived;
                    let sid = s.id;
                    let qr_alt = s.name.clone();
                    view! {
                        <div class="page-head">
                            <h1>{s.name.clone()}</h1>
                            <Show when=move || auth.can(Permission::ManageSchools)>
                                <div class="actions">
                                    <A href=format!("/schools/{sid}/edit") attr:class="button primary">{move || i18n.t(Key::Edit)}</A>
                                    <button type="button" disabled=move || busy.get() on:click=move |_| change_status(!archived)>
                                        {move || if archived { i18n.t(Key::Restore) } else { i18n.t(Key::Archive) }}
                                    </button>
                                </div>
                            </Show>
                        </div>
                        <Show when=move || action_error.get().is_some()>
                            <div class="state error" role="alert">{move || action_error.get()}</div>
                        </Show>
                        <dl class="details">
                            <dt>{move || i18n.t(Key::Code)}</dt><dd>{s.code.clone()}</dd>
                            <dt>{move || i18n.t(Key::Level)}</dt><dd>{move || i18n.level(s.level)}</dd>
                            <dt>{move || i18n.t(Key::Region)}</dt><dd>{s.region.clone()}</dd>
                            <dt>{move || i18n.t(Key::TitleI)}</dt><dd>{move || if s.title_i { i18n.t(Key::Yes) } else { i18n.t(Key::No) }}</dd>
                            <dt>{move || i18n.t(Key::Designation)}</dt><dd>{move || i18n.designation(s.designation)}</dd>
                            <dt>{move || i18n.t(Key::Address)}</dt><dd>{format!("{}, {} {}", s.address, s.city, s.postal_code)}</dd>
                            <dt>{move || i18n.t(Key::Status)}</dt><dd>{move || i18n.school_status(s.status)}</dd>
                        </dl>
                        <Show when=move || auth.can(Permission::ReviewHours)>
                            <div class="panel qr">
                                <h2>{move || i18n.t(Key::CheckInCode)}</h2>
                                <p class="muted">{move || i18n.t(Key::CheckInCodeHelp)}</p>
                                <img src=format!("/api/v1/public/schools/{sid}/check-in-code.svg") width="240" height="240"
                                    alt={ let n = qr_alt.clone(); move || format!("{} {n}", i18n.t(Key::CheckInCode)) }/>
                                <p><A href=format!("/volunteer/check-in/{sid}")>{move || i18n.t(Key::CheckInLink)}</A></p>
                                <button type="button" class="noprint" on:click=move |_| {
                                    if let Some(w) = web_sys::window() { let _ = w.print(); }
                                }>{move || i18n.t(Key::Print)}</button>
                            </div>
                        </Show>
                        <Show when=move || auth.can(Permission::ReadAudit)>
                            <History id=sid version=s.version/>
                        </Show>
                    }.into_any()
                }
            }}
        </section>
    }
}

/// The audit trail of the school (office only).
#[component]
fn History(id: SchoolId, version: i32) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let events = RwSignal::new(None::<Result<Vec<AuditEvent>, String>>);
    // `version` is only here so that a new version re-renders (and reloads) the history.
    let _ = version;
    spawn_local(async move {
        let res = auth
            .call(|c| async move { c.audit(AuditEntity::School, &id.to_string()).await })
            .await;
        events.set(Some(res.map_err(|e| error_text(&i18n, &e))));
    });
    view! {
        <h2>{move || i18n.t(Key::History)}</h2>
        {move || match events.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone())/> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <Empty text=Signal::derive(move || i18n.t(Key::NoHistory).to_string())/> }.into_any(),
            Some(Ok(list)) => view! {
                <ol class="history">
                    {list.into_iter().map(|e| {
                        let fields = e.changes.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>().join(", ")).unwrap_or_default();
                        view! {
                            <li>
                                <time datetime=e.at.to_rfc3339()>{e.at.format("%Y-%m-%d %H:%M UTC").to_string()}</time>
                                " · " <strong>{e.action.as_str()}</strong>
                                " · " <span class="muted">{fields}</span>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }.into_any(),
        }}
    }
}
