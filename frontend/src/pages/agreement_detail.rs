//! One agreement: parties and terms, next steps (staff), signatures (each party signs its
//! own), deliverables with progress, document versions (upload, download), the partner's
//! final report and the office's review, and the dated history.

use client::ClientError;
use domain::agreement::{
    self as rules, Agreement, AgreementAction, AgreementActor, AgreementHistoryEntry,
    AgreementStatus, AgreementTransition, DeliverableProgress, DeliverableResult,
    DeliverableStatus, FinalReportInput, FinalReportReviewInput, Party, ReportReview, SignRequest,
};
use domain::{AgreementId, Permission, Role};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsCast;

use crate::api::{error_text, field_errors, use_auth};
use crate::components::field::{FieldErrors, TextField};
use crate::components::status::{ErrorBox, Loading};
use crate::i18n::{I18n, Key, use_i18n};

/// A change to send: given the client and the version read, the request.
type Change = Box<
    dyn Fn(
        client::Client,
        i32,
    )
        -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Agreement, ClientError>>>>,
>;

/// `/agreements/:id`.
#[component]
pub fn AgreementDetail() -> impl IntoView {
    let params = use_params_map();
    let id = Signal::derive(move || {
        params
            .with(|p| p.get("id"))
            .and_then(|s| s.parse::<AgreementId>().ok())
    });
    move || match id.get() {
        Some(id) => view! { <AgreementView id=id/> }.into_any(),
        None => view! { <crate::pages::not_found::NotFound/> }.into_any(),
    }
}

fn history_list(i18n: I18n, entries: Vec<AgreementHistoryEntry>) -> impl IntoView {
    view! {
        <ol class="history">
            {entries.into_iter().rev().map(|h| {
                let step = h.from.zip(h.to);
                let action = h.action.clone();
                view! {
                    <li>
                        <time datetime=h.at.to_rfc3339()>{h.at.format("%Y-%m-%d %H:%M UTC").to_string()}</time>
                        " · "
                        {match step {
                            Some((f, t)) => view! { <strong>{move || format!("{} → {}", i18n.agreement_status(f), i18n.agreement_status(t))}</strong> }.into_any(),
                            None => view! { <strong>{move || i18n.history_action(&action)}</strong> }.into_any(),
                        }}
                        {(h.effective_on != h.at.date_naive()).then(|| view! {
                            <span class="muted small">{move || format!(" ({} {})", i18n.t(Key::EffectiveOn), h.effective_on)}</span>
                        })}
                        {h.note.map(|n| view! { <p class="prewrap">{n}</p> })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// Saves bytes as a file through the browser.
fn save_file(name: &str, bytes: &[u8]) {
    let arr = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&arr);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence(&parts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

#[component]
fn AgreementView(id: AgreementId) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let data = RwSignal::new(None::<Result<Agreement, String>>);
    let action_error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let note = RwSignal::new(String::new());
    let new_expiry = RwSignal::new(String::new());
    let signer = RwSignal::new(String::new());
    let consent = RwSignal::new(false);
    let sign_errors: FieldErrors = RwSignal::new(Default::default());
    let school_names = RwSignal::new(Vec::<domain::school::SchoolChoice>::new());
    let file_ref = NodeRef::<leptos::html::Input>::new();
    let load = move || {
        spawn_local(async move {
            let res = auth
                .call(|c| async move { c.get_agreement(id).await })
                .await;
            let _ = data.try_set(Some(res.map_err(|e| error_text(&i18n, &e))));
        });
    };
    load();
    spawn_local(async move {
        if let Ok(list) = auth.anonymous().public_schools().await {
            let _ = school_names.try_set(list);
        }
    });
    let manage = move || auth.can(Permission::ManageAgreements);
    let version = move || {
        data.with_untracked(|a| a.as_ref().and_then(|a| a.as_ref().ok()).map(|a| a.version))
            .unwrap_or(0)
    };
    let act = move |f: Change, done: Option<Key>| {
        busy.set(true);
        action_error.set(None);
        notice.set(None);
        let v = version();
        spawn_local(async move {
            match auth.call(|c| f(c, v)).await {
                Ok(a) => {
                    let _ = data.try_set(Some(Ok(a)));
                    let _ = note.try_set(String::new());
                    let _ = notice.try_set(done.map(|k| i18n.t(k).to_string()));
                }
                Err(e) => {
                    let _ = sign_errors.try_set(field_errors(&i18n, &e));
                    let _ = action_error.try_set(Some(error_text(&i18n, &e)));
                }
            }
            let _ = busy.try_set(false);
        });
    };
    let step = move |action: AgreementAction| {
        let req = AgreementTransition {
            action,
            note: Some(note.get_untracked()).filter(|n| !n.trim().is_empty()),
            new_expires_on: chrono::NaiveDate::parse_from_str(
                &new_expiry.get_untracked(),
                "%Y-%m-%d",
            )
            .ok(),
        };
        act(
            Box::new(move |c, v| {
                let req = req.clone();
                Box::pin(async move { c.transition_agreement(id, v, &req).await })
            }),
            None,
        );
    };
    let sign = move |party: Party| {
        let req = SignRequest {
            party,
            signer_name: signer.get_untracked(),
            consent: consent.get_untracked(),
        };
        sign_errors.set(Default::default());
        act(
            Box::new(move |c, v| {
                let req = req.clone();
                Box::pin(async move { c.sign_agreement(id, v, &req).await })
            }),
            Some(Key::SignedThanks),
        );
    };
    let upload = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(file) = file_ref
            .get()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            action_error.set(Some(i18n.t(Key::ChooseFile).to_string()));
            return;
        };
        busy.set(true);
        action_error.set(None);
        notice.set(None);
        spawn_local(async move {
            let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
            let Ok(buf) = buf else {
                let _ = busy.try_set(false);
                return;
            };
            let bytes = js_sys::Uint8Array::new(&buf).to_vec();
            let name = file.name();
            let res = auth
                .call(|c| {
                    let (name, bytes) = (name.clone(), bytes.clone());
                    async move { c.upload_agreement_document(id, &name, bytes).await }
                })
                .await;
            match res {
                Ok(v) => {
                    let _ = notice.try_set(Some(format!(
                        "{} {}",
                        i18n.t(Key::UploadedVersion),
                        v.version
                    )));
                    if let Some(input) = file_ref.get_untracked() {
                        input.set_value("");
                    }
                    load();
                }
                Err(e) => {
                    let _ = action_error.try_set(Some(error_text(&i18n, &e)));
                }
            }
            let _ = busy.try_set(false);
        });
    };
    let download = move |version: i32, name: String| {
        spawn_local(async move {
            match auth
                .call(|c| async move { c.download_agreement_document(id, version).await })
                .await
            {
                Ok(bytes) => save_file(&name, &bytes),
                Err(e) => {
                    let _ = action_error.try_set(Some(error_text(&i18n, &e)));
                }
            }
        });
    };

    view! {
        <section class="page">
            <p><A href="/agreements">{move || format!("← {}", i18n.t(Key::AgreementsTitle))}</A></p>
            {move || match data.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone()) retry=Callback::new(move |_| load())/> }.into_any(),
                Some(Ok(a)) => {
                    let st = a.status;
                    let kind = a.kind;
                    let actions: Vec<AgreementAction> = AgreementAction::ALL
                        .iter()
                        .copied()
                        .filter(|x| rules::next_status(st, *x, AgreementActor::Staff, Some("x")).is_ok())
                        .collect();
                    let can_renew = actions.contains(&AgreementAction::Renew);
                    let has_actions = !actions.is_empty();
                    let signed = |p: Party| a.signatures.iter().any(|s| s.party == p);
                    let own_partner = auth.role() == Some(Role::Partner)
                        && auth.me.with_untracked(|m| m.as_ref().and_then(|m| m.organization_id)) == Some(a.organization_id);
                    let sign_as = if st != AgreementStatus::AwaitingSignatures {
                        None
                    } else if manage() && !signed(Party::District) {
                        Some(Party::District)
                    } else if own_partner && !signed(Party::Partner) {
                        Some(Party::Partner)
                    } else {
                        None
                    };
                    let docs_allowed = manage() || own_partner;
                    let report_open = (own_partner || manage())
                        && (st.in_force() || st.is_final())
                        && a.final_report.as_ref().is_none_or(|r| r.review_status != ReportReview::Accepted);
                    let review_open = manage() && a.final_report.as_ref().is_some_and(|r| r.review_status == ReportReview::Submitted);
                    let schools = a.school_ids.clone();
                    let report_section = final_report_section(i18n, a.clone(), report_open, review_open, sign_errors, act);
                    view! {
                        <div class="page-head">
                            <div>
                                <h1>{a.title.clone()}</h1>
                                <p class="muted"><A href=format!("/organizations/{}", a.organization_id)>{a.organization_name.clone()}</A></p>
                            </div>
                            <span class="badge big">{move || i18n.agreement_status(st)}</span>
                        </div>
                        <Show when=move || action_error.get().is_some()>
                            <div class="state error" role="alert">{move || action_error.get()}</div>
                        </Show>
                        <Show when=move || notice.get().is_some()>
                            <div class="state ok" role="status">{move || notice.get()}</div>
                        </Show>
                        <dl class="details">
                            <dt>{move || i18n.t(Key::AgreementKindLabel)}</dt><dd>{move || i18n.agreement_kind(kind)}</dd>
                            <dt>{move || i18n.t(Key::CollaboratingSchools)}</dt>
                            <dd>{move || {
                                let names = school_names.get();
                                schools.iter().map(|s| names.iter().find(|n| n.id == *s).map(|n| n.name.clone()).unwrap_or_else(|| s.to_string())).collect::<Vec<_>>().join(", ")
                            }}</dd>
                            <dt>{move || i18n.t(Key::CollaboratingDepartment)}</dt><dd>{a.department.clone()}</dd>
                            <dt>{move || i18n.t(Key::OwnerLabel)}</dt><dd>{a.owner_name.clone().unwrap_or_else(|| "—".into())}</dd>
                            <dt>{move || i18n.t(Key::PartnerSignatory)}</dt><dd>{a.partner_contact_name.clone().unwrap_or_else(|| "—".into())}</dd>
                            <dt>{move || i18n.t(Key::EffectiveFrom)}</dt><dd>{a.effective_from.map(|d| d.to_string()).unwrap_or_else(|| "—".into())}</dd>
                            <dt>{move || i18n.t(Key::ExpiresOn)}</dt><dd>{a.expires_on.map(|d| d.to_string()).unwrap_or_else(|| "—".into())}</dd>
                            <dt>{move || i18n.t(Key::RenewalTerm)}</dt><dd>{a.renewal_term_months.map(|n| n.to_string()).unwrap_or_else(|| "—".into())}</dd>
                            <dt>{move || i18n.t(Key::NoticePeriod)}</dt><dd>{a.notice_period_days.map(|n| n.to_string()).unwrap_or_else(|| "—".into())}</dd>
                            {a.application_id.map(|app| view! {
                                <dt>{move || i18n.t(Key::FromApplication)}</dt><dd><A href=format!("/applications/{app}")>{move || i18n.t(Key::OpenApplication)}</A></dd>
                            })}
                            {a.end_reason.clone().map(|r| view! { <dt>{move || i18n.t(Key::EndReason)}</dt><dd class="prewrap">{r}</dd> })}
                        </dl>
                        <Show when=move || manage() && st.is_editable()>
                            <p><A href=format!("/agreements/{id}/edit") attr:class="button">{move || i18n.t(Key::EditTerms)}</A></p>
                        </Show>
                        <Show when=move || manage() && has_actions>
                            <div class="panel">
                                <h2>{move || i18n.t(Key::NextSteps)}</h2>
                                <div class="field">
                                    <label for="agr-note">{move || i18n.t(Key::NoteLabel)}</label>
                                    <textarea id="agr-note" rows="2" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                                </div>
                                <Show when=move || can_renew>
                                    <div class="field">
                                        <label for="agr-new-expiry">{move || i18n.t(Key::NewExpiry)}</label>
                                        <input id="agr-new-expiry" type="date" prop:value=move || new_expiry.get() on:input=move |ev| new_expiry.set(event_target_value(&ev))/>
                                    </div>
                                </Show>
                                <div class="actions">
                                    {actions.iter().copied().map(|x| view! {
                                        <button type="button" class:primary=!x.needs_note() disabled=move || busy.get() on:click=move |_| step(x)>{move || i18n.agreement_action(x)}</button>
                                    }).collect_view()}
                                </div>
                            </div>
                        </Show>

                        <h2>{move || i18n.t(Key::Signatures)}</h2>
                        <ul class="plain">
                            {Party::ALL.iter().map(|p| {
                                let p = *p;
                                let s = a.signatures.iter().find(|s| s.party == p).cloned();
                                view! {
                                    <li>
                                        <strong>{move || i18n.party(p)}": "</strong>
                                        {match s {
                                            Some(s) => {
                                                let signed_file = s.document_sha256.as_deref().map(|h| format!(" · SHA-256 {}…", &h[..12.min(h.len())])).unwrap_or_default();
                                                view! { <span>{format!("{} · {}", s.signer_name, s.signed_at.format("%Y-%m-%d %H:%M UTC"))}<span class="muted small mono" title=move || i18n.t(Key::SignedFile)>{signed_file}</span></span> }.into_any()
                                            }
                                            None => view! { <span class="muted">{move || i18n.t(Key::NotSigned)}</span> }.into_any(),
                                        }}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        {sign_as.map(|party| view! {
                            <form class="form panel" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); sign(party); }>
                                <h3>{move || format!("{} · {}", i18n.t(Key::SignFor), i18n.party(party))}</h3>
                                <TextField name="signer_name" label=Signal::derive(move || i18n.t(Key::TypeFullName)) value=signer errors=sign_errors autocomplete="name"/>
                                <div class="field check" class:invalid=move || sign_errors.with(|e| e.contains_key("consent"))>
                                    <input id="f-consent" type="checkbox" prop:checked=move || consent.get() on:change=move |ev| consent.set(event_target_checked(&ev))/>
                                    <label for="f-consent">{move || i18n.t(Key::SignConsent)}</label>
                                </div>
                                <p class="field-error" aria-live="polite">{move || sign_errors.with(|e| e.get("consent").cloned())}</p>
                                <button type="submit" class="primary" disabled=move || busy.get()>{move || i18n.t(Key::Sign)}</button>
                            </form>
                        })}

                        <h2>{move || i18n.t(Key::Deliverables)}</h2>
                        {if a.deliverables.is_empty() {
                            view! { <p class="muted">{move || i18n.t(Key::NoDeliverables)}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="checklist">
                                    {a.deliverables.iter().map(|d| {
                                        let (did, current, who) = (d.id, d.status, d.responsible);
                                        let evidence = d.evidence.clone();
                                        let sel = format!("deliv-{did}");
                                        view! {
                                            <li>
                                                <span class="check-text">
                                                    <strong>{d.description.clone()}</strong>
                                                    <span class="muted small">{move || format!(" · {}", i18n.responsible(who))}</span>
                                                    {(!d.metric.is_empty() || !d.target.is_empty()).then(|| format!(" · {} {}", d.target, d.metric))}
                                                    {(!d.cadence.is_empty()).then(|| format!(" · {}", d.cadence))}
                                                    {d.due_on.map(|x| format!(" · {x}"))}
                                                    {(!d.evidence.is_empty()).then(|| view! { <span class="prewrap small">{d.evidence.clone()}</span> })}
                                                </span>
                                                <span class="field inline-field">
                                                    <label for=sel.clone()>{move || i18n.t(Key::Progress)}</label>
                                                    <select id=sel.clone() disabled=move || !manage() || busy.get() on:change=move |ev| {
                                                        let status = DeliverableStatus::parse(&event_target_value(&ev)).unwrap_or(DeliverableStatus::Planned);
                                                        let req = DeliverableProgress { status, evidence: evidence.clone() };
                                                        act(Box::new(move |c, v| { let req = req.clone(); Box::pin(async move { c.update_deliverable(id, did, v, &req).await }) }), None);
                                                    }>
                                                        {DeliverableStatus::ALL.iter().map(|s| {
                                                            let s = *s;
                                                            view! { <option value=s.as_str() selected=s == current>{move || i18n.deliverable_status(s)}</option> }
                                                        }).collect_view()}
                                                    </select>
                                                </span>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}

                        <Show when=move || docs_allowed>
                            <h2>{move || i18n.t(Key::Documents)}</h2>
                        </Show>
                        {docs_allowed.then(|| view! {
                            <ul class="plain">
                                {a.documents.iter().rev().map(|d| {
                                    let (v, name) = (d.version, d.filename.clone());
                                    let label = format!("{} {} · {} · {} KB · {}", i18n.t(Key::Version), d.version, d.filename, (d.size_bytes + 1023) / 1024, d.uploaded_at.format("%Y-%m-%d %H:%M UTC"));
                                    view! {
                                        <li>
                                            <span>{label}</span> " "
                                            <button type="button" class="link" on:click=move |_| download(v, name.clone())>{move || i18n.t(Key::Download)}</button>
                                            <span class="muted small mono" title="SHA-256">{format!(" {}…", &d.sha256[..12.min(d.sha256.len())])}</span>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                            {a.documents.is_empty().then(|| view! { <p class="muted">{move || i18n.t(Key::NoDocuments)}</p> })}
                            {if st.is_editable() {
                                view! {
                                    <form class="form inline" on:submit=upload>
                                        <div class="field">
                                            <label for="agr-file">{move || i18n.t(Key::UploadDocument)}</label>
                                            <input id="agr-file" type="file" accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" node_ref=file_ref/>
                                        </div>
                                        <button type="submit" disabled=move || busy.get()>{move || i18n.t(Key::Upload)}</button>
                                    </form>
                                }.into_any()
                            } else {
                                view! { <p class="muted">{move || i18n.t(Key::DocumentLocked)}</p> }.into_any()
                            }}
                        })}

                        {report_section}

                        <h2>{move || i18n.t(Key::History)}</h2>
                        {history_list(i18n, a.history.clone())}
                    }.into_any()
                }
            }}
        </section>
    }
}

fn final_report_section(
    i18n: I18n,
    agreement: Agreement,
    open: bool,
    review: bool,
    errors: FieldErrors,
    act: impl Fn(Change, Option<Key>) + Copy + 'static,
) -> impl IntoView {
    let id = agreement.id;
    let report = agreement.final_report.clone();
    let summary = RwSignal::new(
        report
            .as_ref()
            .map(|r| r.summary.clone())
            .unwrap_or_default(),
    );
    let results: Vec<(
        domain::DeliverableId,
        String,
        RwSignal<String>,
        RwSignal<bool>,
    )> = agreement
        .deliverables
        .iter()
        .map(|d| {
            let prev = report
                .as_ref()
                .and_then(|r| r.results.iter().find(|x| x.deliverable_id == d.id));
            (
                d.id,
                d.description.clone(),
                RwSignal::new(prev.map(|p| p.achieved.clone()).unwrap_or_default()),
                RwSignal::new(prev.is_some_and(|p| p.met)),
            )
        })
        .collect();
    let review_note = RwSignal::new(String::new());
    let stored = StoredValue::new(results.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let req = FinalReportInput {
            summary: summary.get_untracked(),
            results: stored
                .get_value()
                .iter()
                .map(|(did, _, achieved, met)| DeliverableResult {
                    deliverable_id: *did,
                    achieved: achieved.get_untracked(),
                    met: met.get_untracked(),
                })
                .collect(),
        };
        act(
            Box::new(move |c, v| {
                let req = req.clone();
                Box::pin(async move { c.submit_final_report(id, v, &req).await })
            }),
            Some(Key::ReportSent),
        );
    };
    let decide = move |accepted: bool| {
        let req = FinalReportReviewInput {
            accepted,
            note: review_note.get_untracked(),
        };
        act(
            Box::new(move |c, v| {
                let req = req.clone();
                Box::pin(async move { c.review_final_report(id, v, &req).await })
            }),
            None,
        );
    };
    let has_report = report.is_some();
    view! {
        <Show when=move || open || has_report>
            <h2>{move || i18n.t(Key::FinalReport)}</h2>
        </Show>
        {report.clone().map(|r| {
            let status = r.review_status;
            view! {
                <div class="panel">
                    <p><span class="badge">{move || i18n.report_status(status)}</span> " " {r.submitted_at.format("%Y-%m-%d").to_string()}</p>
                    <p class="prewrap">{r.summary.clone()}</p>
                    {(!r.review_note.is_empty()).then(|| view! { <p class="prewrap"><strong>{move || i18n.t(Key::ReviewNote)}": "</strong>{r.review_note.clone()}</p> })}
                </div>
            }
        })}
        {review.then(|| view! {
            <div class="panel">
                <div class="field">
                    <label for="review-note">{move || i18n.t(Key::ReviewNote)}</label>
                    <textarea id="review-note" rows="2" prop:value=move || review_note.get() on:input=move |ev| review_note.set(event_target_value(&ev))></textarea>
                </div>
                <div class="actions">
                    <button type="button" class="primary" on:click=move |_| decide(true)>{move || i18n.t(Key::AcceptReport)}</button>
                    <button type="button" on:click=move |_| decide(false)>{move || i18n.t(Key::RequestChanges)}</button>
                </div>
            </div>
        })}
        {open.then(|| view! {
            <form class="form" novalidate on:submit=submit>
                <div class="field">
                    <label for="f-summary">{move || i18n.t(Key::ReportSummary)}</label>
                    <textarea id="f-summary" rows="4" prop:value=move || summary.get() on:input=move |ev| summary.set(event_target_value(&ev))></textarea>
                    <p class="field-error" aria-live="polite">{move || errors.with(|e| e.get("summary").cloned())}</p>
                </div>
                {results.into_iter().enumerate().map(|(i, (_, description, achieved, met))| {
                    let aid = format!("f-achieved-{i}");
                    let mid = format!("f-met-{i}");
                    view! {
                        <fieldset>
                            <legend>{description}</legend>
                            <div class="field">
                                <label for=aid.clone()>{move || i18n.t(Key::Achieved)}</label>
                                <input id=aid prop:value=move || achieved.get() on:input=move |ev| achieved.set(event_target_value(&ev))/>
                            </div>
                            <div class="field check">
                                <input id=mid.clone() type="checkbox" prop:checked=move || met.get() on:change=move |ev| met.set(event_target_checked(&ev))/>
                                <label for=mid>{move || i18n.t(Key::TargetMet)}</label>
                            </div>
                        </fieldset>
                    }
                }).collect_view()}
                <button type="submit" class="primary">{move || i18n.t(Key::SendReport)}</button>
            </form>
        })}
    }
}
