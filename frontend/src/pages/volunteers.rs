//! Volunteers: registration on a phone (no account yet), "my volunteering" with the clearance
//! standing, and for the office the volunteer list and profile where clearances are recorded.

use chrono::NaiveDate;
use domain::Permission;
use domain::volunteer::{
    Badge, BadgeCheck, BadgeRevocation, Clearance, ClearanceInput, ClearanceStatus, ClearanceType,
    DuplicateGroup, EndProfile, Interest, MergeRequest, ParentLeaderInput, ParentLeaderRole,
    Reinstate, Standing, StopVolunteering, Volunteer, VolunteerKind, VolunteerQuery,
    VolunteerRegistration, VolunteerSummary,
};
use domain::{SchoolId, VolunteerId};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::api::{error_text, field_errors, use_auth};
use crate::components::field::{CheckField, FieldErrors, TextField};
use crate::components::status::{Empty, ErrorBox, Loading};
use crate::i18n::{I18n, Key, use_i18n};

/// `/volunteer`: register as a volunteer.
#[component]
pub fn VolunteerRegister() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let navigate = StoredValue::new_local(use_navigate());
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let kind = RwSignal::new(VolunteerKind::ParentGuardian.as_str().to_string());
    let school_pick = RwSignal::new(String::new());
    let schools = RwSignal::new(Vec::<SchoolId>::new());
    let choices = RwSignal::new(Vec::<domain::school::SchoolChoice>::new());
    let organization = RwSignal::new(String::new());
    let partners = RwSignal::new(Vec::<domain::organization::PartnerChoice>::new());
    let interests = RwSignal::new(Vec::<Interest>::new());
    let availability = RwSignal::new(String::new());
    let honeypot = RwSignal::new(String::new());
    let errors: FieldErrors = RwSignal::new(Default::default());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    spawn_local(async move {
        if let Ok(list) = auth.anonymous().public_schools().await {
            let _ = choices.try_set(list);
        }
    });
    spawn_local(async move {
        if let Ok(list) = auth.anonymous().public_partners().await {
            let _ = partners.try_set(list);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let req = VolunteerRegistration {
            name: name.get_untracked(),
            email: email.get_untracked(),
            phone: phone.get_untracked(),
            password: password.get_untracked(),
            preferred_language: i18n.lang.get_untracked().tag().to_string(),
            kind: VolunteerKind::parse(&kind.get_untracked())
                .unwrap_or(VolunteerKind::CommunityMember),
            organization_id: organization.get_untracked().parse().ok(),
            school_ids: schools.get_untracked(),
            interests: interests.get_untracked(),
            availability: availability.get_untracked(),
            fax_number: honeypot.get_untracked(),
        };
        busy.set(true);
        error.set(None);
        errors.set(Default::default());
        spawn_local(async move {
            let anon = auth.anonymous();
            match anon.register_volunteer(&req).await {
                Ok(_) => match anon.login(&req.email, &req.password).await {
                    Ok(t) => {
                        auth.set(t);
                        if let Some(go) = navigate.try_get_value() {
                            go("/volunteer/me", Default::default());
                        }
                    }
                    Err(e) => {
                        let _ = error.try_set(Some(error_text(&i18n, &e)));
                    }
                },
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
            <h1>{move || i18n.t(Key::VolunteerTitle)}</h1>
            <p class="muted">{move || i18n.t(Key::VolunteerIntro)}</p>
            <form class="form" novalidate on:submit=submit>
                <Show when=move || error.get().is_some()>
                    <div class="state error" role="alert">{move || error.get()}</div>
                </Show>
                <TextField name="name" label=Signal::derive(move || i18n.t(Key::FullName)) value=name errors=errors autocomplete="name" required=true/>
                <TextField name="email" kind="email" label=Signal::derive(move || i18n.t(Key::Email)) value=email errors=errors autocomplete="email" required=true/>
                <TextField name="phone" kind="tel" label=Signal::derive(move || i18n.t(Key::MobilePhone)) value=phone errors=errors autocomplete="tel" required=true/>
                <TextField name="password" kind="password" label=Signal::derive(move || i18n.t(Key::NewPassword)) value=password errors=errors autocomplete="new-password" required=true/>
                <div class="field">
                    <label for="f-kind">{move || i18n.t(Key::VolunteerKindLabel)}</label>
                    <select id="f-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                        {VolunteerKind::ALL.iter().map(|k| {
                            let k = *k;
                            view! { <option value=k.as_str() selected=move || kind.get() == k.as_str()>{move || i18n.volunteer_kind(k)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <Show when=move || kind.get() == VolunteerKind::PartnerAffiliated.as_str()>
                    <div class="field" class:invalid=move || err("organization_id")().is_some()>
                        <label for="f-organization_id">{move || i18n.t(Key::PartnerOrganizationLabel)}</label>
                        <select id="f-organization_id" aria-describedby="f-organization_id-error" on:change=move |ev| organization.set(event_target_value(&ev))>
                            <option value="">{move || i18n.t(Key::ChoosePartner)}</option>
                            {move || partners.get().into_iter().map(|p| {
                                let v = p.id.to_string();
                                let sel = organization.get() == v;
                                view! { <option value=v selected=sel>{p.name.clone()}</option> }
                            }).collect_view()}
                        </select>
                        <p class="field-error" id="f-organization_id-error" aria-live="polite">{err("organization_id")}</p>
                    </div>
                </Show>
                <div class="field" class:invalid=move || err("school_ids")().is_some()>
                    <label for="f-school-pick">{move || i18n.t(Key::SchoolsToServe)}</label>
                    <div class="inline">
                        <select id="f-school-pick" aria-describedby="f-school_ids-error" on:change=move |ev| school_pick.set(event_target_value(&ev))>
                            <option value="">{move || i18n.t(Key::ChooseSchool)}</option>
                            {move || choices.get().into_iter().map(|s| view! {
                                <option value=s.id.to_string()>{format!("{} ({})", s.name, s.code)}</option>
                            }).collect_view()}
                        </select>
                        <button type="button" on:click=move |_| {
                            if let Ok(id) = school_pick.get_untracked().parse() {
                                schools.update(|s| if !s.contains(&id) { s.push(id) });
                            }
                        }>{move || i18n.t(Key::AddSchoolToList)}</button>
                    </div>
                    <ul class="chips">
                        {move || schools.get().into_iter().map(|id| {
                            let label = choices.with(|c| c.iter().find(|s| s.id == id).map(|s| s.name.clone())).unwrap_or_else(|| id.to_string());
                            let aria = label.clone();
                            view! {
                                <li class="chip">{label}
                                    <button type="button" class="link" aria-label=move || format!("{} {aria}", i18n.t(Key::Remove))
                                        on:click=move |_| schools.update(|s| s.retain(|x| *x != id))>"×"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <p class="field-error" id="f-school_ids-error" aria-live="polite">{err("school_ids")}</p>
                </div>
                <fieldset class="checks">
                    <legend>{move || i18n.t(Key::Interests)}</legend>
                    {Interest::ALL.iter().map(|x| {
                        let x = *x;
                        let id = format!("f-interest-{}", x.as_str());
                        view! {
                            <div class="field check">
                                <input id=id.clone() type="checkbox" prop:checked=move || interests.with(|i| i.contains(&x))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        interests.update(|i| { i.retain(|y| *y != x); if on { i.push(x) } });
                                    }/>
                                <label for=id>{move || i18n.interest(x)}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="field">
                    <label for="f-availability">{move || i18n.t(Key::Availability)}</label>
                    <textarea id="f-availability" rows="2" prop:value=move || availability.get() on:input=move |ev| availability.set(event_target_value(&ev))></textarea>
                </div>
                <div class="hp" aria-hidden="true">
                    <label for="fax_number">{move || i18n.t(Key::Honeypot)}</label>
                    <input id="fax_number" name="fax_number" tabindex="-1" autocomplete="off"
                        prop:value=move || honeypot.get() on:input=move |ev| honeypot.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="primary" disabled=move || busy.get()>{move || i18n.t(Key::RegisterVolunteer)}</button>
            </form>
        </section>
    }
}

fn standing_text(i18n: I18n, s: Standing) -> String {
    match s {
        Standing::Current { until, renewal_due } if until == NaiveDate::MAX => {
            let _ = renewal_due;
            i18n.t(Key::ClearanceCurrent).to_string()
        }
        Standing::Current { until, renewal_due } => {
            let mut t = format!("{} {until}", i18n.t(Key::ClearanceCurrentUntil));
            if renewal_due {
                t.push_str(&format!(" · {}", i18n.t(Key::RenewSoon)));
            }
            t
        }
        Standing::InGrace { grace_until, .. } => {
            format!("{} {grace_until}", i18n.t(Key::ClearanceGrace))
        }
        Standing::Pending => i18n.t(Key::ClearancePendingText).to_string(),
        Standing::Denied => i18n.t(Key::ClearanceDeniedText).to_string(),
        Standing::Expired { .. } => i18n.t(Key::ClearanceExpiredText).to_string(),
        Standing::Missing => i18n.t(Key::ClearanceMissingText).to_string(),
    }
}

fn ledger(i18n: I18n, list: Vec<Clearance>) -> impl IntoView {
    view! {
        <ul class="plain">
            {list.into_iter().map(|c| {
                let (k, s) = (c.kind, c.status);
                view! {
                    <li>
                        <strong>{move || i18n.clearance_type(k)}</strong> " · "
                        <span class="badge">{move || i18n.clearance_status(s)}</span>
                        {c.expires_on.map(|d| view! { " · " {move || i18n.t(Key::ExpiresOn)} " " {d.to_string()} })}
                        <span class="muted small">{format!(" · {}", c.recorded_at.format("%Y-%m-%d"))}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// `/volunteer/me`: the volunteer's own page.
#[component]
pub fn MyVolunteering() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let data = RwSignal::new(None::<Result<Volunteer, String>>);
    let signups = RwSignal::new(None::<Vec<domain::opportunity::Opportunity>>);
    spawn_local(async move {
        let res = auth
            .call(|c| async move { c.my_volunteer_profile().await })
            .await;
        let _ = data.try_set(Some(res.map_err(|e| error_text(&i18n, &e))));
        let q = domain::opportunity::OpportunityQuery {
            mine: Some(true),
            limit: Some(100),
            ..Default::default()
        };
        if let Ok(page) = auth
            .call(|c| {
                let q = q.clone();
                async move { c.list_opportunities(&q).await }
            })
            .await
        {
            let _ = signups.try_set(Some(page.items));
        }
    });
    view! {
        <section class="page narrow">
            <h1>{move || i18n.t(Key::MyVolunteering)}</h1>
            {move || match data.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone())/> }.into_any(),
                Some(Ok(v)) => {
                    let s = v.standing;
                    view! {
                        <p class="lead">{v.name.clone()}</p>
                        {v.ended.clone().map(|e| view! {
                            <div class="panel" role="status"><p>{move || i18n.t(Key::StoppedOn)} " " {e.ended_on.to_string()}</p></div>
                        })}
                        <div class="panel" class:ok=s.may_serve() role="status">
                            <h2>{move || i18n.t(Key::ClearanceStatusLabel)}</h2>
                            <p>{move || standing_text(i18n, s)}</p>
                        </div>
                        <BadgeCard/>
                        <h2>{move || i18n.t(Key::OppMySignups)}</h2>
                        {move || match signups.get() {
                            None => view! { <Loading/> }.into_any(),
                            Some(list) if list.is_empty() => view! { <Empty text=Signal::derive(move || i18n.t(Key::OppNoneYet).to_string())/> }.into_any(),
                            Some(list) => view! {
                                <ul class="plain">
                                    {list.into_iter().map(|o| {
                                        let st = o.my_signup.as_ref().map(|m| m.status);
                                        let pos = o.my_signup.as_ref().and_then(|m| m.waitlist_position);
                                        view! {
                                            <li>
                                                <A href=format!("/opportunities/{}", o.id)>{o.title.clone()}</A>
                                                " · " {o.school_name.clone()} " · "
                                                {crate::time::local_text(o.starts_at, i18n.lang.get_untracked())}
                                                {st.map(|st| view! { <span class="badge">{move || i18n.signup_status(st)}</span> })}
                                                {pos.map(|n| format!(" #{n}"))}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any(),
                        }}
                        <p><A href="/opportunities" attr:class="button primary">{move || i18n.t(Key::OppFind)}</A></p>
                        <crate::pages::hours::MyHours schools=Signal::derive({ let s = v.school_ids.clone(); move || s.clone() })/>
                        <h2>{move || i18n.t(Key::ClearanceLedger)}</h2>
                        {ledger(i18n, v.clearances.clone())}
                        {v.ended.is_none().then(|| view! { <StopVolunteeringForm data=data/> })}
                    }.into_any()
                }
            }}
        </section>
    }
}

/// The volunteer's badge: name, standing and the QR code of the address that checks it;
/// printable on its own.
#[component]
fn BadgeCard() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let badge = RwSignal::new(None::<Result<Badge, String>>);
    spawn_local(async move {
        let res = auth.call(|c| async move { c.my_badge().await }).await;
        let _ = badge.try_set(Some(res.map_err(|e| error_text(&i18n, &e))));
    });
    view! {
        <section class="panel volunteer-badge" aria-labelledby="badge-title">
            <h2 id="badge-title">{move || i18n.t(Key::VolunteerBadge)}</h2>
            {move || match badge.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone())/> }.into_any(),
                Some(Ok(b)) => {
                    let s = b.standing;
                    view! {
                        <p class="badge-name">{b.name.clone()}</p>
                        <p>{move || standing_text(i18n, s)}</p>
                        <div class="badge-qr" role="img" aria-label=move || i18n.t(Key::BadgeQrAlt) inner_html=b.qr_svg.clone()></div>
                        <p class="muted small noprint">{move || i18n.t(Key::BadgeHelp)}</p>
                        <p class="noprint"><A href=format!("/badge/{}", b.token)>{move || i18n.t(Key::BadgeOpenCheck)}</A></p>
                        <button type="button" class="noprint" on:click=move |_| {
                            if let Some(w) = web_sys::window() { let _ = w.print(); }
                        }>{move || i18n.t(Key::PrintBadge)}</button>
                    }.into_any()
                }
            }}
        </section>
    }
}

/// `/badge/:token`: what anyone at a school sees when they scan a volunteer's badge (no
/// account needed).
#[component]
pub fn BadgeCheckPage() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let params = use_params_map();
    let token = params
        .with_untracked(|p| p.get("token"))
        .unwrap_or_default();
    let check = RwSignal::new(None::<Result<BadgeCheck, String>>);
    spawn_local(async move {
        let res = auth.anonymous().check_badge(&token).await;
        let _ = check.try_set(Some(res.map_err(|e| {
            if e.status() == Some(404) {
                i18n.t(Key::BadgeUnknown).to_string()
            } else {
                error_text(&i18n, &e)
            }
        })));
    });
    view! {
        <section class="page narrow">
            <h1>{move || i18n.t(Key::BadgeCheckTitle)}</h1>
            {move || match check.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone())/> }.into_any(),
                Some(Ok(c)) => {
                    let (ok, through, on) = (c.may_serve, c.valid_through, c.checked_on);
                    view! {
                        <div class="panel badge-check" class:ok=ok class:refused=!ok role="status">
                            <p class="badge-name">{c.name.clone()}</p>
                            <p class="verdict">{move || if ok { i18n.t(Key::BadgeMayServe) } else { i18n.t(Key::BadgeMayNotServe) }}</p>
                            {through.map(|d| view! { <p>{move || i18n.t(Key::BadgeValidThrough)} " " {d.to_string()}</p> })}
                            <p class="muted small">{move || i18n.t(Key::CheckedOn)} " " {on.to_string()}</p>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}

/// `/volunteers`: the office's list.
#[component]
pub fn VolunteerList() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let items = RwSignal::new(None::<Result<Vec<VolunteerSummary>, String>>);
    let next = RwSignal::new(None::<String>);
    let export_error = RwSignal::new(None::<String>);
    let load = move |more: bool| {
        let q = VolunteerQuery {
            limit: Some(25),
            cursor: if more { next.get_untracked() } else { None },
            ..Default::default()
        };
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let q = q.clone();
                    async move { c.list_volunteers(&q).await }
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
    view! {
        <section class="page">
            <div class="page-head">
                <h1>{move || i18n.t(Key::NavVolunteers)}</h1>
                <div class="actions">
                    <A href="/volunteers/dashboard" attr:class="button">{move || i18n.t(Key::VolDashboard)}</A>
                    <Show when=move || auth.can(Permission::ManageVolunteers)>
                        <A href="/volunteers/duplicates" attr:class="button">{move || i18n.t(Key::VolDuplicates)}</A>
                        <A href="/volunteers/import" attr:class="button">{move || i18n.t(Key::ImportVolTitle)}</A>
                    </Show>
                    <button type="button" on:click=move |_| {
                        crate::api::download_csv(auth, i18n, "volunteers.csv", export_error, |c| async move {
                            c.export_volunteers(&VolunteerQuery::default()).await
                        });
                    }>{move || i18n.t(Key::ExportCsv)}</button>
                </div>
            </div>
            <Show when=move || export_error.get().is_some()>
                <div class="state error" role="alert">{move || export_error.get()}</div>
            </Show>
            <p class="muted">{move || crate::pages::volunteer_dashboard::registered_definition(i18n)}</p>
            {move || match items.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone()) retry=Callback::new(move |_| load(false))/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <Empty text=Signal::derive(move || i18n.t(Key::NoVolunteers).to_string())/> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="cards">
                        {list.into_iter().map(|v| {
                            let k = v.kind;
                            view! {
                                <li class="card">
                                    <A href=format!("/volunteers/{}", v.id)><span class="card-title">{v.name.clone()}</span></A>
                                    <span class="meta">{move || i18n.volunteer_kind(k)}</span>
                                    {v.ended_on.map(|d| view! { <span class="badge">{move || i18n.t(Key::ProfileEnded)} " " {d.to_string()}</span> })}
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

/// `/volunteers/:id`: a profile, where staff record clearances.
#[component]
pub fn VolunteerDetail() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let params = use_params_map();
    let id = params
        .with_untracked(|p| p.get("id"))
        .and_then(|s| s.parse::<VolunteerId>().ok());
    let data = RwSignal::new(None::<Result<Volunteer, String>>);
    let kind = RwSignal::new(ClearanceType::AnnualBackgroundCheck.as_str().to_string());
    let status = RwSignal::new(ClearanceStatus::Cleared.as_str().to_string());
    let cleared_on = RwSignal::new(String::new());
    let expires_on = RwSignal::new(String::new());
    let reference = RwSignal::new(String::new());
    let errors: FieldErrors = RwSignal::new(Default::default());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    if let Some(id) = id {
        spawn_local(async move {
            let res = auth
                .call(|c| async move { c.get_volunteer(id).await })
                .await;
            let _ = data.try_set(Some(res.map_err(|e| error_text(&i18n, &e))));
        });
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(id), Some(version)) = (
            id,
            data.with_untracked(|d| d.as_ref().and_then(|d| d.as_ref().ok()).map(|v| v.version)),
        ) else {
            return;
        };
        let date = |s: String| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok();
        let input = ClearanceInput {
            kind: ClearanceType::parse(&kind.get_untracked())
                .unwrap_or(ClearanceType::AnnualBackgroundCheck),
            status: ClearanceStatus::parse(&status.get_untracked())
                .unwrap_or(ClearanceStatus::Pending),
            cleared_on: date(cleared_on.get_untracked()),
            expires_on: date(expires_on.get_untracked()),
            reference: reference.get_untracked(),
        };
        busy.set(true);
        error.set(None);
        errors.set(Default::default());
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let input = input.clone();
                    async move { c.record_clearance(id, version, &input).await }
                })
                .await;
            match res {
                Ok(v) => {
                    let _ = data.try_set(Some(Ok(v)));
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
        <section class="page narrow">
            <p><A href="/volunteers">{move || format!("← {}", i18n.t(Key::NavVolunteers))}</A></p>
            {move || match (id, data.get()) {
                (None, _) => view! { <crate::pages::not_found::NotFound/> }.into_any(),
                (_, None) => view! { <Loading/> }.into_any(),
                (_, Some(Err(msg))) => view! { <ErrorBox text=Signal::derive(move || msg.clone())/> }.into_any(),
                (_, Some(Ok(v))) => {
                    let (s, k) = (v.standing, v.kind);
                    view! {
                        <h1>{v.name.clone()}</h1>
                        <dl class="details">
                            <dt>{move || i18n.t(Key::VolunteerKindLabel)}</dt><dd>{move || i18n.volunteer_kind(k)}</dd>
                            <dt>{move || i18n.t(Key::Email)}</dt><dd>{v.email.clone()}</dd>
                            <dt>{move || i18n.t(Key::MobilePhone)}</dt><dd>{v.phone.clone()}</dd>
                            <dt>{move || i18n.t(Key::Availability)}</dt><dd>{v.availability.clone()}</dd>
                            <dt>{move || i18n.t(Key::ClearanceStatusLabel)}</dt><dd>{move || standing_text(i18n, s)}</dd>
                            <dt>{move || i18n.t(Key::ParentLeader)}</dt>
                            <dd>{match (v.parent_leader, v.parent_leader_role.clone()) {
                                (true, Some(role)) => format!("{} · {role}", i18n.t(Key::Yes)),
                                (true, None) => i18n.t(Key::Yes).to_string(),
                                (false, _) => i18n.t(Key::No).to_string(),
                            }}</dd>
                            {v.ended.clone().map(|e| view! {
                                <dt>{move || i18n.t(Key::ProfileEnded)}</dt>
                                <dd>{e.ended_on.to_string()} " · " {e.reason.clone()}</dd>
                            })}
                        </dl>
                        {roles_list(i18n, v.parent_leader_roles.clone())}
                        <h2>{move || i18n.t(Key::ClearanceLedger)}</h2>
                        {ledger(i18n, v.clearances.clone())}
                    }.into_any()
                }
            }}
            <Show when=move || auth.can(Permission::FlagParentLeaders) && data.with(|d| matches!(d, Some(Ok(_))))>
                <ParentLeaderForm data=data/>
            </Show>
            <Show when=move || auth.can(Permission::ManageVolunteers) && data.with(|d| matches!(d, Some(Ok(_))))>
                <form class="form panel" novalidate on:submit=submit>
                    <h2>{move || i18n.t(Key::RecordClearance)}</h2>
                    <Show when=move || error.get().is_some()>
                        <div class="state error" role="alert">{move || error.get()}</div>
                    </Show>
                    <div class="field">
                        <label for="f-clearance-kind">{move || i18n.t(Key::ClearanceKind)}</label>
                        <select id="f-clearance-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                            {ClearanceType::ALL.iter().map(|k| {
                                let k = *k;
                                view! { <option value=k.as_str()>{move || i18n.clearance_type(k)}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="f-clearance-status">{move || i18n.t(Key::Decision)}</label>
                        <select id="f-clearance-status" on:change=move |ev| status.set(event_target_value(&ev))>
                            {[ClearanceStatus::Cleared, ClearanceStatus::Pending, ClearanceStatus::Denied, ClearanceStatus::Expired].into_iter().map(|s| view! {
                                <option value=s.as_str()>{move || i18n.clearance_status(s)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="grid two">
                        <TextField name="cleared_on" kind="date" label=Signal::derive(move || i18n.t(Key::ClearedOn)) value=cleared_on errors=errors/>
                        <TextField name="expires_on" kind="date" label=Signal::derive(move || i18n.t(Key::ExpiresOn)) value=expires_on errors=errors/>
                    </div>
                    <TextField name="reference" label=Signal::derive(move || i18n.t(Key::ScreeningReference)) value=reference errors=errors/>
                    <button type="submit" class="primary" disabled=move || busy.get()>{move || i18n.t(Key::Save)}</button>
                </form>
                <RevokeBadgeForm data=data/>
                <ProfileEndForm data=data/>
            </Show>
        </section>
    }
}

/// Revoke a lost or stolen badge (office staff): every badge issued so far stops checking out.
#[component]
fn RevokeBadgeForm(data: RwSignal<Option<Result<Volunteer, String>>>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let errors: FieldErrors = RwSignal::new(Default::default());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(v) = data.with_untracked(|d| d.as_ref().and_then(|d| d.as_ref().ok()).cloned())
        else {
            return;
        };
        let input = BadgeRevocation {
            reason: reason.get_untracked(),
        };
        busy.set(true);
        done.set(false);
        error.set(None);
        errors.set(Default::default());
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let input = input.clone();
                    async move { c.revoke_badges(v.id, v.version, &input).await }
                })
                .await;
            match res {
                Ok(v) => {
                    let _ = data.try_set(Some(Ok(v)));
                    let _ = reason.try_set(String::new());
                    let _ = done.try_set(true);
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
        <form class="form panel" novalidate on:submit=submit>
            <h2>{move || i18n.t(Key::RevokeBadgeTitle)}</h2>
            <p class="muted small">{move || i18n.t(Key::RevokeBadgeHelp)}</p>
            <Show when=move || error.get().is_some()>
                <div class="state error" role="alert">{move || error.get()}</div>
            </Show>
            <Show when=move || done.get()>
                <div class="state ok" role="status">{move || i18n.t(Key::RevokeBadgeDone)}</div>
            </Show>
            <TextField name="reason" id_prefix="revoke-" label=Signal::derive(move || i18n.t(Key::RevokeBadgeReason)) value=reason errors=errors/>
            <button type="submit" disabled=move || busy.get()>{move || i18n.t(Key::RevokeBadgeButton)}</button>
        </form>
    }
}

/// Flag or unflag a parent leader (coordinators of the volunteer's schools, staff).
#[component]
fn ParentLeaderForm(data: RwSignal<Option<Result<Volunteer, String>>>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let current =
        move || data.with_untracked(|d| d.as_ref().and_then(|d| d.as_ref().ok()).cloned());
    let flagged = RwSignal::new(current().is_some_and(|v| v.parent_leader));
    let role = RwSignal::new(
        current()
            .and_then(|v| v.parent_leader_role)
            .unwrap_or_default(),
    );
    let on = RwSignal::new(String::new());
    let errors: FieldErrors = RwSignal::new(Default::default());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(v) = current() else { return };
        let input = ParentLeaderInput {
            parent_leader: flagged.get_untracked(),
            role: Some(role.get_untracked()).filter(|r| !r.trim().is_empty()),
            on: NaiveDate::parse_from_str(&on.get_untracked(), "%Y-%m-%d").ok(),
        };
        busy.set(true);
        saved.set(false);
        error.set(None);
        errors.set(Default::default());
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let input = input.clone();
                    async move { c.flag_parent_leader(v.id, v.version, &input).await }
                })
                .await;
            match res {
                Ok(v) => {
                    let _ = data.try_set(Some(Ok(v)));
                    let _ = saved.try_set(true);
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
        <form class="form panel" novalidate on:submit=submit>
            <h2>{move || i18n.t(Key::ParentLeader)}</h2>
            <p class="muted small">{move || i18n.t(Key::ParentLeaderHelp)}</p>
            <Show when=move || error.get().is_some()>
                <div class="state error" role="alert">{move || error.get()}</div>
            </Show>
            <Show when=move || saved.get()>
                <div class="state ok" role="status">{move || i18n.t(Key::Saved)}</div>
            </Show>
            <CheckField name="parent_leader" label=Signal::derive(move || i18n.t(Key::ParentLeader)) value=flagged/>
            <Show when=move || flagged.get()>
                <TextField name="role" label=Signal::derive(move || i18n.t(Key::ParentLeaderRole)) value=role errors=errors/>
            </Show>
            <TextField name="on" kind="date" id_prefix="leader-" label=Signal::derive(move || i18n.t(Key::ParentLeaderOn)) value=on errors=errors/>
            <button type="submit" class="primary" disabled=move || busy.get()>{move || i18n.t(Key::SaveParentLeader)}</button>
        </form>
    }
}

/// A volunteer's parent-leader roles with their days (what is counted on a given day).
fn roles_list(i18n: I18n, roles: Vec<ParentLeaderRole>) -> impl IntoView {
    (!roles.is_empty()).then(|| {
        view! {
            <h2>{move || i18n.t(Key::ParentLeaderRoles)}</h2>
            <ul class="plain">
                {roles.into_iter().map(|r| view! {
                    <li>
                        {r.role.clone()} " · " {move || i18n.t(Key::RoleSince)} " " {r.started_on.to_string()}
                        {r.ended_on.map(|d| view! { " · " {move || i18n.t(Key::RoleUntil)} " " {d.to_string()} })}
                    </li>
                }).collect_view()}
            </ul>
        }
    })
}

/// Office staff end a profile (the volunteer left), or take the end back.
#[component]
fn ProfileEndForm(data: RwSignal<Option<Result<Volunteer, String>>>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let on = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let errors: FieldErrors = RwSignal::new(Default::default());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let ended = move || {
        data.with(|d| {
            d.as_ref()
                .and_then(|d| d.as_ref().ok())
                .is_some_and(|v| v.ended.is_some())
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(v) = data.with_untracked(|d| d.as_ref().and_then(|d| d.as_ref().ok()).cloned())
        else {
            return;
        };
        let (reason_text, day) = (reason.get_untracked(), on.get_untracked());
        busy.set(true);
        error.set(None);
        errors.set(Default::default());
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let (reason_text, day) = (reason_text.clone(), day.clone());
                    let v = v.clone();
                    async move {
                        if v.ended.is_some() {
                            let input = Reinstate {
                                reason: reason_text,
                            };
                            c.reinstate_volunteer(v.id, v.version, &input).await
                        } else {
                            let input = EndProfile {
                                on: NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok(),
                                reason: reason_text,
                            };
                            c.end_volunteer(v.id, v.version, &input).await
                        }
                    }
                })
                .await;
            match res {
                Ok(v) => {
                    let _ = data.try_set(Some(Ok(v)));
                    let _ = reason.try_set(String::new());
                    let _ = on.try_set(String::new());
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
        <form class="form panel" novalidate on:submit=submit>
            <h2>{move || if ended() { i18n.t(Key::ReinstateTitle) } else { i18n.t(Key::EndProfileTitle) }}</h2>
            <Show when=move || !ended()>
                <p class="muted small">{move || i18n.t(Key::EndProfileHelp)}</p>
            </Show>
            <Show when=move || error.get().is_some()>
                <div class="state error" role="alert">{move || error.get()}</div>
            </Show>
            <Show when=move || !ended()>
                <TextField name="on" kind="date" id_prefix="end-" label=Signal::derive(move || i18n.t(Key::EndProfileOn)) value=on errors=errors/>
            </Show>
            <TextField name="reason" id_prefix="end-" label=Signal::derive(move || if ended() { i18n.t(Key::ReinstateReason) } else { i18n.t(Key::EndProfileReason) }) value=reason errors=errors/>
            <button type="submit" disabled=move || busy.get()>{move || if ended() { i18n.t(Key::ReinstateButton) } else { i18n.t(Key::EndProfileButton) }}</button>
        </form>
    }
}

/// A volunteer stops volunteering (their own page): a reason if they want, and a confirmation.
#[component]
fn StopVolunteeringForm(data: RwSignal<Option<Result<Volunteer, String>>>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let sure = RwSignal::new(false);
    let errors: FieldErrors = RwSignal::new(Default::default());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !sure.get_untracked() {
            return;
        }
        let input = StopVolunteering {
            reason: reason.get_untracked(),
        };
        busy.set(true);
        error.set(None);
        errors.set(Default::default());
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let input = input.clone();
                    async move { c.stop_volunteering(&input).await }
                })
                .await;
            match res {
                Ok(v) => {
                    let _ = data.try_set(Some(Ok(v)));
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
        <form class="form panel" novalidate on:submit=submit>
            <h2>{move || i18n.t(Key::StopTitle)}</h2>
            <p class="muted small">{move || i18n.t(Key::StopHelp)}</p>
            <Show when=move || error.get().is_some()>
                <div class="state error" role="alert">{move || error.get()}</div>
            </Show>
            <TextField name="reason" id_prefix="stop-" label=Signal::derive(move || i18n.t(Key::StopReason)) value=reason errors=errors/>
            <CheckField name="confirm" id_prefix="stop-" label=Signal::derive(move || i18n.t(Key::StopConfirm)) value=sure/>
            <button type="submit" disabled=move || busy.get() || !sure.get()>{move || i18n.t(Key::StopButton)}</button>
        </form>
    }
}

/// `/volunteers/duplicates`: staff fold profiles of one person together.
#[component]
pub fn VolunteerDuplicates() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let groups = RwSignal::new(None::<Result<Vec<DuplicateGroup>, String>>);
    let merged = RwSignal::new(false);
    let load = move || {
        spawn_local(async move {
            let res = auth
                .call(|c| async move { c.volunteer_duplicates().await })
                .await;
            let _ = groups.try_set(Some(res.map_err(|e| error_text(&i18n, &e))));
        });
    };
    load();
    view! {
        <section class="page narrow">
            <p><A href="/volunteers">{move || format!("← {}", i18n.t(Key::NavVolunteers))}</A></p>
            <h1>{move || i18n.t(Key::VolDuplicates)}</h1>
            <p class="muted">{move || i18n.t(Key::VolDuplicatesIntro)}</p>
            <Show when=move || merged.get()>
                <div class="state ok" role="status">{move || i18n.t(Key::MergedText)}</div>
            </Show>
            {move || match groups.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone()) retry=Callback::new(move |_| load())/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <Empty text=Signal::derive(move || i18n.t(Key::NoDuplicates).to_string())/> }.into_any(),
                Some(Ok(list)) => list.into_iter().enumerate().map(|(n, g)| view! {
                    <MergeGroup n=n group=g on_merged=Callback::new(move |_| { merged.set(true); load(); })/>
                }).collect_view().into_any(),
            }}
        </section>
    }
}

/// One group of likely duplicates: choose the profile to keep, say why, merge.
#[component]
fn MergeGroup(n: usize, group: DuplicateGroup, on_merged: Callback<()>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let ids: Vec<VolunteerId> = group.volunteers.iter().map(|v| v.id).collect();
    let keep = RwSignal::new(ids.first().copied());
    let reason = RwSignal::new(String::new());
    let errors: FieldErrors = RwSignal::new(Default::default());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(k) = keep.get_untracked() else {
            return;
        };
        let others: Vec<VolunteerId> = ids.iter().copied().filter(|i| *i != k).collect();
        let why = reason.get_untracked();
        busy.set(true);
        error.set(None);
        errors.set(Default::default());
        spawn_local(async move {
            let mut failed = None;
            for dup in others {
                let req = MergeRequest {
                    duplicate_id: dup,
                    reason: why.clone(),
                };
                let res = auth
                    .call(|c| {
                        let req = req.clone();
                        async move {
                            let v = c.get_volunteer(k).await?;
                            c.merge_volunteers(k, v.version, &req).await
                        }
                    })
                    .await;
                if let Err(e) = res {
                    failed = Some(e);
                    break;
                }
            }
            match failed {
                None => on_merged.run(()),
                Some(e) => {
                    let _ = errors.try_set(field_errors(&i18n, &e));
                    let _ = error.try_set(Some(error_text(&i18n, &e)));
                }
            }
            let _ = busy.try_set(false);
        });
    };
    let name = format!("keep-{n}");
    view! {
        <form class="form panel" novalidate on:submit=submit>
            <h2>{move || i18n.t(Key::SameNameAndPhone)}</h2>
            <Show when=move || error.get().is_some()>
                <div class="state error" role="alert">{move || error.get()}</div>
            </Show>
            <fieldset>
                <legend>{move || i18n.t(Key::KeepThisProfile)}</legend>
                {group.volunteers.into_iter().map(|v| {
                    let (id, k) = (v.id, v.kind);
                    let input_id = format!("{name}-{id}");
                    view! {
                        <div class="field check">
                            <input type="radio" id=input_id.clone() name=name.clone()
                                prop:checked=move || keep.get() == Some(id)
                                on:change=move |_| keep.set(Some(id))/>
                            <label for=input_id>
                                {v.name.clone()} " · " {move || i18n.volunteer_kind(k)} " · "
                                {move || i18n.t(Key::RegisteredOn)} " " {v.created_at.format("%Y-%m-%d").to_string()}
                            </label>
                            " " <A href=format!("/volunteers/{id}")>{id.to_string().chars().take(8).collect::<String>()}</A>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <TextField name="reason" id_prefix=format!("g{n}-") label=Signal::derive(move || i18n.t(Key::MergeReason)) value=reason errors=errors/>
            <button type="submit" class="primary" disabled=move || busy.get()>{move || i18n.t(Key::MergeProfiles)}</button>
        </form>
    }
}
