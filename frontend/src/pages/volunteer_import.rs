//! `/volunteers/import`: the office brings in its spreadsheets — first the volunteer roster,
//! then past hours. Each file is checked first (a dry run: what would be imported, what is
//! already there, every bad row by line); nothing is stored until the office confirms.

use domain::Permission;
use domain::import::{ImportOptions, ImportOutcome};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api::{error_text, field_message, use_auth};
use crate::components::field::CheckField;
use crate::i18n::{I18n, Key, Lang, use_i18n};

/// Which file a panel imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Roster,
    Hours,
}

/// Where a panel stands.
#[derive(Debug, Clone, PartialEq)]
enum Stage {
    Idle,
    Reading,
    Checking,
    Checked(ImportOutcome),
    Importing,
    Done(ImportOutcome),
    Failed(String, Vec<String>),
}

const ROSTER_TEMPLATE: &str = "name,email,phone,language,kind,schools,interests,availability,registered_on,cleared_on,expires_on,clearance_reference,parent_leader_role,organization\n";
const HOURS_TEMPLATE: &str = "email,school,date,activity,hours,minutes,note\n";

/// The page: two panels, roster first.
#[component]
pub fn VolunteerImport() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    view! {
        <section class="page">
            <p><A href="/volunteers">{move || i18n.t(Key::NavVolunteers)}</A></p>
            <h1>{move || i18n.t(Key::ImportVolTitle)}</h1>
            <Show
                when=move || auth.can(Permission::ManageVolunteers)
                fallback=move || view! { <div class="state error" role="alert">{move || i18n.t(Key::Forbidden)}</div> }
            >
                <p class="muted">{move || i18n.t(Key::ImportVolIntro)}</p>
                <ImportPanel kind=Kind::Roster/>
                <ImportPanel kind=Kind::Hours/>
            </Show>
        </section>
    }
}

/// A bad row's problem in the UI's language (`line 3: schools: …`).
fn problem_line(i18n: &I18n, field: &str, code: &str, message: &str) -> String {
    let field = if i18n.lang.get_untracked() == Lang::Es {
        field.replacen("line ", "línea ", 1)
    } else {
        field.to_string()
    };
    format!("{field}: {}", field_message(i18n, code, message))
}

/// One import: choose the file, check it, then import it.
#[component]
fn ImportPanel(kind: Kind) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let stage = RwSignal::new(Stage::Idle);
    let rows = RwSignal::new(0usize);
    let invite = RwSignal::new(true);
    let text = StoredValue::new(None::<String>);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let prefix = match kind {
        Kind::Roster => "roster",
        Kind::Hours => "hours",
    };
    let file_id = format!("{prefix}-file");

    let run = move |dry_run: bool| {
        let Some(csv) = text.get_value() else {
            return;
        };
        stage.set(if dry_run {
            Stage::Checking
        } else {
            Stage::Importing
        });
        let opts = ImportOptions {
            dry_run: Some(dry_run),
            invite: (kind == Kind::Roster).then(|| invite.get_untracked()),
        };
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let csv = csv.clone();
                    let opts = opts.clone();
                    async move {
                        match kind {
                            Kind::Roster => c.import_volunteers(csv, &opts).await,
                            Kind::Hours => c.import_hours(csv, &opts).await,
                        }
                    }
                })
                .await;
            let next = match res {
                Ok(o) if dry_run => Stage::Checked(o),
                Ok(o) => {
                    text.set_value(None);
                    Stage::Done(o)
                }
                Err(e) => {
                    let lines: Vec<String> = e
                        .problem()
                        .map(|p| {
                            p.errors
                                .iter()
                                .map(|f| problem_line(&i18n, &f.field, &f.code, &f.message))
                                .collect()
                        })
                        .unwrap_or_default();
                    Stage::Failed(error_text(&i18n, &e), lines)
                }
            };
            let _ = stage.try_set(next);
        });
    };

    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(file) = input_ref
            .get()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            stage.set(Stage::Failed(i18n.t(Key::ImportChooseFile).into(), vec![]));
            return;
        };
        stage.set(Stage::Reading);
        spawn_local(async move {
            let read = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            match read {
                Some(csv) => {
                    rows.set(csv.lines().skip(1).filter(|l| !l.trim().is_empty()).count());
                    text.set_value(Some(csv));
                    run(true);
                }
                None => stage.set(Stage::Failed(i18n.t(Key::ImportUnreadable).into(), vec![])),
            }
        });
    };

    let busy = move || {
        matches!(
            stage.get(),
            Stage::Reading | Stage::Checking | Stage::Importing
        )
    };
    let template = move |_| {
        let (name, body) = match kind {
            Kind::Roster => ("volunteer-roster-template.csv", ROSTER_TEMPLATE),
            Kind::Hours => ("volunteer-hours-template.csv", HOURS_TEMPLATE),
        };
        crate::pages::organizations::download(name, body);
    };

    view! {
        <section class="card import-panel" aria-labelledby=format!("{prefix}-title")>
            <h2 id=format!("{prefix}-title")>{move || i18n.t(match kind {
                Kind::Roster => Key::ImportRosterTitle,
                Kind::Hours => Key::ImportHoursTitle,
            })}</h2>
            <p class="muted">{move || i18n.t(match kind {
                Kind::Roster => Key::ImportRosterHelp,
                Kind::Hours => Key::ImportHoursHelp,
            })}</p>
            <p><button type="button" class="link" on:click=template>{move || i18n.t(Key::ImportTemplate)}</button></p>
            <form on:submit=check>
                <div class="field">
                    <label for=file_id.clone()>{move || i18n.t(match kind {
                        Kind::Roster => Key::ImportRosterFile,
                        Kind::Hours => Key::ImportHoursFile,
                    })}</label>
                    <input id=file_id type="file" accept=".csv,text/csv" node_ref=input_ref
                        on:change=move |_| { text.set_value(None); stage.set(Stage::Idle); }/>
                </div>
                <Show when=move || kind == Kind::Roster>
                    <CheckField name="invite" label=Signal::derive(move || i18n.t(Key::ImportInvite)) value=invite id_prefix="roster-"/>
                </Show>
                <button type="submit" disabled=busy>{move || i18n.t(Key::ImportCheck)}</button>
            </form>
            <div aria-live="polite">
                {move || match stage.get() {
                    Stage::Idle => ().into_any(),
                    Stage::Reading | Stage::Checking | Stage::Importing => {
                        let what = match stage.get() {
                            Stage::Reading => i18n.t(Key::ImportReadingNow),
                            Stage::Checking => i18n.t(Key::ImportCheckingNow),
                            _ => i18n.t(Key::ImportImportingNow),
                        };
                        view! {
                            <div class="state" role="status">
                                <progress aria-label=what></progress>
                                <p>{format!("{what} ({} {})", rows.get(), i18n.t(Key::ImportRows))}</p>
                            </div>
                        }.into_any()
                    }
                    Stage::Checked(o) => {
                        let n = o.imported;
                        let hours = o.minutes as f64 / 60.0;
                        view! {
                            <div class="state ok" role="status">
                                <p>{move || if n == 0 { i18n.t(Key::ImportNothingNew).to_string() } else { format!("{} {n}", i18n.t(Key::ImportReady)) }}</p>
                                {(kind == Kind::Hours && n > 0).then(|| view! {
                                    <p>{move || format!("{} {hours:.1}", i18n.t(Key::ImportHoursTotal))}</p>
                                })}
                                <Skipped skipped=o.skipped/>
                                {(n > 0).then(|| view! {
                                    <button type="button" class="primary" on:click=move |_| run(false)>
                                        {move || format!("{} ({n})", i18n.t(Key::ImportNow))}
                                    </button>
                                })}
                            </div>
                        }.into_any()
                    }
                    Stage::Done(o) => {
                        let (imported, invited) = (o.imported, o.invited);
                        view! {
                            <div class="state ok" role="status">
                                <p>{move || format!("{} {imported}", i18n.t(Key::ImportDoneCount))}</p>
                                {(kind == Kind::Roster).then(|| view! {
                                    <p>{move || format!("{} {invited}", i18n.t(Key::ImportInvited))}</p>
                                })}
                                <Skipped skipped=o.skipped/>
                            </div>
                        }.into_any()
                    }
                    Stage::Failed(msg, lines) => {
                        let has_lines = !lines.is_empty();
                        view! {
                            <div class="state error" role="alert">
                                <p>{move || if has_lines { i18n.t(Key::ImportFailed).to_string() } else { msg.clone() }}</p>
                                <ul class="import-problems">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                            </div>
                        }.into_any()
                    }
                }}
            </div>
        </section>
    }
}

/// The rows left out because PartnerHub already has them.
#[component]
fn Skipped(skipped: Vec<domain::import::SkippedRow>) -> impl IntoView {
    let i18n = use_i18n();
    let count = skipped.len();
    (count > 0).then(|| {
        view! {
            <details>
                <summary>{move || format!("{} {count}", i18n.t(Key::ImportSkipped))}</summary>
                <ul>
                    {skipped.iter().map(|s| {
                        let line = s.line;
                        let reason = s.reason.clone();
                        view! { <li>{move || format!("{} {line}: {}", i18n.t(Key::ImportLine), skipped_reason(&i18n, &reason))}</li> }
                    }).collect_view()}
                </ul>
            </details>
        }
    })
}

fn skipped_reason(i18n: &I18n, reason: &str) -> String {
    if i18n.lang.get() == Lang::En {
        return reason.to_string();
    }
    match reason {
        "Already registered (the same email)." => "Ya registrado (el mismo correo).".into(),
        "Already registered (the same name and phone)." => {
            "Ya registrado (el mismo nombre y teléfono).".into()
        }
        "Already recorded (the same volunteer, school, day, activity and duration)." => {
            "Ya registradas (mismo voluntario, escuela, día, actividad y duración).".into()
        }
        other => other.to_string(),
    }
}
