//! The public partnership application: no account, five short steps, saved as a draft at each
//! step and resumable from the link (`/apply/{token}`) shown here and emailed to the contact.

use chrono::NaiveDate;
use client::{Client, ClientError};
use domain::SchoolId;
use domain::application::{ApplicantView, ApplicationForm, StartApplication};
use domain::intake::{
    ApplicationStatus, CommitmentLevel, ContributionKind, OrganizationType, SupportArea, TaxStatus,
};
use domain::problem::ErrorCode;
use domain::school::SchoolChoice;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use std::collections::HashMap;

use crate::api::{error_text, use_auth};
use crate::components::status::{ErrorBox, Loading};
use crate::i18n::{I18n, Key, use_i18n};

type Errors = RwSignal<HashMap<String, String>>;

const STEPS: [Key; 5] = [
    Key::StepOrganization,
    Key::StepProgram,
    Key::StepSchools,
    Key::StepRouting,
    Key::StepReview,
];

/// Which step shows a field (to jump to the first error).
fn step_of(field: &str) -> usize {
    if field.starts_with("organization") || field.starts_with("contact") {
        0
    } else if [
        "program.school_ids",
        "program.departments",
        "program.grades",
        "program.students_expected",
        "program.start_date",
        "program.end_date",
    ]
    .iter()
    .any(|f| field.starts_with(f))
    {
        2
    } else if field.starts_with("program") {
        1
    } else {
        3
    }
}

/// `/apply`: a new application.
///
/// `/apply#token` resumes one: the token rides in the fragment, which browsers never send to
/// the server, so it stays out of access logs.
#[component]
pub fn ApplyNew() -> impl IntoView {
    let token = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').trim().to_string())
        .filter(|t| !t.is_empty());
    view! { <Wizard token=token/> }
}

/// `/apply/:token`: links sent before the token moved to the fragment; the address is
/// rewritten to `/apply#token` at once.
#[component]
pub fn ApplyResume() -> impl IntoView {
    let params = use_params_map();
    move || {
        let token = params.with(|p| p.get("token"));
        if let Some(t) = &token {
            replace_address(&format!("/apply#{t}"));
        }
        view! { <Wizard token=token/> }
    }
}

/// Replaces the address bar's URL without a navigation.
fn replace_address(url: &str) {
    let _ = web_sys::window()
        .and_then(|w| w.history().ok())
        .map(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url)));
}

fn text(
    i18n: I18n,
    id: &'static str,
    label: Key,
    kind: &'static str,
    errors: Errors,
    get: impl Fn() -> String + Send + Sync + 'static,
    set: impl Fn(String) + Send + Sync + 'static,
) -> impl IntoView {
    let err = move || errors.with(|e| e.get(id).cloned());
    view! {
        <div class="field" class:invalid=move || err().is_some()>
            <label for=id>{move || i18n.t(label)}</label>
            <input id=id type=kind prop:value=get on:input=move |ev| set(event_target_value(&ev))
                aria-invalid=move || if err().is_some() { "true" } else { "false" } aria-describedby=format!("{id}-error")/>
            <p class="field-error" id=format!("{id}-error") aria-live="polite">{err}</p>
        </div>
    }
}

fn area(
    i18n: I18n,
    id: &'static str,
    label: Key,
    errors: Errors,
    get: impl Fn() -> String + Send + Sync + 'static,
    set: impl Fn(String) + Send + Sync + 'static,
) -> impl IntoView {
    let err = move || errors.with(|e| e.get(id).cloned());
    view! {
        <div class="field" class:invalid=move || err().is_some()>
            <label for=id>{move || i18n.t(label)}</label>
            <textarea id=id rows="4" prop:value=get on:input=move |ev| set(event_target_value(&ev))
                aria-invalid=move || if err().is_some() { "true" } else { "false" } aria-describedby=format!("{id}-error")></textarea>
            <p class="field-error" id=format!("{id}-error") aria-live="polite">{err}</p>
        </div>
    }
}

fn yes_no(
    i18n: I18n,
    id: &'static str,
    label: Key,
    get: impl Fn() -> bool + Send + Sync + Copy + 'static,
    set: impl Fn(bool) + Send + Sync + Copy + 'static,
) -> impl IntoView {
    view! {
        <fieldset class="yesno">
            <legend>{move || i18n.t(label)}</legend>
            <label><input type="radio" name=id value="yes" prop:checked=get on:change=move |_| set(true)/> {move || i18n.t(Key::Yes)}</label>
            <label><input type="radio" name=id value="no" prop:checked=move || !get() on:change=move |_| set(false)/> {move || i18n.t(Key::No)}</label>
        </fieldset>
    }
}

fn number(v: &str) -> Option<u32> {
    v.trim().parse().ok()
}

#[component]
fn Wizard(token: Option<String>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let client: Client = auth.anonymous();
    let form = RwSignal::new(ApplicationForm {
        language: i18n.lang.get_untracked().tag().into(),
        ..Default::default()
    });
    let view_state = RwSignal::new(None::<ApplicantView>);
    let token = RwSignal::new(token);
    let loading = RwSignal::new(token.get_untracked().is_some());
    let load_error = RwSignal::new(None::<String>);
    let expired = RwSignal::new(false);
    let step = RwSignal::new(0usize);
    let errors: Errors = RwSignal::new(HashMap::new());
    let message = RwSignal::new(None::<String>);
    let saved_note = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let honeypot = RwSignal::new(String::new());
    let schools = RwSignal::new(Vec::<SchoolChoice>::new());
    let school_filter = RwSignal::new(String::new());

    let c = client.clone();
    spawn_local(async move {
        if let Ok(list) = c.public_schools().await {
            schools.set(list);
        }
    });
    if let Some(t) = token.get_untracked() {
        let c = client.clone();
        spawn_local(async move {
            match c.open_application(&t).await {
                Ok(v) => {
                    form.set(v.form.clone());
                    view_state.set(Some(v));
                }
                Err(ClientError::Api(p)) if p.code == ErrorCode::LinkExpired => {
                    expired.set(true);
                    load_error.set(Some(i18n.t(Key::LinkExpired).to_string()));
                }
                Err(e) => load_error.set(Some(error_text(&i18n, &e))),
            }
            loading.set(false);
        });
    }

    let editable = move || {
        view_state.with(|v| {
            v.as_ref().is_none_or(|v| {
                matches!(
                    v.status,
                    ApplicationStatus::Draft | ApplicationStatus::ReturnedForInformation
                )
            })
        })
    };

    let show_problem = move |e: ClientError| {
        if let ClientError::Api(p) = &e {
            let map = crate::api::field_errors(&i18n, &e);
            if let Some(first) = p.errors.first() {
                step.set(step_of(&first.field));
            }
            errors.set(map);
        }
        message.set(Some(error_text(&i18n, &e)));
    };

    // Saves (creating the draft the first time); then runs `after`.
    let save = {
        let client = client.clone();
        move |after: Box<dyn FnOnce() + Send + Sync>| {
            let client = client.clone();
            busy.set(true);
            message.set(None);
            saved_note.set(false);
            errors.set(HashMap::new());
            spawn_local(async move {
                let f = form.get_untracked();
                let res = match (token.get_untracked(), view_state.get_untracked()) {
                    (Some(t), Some(v)) => client
                        .save_application(&t, v.version, &f)
                        .await
                        .map(|v| (t, v)),
                    _ => client
                        .start_application(&StartApplication {
                            form: f,
                            fax_number: honeypot.get_untracked(),
                        })
                        .await
                        .map(|d| (d.resume_token, d.application)),
                };
                busy.set(false);
                match res {
                    Ok((t, v)) => {
                        let first = token.try_get_untracked().is_some_and(|t| t.is_none());
                        token.set(Some(t.clone()));
                        view_state.set(Some(v));
                        saved_note.set(true);
                        if first {
                            // The address becomes the resume link without remounting the form.
                            replace_address(&format!("/apply#{t}"));
                        }
                        after();
                    }
                    Err(e) => show_problem(e),
                }
            });
        }
    };

    let next = {
        let save = save.clone();
        move |_| {
            save(Box::new(move || {
                step.update(|s| *s = (*s + 1).min(STEPS.len() - 1));
                scroll_top();
            }))
        }
    };
    let send = {
        let client = client.clone();
        let save = save.clone();
        move |_| {
            let client = client.clone();
            save(Box::new(move || {
                let (Some(t), Some(v)) = (token.get_untracked(), view_state.get_untracked()) else {
                    return;
                };
                busy.set(true);
                spawn_local(async move {
                    match client.submit_application(&t, v.version).await {
                        Ok(v) => {
                            view_state.set(Some(v));
                            scroll_top();
                        }
                        Err(e) => show_problem(e),
                    }
                    busy.set(false);
                });
            }))
        }
    };

    let next = StoredValue::new_local(next);
    let withdraw_reason = RwSignal::new(String::new());
    let withdraw_client = StoredValue::new_local(client.clone());
    let send = StoredValue::new_local(send);
    let origin = StoredValue::new(
        web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default(),
    );
    let link = move || {
        token
            .get()
            .map(|t| format!("{}/apply#{t}", origin.try_get_value().unwrap_or_default()))
    };

    // Field bindings.
    macro_rules! bind {
        ($($path:ident).+) => {
            (move || form.with(|f| f.$($path).+.clone()), move |v: String| form.update(|f| f.$($path).+ = v))
        };
    }
    let (g_name, s_name) = bind!(organization.legal_name);
    let (g_ein, s_ein) = bind!(organization.ein);
    let (g_web, s_web) = bind!(organization.website);
    let (g_city, s_city) = bind!(organization.city);
    let (g_cname, s_cname) = bind!(contact.name);
    let (g_ctitle, s_ctitle) = bind!(contact.title);
    let (g_cemail, s_cemail) = bind!(contact.email);
    let (g_cphone, s_cphone) = bind!(contact.phone);
    let (g_title, s_title) = bind!(program.title);
    let (g_desc, s_desc) = bind!(program.description);
    let (g_goals, s_goals) = bind!(program.goals);
    let (g_inkind, s_inkind) = bind!(program.in_kind_description);
    let (g_freq, s_freq) = bind!(program.frequency);
    let (g_year, s_year) = bind!(program.school_year);
    let (g_depts, s_depts) = bind!(program.departments);
    let (g_grades, s_grades) = bind!(program.grades);
    macro_rules! num {
        ($field:ident) => {
            (
                move || form.with(|f| f.program.$field.map(|n| n.to_string()).unwrap_or_default()),
                move |v: String| form.update(|f| f.program.$field = number(&v)),
            )
        };
    }
    let (g_vol, s_vol) = num!(volunteers_expected);
    let (g_cash, s_cash) = num!(cash_value_usd);
    let (g_kind, s_kind) = num!(in_kind_value_usd);
    let (g_students, s_students) = num!(students_expected);
    macro_rules! date {
        ($field:ident) => {
            (
                move || form.with(|f| f.program.$field.map(|d| d.to_string()).unwrap_or_default()),
                move |v: String| {
                    form.update(|f| {
                        f.program.$field = NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok()
                    })
                },
            )
        };
    }
    let (g_start, s_start) = date!(start_date);
    let (g_end, s_end) = date!(end_date);
    macro_rules! q {
        ($field:ident) => {
            (
                move || form.with(|f| f.routing.$field),
                move |v: bool| form.update(|f| f.routing.$field = v),
            )
        };
    }
    let (g_fp, s_fp) = q!(for_profit);
    let (g_free, s_free) = q!(free_for_participants);
    let (g_fac, s_fac) = q!(uses_facilities);
    let (g_after, s_after) = q!(outside_school_hours);
    let (g_contact, s_contact) = q!(contact_with_people);
    let (g_students_q, s_students_q) = q!(students_participate);
    let (g_data, s_data) = q!(collects_data);
    let (g_fin, s_fin) = q!(financial_commitment);
    let (g_virtual, s_virtual) = q!(virtual_component);

    let err_of = move |k: &'static str| move || errors.with(|e| e.get(k).cloned());

    view! {
        <section class="page narrow apply">
            <h1>{move || i18n.t(Key::ApplyTitle)}</h1>
            {move || if loading.get() {
                view! { <Loading/> }.into_any()
            } else if expired.get() {
                view! { <FreshLinks/> }.into_any()
            } else if let Some(msg) = load_error.get() {
                view! { <ErrorBox text=Signal::derive(move || msg.clone())/> }.into_any()
            } else if !editable() {
                let v = view_state.get();
                view! {
                    <div class="state ok" role="status">
                        <p>{move || i18n.t(Key::ApplicationSent)}</p>
                        <p><strong>{move || i18n.t(Key::Status)}": "</strong>{move || v.as_ref().map(|v| i18n.app_status(v.status))}</p>
                    </div>
                }.into_any()
            } else {
                ().into_any()
            }}
            <Show when=move || view_state.with(|v| v.as_ref().is_some_and(|v| v.status.is_open())) && token.get().is_some()>
                <details class="import">
                    <summary>{move || i18n.t(Key::WithdrawTitle)}</summary>
                    <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                        ev.prevent_default();
                        let (Some(t), Some(v)) = (token.try_get_untracked().flatten(), view_state.try_get_untracked().flatten()) else { return };
                        let reason = withdraw_reason.get_untracked();
                        let Some(c) = withdraw_client.try_get_value() else { return };
                        busy.set(true);
                        spawn_local(async move {
                            match c.withdraw_application(&t, v.version, &reason).await {
                                Ok(v) => view_state.set(Some(v)),
                                Err(e) => show_problem(e),
                            }
                            busy.set(false);
                        });
                    }>
                        <div class="field" class:invalid=move || err_of("note")().is_some()>
                            <label for="withdraw-reason">{move || i18n.t(Key::WithdrawReason)}</label>
                            <textarea id="withdraw-reason" rows="2" prop:value=move || withdraw_reason.get() on:input=move |ev| withdraw_reason.set(event_target_value(&ev))></textarea>
                            <p class="field-error" aria-live="polite">{err_of("note")}</p>
                        </div>
                        <button type="submit" disabled=move || busy.get()>{move || i18n.t(Key::Withdraw)}</button>
                    </form>
                </details>
            </Show>
            <Show when=move || !loading.get() && load_error.get().is_none() && editable()>
                <p class="muted">{move || i18n.t(Key::ApplyIntro)}</p>
                <Show when=move || view_state.with(|v| v.as_ref().is_some_and(|v| v.message.is_some()))>
                    <div class="state error" role="status">
                        <p>{move || i18n.t(Key::ReturnedMessage)}</p>
                        <p class="prewrap">{move || view_state.with(|v| v.as_ref().and_then(|v| v.message.clone()))}</p>
                    </div>
                </Show>
                <Show when=move || link().is_some()>
                    <div class="state ok resume">
                        <p><strong>{move || i18n.t(Key::ResumeLinkTitle)}</strong></p>
                        <p><a href=move || link().unwrap_or_default()>{move || link().unwrap_or_default()}</a></p>
                        <p class="muted">{move || i18n.t(Key::ResumeLinkText)}</p>
                    </div>
                </Show>
                <ol class="steps" aria-label=move || i18n.t(Key::StepOf)>
                    {STEPS.iter().enumerate().map(|(i, k)| {
                        let k = *k;
                        view! {
                            <li class:current=move || step.get() == i aria-current=move || if step.get() == i { "step" } else { "false" }>
                                <button type="button" class="link" on:click=move |_| step.set(i)>{move || format!("{}. {}", i + 1, i18n.t(k))}</button>
                            </li>
                        }
                    }).collect_view()}
                </ol>
                <h2>{move || format!("{} {} / {} · {}", i18n.t(Key::StepOf), step.get() + 1, STEPS.len(), i18n.t(STEPS[step.get()]))}</h2>
                <Show when=move || message.get().is_some()>
                    <div class="state error" role="alert">{move || message.get()}</div>
                </Show>
                <Show when=move || saved_note.get()>
                    <p class="state ok" role="status">{move || i18n.t(Key::DraftSaved)}</p>
                </Show>
                <form class="form" novalidate on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
                    <div class="hp" aria-hidden="true">
                        <label for="fax_number">{move || i18n.t(Key::Honeypot)}</label>
                        <input id="fax_number" name="fax_number" tabindex="-1" autocomplete="off"
                            prop:value=move || honeypot.get() on:input=move |ev| honeypot.set(event_target_value(&ev))/>
                    </div>
                    <div hidden=move || step.get() != 0 class="form">
                        {text(i18n, "organization.legal_name", Key::LegalName, "text", errors, g_name, s_name)}
                        <div class="field" class:invalid=move || err_of("organization.org_type")().is_some()>
                            <label for="organization.org_type">{move || i18n.t(Key::OrgType)}</label>
                            <select id="organization.org_type" on:change=move |ev| form.update(|f| f.organization.org_type = OrganizationType::parse(&event_target_value(&ev)))>
                                <option value="" selected=move || form.with(|f| f.organization.org_type.is_none())>"—"</option>
                                {OrganizationType::ALL.iter().map(|t| {
                                    let t = *t;
                                    view! { <option value=t.as_str() selected=move || form.with(|f| f.organization.org_type == Some(t))>{move || i18n.org_type(t)}</option> }
                                }).collect_view()}
                            </select>
                            <p class="field-error" aria-live="polite">{err_of("organization.org_type")}</p>
                        </div>
                        <div class="field" class:invalid=move || err_of("organization.tax_status")().is_some()>
                            <label for="organization.tax_status">{move || i18n.t(Key::TaxStatusLabel)}</label>
                            <select id="organization.tax_status" on:change=move |ev| form.update(|f| f.organization.tax_status = TaxStatus::parse(&event_target_value(&ev)))>
                                <option value="" selected=move || form.with(|f| f.organization.tax_status.is_none())>"—"</option>
                                {TaxStatus::ALL.iter().map(|t| {
                                    let t = *t;
                                    view! { <option value=t.as_str() selected=move || form.with(|f| f.organization.tax_status == Some(t))>{move || i18n.tax_status(t)}</option> }
                                }).collect_view()}
                            </select>
                            <p class="field-error" aria-live="polite">{err_of("organization.tax_status")}</p>
                        </div>
                        {text(i18n, "organization.ein", Key::Ein, "text", errors, g_ein, s_ein)}
                        {text(i18n, "organization.website", Key::Website, "url", errors, g_web, s_web)}
                        {text(i18n, "organization.city", Key::City, "text", errors, g_city, s_city)}
                        <h3>{move || i18n.t(Key::ContactPerson)}</h3>
                        {text(i18n, "contact.name", Key::ContactName, "text", errors, g_cname, s_cname)}
                        {text(i18n, "contact.title", Key::JobTitle, "text", errors, g_ctitle, s_ctitle)}
                        {text(i18n, "contact.email", Key::Email, "email", errors, g_cemail, s_cemail)}
                        {text(i18n, "contact.phone", Key::Phone, "tel", errors, g_cphone, s_cphone)}
                    </div>
                    <div hidden=move || step.get() != 1 class="form">
                        {text(i18n, "program.title", Key::ProgramTitle, "text", errors, g_title, s_title)}
                        {area(i18n, "program.description", Key::ProgramDescription, errors, g_desc, s_desc)}
                        {area(i18n, "program.goals", Key::Goals, errors, g_goals, s_goals)}
                        <fieldset class="checks" class:invalid=move || err_of("program.support_areas")().is_some()>
                            <legend>{move || i18n.t(Key::SupportAreas)}</legend>
                            {SupportArea::ALL.iter().map(|a| {
                                let a = *a;
                                let id = format!("sa-{}", a.as_str());
                                view! {
                                    <div class="field check">
                                        <input id=id.clone() type="checkbox" prop:checked=move || form.with(|f| f.program.support_areas.contains(&a))
                                            on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| { f.program.support_areas.retain(|x| *x != a); if on { f.program.support_areas.push(a); } }); }/>
                                        <label for=id>{move || i18n.support_area(a)}</label>
                                    </div>
                                }
                            }).collect_view()}
                            <p class="field-error" aria-live="polite">{err_of("program.support_areas")}</p>
                        </fieldset>
                        <fieldset class="checks" class:invalid=move || err_of("program.contributions")().is_some()>
                            <legend>{move || i18n.t(Key::Contributions)}</legend>
                            {[(ContributionKind::Time, Key::ContribTime), (ContributionKind::Treasure, Key::ContribTreasure), (ContributionKind::Talent, Key::ContribTalent)].into_iter().map(|(k, label)| {
                                let id = format!("contrib-{}", k.as_str());
                                view! {
                                    <div class="field check">
                                        <input id=id.clone() type="checkbox" prop:checked=move || form.with(|f| f.program.contributions.contains(&k))
                                            on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| { f.program.contributions.retain(|x| *x != k); if on { f.program.contributions.push(k); } }); }/>
                                        <label for=id>{move || i18n.t(label)}</label>
                                    </div>
                                }
                            }).collect_view()}
                            <p class="field-error" aria-live="polite">{err_of("program.contributions")}</p>
                        </fieldset>
                        {text(i18n, "program.volunteers_expected", Key::VolunteersExpected, "number", errors, g_vol, s_vol)}
                        {text(i18n, "program.cash_value_usd", Key::CashValue, "number", errors, g_cash, s_cash)}
                        {text(i18n, "program.in_kind_value_usd", Key::InKindValue, "number", errors, g_kind, s_kind)}
                        {text(i18n, "program.in_kind_description", Key::InKindDescription, "text", errors, g_inkind, s_inkind)}
                        <fieldset class="yesno" class:invalid=move || err_of("program.commitment")().is_some()>
                            <legend>{move || i18n.t(Key::Commitment)}</legend>
                            <label><input type="radio" name="commitment" prop:checked=move || form.with(|f| f.program.commitment == Some(CommitmentLevel::OneTime))
                                on:change=move |_| form.update(|f| f.program.commitment = Some(CommitmentLevel::OneTime))/> {move || i18n.t(Key::OneTime)}</label>
                            <label><input type="radio" name="commitment" prop:checked=move || form.with(|f| f.program.commitment == Some(CommitmentLevel::Ongoing))
                                on:change=move |_| form.update(|f| f.program.commitment = Some(CommitmentLevel::Ongoing))/> {move || i18n.t(Key::Ongoing)}</label>
                            <p class="field-error" aria-live="polite">{err_of("program.commitment")}</p>
                        </fieldset>
                        {text(i18n, "program.frequency", Key::Frequency, "text", errors, g_freq, s_freq)}
                        {text(i18n, "program.school_year", Key::SchoolYear, "text", errors, g_year, s_year)}
                    </div>
                    <div hidden=move || step.get() != 2 class="form">
                        <fieldset class="checks" class:invalid=move || err_of("program.school_ids")().is_some()>
                            <legend>{move || i18n.t(Key::SchoolsToServe)}</legend>
                            <div class="field">
                                <label for="school-filter">{move || i18n.t(Key::FilterSchools)}</label>
                                <input id="school-filter" type="search" prop:value=move || school_filter.get() on:input=move |ev| school_filter.set(event_target_value(&ev))/>
                            </div>
                            <div class="school-picks">
                                {move || {
                                    let needle = school_filter.get().to_lowercase();
                                    let chosen = form.with(|f| f.program.school_ids.clone());
                                    schools.get().into_iter()
                                        .filter(|s| chosen.contains(&s.id) || (!needle.is_empty() && (s.name.to_lowercase().contains(&needle) || s.code.to_lowercase().contains(&needle))))
                                        .take(40)
                                        .map(|s| {
                                            let sid: SchoolId = s.id;
                                            let id = format!("school-{}", sid.0.simple());
                                            view! {
                                                <div class="field check">
                                                    <input id=id.clone() type="checkbox" prop:checked=move || form.with(|f| f.program.school_ids.contains(&sid))
                                                        on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| { f.program.school_ids.retain(|x| *x != sid); if on { f.program.school_ids.push(sid); } }); }/>
                                                    <label for=id>{format!("{} ({})", s.name, s.code)}</label>
                                                </div>
                                            }
                                        }).collect_view()
                                }}
                            </div>
                            <p class="field-error" aria-live="polite">{err_of("program.school_ids")}</p>
                        </fieldset>
                        {text(i18n, "program.departments", Key::Departments, "text", errors, g_depts, s_depts)}
                        {text(i18n, "program.grades", Key::Grades, "text", errors, g_grades, s_grades)}
                        {text(i18n, "program.students_expected", Key::StudentsExpected, "number", errors, g_students, s_students)}
                        {text(i18n, "program.start_date", Key::StartDate, "date", errors, g_start, s_start)}
                        {text(i18n, "program.end_date", Key::EndDate, "date", errors, g_end, s_end)}
                    </div>
                    <div hidden=move || step.get() != 3 class="form">
                        {yes_no(i18n, "q-for-profit", Key::QForProfit, g_fp, s_fp)}
                        <p class="field-error" aria-live="polite">{err_of("routing.for_profit")}</p>
                        {yes_no(i18n, "q-free", Key::QFree, g_free, s_free)}
                        {yes_no(i18n, "q-facilities", Key::QFacilities, g_fac, s_fac)}
                        <Show when=g_fac>{yes_no(i18n, "q-after-hours", Key::QAfterHours, g_after, s_after)}</Show>
                        {yes_no(i18n, "q-contact", Key::QContact, g_contact, s_contact)}
                        {yes_no(i18n, "q-students", Key::QStudents, g_students_q, s_students_q)}
                        {yes_no(i18n, "q-data", Key::QData, g_data, s_data)}
                        {yes_no(i18n, "q-financial", Key::QFinancial, g_fin, s_fin)}
                        {yes_no(i18n, "q-virtual", Key::QVirtual, g_virtual, s_virtual)}
                    </div>
                    <div hidden=move || step.get() != 4 class="form">
                        <dl class="details">
                            <dt>{move || i18n.t(Key::LegalName)}</dt><dd>{move || form.with(|f| f.organization.legal_name.clone())}</dd>
                            <dt>{move || i18n.t(Key::ContactPerson)}</dt><dd>{move || form.with(|f| format!("{} · {}", f.contact.name, f.contact.email))}</dd>
                            <dt>{move || i18n.t(Key::ProgramTitle)}</dt><dd>{move || form.with(|f| f.program.title.clone())}</dd>
                            <dt>{move || i18n.t(Key::SupportAreas)}</dt><dd>{move || form.with(|f| f.program.support_areas.iter().map(|a| i18n.support_area(*a)).collect::<Vec<_>>().join(", "))}</dd>
                            <dt>{move || i18n.t(Key::SchoolsToServe)}</dt><dd>{move || {
                                let chosen = form.with(|f| f.program.school_ids.clone());
                                schools.with(|all| all.iter().filter(|s| chosen.contains(&s.id)).map(|s| s.name.clone()).collect::<Vec<_>>().join(", "))
                            }}</dd>
                        </dl>
                    </div>
                    <div class="actions">
                        <Show when=move || { step.get() != 0 }>
                            <button type="button" on:click=move |_| step.update(|s| *s = s.saturating_sub(1))>{move || i18n.t(Key::Previous)}</button>
                        </Show>
                        <Show when=move || { step.get() + 1 < STEPS.len() } fallback=move || view! {
                            <button type="button" class="primary" disabled=move || busy.get()
                                on:click=move |ev| { send.try_with_value(|f| f(ev)); }>{move || i18n.t(Key::SendApplication)}</button>
                        }>
                            <button type="button" class="primary" disabled=move || busy.get()
                                on:click=move |ev| { next.try_with_value(|f| f(ev)); }>{move || i18n.t(Key::Next)}</button>
                        </Show>
                    </div>
                </form>
            </Show>
        </section>
    }
}

fn scroll_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// An expired resume link: the applicant gives the application's contact email and gets fresh
/// links by email (the same answer whether or not it applied).
#[component]
fn FreshLinks() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let errors = RwSignal::new(HashMap::<String, String>::new());
    let error = RwSignal::new(None::<String>);
    let sent = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        errors.set(HashMap::new());
        spawn_local(async move {
            match auth
                .anonymous()
                .request_resume_links(&email.get_untracked())
                .await
            {
                Ok(()) => sent.set(true),
                Err(e) => {
                    errors.set(crate::api::field_errors(&i18n, &e));
                    error.set(Some(error_text(&i18n, &e)));
                }
            }
            busy.set(false);
        });
    };
    view! {
        <div class="state error" role="alert">{move || i18n.t(Key::LinkExpired)}</div>
        <Show
            when=move || sent.get()
            fallback=move || view! {
                <form class="form" on:submit=submit novalidate>
                    <Show when=move || error.get().is_some()>
                        <div class="state error" role="alert">{move || error.get()}</div>
                    </Show>
                    <crate::components::field::TextField name="email" id_prefix="fresh-" label=Signal::derive(move || i18n.t(Key::FreshLinkEmail)) value=email errors=errors kind="email" autocomplete="email" required=true/>
                    <button type="submit" class="primary" disabled=move || busy.get()>{move || i18n.t(Key::FreshLinkSend)}</button>
                </form>
            }
        >
            <p class="state ok" role="status">{move || i18n.t(Key::FreshLinkSent)}</p>
        </Show>
    }
}
