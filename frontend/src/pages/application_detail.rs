//! One application. The office sees the three step checklists, the routing to formal
//! processes with reasons, sub-tasks, history, notes and the next steps; a partner sees the
//! status, the office's message and the history without staff-only notes.

use chrono::Utc;
use client::ClientError;
use domain::application::{
    ApplicantView, Application, Assignment, CheckAnswer, ChecklistAnswer, HistoryEntry,
    MatchDecision, MatchResolution, NewNote, RequireAgreement, SubtaskStatus, SubtaskUpdate,
    TransitionRequest,
};
use domain::intake::{self, ApplicationAction, ApplicationStatus};
use domain::{ApplicationId, Permission, Role};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::{error_text, use_auth};
use crate::components::status::{ErrorBox, Loading};
use crate::i18n::{I18n, Key, use_i18n};

/// A change to send: given the client and the version read, the request.
type Change = Box<
    dyn Fn(
        client::Client,
        i32,
    ) -> std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<Application, ClientError>>>,
    >,
>;

/// `/applications/:id`.
#[component]
pub fn ApplicationDetail() -> impl IntoView {
    let auth = use_auth();
    let params = use_params_map();
    let id = Signal::derive(move || {
        params
            .with(|p| p.get("id"))
            .and_then(|s| s.parse::<ApplicationId>().ok())
    });
    move || match (id.get(), auth.role() == Some(Role::Partner)) {
        (Some(id), true) => view! { <PartnerStatus id=id/> }.into_any(),
        (Some(id), false) => view! { <OfficeView id=id/> }.into_any(),
        (None, _) => view! { <crate::pages::not_found::NotFound/> }.into_any(),
    }
}

/// "Why: reason; reason" for a formal process.
fn why_text(i18n: I18n, reasons: &[intake::Reason]) -> String {
    let list: Vec<_> = reasons.iter().map(|x| i18n.reason(*x)).collect();
    format!("{} {}", i18n.t(Key::Why), list.join("; "))
}

fn history_list(i18n: I18n, entries: Vec<HistoryEntry>) -> impl IntoView {
    view! {
        <ol class="history">
            {entries.into_iter().map(|h| {
                let step = match (h.from, h.to) {
                    (Some(f), Some(t)) => Some((f, t)),
                    _ => None,
                };
                view! {
                    <li>
                        <time datetime=h.at.to_rfc3339()>{h.at.format("%Y-%m-%d %H:%M UTC").to_string()}</time>
                        " · "
                        {match step {
                            Some((f, t)) => view! { <strong>{move || format!("{} → {}", i18n.app_status(f), i18n.app_status(t))}</strong> }.into_any(),
                            None => view! { <strong>{h.action.clone()}</strong> }.into_any(),
                        }}
                        {h.staff_only.then(|| view! { <span class="badge">{move || i18n.t(Key::StaffOnly)}</span> })}
                        {h.note.map(|n| view! { <p class="prewrap">{n}</p> })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

#[component]
fn PartnerStatus(id: ApplicationId) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let data = RwSignal::new(None::<Result<ApplicantView, String>>);
    spawn_local(async move {
        let res = auth
            .call(|c| async move { c.application_status(id).await })
            .await;
        data.set(Some(res.map_err(|e| error_text(&i18n, &e))));
    });
    // The form opens with a fresh link: answer a return, or withdraw.
    let navigate = StoredValue::new_local(leptos_router::hooks::use_navigate());
    let opening = RwSignal::new(false);
    let open_error = RwSignal::new(None::<String>);
    let open_form = move || {
        opening.set(true);
        open_error.set(None);
        spawn_local(async move {
            match auth
                .call(|c| async move { c.application_resume_link(id).await })
                .await
            {
                Ok(l) => {
                    if let Some(go) = navigate.try_get_value() {
                        go(&format!("/apply#{}", l.resume_token), Default::default());
                    }
                }
                Err(e) => {
                    let _ = open_error.try_set(Some(error_text(&i18n, &e)));
                }
            }
            let _ = opening.try_set(false);
        });
    };
    view! {
        <section class="page">
            <p><A href="/applications">{move || format!("← {}", i18n.t(Key::NavApplications))}</A></p>
            {move || match data.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone())/> }.into_any(),
                Some(Ok(v)) => {
                    let st = v.status;
                    view! {
                        <h1>{v.form.program.title.clone()}</h1>
                        <p class="status-line"><strong>{move || i18n.t(Key::Status)}": "</strong><span class="badge big">{move || i18n.app_status(st)}</span></p>
                        {v.message.clone().map(|m| view! {
                            <div class="state error" role="status"><p>{move || i18n.t(Key::ReturnedMessage)}</p><p class="prewrap">{m}</p></div>
                        })}
                        {st.is_open().then(|| {
                            let returned = st == ApplicationStatus::ReturnedForInformation;
                            view! {
                                <p>
                                    <button type="button" class:primary=returned disabled=move || opening.get() on:click=move |_| open_form()>
                                        {move || if returned { i18n.t(Key::AnswerRequest) } else { i18n.t(Key::OpenForm) }}
                                    </button>
                                </p>
                            }
                        })}
                        <Show when=move || open_error.get().is_some()>
                            <div class="state error" role="alert">{move || open_error.get()}</div>
                        </Show>
                        <h2>{move || i18n.t(Key::History)}</h2>
                        {history_list(i18n, v.history)}
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn OfficeView(id: ApplicationId) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let app = RwSignal::new(None::<Result<Application, String>>);
    let action_error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let note = RwSignal::new(String::new());
    let override_criteria = RwSignal::new(false);
    let staff_note = RwSignal::new(String::new());
    let load = move || {
        spawn_local(async move {
            let res = auth
                .call(|c| async move { c.get_application(id).await })
                .await;
            app.set(Some(res.map_err(|e| error_text(&i18n, &e))));
        });
    };
    load();
    // Owner and collaborating-school choices.
    let staff = RwSignal::new(Vec::<domain::user::StaffMember>::new());
    let schools = RwSignal::new(Vec::<domain::school::SchoolChoice>::new());
    let assign_owner = RwSignal::new(String::new());
    let assign_dept = RwSignal::new(String::new());
    let assign_school = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(Ok(a)) = app.get() {
            assign_owner.set(a.owner_id.map(|o| o.to_string()).unwrap_or_default());
            assign_dept.set(a.collaborating_department.clone());
            assign_school.set(
                a.collaborating_school_id
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
            );
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
        if let Ok(list) = auth.anonymous().public_schools().await {
            let _ = schools.try_set(list);
        }
    });
    let manage = move || auth.can(Permission::ManageApplications);
    let version = move || {
        app.with_untracked(|a| a.as_ref().and_then(|a| a.as_ref().ok()).map(|a| a.version))
            .unwrap_or(0)
    };
    // Runs a change; the answer replaces the application shown.
    let act = move |f: Change| {
        busy.set(true);
        action_error.set(None);
        let v = version();
        spawn_local(async move {
            match auth.call(|c| f(c, v)).await {
                Ok(a) => {
                    app.set(Some(Ok(a)));
                    note.set(String::new());
                }
                Err(e) => action_error.set(Some(error_text(&i18n, &e))),
            }
            busy.set(false);
        });
    };
    let step = move |action: ApplicationAction| {
        let req = TransitionRequest {
            action,
            note: Some(note.get_untracked()).filter(|n| !n.trim().is_empty()),
            override_criteria: override_criteria.get_untracked(),
        };
        act(Box::new(move |c, v| {
            let req = req.clone();
            Box::pin(async move { c.transition_application(id, v, &req).await })
        }));
    };
    let check = move |item: &'static str, answer: CheckAnswer| {
        act(Box::new(move |c, v| {
            Box::pin(async move {
                c.answer_check(
                    id,
                    v,
                    item,
                    &ChecklistAnswer {
                        answer,
                        note: String::new(),
                    },
                )
                .await
            })
        }));
    };

    view! {
        <section class="page">
            <p><A href="/applications">{move || format!("← {}", i18n.t(Key::NavApplications))}</A></p>
            {move || match app.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone()) retry=Callback::new(move |_| load())/> }.into_any(),
                Some(Ok(a)) => {
                    let st = a.status;
                    let f = a.form.clone();
                    let actions: Vec<ApplicationAction> = ApplicationAction::ALL
                        .iter()
                        .copied()
                        .filter(|x| intake::next_status(st, *x, intake::Actor::Staff, Some("x")).is_ok())
                        .collect();
                    let vetting_open = matches!(st, ApplicationStatus::Submitted | ApplicationStatus::Vetting);
                    let planning_open = st == ApplicationStatus::Planning;
                    let formalizing = st == ApplicationStatus::Formalizing;
                    let org = a.organization_id;
                    let owner = a.owner_id;
                    let dept = a.collaborating_department.clone();
                    let dept_for_assign = StoredValue::new(dept.clone());
                    let school = a.collaborating_school_id;
                    view! {
                        <div class="page-head">
                            <div>
                                <h1>{f.organization.legal_name.clone()}</h1>
                                <p class="muted">{f.program.title.clone()}</p>
                            </div>
                            <span class="badge big">{move || i18n.app_status(st)}</span>
                        </div>
                        {org.map(|o| view! { <p><A href=format!("/organizations/{o}")>{move || i18n.t(Key::NavOrganizations)}</A></p> })}
                        {a.possible_match.clone().filter(|_| manage()).map(|m| {
                            let decide = move |decision: MatchDecision| {
                                act(Box::new(move |c, v| {
                                    let req = MatchResolution { decision };
                                    Box::pin(async move { c.resolve_organization_match(id, v, &req).await })
                                }));
                            };
                            view! {
                                <section class="panel" aria-labelledby="possible-match">
                                    <h2 id="possible-match">{move || i18n.t(Key::PossibleMatch)}</h2>
                                    <p>{move || i18n.t(Key::PossibleMatchExplain)}</p>
                                    <p><A href=format!("/organizations/{}", m.organization_id)>{m.legal_name.clone()}</A></p>
                                    <div class="actions">
                                        <button type="button" class="primary" disabled=move || busy.get() on:click=move |_| decide(MatchDecision::Link)>{move || i18n.t(Key::LinkToMatch)}</button>
                                        <button type="button" disabled=move || busy.get() on:click=move |_| decide(MatchDecision::NewOrganization)>{move || i18n.t(Key::NewOrganizationForMatch)}</button>
                                    </div>
                                </section>
                            }
                        })}
                        <Show when=move || st == ApplicationStatus::Approved && auth.can(Permission::ManageAgreements)>
                            <p><A href=format!("/agreements/new?application={id}") attr:class="button primary">{move || i18n.t(Key::CreateAgreement)}</A></p>
                        </Show>
                        <Show when=move || st == ApplicationStatus::Approved && auth.can(Permission::RecordDonations)>
                            <p><A href=format!("/donations/new?application={id}") attr:class="button">{move || i18n.t(Key::DonationRecordEvent)}</A></p>
                        </Show>
                        <Show when=move || action_error.get().is_some()>
                            <div class="state error" role="alert">{move || action_error.get()}</div>
                        </Show>
                        <p>
                            <strong>{move || i18n.t(Key::Owner)}": "</strong>
                            {move || match owner {
                                Some(o) => staff.with(|list| list.iter().find(|m| m.id == o).map(|m| m.display_name.clone())).unwrap_or_else(|| o.to_string()),
                                None => i18n.t(Key::Unassigned).to_string(),
                            }}
                            {(!dept.is_empty()).then(|| format!(" · {dept}"))}
                            {move || school.and_then(|s| schools.with(|list| list.iter().find(|x| x.id == s).map(|x| format!(" · {}", x.name))))}
                        </p>
                        <Show when=move || manage() && owner.is_none_or(|o| Some(o) != auth.me.with(|m| m.as_ref().map(|m| m.id)))>
                            <button type="button" disabled=move || busy.get() on:click=move |_| {
                                let me = auth.me.with_untracked(|m| m.as_ref().map(|m| m.id));
                                let department = dept_for_assign.try_get_value().unwrap_or_default();
                                act(Box::new(move |c, v| {
                                    let req = Assignment { owner_id: me, collaborating_department: department.clone(), collaborating_school_id: school };
                                    Box::pin(async move { c.assign_application(id, v, &req).await })
                                }));
                            }>{move || i18n.t(Key::AssignToMe)}</button>
                        </Show>
                        <Show when=manage>
                            <details class="panel">
                                <summary>{move || i18n.t(Key::Assignment)}</summary>
                                <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                                    ev.prevent_default();
                                    let req = Assignment {
                                        owner_id: assign_owner.get_untracked().parse().ok(),
                                        collaborating_department: assign_dept.get_untracked(),
                                        collaborating_school_id: assign_school.get_untracked().parse().ok(),
                                    };
                                    act(Box::new(move |c, v| { let req = req.clone(); Box::pin(async move { c.assign_application(id, v, &req).await }) }));
                                }>
                                    <div class="field">
                                        <label for="assign-owner">{move || i18n.t(Key::Owner)}</label>
                                        <select id="assign-owner" on:change=move |ev| assign_owner.set(event_target_value(&ev))>
                                            <option value="">{move || i18n.t(Key::Unassigned)}</option>
                                            {move || staff.get().into_iter().map(|m| {
                                                let selected = Some(m.id) == owner;
                                                view! { <option value=m.id.to_string() selected=selected>{m.display_name}</option> }
                                            }).collect_view()}
                                        </select>
                                    </div>
                                    <div class="field">
                                        <label for="assign-dept">{move || i18n.t(Key::CollaboratingDepartment)}</label>
                                        <input id="assign-dept" prop:value=move || assign_dept.get() on:input=move |ev| assign_dept.set(event_target_value(&ev))/>
                                    </div>
                                    <div class="field">
                                        <label for="assign-school">{move || i18n.t(Key::CollaboratingSchool)}</label>
                                        <select id="assign-school" on:change=move |ev| assign_school.set(event_target_value(&ev))>
                                            <option value="">{move || i18n.t(Key::NotYetChosen)}</option>
                                            {move || schools.get().into_iter().map(|x| {
                                                let selected = Some(x.id) == school;
                                                view! { <option value=x.id.to_string() selected=selected>{format!("{} ({})", x.name, x.code)}</option> }
                                            }).collect_view()}
                                        </select>
                                    </div>
                                    <button type="submit" disabled=move || busy.get()>{move || i18n.t(Key::Save)}</button>
                                </form>
                            </details>
                        </Show>
                        <Show when=move || manage() && !actions.is_empty()>
                            <div class="panel">
                                <h2>{move || i18n.t(Key::NextSteps)}</h2>
                                <div class="field">
                                    <label for="step-note">{move || i18n.t(Key::NoteLabel)}</label>
                                    <textarea id="step-note" rows="2" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                                </div>
                                <Show when=move || auth.role() == Some(Role::Admin) && st == ApplicationStatus::Vetting>
                                    <div class="field check">
                                        <input id="override" type="checkbox" prop:checked=move || override_criteria.get() on:change=move |ev| override_criteria.set(event_target_checked(&ev))/>
                                        <label for="override">{move || i18n.t(Key::OverrideCriteria)}</label>
                                    </div>
                                </Show>
                                <div class="actions">
                                    {ApplicationAction::ALL.iter().copied().filter(|x| intake::next_status(st, *x, intake::Actor::Staff, Some("x")).is_ok()).map(|x| view! {
                                        <button type="button" class:primary=!x.needs_note() disabled=move || busy.get() on:click=move |_| step(x)>{move || i18n.app_action(x)}</button>
                                    }).collect_view()}
                                </div>
                            </div>
                        </Show>

                        <h2>{move || i18n.t(Key::Vetting)}</h2>
                        <ul class="checklist">
                            {a.vetting.iter().map(|c| {
                                let (crit, answer) = (c.criterion, c.answer);
                                view! {
                                    <li>
                                        <span class="check-text">{move || i18n.criterion(crit)}</span>
                                        <span class="badge">{move || answer_label(i18n, answer)}</span>
                                        <Show when=move || manage() && vetting_open>
                                            <span class="actions">
                                                <button type="button" disabled=move || busy.get() aria-label=move || format!("{}: {}", i18n.t(Key::Confirm), i18n.criterion(crit))
                                                    on:click=move |_| check(crit.as_str(), CheckAnswer::Yes)>{move || i18n.t(Key::Confirm)}</button>
                                                <button type="button" disabled=move || busy.get() aria-label=move || format!("{}: {}", i18n.t(Key::NotMet), i18n.criterion(crit))
                                                    on:click=move |_| check(crit.as_str(), CheckAnswer::No)>{move || i18n.t(Key::NotMet)}</button>
                                            </span>
                                        </Show>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>

                        <h2>{move || i18n.t(Key::Planning)}</h2>
                        <ul class="checklist">
                            {a.planning.iter().map(|p| {
                                let (item, answer, applies, rule) = (p.item, p.answer, p.applies, p.rule);
                                view! {
                                    <li>
                                        <span class="check-text">{move || i18n.planning_item(item)}</span>
                                        <span class="badge">{move || answer_label(i18n, answer)}</span>
                                        {(!applies).then(|| view! { <span class="muted small">{move || format!("{} {}", i18n.t(Key::Why), i18n.reason(rule))}</span> })}
                                        <Show when=move || manage() && planning_open && applies>
                                            <button type="button" disabled=move || busy.get() aria-label=move || format!("{}: {}", i18n.t(Key::Done), i18n.planning_item(item))
                                                on:click=move |_| check(item.as_str(), CheckAnswer::Yes)>{move || i18n.t(Key::Done)}</button>
                                        </Show>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>

                        <h2>{move || i18n.t(Key::Formalizing)}</h2>
                        {if a.routing.is_empty() {
                            view! { <p class="muted">{move || i18n.t(Key::NoFormalProcess)}</p> }.into_any()
                        } else {
                            let subtasks = a.subtasks.clone();
                            view! {
                                <ul class="checklist routing">
                                    {a.routing.iter().map(|r| {
                                        let process = r.process;
                                        let reasons = r.reasons.clone();
                                        let task = subtasks.iter().find(|t| t.process == process).cloned();
                                        let sel_id = format!("subtask-{}", process.as_str());
                                        view! {
                                            <li>
                                                <span class="check-text"><strong>{move || i18n.process(process)}</strong></span>
                                                <span class="muted small">{move || why_text(i18n, &reasons)}</span>
                                                {task.map(|t| {
                                                    let current = t.status;
                                                    view! {
                                                        <span class="field inline-field">
                                                            <label for=sel_id.clone()>{move || format!("{} {}", i18n.t(Key::SubtaskStatusLabel), i18n.process(process))}</label>
                                                            <select id=sel_id.clone() disabled=move || !(manage() && formalizing) || busy.get()
                                                                on:change=move |ev| {
                                                                    let status = match event_target_value(&ev).as_str() {
                                                                        "in_progress" => SubtaskStatus::InProgress,
                                                                        "done" => SubtaskStatus::Done,
                                                                        "not_needed" => SubtaskStatus::NotNeeded,
                                                                        _ => SubtaskStatus::Open,
                                                                    };
                                                                    let upd = SubtaskUpdate { status, owner_id: t.owner_id, note: t.note.clone() };
                                                                    act(Box::new(move |c, v| { let upd = upd.clone(); Box::pin(async move { c.update_subtask(id, v, process, &upd).await }) }));
                                                                }>
                                                                {[SubtaskStatus::Open, SubtaskStatus::InProgress, SubtaskStatus::Done, SubtaskStatus::NotNeeded].into_iter().map(|s| view! {
                                                                    <option value=s.as_str() selected=s == current>{move || i18n.subtask_status(s)}</option>
                                                                }).collect_view()}
                                                            </select>
                                                        </span>
                                                    }
                                                })}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                        {(!a.waived.is_empty()).then(|| {
                            let waived = a.waived.clone();
                            let why = RwSignal::new(String::new());
                            let may_require = st.routing_open();
                            let require = move |ev: leptos::ev::SubmitEvent| {
                                ev.prevent_default();
                                let req = RequireAgreement { note: why.get_untracked() };
                                act(Box::new(move |c, v| {
                                    let req = req.clone();
                                    Box::pin(async move { c.require_agreement(id, v, &req).await })
                                }));
                            };
                            view! {
                                <ul class="checklist routing">
                                    {waived.into_iter().map(|w| {
                                        let process = w.process;
                                        let reasons = w.reasons.clone();
                                        view! {
                                            <li>
                                                <span class="check-text"><strong>{move || i18n.process(process)}</strong>" "<span class="badge">{move || i18n.t(Key::NotRequired)}</span></span>
                                                <span class="muted small">{move || why_text(i18n, &reasons)}</span>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                                <Show when=move || manage() && may_require>
                                    <form class="form inline" on:submit=require>
                                        <div class="field">
                                            <label for="require-why">{move || i18n.t(Key::RequireAgreementWhy)}</label>
                                            <textarea id="require-why" rows="2" prop:value=move || why.get() on:input=move |ev| why.set(event_target_value(&ev))></textarea>
                                        </div>
                                        <button type="submit" disabled=move || busy.get() || why.get().trim().is_empty()>{move || i18n.t(Key::RequireAgreement)}</button>
                                    </form>
                                </Show>
                            }
                        })}

                        <h2>{move || i18n.t(Key::Answers)}</h2>
                        <dl class="details">
                            <dt>{move || i18n.t(Key::ContactPerson)}</dt><dd>{format!("{} · {} · {}", f.contact.name, f.contact.email, f.contact.phone)}</dd>
                            <dt>{move || i18n.t(Key::ProgramDescription)}</dt><dd class="prewrap">{f.program.description.clone()}</dd>
                            <dt>{move || i18n.t(Key::SupportAreas)}</dt><dd>{
                                let areas = f.program.support_areas.clone();
                                move || areas.iter().map(|x| i18n.support_area(*x)).collect::<Vec<_>>().join(", ")
                            }</dd>
                            <dt>{move || i18n.t(Key::Grades)}</dt><dd>{f.program.grades.clone()}</dd>
                            <dt>{move || i18n.t(Key::StudentsExpected)}</dt><dd>{f.program.students_expected.map(|n| n.to_string()).unwrap_or_default()}</dd>
                        </dl>

                        <h2>{move || i18n.t(Key::History)}</h2>
                        {history_list(i18n, a.history.clone())}
                        <Show when=manage>
                            <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                                ev.prevent_default();
                                let text = staff_note.get_untracked();
                                if text.trim().is_empty() { return; }
                                staff_note.set(String::new());
                                act(Box::new(move |c, v| { let text = text.clone(); Box::pin(async move { c.add_application_note(id, v, &NewNote { text, staff_only: true }).await }) }));
                            }>
                                <div class="field">
                                    <label for="staff-note">{move || i18n.t(Key::AddNote)}</label>
                                    <textarea id="staff-note" rows="2" prop:value=move || staff_note.get() on:input=move |ev| staff_note.set(event_target_value(&ev))></textarea>
                                </div>
                                <button type="submit" disabled=move || busy.get()>{move || i18n.t(Key::AddNote)}</button>
                            </form>
                        </Show>
                        <p class="muted small">{
                            let days = (Utc::now() - a.status_changed_at).num_days().max(0);
                            move || format!("{days} {}", i18n.t(Key::DaysInStage))
                        }</p>
                    }.into_any()
                }
            }}
        </section>
    }
}

fn answer_label(i18n: I18n, a: CheckAnswer) -> &'static str {
    match a {
        CheckAnswer::Pending => i18n.t(Key::Pending),
        CheckAnswer::Yes => i18n.t(Key::Done),
        CheckAnswer::No => i18n.t(Key::NotMet),
        CheckAnswer::NotApplicable => i18n.t(Key::NotApplicableRule),
    }
}
