//! The school directory: search, filters, "load more" pages, and CSV import for the office.

use domain::Permission;
use domain::page::Page;
use domain::school::{ImportReport, School, SchoolLevel, SchoolQuery, SchoolStatus};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api::{error_text, use_auth};
use crate::components::status::{Empty, ErrorBox, Loading};
use crate::i18n::{Key, use_i18n};

#[derive(Debug, Clone, PartialEq)]
enum Load {
    Loading,
    Ready,
    Failed(String),
}

/// The list of schools.
#[component]
pub fn SchoolList() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let search = RwSignal::new(String::new());
    let applied = RwSignal::new(String::new());
    let level = RwSignal::new(String::new());
    let title_i = RwSignal::new(String::new());
    let archived = RwSignal::new(false);
    let items = RwSignal::new(Vec::<School>::new());
    let next = RwSignal::new(None::<String>);
    let state = RwSignal::new(Load::Loading);
    let more_busy = RwSignal::new(false);
    let generation = StoredValue::new(0u32);

    let load = move |reset: bool| {
        let query = SchoolQuery {
            q: Some(applied.get_untracked()).filter(|s| !s.is_empty()),
            level: SchoolLevel::parse(&level.get_untracked()),
            region: None,
            title_i: match title_i.get_untracked().as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
            status: Some(if archived.get_untracked() {
                SchoolStatus::Archived
            } else {
                SchoolStatus::Active
            }),
            sort: None,
            limit: Some(25),
            cursor: if reset { None } else { next.get_untracked() },
        };
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        if reset {
            state.set(Load::Loading);
        } else {
            more_busy.set(true);
        }
        spawn_local(async move {
            let res: Result<Page<School>, _> = auth
                .call(|c| {
                    let q = query.clone();
                    async move { c.list_schools(&q).await }
                })
                .await;
            if generation.try_get_value() != Some(mine) {
                return; // a newer search superseded this one
            }
            match res {
                Ok(page) => {
                    if reset {
                        items.set(page.items);
                    } else {
                        items.update(|v| v.extend(page.items));
                    }
                    next.set(page.next_cursor);
                    state.set(Load::Ready);
                }
                Err(e) => state.set(Load::Failed(error_text(&i18n, &e))),
            }
            more_busy.set(false);
        });
    };

    // Any filter change starts again from the first page.
    Effect::new(move |_| {
        applied.track();
        level.track();
        title_i.track();
        archived.track();
        load(true);
    });

    let on_search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        applied.set(search.get_untracked().trim().to_string());
    };

    let level_options = move || {
        let mut v = vec![(String::new(), i18n.t(Key::Any).to_string())];
        v.extend(
            SchoolLevel::ALL
                .iter()
                .map(|l| (l.as_str().to_string(), i18n.level(*l).to_string())),
        );
        v
    };

    view! {
        <section class="page">
            <div class="page-head">
                <h1>{move || i18n.t(Key::SchoolsTitle)}</h1>
                <Show when=move || auth.can(Permission::ManageSchools)>
                    <A href="/schools/new" attr:class="button primary">{move || i18n.t(Key::AddSchool)}</A>
                </Show>
            </div>
            <form class="filters" role="search" on:submit=on_search>
                <div class="field grow">
                    <label for="school-search">{move || i18n.t(Key::SearchSchools)}</label>
                    <div class="inline">
                        <input id="school-search" type="search" prop:value=move || search.get()
                            on:input=move |ev| search.set(event_target_value(&ev))/>
                        <button type="submit">{move || i18n.t(Key::Search)}</button>
                    </div>
                </div>
                <div class="field">
                    <label for="filter-level">{move || i18n.t(Key::Level)}</label>
                    <select id="filter-level" on:change=move |ev| level.set(event_target_value(&ev))>
                        {move || level_options().into_iter().map(|(v, l)| {
                            let sel = level.get_untracked() == v;
                            view! { <option value=v selected=sel>{l}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-title-i">{move || i18n.t(Key::TitleI)}</label>
                    <select id="filter-title-i" on:change=move |ev| title_i.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t(Key::Any)}</option>
                        <option value="yes">{move || i18n.t(Key::Yes)}</option>
                        <option value="no">{move || i18n.t(Key::No)}</option>
                    </select>
                </div>
                <div class="field check">
                    <input id="filter-archived" type="checkbox" prop:checked=move || archived.get()
                        on:change=move |ev| archived.set(event_target_checked(&ev))/>
                    <label for="filter-archived">{move || i18n.t(Key::ShowArchived)}</label>
                </div>
            </form>

            {move || match state.get() {
                Load::Loading => view! { <Loading/> }.into_any(),
                Load::Failed(msg) => view! {
                    <ErrorBox text=Signal::derive(move || msg.clone()) retry=Callback::new(move |_| load(true))/>
                }.into_any(),
                Load::Ready if items.with(|i| i.is_empty()) => view! {
                    <Empty text=Signal::derive(move || i18n.t(Key::NoSchools).to_string())/>
                }.into_any(),
                Load::Ready => view! {
                    <p class="muted" aria-live="polite">{move || format!("{} {}", i18n.t(Key::ShowingCount), items.with(|i| i.len()))}</p>
                    <ul class="cards" aria-busy=move || more_busy.get().to_string()>
                        <For each=move || items.get() key=|s| s.id let:school>
                            <li class="card">
                                <A href=format!("/schools/{}", school.id)>
                                    <span class="card-title">{school.name.clone()}</span>
                                </A>
                                <span class="meta">
                                    <span class="code">{school.code.clone()}</span>
                                    " · " {move || i18n.level(school.level)}
                                    " · " {school.region.clone()}
                                    {school.title_i.then(|| view! { <span class="badge">{move || i18n.t(Key::TitleI)}</span> })}
                                </span>
                            </li>
                        </For>
                    </ul>
                    <Show when=move || next.get().is_some()>
                        <button type="button" class="more" disabled=move || more_busy.get() on:click=move |_| load(false)>
                            {move || if more_busy.get() { i18n.t(Key::Loading) } else { i18n.t(Key::LoadMore) }}
                        </button>
                    </Show>
                }.into_any(),
            }}

            <Show when=move || auth.can(Permission::ManageSchools)>
                <ImportSchools on_done=Callback::new(move |_| load(true))/>
            </Show>
        </section>
    }
}

/// CSV import: all or nothing; every bad row is listed.
#[component]
fn ImportSchools(on_done: Callback<()>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let busy = RwSignal::new(false);
    let result = RwSignal::new(None::<Result<ImportReport, (String, Vec<String>)>>);
    let input_ref = NodeRef::<leptos::html::Input>::new();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(file) = input_ref
            .get()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        busy.set(true);
        result.set(None);
        spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            let Some(text) = text else {
                busy.set(false);
                return;
            };
            let res = auth
                .call(|c| {
                    let t = text.clone();
                    async move { c.import_schools(t).await }
                })
                .await;
            match res {
                Ok(r) => {
                    result.set(Some(Ok(r)));
                    on_done.run(());
                }
                Err(e) => {
                    let rows = e
                        .problem()
                        .map(|p| {
                            p.errors
                                .iter()
                                .map(|f| format!("{}: {}", f.field, f.message))
                                .collect()
                        })
                        .unwrap_or_default();
                    result.set(Some(Err((error_text(&i18n, &e), rows))));
                }
            }
            busy.set(false);
        });
    };

    view! {
        <details class="import">
            <summary>{move || i18n.t(Key::ImportCsv)}</summary>
            <form on:submit=submit>
                <div class="field">
                    <label for="import-file">{move || i18n.t(Key::ImportFile)}</label>
                    <input id="import-file" type="file" accept=".csv,text/csv" node_ref=input_ref/>
                </div>
                <button type="submit" disabled=move || busy.get()>
                    {move || if busy.get() { i18n.t(Key::Loading) } else { i18n.t(Key::Import) }}
                </button>
            </form>
            {move || result.get().map(|r| match r {
                Ok(rep) => view! {
                    <p class="state ok" role="status">
                        {move || format!("{} {} · {} {}", i18n.t(Key::Imported), rep.created, i18n.t(Key::ImportedUpdated), rep.updated)}
                    </p>
                }.into_any(),
                Err((msg, rows)) => {
                    let has_rows = !rows.is_empty();
                    view! {
                    <div class="state error" role="alert">
                        <p>{move || if has_rows { i18n.t(Key::ImportFailed).to_string() } else { msg.clone() }}</p>
                        <ul>{rows.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                    </div>
                }.into_any()
                }
            })}
        </details>
    }
}
