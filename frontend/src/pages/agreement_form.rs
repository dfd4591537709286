//! Drafting an agreement, and changing its terms while in draft or review. A new agreement
//! can start from an approved application (`/agreements/new?application=…`): the partner,
//! schools, department, kind, owner and dates come from it.

use chrono::NaiveDate;
use domain::agreement::{Agreement, AgreementInput, AgreementKind, DeliverableInput, Responsible};
use domain::organization::OrganizationQuery;
use domain::{AgreementId, ApplicationId, DeliverableId, OrganizationId};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::api::{error_text, field_errors, use_auth};
use crate::components::field::{FieldErrors, TextField};
use crate::components::status::{ErrorBox, Loading};
use crate::i18n::{Key, use_i18n};

/// `/agreements/new`.
#[component]
pub fn NewAgreement() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let query = use_query_map();
    let application = query
        .with_untracked(|q| q.get("application"))
        .and_then(|s| s.parse::<ApplicationId>().ok());
    let initial = RwSignal::new(None::<Result<AgreementInput, String>>);
    match application {
        None => initial.set(Some(Ok(blank(None)))),
        Some(app_id) => spawn_local(async move {
            let res = auth
                .call(|c| async move { c.get_application(app_id).await })
                .await;
            initial.set(Some(
                res.map(|a| {
                    let mut t = blank(a.organization_id);
                    t.application_id = Some(a.id);
                    t.title = a.form.program.title.clone();
                    t.kind = a
                        .routing
                        .first()
                        .map(|r| AgreementKind::for_process(r.process))
                        .unwrap_or(AgreementKind::CommunityPartnership);
                    t.school_ids = a.form.program.school_ids.clone();
                    if let Some(s) = a.collaborating_school_id
                        && !t.school_ids.contains(&s)
                    {
                        t.school_ids.push(s);
                    }
                    t.department = if a.collaborating_department.is_empty() {
                        a.form.program.departments.clone()
                    } else {
                        a.collaborating_department.clone()
                    };
                    t.owner_id = a.owner_id;
                    t.effective_from = a.form.program.start_date;
                    t.expires_on = a.form.program.end_date;
                    t
                })
                .map_err(|e| error_text(&i18n, &e)),
            ));
        }),
    }
    view! {
        <section class="page narrow">
            <p><A href="/agreements">{move || format!("← {}", i18n.t(Key::AgreementsTitle))}</A></p>
            <h1>{move || i18n.t(Key::NewAgreement)}</h1>
            {move || match initial.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone())/> }.into_any(),
                Some(Ok(t)) => view! { <AgreementForm initial=t existing=None/> }.into_any(),
            }}
        </section>
    }
}

/// `/agreements/:id/edit`.
#[component]
pub fn EditAgreement() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let params = use_params_map();
    let id = params
        .with_untracked(|p| p.get("id"))
        .and_then(|s| s.parse::<AgreementId>().ok());
    let data = RwSignal::new(None::<Result<Agreement, String>>);
    if let Some(id) = id {
        spawn_local(async move {
            let res = auth
                .call(|c| async move { c.get_agreement(id).await })
                .await;
            data.set(Some(res.map_err(|e| error_text(&i18n, &e))));
        });
    }
    view! {
        <section class="page narrow">
            <p><A href=id.map(|i| format!("/agreements/{i}")).unwrap_or_else(|| "/agreements".into())>{move || format!("← {}", i18n.t(Key::AgreementsTitle))}</A></p>
            <h1>{move || i18n.t(Key::EditTerms)}</h1>
            {move || match (id, data.get()) {
                (None, _) => view! { <crate::pages::not_found::NotFound/> }.into_any(),
                (_, None) => view! { <Loading/> }.into_any(),
                (_, Some(Err(msg))) => view! { <ErrorBox text=Signal::derive(move || msg.clone())/> }.into_any(),
                (_, Some(Ok(a))) => {
                    let existing = Some((a.id, a.version));
                    view! { <AgreementForm initial=terms_of(&a) existing=existing/> }.into_any()
                }
            }}
        </section>
    }
}

fn blank(org: Option<OrganizationId>) -> AgreementInput {
    AgreementInput {
        title: String::new(),
        kind: AgreementKind::CommunityPartnership,
        organization_id: org.unwrap_or(OrganizationId(uuid::Uuid::nil())),
        application_id: None,
        school_ids: vec![],
        department: String::new(),
        owner_id: None,
        partner_contact_id: None,
        effective_from: None,
        expires_on: None,
        renewal_term_months: None,
        notice_period_days: None,
        deliverables: vec![],
    }
}

fn terms_of(a: &Agreement) -> AgreementInput {
    AgreementInput {
        title: a.title.clone(),
        kind: a.kind,
        organization_id: a.organization_id,
        application_id: a.application_id,
        school_ids: a.school_ids.clone(),
        department: a.department.clone(),
        owner_id: a.owner_id,
        partner_contact_id: a.partner_contact_id,
        effective_from: a.effective_from,
        expires_on: a.expires_on,
        renewal_term_months: a.renewal_term_months,
        notice_period_days: a.notice_period_days,
        deliverables: a
            .deliverables
            .iter()
            .map(|d| DeliverableInput {
                id: Some(d.id),
                description: d.description.clone(),
                responsible: d.responsible,
                metric: d.metric.clone(),
                target: d.target.clone(),
                due_on: d.due_on,
                cadence: d.cadence.clone(),
            })
            .collect(),
    }
}

/// One deliverable being edited.
#[derive(Clone, Copy)]
struct Row {
    key: u32,
    id: Option<DeliverableId>,
    description: RwSignal<String>,
    responsible: RwSignal<String>,
    metric: RwSignal<String>,
    target: RwSignal<String>,
    cadence: RwSignal<String>,
    due_on: RwSignal<String>,
}

impl Row {
    fn new(key: u32, d: Option<&DeliverableInput>) -> Row {
        Row {
            key,
            id: d.and_then(|d| d.id),
            description: RwSignal::new(d.map(|d| d.description.clone()).unwrap_or_default()),
            responsible: RwSignal::new(
                d.map(|d| d.responsible)
                    .unwrap_or(Responsible::Partner)
                    .as_str()
                    .to_string(),
            ),
            metric: RwSignal::new(d.map(|d| d.metric.clone()).unwrap_or_default()),
            target: RwSignal::new(d.map(|d| d.target.clone()).unwrap_or_default()),
            cadence: RwSignal::new(d.map(|d| d.cadence.clone()).unwrap_or_default()),
            due_on: RwSignal::new(
                d.and_then(|d| d.due_on)
                    .map(|x| x.to_string())
                    .unwrap_or_default(),
            ),
        }
    }

    fn input(&self) -> DeliverableInput {
        DeliverableInput {
            id: self.id,
            description: self.description.get_untracked(),
            responsible: Responsible::parse(&self.responsible.get_untracked())
                .unwrap_or(Responsible::Partner),
            metric: self.metric.get_untracked(),
            target: self.target.get_untracked(),
            due_on: NaiveDate::parse_from_str(&self.due_on.get_untracked(), "%Y-%m-%d").ok(),
            cadence: self.cadence.get_untracked(),
        }
    }
}

fn date_text(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn num_text(n: Option<u16>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

#[component]
fn AgreementForm(initial: AgreementInput, existing: Option<(AgreementId, i32)>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let errors: FieldErrors = RwSignal::new(Default::default());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let title = RwSignal::new(initial.title.clone());
    let kind = RwSignal::new(initial.kind.as_str().to_string());
    let org = RwSignal::new(if initial.organization_id.0.is_nil() {
        String::new()
    } else {
        initial.organization_id.to_string()
    });
    let org_search = RwSignal::new(String::new());
    let org_options = RwSignal::new(Vec::<(String, String)>::new());
    let contacts = RwSignal::new(Vec::<(String, String)>::new());
    let contact = RwSignal::new(
        initial
            .partner_contact_id
            .map(|c| c.to_string())
            .unwrap_or_default(),
    );
    let schools = RwSignal::new(initial.school_ids.clone());
    let school_pick = RwSignal::new(String::new());
    let school_choices = RwSignal::new(Vec::<domain::school::SchoolChoice>::new());
    let department = RwSignal::new(initial.department.clone());
    let me = auth.me.with_untracked(|m| m.as_ref().map(|m| m.id));
    let owner = RwSignal::new(
        initial
            .owner_id
            .or(if existing.is_none() { me } else { None })
            .map(|o| o.to_string())
            .unwrap_or_default(),
    );
    let staff = RwSignal::new(Vec::<domain::user::StaffMember>::new());
    spawn_local(async move {
        if let Ok(list) = auth.call(|c| async move { c.staff().await }).await {
            let _ = staff.try_set(list);
        }
    });
    let effective_from = RwSignal::new(date_text(initial.effective_from));
    let expires_on = RwSignal::new(date_text(initial.expires_on));
    let renewal = RwSignal::new(num_text(initial.renewal_term_months));
    let notice = RwSignal::new(num_text(initial.notice_period_days));
    let application_id = initial.application_id;
    let next_key = StoredValue::new(initial.deliverables.len() as u32);
    let rows = RwSignal::new(
        initial
            .deliverables
            .iter()
            .enumerate()
            .map(|(i, d)| Row::new(i as u32, Some(d)))
            .collect::<Vec<_>>(),
    );

    spawn_local(async move {
        if let Ok(list) = auth.anonymous().public_schools().await {
            school_choices.set(list);
        }
    });
    // The chosen partner (its name) and its contacts, as signatory choices.
    Effect::new(move |_| {
        let Ok(id) = org.get().parse::<OrganizationId>() else {
            contacts.set(vec![]);
            return;
        };
        spawn_local(async move {
            if let Ok(o) = auth
                .call(|c| async move { c.get_organization(id).await })
                .await
            {
                let _ = org_options.try_update(|opts| {
                    if !opts.iter().any(|(v, _)| *v == id.to_string()) {
                        opts.insert(0, (id.to_string(), o.legal_name.clone()));
                    }
                });
                let _ = contacts.try_set(
                    o.contacts
                        .iter()
                        .map(|c| (c.id.to_string(), format!("{} ({})", c.name, c.title)))
                        .collect(),
                );
            }
        });
    });
    let search_orgs = move || {
        let q = OrganizationQuery {
            q: Some(org_search.get_untracked()).filter(|s| !s.trim().is_empty()),
            limit: Some(25),
            ..Default::default()
        };
        spawn_local(async move {
            if let Ok(page) = auth
                .call(|c| {
                    let q = q.clone();
                    async move { c.list_organizations(&q).await }
                })
                .await
            {
                let current = org.get_untracked();
                let _ = org_options.try_update(|opts| {
                    opts.retain(|(v, _)| *v == current);
                    for o in page.items {
                        if o.id.to_string() != current {
                            opts.push((o.id.to_string(), o.legal_name));
                        }
                    }
                });
            }
        });
    };
    search_orgs();

    let num = |s: &str| -> Result<Option<u16>, ()> {
        let s = s.trim();
        if s.is_empty() {
            Ok(None)
        } else {
            s.parse().map(Some).map_err(|_| ())
        }
    };
    let date = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut local = std::collections::HashMap::new();
        let renewal_term_months = num(&renewal.get_untracked()).unwrap_or_else(|_| {
            local.insert(
                "renewal_term_months".to_string(),
                i18n.t(Key::WholeNumber).to_string(),
            );
            None
        });
        let notice_period_days = num(&notice.get_untracked()).unwrap_or_else(|_| {
            local.insert(
                "notice_period_days".to_string(),
                i18n.t(Key::WholeNumber).to_string(),
            );
            None
        });
        let organization_id = match org.get_untracked().parse::<OrganizationId>() {
            Ok(o) => o,
            Err(_) => {
                local.insert(
                    "organization_id".to_string(),
                    i18n.t(Key::ChoosePartner).to_string(),
                );
                OrganizationId(uuid::Uuid::nil())
            }
        };
        if !local.is_empty() {
            errors.set(local);
            error.set(Some(i18n.t(Key::FixErrors).to_string()));
            return;
        }
        let input = AgreementInput {
            title: title.get_untracked(),
            kind: AgreementKind::parse(&kind.get_untracked()).unwrap_or(AgreementKind::Other),
            organization_id,
            application_id,
            school_ids: schools.get_untracked(),
            department: department.get_untracked(),
            owner_id: owner.get_untracked().parse().ok(),
            partner_contact_id: contact.get_untracked().parse().ok(),
            effective_from: date(&effective_from.get_untracked()),
            expires_on: date(&expires_on.get_untracked()),
            renewal_term_months,
            notice_period_days,
            deliverables: rows.get_untracked().iter().map(Row::input).collect(),
        };
        busy.set(true);
        error.set(None);
        errors.set(Default::default());
        let navigate = navigate.clone();
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let input = input.clone();
                    async move {
                        match existing {
                            Some((id, v)) => c.update_agreement(id, v, &input).await,
                            None => c.create_agreement(&input).await,
                        }
                    }
                })
                .await;
            let _ = busy.try_set(false);
            match res {
                Ok(a) => navigate(&format!("/agreements/{}", a.id), Default::default()),
                Err(e) => {
                    let _ = errors.try_set(field_errors(&i18n, &e));
                    let _ = error.try_set(Some(error_text(&i18n, &e)));
                }
            }
        });
    };
    let err = move |name: &'static str| move || errors.with(|e| e.get(name).cloned());
    let add_row = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|r| r.push(Row::new(key, None)));
    };

    view! {
        <form class="form" novalidate on:submit=submit>
            <Show when=move || error.get().is_some()>
                <div class="state error" role="alert">{move || error.get()}</div>
            </Show>
            {application_id.map(|a| view! {
                <p class="muted">{move || i18n.t(Key::FromApplication)} " " <A href=format!("/applications/{a}")>{a.to_string()}</A></p>
            })}
            <TextField name="title" label=Signal::derive(move || i18n.t(Key::AgreementTitle)) value=title errors=errors required=true/>
            <div class="field">
                <label for="f-kind">{move || i18n.t(Key::AgreementKindLabel)}</label>
                <select id="f-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                    {AgreementKind::ALL.iter().map(|k| {
                        let k = *k;
                        view! { <option value=k.as_str() selected=move || kind.get() == k.as_str()>{move || i18n.agreement_kind(k)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <fieldset>
                <legend>{move || i18n.t(Key::Parties)}</legend>
                <div class="field">
                    <label for="f-org-search">{move || i18n.t(Key::FindPartner)}</label>
                    <input id="f-org-search" type="search" prop:value=move || org_search.get()
                        on:input=move |ev| org_search.set(event_target_value(&ev))
                        on:change=move |_| search_orgs()/>
                </div>
                <div class="field" class:invalid=move || err("organization_id")().is_some()>
                    <label for="f-organization_id">{move || i18n.t(Key::Partner)}</label>
                    <select id="f-organization_id" aria-describedby="f-organization_id-error" on:change=move |ev| org.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t(Key::ChoosePartner)}</option>
                        {move || org_options.get().into_iter().map(|(v, l)| {
                            let selected = org.get_untracked() == v;
                            view! { <option value=v selected=selected>{l}</option> }
                        }).collect_view()}
                    </select>
                    <p class="field-error" id="f-organization_id-error" aria-live="polite">{err("organization_id")}</p>
                </div>
                <div class="field" class:invalid=move || err("partner_contact_id")().is_some()>
                    <label for="f-partner_contact_id">{move || i18n.t(Key::PartnerSignatory)}</label>
                    <select id="f-partner_contact_id" aria-describedby="f-partner_contact_id-error" on:change=move |ev| contact.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t(Key::NotYetChosen)}</option>
                        {move || contacts.get().into_iter().map(|(v, l)| {
                            let selected = contact.get_untracked() == v;
                            view! { <option value=v selected=selected>{l}</option> }
                        }).collect_view()}
                    </select>
                    <p class="field-error" id="f-partner_contact_id-error" aria-live="polite">{err("partner_contact_id")}</p>
                </div>
                <div class="field" class:invalid=move || err("school_ids")().is_some()>
                    <label for="f-school-pick">{move || i18n.t(Key::CollaboratingSchools)}</label>
                    <div class="inline">
                        <select id="f-school-pick" aria-describedby="f-school_ids-error" on:change=move |ev| school_pick.set(event_target_value(&ev))>
                            <option value="">{move || i18n.t(Key::ChooseSchool)}</option>
                            {move || school_choices.get().into_iter().map(|s| view! {
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
                            let name = school_choices.with(|c| c.iter().find(|s| s.id == id).map(|s| s.name.clone())).unwrap_or_else(|| id.to_string());
                            let label = name.clone();
                            view! {
                                <li class="chip">{name}
                                    <button type="button" class="link" aria-label=move || format!("{} {label}", i18n.t(Key::Remove))
                                        on:click=move |_| schools.update(|s| s.retain(|x| *x != id))>"×"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <p class="field-error" id="f-school_ids-error" aria-live="polite">{err("school_ids")}</p>
                </div>
                <TextField name="department" label=Signal::derive(move || i18n.t(Key::CollaboratingDepartment)) value=department errors=errors/>
                <div class="field" class:invalid=move || err("owner_id")().is_some()>
                    <label for="f-owner_id">{move || i18n.t(Key::OwnerLabel)}</label>
                    <select id="f-owner_id" aria-describedby="f-owner_id-error" on:change=move |ev| owner.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t(Key::NotYetChosen)}</option>
                        {move || staff.get().into_iter().map(|m| {
                            let selected = owner.get_untracked() == m.id.to_string();
                            view! { <option value=m.id.to_string() selected=selected>{m.display_name}</option> }
                        }).collect_view()}
                    </select>
                    <p class="field-error" id="f-owner_id-error" aria-live="polite">{err("owner_id")}</p>
                </div>
            </fieldset>
            <fieldset>
                <legend>{move || i18n.t(Key::Dates)}</legend>
                <div class="grid two">
                    <TextField name="effective_from" kind="date" label=Signal::derive(move || i18n.t(Key::EffectiveFrom)) value=effective_from errors=errors/>
                    <TextField name="expires_on" kind="date" label=Signal::derive(move || i18n.t(Key::ExpiresOn)) value=expires_on errors=errors/>
                    <TextField name="renewal_term_months" kind="number" label=Signal::derive(move || i18n.t(Key::RenewalTerm)) value=renewal errors=errors/>
                    <TextField name="notice_period_days" kind="number" label=Signal::derive(move || i18n.t(Key::NoticePeriod)) value=notice errors=errors/>
                </div>
            </fieldset>
            <fieldset>
                <legend>{move || i18n.t(Key::Deliverables)}</legend>
                <p class="field-error" aria-live="polite">{err("deliverables")}</p>
                <For each=move || rows.get() key=|r| r.key let:row>
                    {
                        let k = row.key;
                        let index = move || rows.with(|rs| rs.iter().position(|r| r.key == k).unwrap_or(0));
                        let row_err = move |f: &'static str| move || errors.with(|e| e.get(&format!("deliverables[{}].{f}", index())).cloned());
                        let id = move |f: &str| format!("d{k}-{f}");
                        view! {
                            <div class="subform">
                                <div class="field" class:invalid=move || row_err("description")().is_some()>
                                    <label for=id("description")>{move || format!("{} {}", i18n.t(Key::DeliverableLabel), index() + 1)}</label>
                                    <textarea id=id("description") rows="2" prop:value=move || row.description.get() on:input=move |ev| row.description.set(event_target_value(&ev))></textarea>
                                    <p class="field-error" aria-live="polite">{row_err("description")}</p>
                                </div>
                                <div class="grid two">
                                    <div class="field">
                                        <label for=id("responsible")>{move || i18n.t(Key::WhoDelivers)}</label>
                                        <select id=id("responsible") on:change=move |ev| row.responsible.set(event_target_value(&ev))>
                                            {Responsible::ALL.iter().map(|r| {
                                                let r = *r;
                                                view! { <option value=r.as_str() selected=move || row.responsible.get() == r.as_str()>{move || i18n.responsible(r)}</option> }
                                            }).collect_view()}
                                        </select>
                                    </div>
                                    <div class="field">
                                        <label for=id("metric")>{move || i18n.t(Key::Metric)}</label>
                                        <input id=id("metric") prop:value=move || row.metric.get() on:input=move |ev| row.metric.set(event_target_value(&ev))/>
                                    </div>
                                    <div class="field">
                                        <label for=id("target")>{move || i18n.t(Key::Target)}</label>
                                        <input id=id("target") prop:value=move || row.target.get() on:input=move |ev| row.target.set(event_target_value(&ev))/>
                                    </div>
                                    <div class="field">
                                        <label for=id("cadence")>{move || i18n.t(Key::Cadence)}</label>
                                        <input id=id("cadence") prop:value=move || row.cadence.get() on:input=move |ev| row.cadence.set(event_target_value(&ev))/>
                                    </div>
                                    <div class="field">
                                        <label for=id("due")>{move || i18n.t(Key::DueOn)}</label>
                                        <input id=id("due") type="date" prop:value=move || row.due_on.get() on:input=move |ev| row.due_on.set(event_target_value(&ev))/>
                                    </div>
                                </div>
                                <button type="button" class="link" on:click=move |_| rows.update(|rs| rs.retain(|r| r.key != k))>
                                    {move || format!("{} {} {}", i18n.t(Key::Remove), i18n.t(Key::DeliverableLabel), index() + 1)}
                                </button>
                            </div>
                        }
                    }
                </For>
                <button type="button" on:click=add_row>{move || i18n.t(Key::AddDeliverable)}</button>
            </fieldset>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || busy.get()>
                    {move || if busy.get() { i18n.t(Key::Saving) } else { i18n.t(Key::Save) }}
                </button>
            </div>
        </form>
    }
}
