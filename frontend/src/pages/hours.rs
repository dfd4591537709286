//! Volunteer hours: the check-in page the school's QR code opens, "my hours" with the log form,
//! and the coordinators' review queue (oldest first, approve or reject in bulk).

use chrono::NaiveDate;
use domain::hours::{CheckIn, HourDecision, HourEntry, HourInput, HourQuery, HourStatus, Verdict};
use domain::volunteer::Interest;
use domain::{HourEntryId, SchoolId};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

use crate::api::{error_text, field_errors, use_auth};
use crate::components::field::{FieldErrors, TextField};
use crate::components::status::{Empty, ErrorBox, Loading};
use crate::i18n::{I18n, Key, use_i18n};
use crate::time::{local_text, local_time};

fn duration_text(minutes: u32) -> String {
    format!("{}:{:02} h", minutes / 60, minutes % 60)
}

fn entry_line(i18n: I18n, e: HourEntry) -> impl IntoView {
    let (st, a) = (e.status, e.activity);
    view! {
        <li>
            <strong>{e.work_date.to_string()}</strong> " · " {e.school_name.clone()} " · "
            {move || i18n.interest(a)} " · " {duration_text(e.minutes)}
            <span class="badge">{move || i18n.hour_status(st)}</span>
            {e.auto_checked_out.then(|| view! { <span class="badge warn">{move || i18n.t(Key::HoursFlagged)}</span> })}
            {e.reason.clone().map(|r| view! { <span class="muted small">{format!(" · {r}")}</span> })}
        </li>
    }
}

/// `/volunteer/check-in/:school`: what the school's QR code opens.
#[component]
pub fn CheckInPage() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let params = use_params_map();
    let school = params
        .with_untracked(|p| p.get("school"))
        .and_then(|s| s.parse::<SchoolId>().ok());
    let school_name = RwSignal::new(None::<String>);
    let open = RwSignal::new(None::<Result<Option<HourEntry>, String>>);
    let done = RwSignal::new(None::<HourEntry>);
    let activity = RwSignal::new(Interest::Tutor.as_str().to_string());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let load = move || {
        spawn_local(async move {
            let q = HourQuery {
                status: Some(HourStatus::Open),
                limit: Some(1),
                ..Default::default()
            };
            let res = auth
                .call(|c| {
                    let q = q.clone();
                    async move { c.list_hours(&q).await }
                })
                .await;
            let _ = open.try_set(Some(
                res.map(|p| p.items.into_iter().next())
                    .map_err(|e| error_text(&i18n, &e)),
            ));
        });
    };
    load();
    spawn_local(async move {
        if let (Some(id), Ok(list)) = (school, auth.anonymous().public_schools().await) {
            let _ = school_name.try_set(list.into_iter().find(|s| s.id == id).map(|s| s.name));
        }
    });
    let check_in = move |_| {
        let Some(school_id) = school else { return };
        let req = CheckIn {
            school_id,
            activity: Interest::parse(&activity.get_untracked()).unwrap_or(Interest::Tutor),
            opportunity_id: None,
        };
        busy.set(true);
        error.set(None);
        done.set(None);
        spawn_local(async move {
            match auth
                .call(|c| {
                    let req = req.clone();
                    async move { c.check_in(&req).await }
                })
                .await
            {
                Ok(e) => {
                    let _ = open.try_set(Some(Ok(Some(e))));
                }
                Err(e) => {
                    let _ = error.try_set(Some(error_text(&i18n, &e)));
                }
            }
            let _ = busy.try_set(false);
        });
    };
    let check_out = move |_| {
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match auth.call(|c| async move { c.check_out().await }).await {
                Ok(e) => {
                    let _ = done.try_set(Some(e));
                    let _ = open.try_set(Some(Ok(None)));
                }
                Err(e) => {
                    let _ = error.try_set(Some(error_text(&i18n, &e)));
                }
            }
            let _ = busy.try_set(false);
        });
    };
    view! {
        <section class="page narrow">
            <h1>{move || i18n.t(Key::HoursCheckInTitle)}</h1>
            <p class="lead">{move || school_name.get()}</p>
            <Show when=move || error.get().is_some()>
                <div class="state error" role="alert">{move || error.get()}</div>
            </Show>
            {move || done.get().map(|e| view! {
                <div class="state ok" role="status">
                    {move || i18n.t(Key::HoursThanks)} " " {duration_text(e.minutes)}
                </div>
            })}
            {move || match (school, open.get()) {
                (None, _) => view! { <crate::pages::not_found::NotFound/> }.into_any(),
                (_, None) => view! { <Loading/> }.into_any(),
                (_, Some(Err(msg))) => view! { <ErrorBox text=Signal::derive(move || msg.clone())/> }.into_any(),
                (_, Some(Ok(Some(visit)))) => {
                    let since = visit.checked_in_at.map(|t| local_time(t, i18n.lang.get_untracked())).unwrap_or_default();
                    view! {
                        <div class="panel ok" role="status">
                            <p>{move || i18n.t(Key::HoursCheckedInSince)} " " {since.clone()} " · " {visit.school_name.clone()}</p>
                            <button type="button" class="primary big" disabled=move || busy.get() on:click=check_out>{move || i18n.t(Key::HoursCheckOut)}</button>
                        </div>
                    }.into_any()
                }
                (_, Some(Ok(None))) => view! {
                    <div class="panel">
                        <div class="field">
                            <label for="f-checkin-activity">{move || i18n.t(Key::OppActivity)}</label>
                            <select id="f-checkin-activity" on:change=move |ev| activity.set(event_target_value(&ev))>
                                {Interest::ALL.iter().map(|x| {
                                    let x = *x;
                                    view! { <option value=x.as_str() selected=move || activity.get() == x.as_str()>{move || i18n.interest(x)}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="button" class="primary big" disabled=move || busy.get() on:click=check_in>{move || i18n.t(Key::HoursCheckIn)}</button>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}

/// "My hours" on the volunteer's page: log hours and see where each entry stands.
#[component]
pub fn MyHours(#[prop(into)] schools: Signal<Vec<SchoolId>>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let items = RwSignal::new(None::<Result<Vec<HourEntry>, String>>);
    let choices = RwSignal::new(Vec::<domain::school::SchoolChoice>::new());
    let school = RwSignal::new(String::new());
    let activity = RwSignal::new(Interest::Tutor.as_str().to_string());
    let day = RwSignal::new(chrono::Utc::now().date_naive().to_string());
    let hours = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let errors: FieldErrors = RwSignal::new(Default::default());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let load = move || {
        spawn_local(async move {
            let q = HourQuery {
                limit: Some(50),
                ..Default::default()
            };
            let res = auth
                .call(|c| {
                    let q = q.clone();
                    async move { c.list_hours(&q).await }
                })
                .await;
            let _ = items.try_set(Some(
                res.map(|p| p.items).map_err(|e| error_text(&i18n, &e)),
            ));
        });
    };
    load();
    spawn_local(async move {
        if let Ok(list) = auth.anonymous().public_schools().await {
            let _ = choices.try_set(list);
        }
    });
    // The volunteer's own schools first in the picker; the first is preselected.
    let ordered = move || {
        let mine = schools.get();
        let mut list = choices.get();
        list.sort_by_key(|s| !mine.contains(&s.id));
        list
    };
    Effect::new(move |_| {
        if school.get_untracked().is_empty()
            && let Some(first) = ordered().first()
        {
            school.set(first.id.to_string());
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut local = std::collections::HashMap::new();
        let minutes = hours
            .get_untracked()
            .trim()
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|h| *h > 0.0 && *h <= 24.0)
            .map(|h| (h * 60.0).round() as u32);
        if minutes.is_none() {
            local.insert("minutes".to_string(), i18n.t(Key::HoursNumber).to_string());
        }
        let work_date = NaiveDate::parse_from_str(&day.get_untracked(), "%Y-%m-%d").ok();
        if work_date.is_none() {
            local.insert("work_date".to_string(), i18n.t(Key::ChooseDate).to_string());
        }
        let school_id = school.get_untracked().parse().ok();
        let (Some(minutes), Some(work_date), Some(school_id)) = (minutes, work_date, school_id)
        else {
            errors.set(local);
            return;
        };
        let input = HourInput {
            school_id,
            activity: Interest::parse(&activity.get_untracked()).unwrap_or(Interest::Tutor),
            work_date,
            minutes,
            note: note.get_untracked(),
            opportunity_id: None,
        };
        busy.set(true);
        error.set(None);
        errors.set(Default::default());
        spawn_local(async move {
            match auth
                .call(|c| {
                    let input = input.clone();
                    async move { c.log_hours(&input).await }
                })
                .await
            {
                Ok(_) => {
                    let _ = hours.try_set(String::new());
                    let _ = note.try_set(String::new());
                    load();
                }
                Err(e) => {
                    let _ = errors.try_set(field_errors(&i18n, &e));
                    let _ = error.try_set(Some(error_text(&i18n, &e)));
                }
            }
            let _ = busy.try_set(false);
        });
    };
    view! {
        <h2>{move || i18n.t(Key::HoursMine)}</h2>
        {move || match items.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone())/> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <Empty text=Signal::derive(move || i18n.t(Key::HoursNone).to_string())/> }.into_any(),
            Some(Ok(list)) => view! {
                <ul class="plain">{list.into_iter().map(|e| entry_line(i18n, e)).collect_view()}</ul>
            }.into_any(),
        }}
        <form class="form panel" novalidate on:submit=submit>
            <h3>{move || i18n.t(Key::HoursLog)}</h3>
            <Show when=move || error.get().is_some()>
                <div class="state error" role="alert">{move || error.get()}</div>
            </Show>
            <div class="field">
                <label for="f-hours-school">{move || i18n.t(Key::OppSchool)}</label>
                <select id="f-hours-school" on:change=move |ev| school.set(event_target_value(&ev))>
                    {move || ordered().into_iter().map(|s| {
                        let v = s.id.to_string();
                        let sel = school.get() == v;
                        view! { <option value=v selected=sel>{format!("{} ({})", s.name, s.code)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-hours-activity">{move || i18n.t(Key::OppActivity)}</label>
                <select id="f-hours-activity" on:change=move |ev| activity.set(event_target_value(&ev))>
                    {Interest::ALL.iter().map(|x| {
                        let x = *x;
                        view! { <option value=x.as_str() selected=move || activity.get() == x.as_str()>{move || i18n.interest(x)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="grid two">
                <TextField name="work_date" kind="date" label=Signal::derive(move || i18n.t(Key::HoursDay)) value=day errors=errors required=true/>
                <TextField name="minutes" kind="number" label=Signal::derive(move || i18n.t(Key::HoursHowLong)) value=hours errors=errors required=true/>
            </div>
            <TextField name="note" label=Signal::derive(move || i18n.t(Key::HoursNote)) value=note errors=errors/>
            <button type="submit" class="primary" disabled=move || busy.get()>{move || i18n.t(Key::HoursLog)}</button>
        </form>
    }
}

/// `/hours`: the review queue of the coordinator's schools (staff: all), oldest first.
#[component]
pub fn HourReview() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let items = RwSignal::new(None::<Result<Vec<HourEntry>, String>>);
    let next = RwSignal::new(None::<String>);
    let selected = RwSignal::new(Vec::<HourEntryId>::new());
    let reason = RwSignal::new(String::new());
    let errors: FieldErrors = RwSignal::new(Default::default());
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let export_error = RwSignal::new(None::<String>);
    let export_from = RwSignal::new(String::new());
    let export_to = RwSignal::new(String::new());
    let load = move |more: bool| {
        let q = HourQuery {
            status: Some(HourStatus::Pending),
            limit: Some(50),
            cursor: if more { next.get_untracked() } else { None },
            ..Default::default()
        };
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let q = q.clone();
                    async move { c.list_hours(&q).await }
                })
                .await;
            match res {
                Ok(page) => {
                    let _ = next.try_set(page.next_cursor);
                    let _ = items.try_update(|i| match i {
                        Some(Ok(v)) if more => v.extend(page.items),
                        _ => *i = Some(Ok(page.items)),
                    });
                }
                Err(e) => {
                    let _ = items.try_set(Some(Err(error_text(&i18n, &e))));
                }
            }
        });
    };
    load(false);
    let decide = move |verdict: Verdict| {
        let ids = selected.get_untracked();
        if ids.is_empty() {
            error.set(Some(i18n.t(Key::HoursChooseFirst).to_string()));
            return;
        }
        let req = HourDecision {
            entry_ids: ids,
            decision: verdict,
            reason: reason.get_untracked(),
        };
        busy.set(true);
        error.set(None);
        notice.set(None);
        errors.set(Default::default());
        spawn_local(async move {
            match auth
                .call(|c| {
                    let req = req.clone();
                    async move { c.decide_hours(&req).await }
                })
                .await
            {
                Ok(done) => {
                    let _ = notice.try_set(Some(format!(
                        "{} {}",
                        done.len(),
                        i18n.t(Key::HoursDecided)
                    )));
                    let _ = selected.try_set(vec![]);
                    let _ = reason.try_set(String::new());
                    load(false);
                }
                Err(e) => {
                    let _ = errors.try_set(field_errors(&i18n, &e));
                    let _ = error.try_set(Some(error_text(&i18n, &e)));
                }
            }
            let _ = busy.try_set(false);
        });
    };
    let all_ids = move || {
        items.with(|i| match i {
            Some(Ok(list)) => list.iter().map(|e| e.id).collect::<Vec<_>>(),
            _ => vec![],
        })
    };
    view! {
        <section class="page">
            <div class="page-head">
                <h1>{move || i18n.t(Key::HoursReview)}</h1>
            </div>
            <div class="filters four">
                <div class="field">
                    <label for="hours-export-from">{move || i18n.t(Key::HoursWorkedFrom)}</label>
                    <input id="hours-export-from" type="date" prop:value=move || export_from.get()
                        on:change=move |ev| export_from.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="hours-export-to">{move || i18n.t(Key::HoursWorkedTo)}</label>
                    <input id="hours-export-to" type="date" prop:value=move || export_to.get()
                        on:change=move |ev| export_to.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <button type="button" on:click=move |_| {
                        let day = |s: String| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok();
                        let q = HourQuery {
                            from: day(export_from.get_untracked()),
                            to: day(export_to.get_untracked()),
                            ..Default::default()
                        };
                        crate::api::download_csv(auth, i18n, "hours.csv", export_error, move |c| {
                            let q = q.clone();
                            async move { c.export_hours(&q).await }
                        });
                    }>{move || i18n.t(Key::ExportAllHours)}</button>
                </div>
            </div>
            <p class="muted">{move || i18n.t(Key::HoursReviewIntro)}</p>
            <Show when=move || export_error.get().is_some()>
                <div class="state error" role="alert">{move || export_error.get()}</div>
            </Show>
            <Show when=move || notice.get().is_some()>
                <div class="state ok" role="status">{move || notice.get()}</div>
            </Show>
            <Show when=move || error.get().is_some()>
                <div class="state error" role="alert">{move || error.get()}</div>
            </Show>
            {move || match items.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone()) retry=Callback::new(move |_| load(false))/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <Empty text=Signal::derive(move || i18n.t(Key::HoursQueueEmpty).to_string())/> }.into_any(),
                Some(Ok(list)) => view! {
                    <div class="field check">
                        <input id="hours-all" type="checkbox"
                            prop:checked=move || { let all = all_ids(); !all.is_empty() && selected.with(|s| s.len() == all.len()) }
                            on:change=move |ev| selected.set(if event_target_checked(&ev) { all_ids() } else { vec![] })/>
                        <label for="hours-all">{move || i18n.t(Key::HoursSelectAll)}</label>
                    </div>
                    <ul class="cards">
                        {list.into_iter().map(|e| {
                            let id = e.id;
                            let box_id = format!("hours-{id}");
                            let (st, a) = (e.status, e.activity);
                            let when = e.checked_in_at.map(|t| local_text(t, i18n.lang.get_untracked()));
                            view! {
                                <li class="card">
                                    <div class="field check">
                                        <input id=box_id.clone() type="checkbox"
                                            prop:checked=move || selected.with(|s| s.contains(&id))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                selected.update(|s| { s.retain(|x| *x != id); if on { s.push(id) } });
                                            }/>
                                        <label for=box_id>
                                            <span class="card-title">{e.volunteer_name.clone()}</span>
                                            " · " {duration_text(e.minutes)}
                                        </label>
                                    </div>
                                    <span>{e.work_date.to_string()} " · " {e.school_name.clone()} " · " {move || i18n.interest(a)}</span>
                                    <span class="meta">
                                        <span class="badge">{move || i18n.hour_status(st)}</span>
                                        {e.auto_checked_out.then(|| view! { <span class="badge warn">{move || i18n.t(Key::HoursFlagged)}</span> })}
                                        {when.map(|w| format!(" · {w}"))}
                                        {e.supersedes.map(|_| view! { <span class="badge">{move || i18n.t(Key::HoursCorrection)}</span> })}
                                        {(!e.note.is_empty()).then(|| format!(" · {}", e.note))}
                                        {e.reason.clone().map(|r| format!(" · {r}"))}
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <Show when=move || next.get().is_some()>
                        <button type="button" class="more" on:click=move |_| load(true)>{move || i18n.t(Key::LoadMore)}</button>
                    </Show>
                    <div class="panel">
                        <div class="field" class:invalid=move || errors.with(|e| e.contains_key("reason"))>
                            <label for="f-hours-reason">{move || i18n.t(Key::HoursRejectReason)}</label>
                            <input id="f-hours-reason" aria-describedby="f-hours-reason-error" prop:value=move || reason.get()
                                on:input=move |ev| reason.set(event_target_value(&ev))/>
                            <p class="field-error" id="f-hours-reason-error" aria-live="polite">{move || errors.with(|e| e.get("reason").cloned())}</p>
                        </div>
                        <div class="actions">
                            <button type="button" class="primary" disabled=move || busy.get() on:click=move |_| decide(Verdict::Approve)>{move || i18n.t(Key::HoursApprove)}</button>
                            <button type="button" disabled=move || busy.get() on:click=move |_| decide(Verdict::Reject)>{move || i18n.t(Key::HoursReject)}</button>
                        </div>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}
