//! Opportunities at schools: a phone-first list to browse (by school, activity, day), the
//! detail where volunteers sign up or join the waitlist and schools see the roster, and the
//! form where coordinators (their schools) and staff post or change one.

use chrono::NaiveDate;
use domain::opportunity::{
    Opportunity, OpportunityInput, OpportunityQuery, OpportunityStatus, Signup, SignupRequest,
    SignupStatus,
};
use domain::volunteer::Interest;
use domain::{OpportunityId, Permission, Role};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::api::{error_text, field_errors, use_auth};
use crate::components::field::{CheckField, FieldErrors, TextField};
use crate::components::status::{Empty, ErrorBox, Loading};
use crate::i18n::{I18n, Key, use_i18n};
use crate::time::{from_local_input, local_text, local_time, to_local_input};

fn when_text(i18n: I18n, o: &Opportunity) -> String {
    let lang = i18n.lang.get();
    let mut t = format!(
        "{} – {}",
        local_text(o.starts_at, lang),
        local_time(o.ends_at, lang)
    );
    if let Some(until) = o.repeats_weekly_until {
        t.push_str(&format!(" · {} {until}", i18n.t(Key::OppWeeklyUntil)));
    }
    t
}

fn places_text(i18n: I18n, o: &Opportunity) -> String {
    let free = o.slots.saturating_sub(o.confirmed);
    if free > 0 {
        format!("{free} / {} {}", o.slots, i18n.t(Key::OppSpotsOpen))
    } else {
        format!(
            "{} · {} {}",
            i18n.t(Key::OppFull),
            o.waitlisted,
            i18n.t(Key::OppOnWaitlist)
        )
    }
}

fn my_status_text(i18n: I18n, o: &Opportunity) -> Option<String> {
    o.my_signup
        .as_ref()
        .map(|s| match (s.status, s.waitlist_position) {
            (SignupStatus::Waitlisted, Some(n)) => {
                format!("{} {n}", i18n.t(Key::OppYouAreWaitlisted))
            }
            _ => i18n.t(Key::OppYouAreConfirmed).to_string(),
        })
}

/// `/opportunities`: browse, soonest first.
#[component]
pub fn OpportunityList() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let school = RwSignal::new(String::new());
    let activity = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let mine = RwSignal::new(false);
    let school_choices = RwSignal::new(Vec::<domain::school::SchoolChoice>::new());
    let items = RwSignal::new(None::<Result<Vec<Opportunity>, String>>);
    let next = RwSignal::new(None::<String>);
    let generation = StoredValue::new(0u32);
    let export_error = RwSignal::new(None::<String>);
    let query = move |more: bool| OpportunityQuery {
        school_id: school.get_untracked().parse().ok(),
        activity: Interest::parse(&activity.get_untracked()),
        from: NaiveDate::parse_from_str(&from.get_untracked(), "%Y-%m-%d").ok(),
        mine: mine.get_untracked().then_some(true),
        limit: Some(25),
        cursor: if more { next.get_untracked() } else { None },
        ..Default::default()
    };
    let load = move |more: bool| {
        let q = query(more);
        generation.update_value(|g| *g += 1);
        let gen_now = generation.get_value();
        if !more {
            items.set(None);
        }
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let q = q.clone();
                    async move { c.list_opportunities(&q).await }
                })
                .await;
            if generation.try_get_value() != Some(gen_now) {
                return;
            }
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
    Effect::new(move |_| {
        school.track();
        activity.track();
        from.track();
        mine.track();
        load(false);
    });
    spawn_local(async move {
        if let Ok(list) = auth.anonymous().public_schools().await {
            let _ = school_choices.try_set(list);
        }
    });
    view! {
        <section class="page">
            <div class="page-head">
                <h1>{move || i18n.t(Key::NavOpportunities)}</h1>
                <div class="actions">
                    <button type="button" on:click=move |_| {
                        let q = query(false);
                        crate::api::download_csv(auth, i18n, "opportunities.csv", export_error, move |c| {
                            let q = q.clone();
                            async move { c.export_opportunities(&q).await }
                        });
                    }>{move || i18n.t(Key::ExportCsv)}</button>
                    <Show when=move || auth.can(Permission::ManageOpportunities)>
                        <A href="/opportunities/new" attr:class="button primary">{move || i18n.t(Key::OppPost)}</A>
                    </Show>
                </div>
            </div>
            <Show when=move || export_error.get().is_some()>
                <div class="state error" role="alert">{move || export_error.get()}</div>
            </Show>
            <div class="filters four">
                <div class="field">
                    <label for="filter-opp-school">{move || i18n.t(Key::OppSchool)}</label>
                    <select id="filter-opp-school" on:change=move |ev| school.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t(Key::Any)}</option>
                        {move || school_choices.get().into_iter().map(|s| view! {
                            <option value=s.id.to_string()>{format!("{} ({})", s.name, s.code)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-opp-activity">{move || i18n.t(Key::OppActivity)}</label>
                    <select id="filter-opp-activity" on:change=move |ev| activity.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t(Key::Any)}</option>
                        {Interest::ALL.iter().map(|x| {
                            let x = *x;
                            view! { <option value=x.as_str()>{move || i18n.interest(x)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-opp-from">{move || i18n.t(Key::OppFrom)}</label>
                    <input id="filter-opp-from" type="date" prop:value=move || from.get()
                        on:change=move |ev| from.set(event_target_value(&ev))/>
                </div>
                <Show when=move || auth.role() == Some(Role::Volunteer)>
                    <div class="field check">
                        <input id="filter-opp-mine" type="checkbox" prop:checked=move || mine.get()
                            on:change=move |ev| mine.set(event_target_checked(&ev))/>
                        <label for="filter-opp-mine">{move || i18n.t(Key::OppOnlyMine)}</label>
                    </div>
                </Show>
            </div>
            {move || match items.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone()) retry=Callback::new(move |_| load(false))/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <Empty text=Signal::derive(move || i18n.t(Key::OppNone).to_string())/> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="cards">
                        {list.into_iter().map(|o| {
                            let a = o.activity;
                            let when = { let o = o.clone(); move || when_text(i18n, &o) };
                            let places = { let o = o.clone(); move || places_text(i18n, &o) };
                            let mine = { let o = o.clone(); move || my_status_text(i18n, &o) };
                            view! {
                                <li class="card">
                                    <A href=format!("/opportunities/{}", o.id)><span class="card-title">{o.title.clone()}</span></A>
                                    <span>{o.school_name.clone()} " · " {move || i18n.interest(a)}</span>
                                    <span class="meta">{when}</span>
                                    <span class="meta">{places}
                                        {move || mine().map(|m| view! { " " <span class="badge ok">{m}</span> })}
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

/// `/opportunities/:id`: what, where, when; sign up or join the waitlist; the roster.
#[component]
pub fn OpportunityDetail() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let params = use_params_map();
    let id = params
        .with_untracked(|p| p.get("id"))
        .and_then(|s| s.parse::<OpportunityId>().ok());
    let data = RwSignal::new(None::<Result<Opportunity, String>>);
    let roster = RwSignal::new(None::<Vec<Signup>>);
    let confirm_age = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let errors: FieldErrors = RwSignal::new(Default::default());
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let load = move || {
        let Some(id) = id else { return };
        spawn_local(async move {
            let res = auth
                .call(|c| async move { c.get_opportunity(id).await })
                .await;
            let manage = res.as_ref().is_ok_and(|o| {
                auth.can(Permission::ManageOpportunities)
                    && (auth.role() != Some(Role::SchoolCoordinator)
                        || auth.me.with_untracked(|m| {
                            m.as_ref()
                                .is_some_and(|m| m.school_ids.contains(&o.school_id))
                        }))
            });
            let _ = data.try_set(Some(res.map_err(|e| error_text(&i18n, &e))));
            if manage && let Ok(list) = auth.call(|c| async move { c.roster(id).await }).await {
                let _ = roster.try_set(Some(list));
            }
        });
    };
    load();
    let opp = move || data.with(|d| d.as_ref().and_then(|d| d.as_ref().ok()).cloned());
    let sign_up = move |_| {
        let Some(id) = id else { return };
        let req = SignupRequest {
            confirms_minimum_age: confirm_age.get_untracked(),
        };
        busy.set(true);
        error.set(None);
        notice.set(None);
        errors.set(Default::default());
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let req = req.clone();
                    async move { c.sign_up(id, &req).await }
                })
                .await;
            match res {
                // The page reloads and says where the sign-up landed.
                Ok(_) => load(),
                Err(e) => {
                    let _ = errors.try_set(field_errors(&i18n, &e));
                    let _ = error.try_set(Some(error_text(&i18n, &e)));
                }
            }
            let _ = busy.try_set(false);
        });
    };
    let cancel_mine = move |_| {
        let Some(signup) = opp().and_then(|o| o.my_signup.map(|s| s.id)) else {
            return;
        };
        busy.set(true);
        error.set(None);
        notice.set(None);
        spawn_local(async move {
            match auth
                .call(|c| async move { c.cancel_signup(signup, "").await })
                .await
            {
                Ok(_) => {
                    let _ = notice.try_set(Some(i18n.t(Key::OppSignupCancelled).to_string()));
                    load();
                }
                Err(e) => {
                    let _ = error.try_set(Some(error_text(&i18n, &e)));
                }
            }
            let _ = busy.try_set(false);
        });
    };
    let cancel_opportunity = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(id), Some(version)) = (id, opp().map(|o| o.version)) else {
            return;
        };
        let why = reason.get_untracked();
        busy.set(true);
        error.set(None);
        errors.set(Default::default());
        spawn_local(async move {
            match auth
                .call(|c| {
                    let why = why.clone();
                    async move { c.cancel_opportunity(id, version, &why).await }
                })
                .await
            {
                Ok(o) => {
                    let _ = data.try_set(Some(Ok(o)));
                    let _ = roster.try_set(Some(vec![]));
                }
                Err(e) => {
                    let _ = errors.try_set(field_errors(&i18n, &e));
                    let _ = error.try_set(Some(error_text(&i18n, &e)));
                }
            }
            let _ = busy.try_set(false);
        });
    };
    let is_volunteer = move || auth.role() == Some(Role::Volunteer);
    let open = move || opp().is_some_and(|o| o.status == OpportunityStatus::Open);
    view! {
        <section class="page narrow">
            <p><A href="/opportunities">{move || format!("← {}", i18n.t(Key::NavOpportunities))}</A></p>
            {move || match (id, data.get()) {
                (None, _) => view! { <crate::pages::not_found::NotFound/> }.into_any(),
                (_, None) => view! { <Loading/> }.into_any(),
                (_, Some(Err(msg))) => view! { <ErrorBox text=Signal::derive(move || msg.clone())/> }.into_any(),
                (_, Some(Ok(o))) => {
                    let a = o.activity;
                    let when = { let o = o.clone(); move || when_text(i18n, &o) };
                    let places = { let o = o.clone(); move || places_text(i18n, &o) };
                    let mine = { let o = o.clone(); move || my_status_text(i18n, &o) };
                    let cancelled = o.status == OpportunityStatus::Cancelled;
                    view! {
                        <h1>{o.title.clone()}</h1>
                        {cancelled.then(|| view! {
                            <div class="state error" role="status">
                                <strong>{move || i18n.t(Key::OppCancelled)}</strong> " " {o.cancel_reason.clone()}
                            </div>
                        })}
                        <dl class="details">
                            <dt>{move || i18n.t(Key::OppSchool)}</dt><dd>{o.school_name.clone()}</dd>
                            <dt>{move || i18n.t(Key::OppActivity)}</dt><dd>{move || i18n.interest(a)}</dd>
                            <dt>{move || i18n.t(Key::OppWhen)}</dt><dd>{when}</dd>
                            <dt>{move || i18n.t(Key::OppSlots)}</dt><dd>{places}</dd>
                            {o.clearance_required.then(|| view! {
                                <dt>{move || i18n.t(Key::ClearanceStatusLabel)}</dt><dd>{move || i18n.t(Key::OppNeedsClearance)}</dd>
                            })}
                            {o.minimum_age.map(|n| view! {
                                <dt>{move || i18n.t(Key::OppMinimumAgeText)}</dt><dd>{n}</dd>
                            })}
                        </dl>
                        <p class="prewrap">{o.description.clone()}</p>
                        {move || mine().map(|m| view! { <p class="panel ok" role="status">{m}</p> })}
                    }.into_any()
                }
            }}
            <Show when=move || notice.get().is_some()>
                <div class="state ok" role="status">{move || notice.get()}</div>
            </Show>
            <Show when=move || error.get().is_some()>
                <div class="state error" role="alert">{move || error.get()}</div>
            </Show>
            <Show when=move || is_volunteer() && open() && opp().is_some_and(|o| o.my_signup.is_none())>
                <div class="panel">
                    {move || opp().and_then(|o| o.minimum_age).map(|n| view! {
                        <div class="field check" class:invalid=move || errors.with(|e| e.contains_key("confirms_minimum_age"))>
                            <input id="f-confirms_minimum_age" type="checkbox" prop:checked=move || confirm_age.get()
                                aria-describedby="f-confirms_minimum_age-error"
                                on:change=move |ev| confirm_age.set(event_target_checked(&ev))/>
                            <label for="f-confirms_minimum_age">{move || format!("{} {n} {}", i18n.t(Key::OppConfirmAge), i18n.t(Key::OppYearsOld))}</label>
                            <p class="field-error" id="f-confirms_minimum_age-error" aria-live="polite">{move || errors.with(|e| e.get("confirms_minimum_age").cloned())}</p>
                        </div>
                    })}
                    <button type="button" class="primary" disabled=move || busy.get() on:click=sign_up>
                        {move || if opp().is_some_and(|o| o.confirmed >= o.slots) { i18n.t(Key::OppJoinWaitlist) } else { i18n.t(Key::OppSignUp) }}
                    </button>
                </div>
            </Show>
            <Show when=move || is_volunteer() && opp().is_some_and(|o| o.my_signup.is_some())>
                <button type="button" disabled=move || busy.get() on:click=cancel_mine>{move || i18n.t(Key::OppCancelMine)}</button>
            </Show>
            <Show when=move || roster.get().is_some()>
                <h2>{move || i18n.t(Key::OppRoster)}</h2>
                {move || {
                    let list = roster.get().unwrap_or_default();
                    if list.is_empty() {
                        view! { <Empty text=Signal::derive(move || i18n.t(Key::OppNoSignups).to_string())/> }.into_any()
                    } else {
                        view! {
                            <ol class="plain">
                                {list.into_iter().map(|s| {
                                    let st = s.status;
                                    view! {
                                        <li>{s.volunteer_name.clone()} " · "
                                            <span class="badge">{move || i18n.signup_status(st)}</span>
                                            {s.waitlist_position.map(|n| format!(" #{n}"))}
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        }.into_any()
                    }
                }}
                <Show when=open>
                    <p><A href=move || format!("/opportunities/{}/edit", id.map(|i| i.to_string()).unwrap_or_default())>{move || i18n.t(Key::OppEdit)}</A></p>
                    <form class="form panel" novalidate on:submit=cancel_opportunity>
                        <h2>{move || i18n.t(Key::OppCancelTitle)}</h2>
                        <div class="field" class:invalid=move || errors.with(|e| e.contains_key("reason"))>
                            <label for="f-reason">{move || i18n.t(Key::OppCancelReason)}</label>
                            <textarea id="f-reason" rows="2" aria-describedby="f-reason-error" prop:value=move || reason.get()
                                on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                            <p class="field-error" id="f-reason-error" aria-live="polite">{move || errors.with(|e| e.get("reason").cloned())}</p>
                        </div>
                        <button type="submit" disabled=move || busy.get()>{move || i18n.t(Key::OppCancelTitle)}</button>
                    </form>
                </Show>
            </Show>
        </section>
    }
}

/// `/opportunities/new`.
#[component]
pub fn NewOpportunity() -> impl IntoView {
    view! { <OpportunityForm id=None/> }
}

/// `/opportunities/:id/edit`.
#[component]
pub fn EditOpportunity() -> impl IntoView {
    let params = use_params_map();
    let id = params
        .with_untracked(|p| p.get("id"))
        .and_then(|s| s.parse::<OpportunityId>().ok());
    match id {
        Some(id) => view! { <OpportunityForm id=Some(id)/> }.into_any(),
        None => view! { <crate::pages::not_found::NotFound/> }.into_any(),
    }
}

#[component]
fn OpportunityForm(id: Option<OpportunityId>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let navigate = StoredValue::new_local(use_navigate());
    let title = RwSignal::new(String::new());
    let activity = RwSignal::new(Interest::Tutor.as_str().to_string());
    let school = RwSignal::new(String::new());
    let starts = RwSignal::new(String::new());
    let ends = RwSignal::new(String::new());
    let until = RwSignal::new(String::new());
    let slots = RwSignal::new("1".to_string());
    let clearance = RwSignal::new(true);
    let min_age = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let version = RwSignal::new(None::<i32>);
    let loaded = RwSignal::new(id.is_none());
    let school_choices = RwSignal::new(Vec::<domain::school::SchoolChoice>::new());
    let errors: FieldErrors = RwSignal::new(Default::default());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    spawn_local(async move {
        if let Ok(list) = auth.anonymous().public_schools().await {
            // Coordinators post for their own schools only.
            let own = auth.me.with_untracked(|m| {
                m.as_ref()
                    .filter(|m| m.role == Role::SchoolCoordinator)
                    .map(|m| m.school_ids.clone())
            });
            let list: Vec<_> = match own {
                Some(ids) => list.into_iter().filter(|s| ids.contains(&s.id)).collect(),
                None => list,
            };
            if school.get_untracked().is_empty()
                && let Some(first) = list.first()
            {
                let _ = school.try_set(first.id.to_string());
            }
            let _ = school_choices.try_set(list);
        }
    });
    if let Some(id) = id {
        spawn_local(async move {
            match auth
                .call(|c| async move { c.get_opportunity(id).await })
                .await
            {
                Ok(o) => {
                    let _ = title.try_set(o.title);
                    let _ = activity.try_set(o.activity.as_str().to_string());
                    let _ = school.try_set(o.school_id.to_string());
                    let _ = starts.try_set(to_local_input(o.starts_at));
                    let _ = ends.try_set(to_local_input(o.ends_at));
                    let _ = until.try_set(
                        o.repeats_weekly_until
                            .map(|d| d.to_string())
                            .unwrap_or_default(),
                    );
                    let _ = slots.try_set(o.slots.to_string());
                    let _ = clearance.try_set(o.clearance_required);
                    let _ =
                        min_age.try_set(o.minimum_age.map(|a| a.to_string()).unwrap_or_default());
                    let _ = description.try_set(o.description);
                    let _ = version.try_set(Some(o.version));
                    let _ = loaded.try_set(true);
                }
                Err(e) => {
                    let _ = error.try_set(Some(error_text(&i18n, &e)));
                }
            }
        });
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut local = std::collections::HashMap::new();
        let start = from_local_input(&starts.get_untracked());
        let end = from_local_input(&ends.get_untracked());
        let school_id = school.get_untracked().parse().ok();
        if start.is_none() {
            local.insert("starts_at".to_string(), i18n.t(Key::ChooseDate).to_string());
        }
        if end.is_none() {
            local.insert("ends_at".to_string(), i18n.t(Key::ChooseDate).to_string());
        }
        if school_id.is_none() {
            local.insert(
                "school_id".to_string(),
                i18n.t(Key::ChooseSchool).to_string(),
            );
        }
        let slot_count = slots.get_untracked().trim().parse::<u32>();
        if slot_count.is_err() {
            local.insert("slots".to_string(), i18n.t(Key::OppSlotsNumber).to_string());
        }
        let age = min_age.get_untracked();
        let age = age.trim();
        let minimum_age = if age.is_empty() {
            Ok(None)
        } else {
            age.parse::<u8>().map(Some)
        };
        if minimum_age.is_err() {
            local.insert(
                "minimum_age".to_string(),
                i18n.t(Key::OppAgeNumber).to_string(),
            );
        }
        let (Some(starts_at), Some(ends_at), Some(school_id), Ok(slots_n), Ok(minimum_age)) =
            (start, end, school_id, slot_count, minimum_age)
        else {
            errors.set(local);
            error.set(Some(i18n.t(Key::FixErrors).to_string()));
            return;
        };
        let input = OpportunityInput {
            title: title.get_untracked(),
            activity: Interest::parse(&activity.get_untracked()).unwrap_or(Interest::Tutor),
            school_id,
            starts_at,
            ends_at,
            repeats_weekly_until: NaiveDate::parse_from_str(&until.get_untracked(), "%Y-%m-%d")
                .ok(),
            slots: slots_n,
            clearance_required: clearance.get_untracked(),
            minimum_age,
            description: description.get_untracked(),
        };
        busy.set(true);
        error.set(None);
        errors.set(Default::default());
        let v = version.get_untracked();
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let input = input.clone();
                    async move {
                        match (id, v) {
                            (Some(id), Some(v)) => c.update_opportunity(id, v, &input).await,
                            _ => c.create_opportunity(&input).await,
                        }
                    }
                })
                .await;
            match res {
                Ok(o) => {
                    if let Some(go) = navigate.try_get_value() {
                        go(&format!("/opportunities/{}", o.id), Default::default());
                    }
                }
                Err(e) => {
                    let _ = errors.try_set(field_errors(&i18n, &e));
                    let _ = error.try_set(Some(error_text(&i18n, &e)));
                }
            }
            let _ = busy.try_set(false);
        });
    };
    let err = move |f: &'static str| move || errors.with(|e| e.get(f).cloned());
    view! {
        <section class="page narrow">
            <p><A href="/opportunities">{move || format!("← {}", i18n.t(Key::NavOpportunities))}</A></p>
            <h1>{move || if id.is_some() { i18n.t(Key::OppEdit) } else { i18n.t(Key::OppPost) }}</h1>
            <Show when=move || loaded.get() fallback=|| view! { <Loading/> }>
                <form class="form" novalidate on:submit=submit>
                    <Show when=move || error.get().is_some()>
                        <div class="state error" role="alert">{move || error.get()}</div>
                    </Show>
                    <TextField name="title" label=Signal::derive(move || i18n.t(Key::OppTitle)) value=title errors=errors required=true/>
                    <div class="field" class:invalid=move || err("school_id")().is_some()>
                        <label for="f-school_id">{move || i18n.t(Key::OppSchool)}</label>
                        <select id="f-school_id" aria-describedby="f-school_id-error" on:change=move |ev| school.set(event_target_value(&ev))>
                            {move || school_choices.get().into_iter().map(|s| {
                                let v = s.id.to_string();
                                let sel = school.get() == v;
                                view! { <option value=v selected=sel>{format!("{} ({})", s.name, s.code)}</option> }
                            }).collect_view()}
                        </select>
                        <p class="field-error" id="f-school_id-error" aria-live="polite">{err("school_id")}</p>
                    </div>
                    <div class="field">
                        <label for="f-activity">{move || i18n.t(Key::OppActivity)}</label>
                        <select id="f-activity" on:change=move |ev| activity.set(event_target_value(&ev))>
                            {Interest::ALL.iter().map(|x| {
                                let x = *x;
                                view! { <option value=x.as_str() selected=move || activity.get() == x.as_str()>{move || i18n.interest(x)}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="grid two">
                        <TextField name="starts_at" kind="datetime-local" label=Signal::derive(move || i18n.t(Key::OppStarts)) value=starts errors=errors required=true/>
                        <TextField name="ends_at" kind="datetime-local" label=Signal::derive(move || i18n.t(Key::OppEnds)) value=ends errors=errors required=true/>
                    </div>
                    <TextField name="repeats_weekly_until" kind="date" label=Signal::derive(move || i18n.t(Key::OppRepeatsUntil)) value=until errors=errors/>
                    <div class="grid two">
                        <TextField name="slots" kind="number" label=Signal::derive(move || i18n.t(Key::OppSlots)) value=slots errors=errors required=true/>
                        <TextField name="minimum_age" kind="number" label=Signal::derive(move || i18n.t(Key::OppMinimumAge)) value=min_age errors=errors/>
                    </div>
                    <CheckField name="clearance_required" label=Signal::derive(move || i18n.t(Key::OppClearanceRequired)) value=clearance/>
                    <div class="field" class:invalid=move || err("description")().is_some()>
                        <label for="f-description">{move || i18n.t(Key::Description)}</label>
                        <textarea id="f-description" rows="4" aria-describedby="f-description-error" prop:value=move || description.get()
                            on:input=move |ev| description.set(event_target_value(&ev))></textarea>
                        <p class="field-error" id="f-description-error" aria-live="polite">{err("description")}</p>
                    </div>
                    <button type="submit" class="primary" disabled=move || busy.get()>{move || i18n.t(Key::Save)}</button>
                </form>
            </Show>
        </section>
    }
}
