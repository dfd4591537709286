//! The partner directory: search, filters, load more, CSV export. A partner sees only theirs.

use domain::intake::{OrganizationStatus, OrganizationType, SupportArea};
use domain::organization::{Organization, OrganizationQuery};
use domain::{Permission, Role};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use crate::api::{error_text, use_auth};
use crate::components::status::{Empty, ErrorBox, Loading};
use crate::i18n::{Key, use_i18n};

#[derive(Debug, Clone, PartialEq)]
enum Load {
    Loading,
    Ready,
    Failed(String),
}

/// Offers text as a file download.
pub fn download(name: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("text/csv;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
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

/// The directory page.
#[component]
pub fn OrganizationList() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let search = RwSignal::new(String::new());
    let applied = RwSignal::new(String::new());
    let org_type = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let area = RwSignal::new(String::new());
    let school = RwSignal::new(String::new());
    let school_choices = RwSignal::new(Vec::<(String, String)>::new());
    let items = RwSignal::new(Vec::<Organization>::new());
    let next = RwSignal::new(None::<String>);
    let state = RwSignal::new(Load::Loading);
    let busy = RwSignal::new(false);
    let export_error = RwSignal::new(None::<String>);
    let generation = StoredValue::new(0u32);

    let query = move |cursor: Option<String>| OrganizationQuery {
        q: Some(applied.get_untracked()).filter(|s| !s.is_empty()),
        org_type: OrganizationType::parse(&org_type.get_untracked()),
        status: OrganizationStatus::parse(&status.get_untracked()),
        support_area: SupportArea::parse(&area.get_untracked()),
        school_id: school.get_untracked().parse().ok(),
        limit: Some(25),
        cursor,
    };
    let load = move |reset: bool| {
        let q = query(if reset { None } else { next.get_untracked() });
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        if reset {
            state.set(Load::Loading);
        } else {
            busy.set(true);
        }
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let q = q.clone();
                    async move { c.list_organizations(&q).await }
                })
                .await;
            if generation.try_get_value() != Some(mine) {
                return;
            }
            match res {
                Ok(page) => {
                    if reset {
                        items.set(page.items)
                    } else {
                        items.update(|v| v.extend(page.items))
                    }
                    next.set(page.next_cursor);
                    state.set(Load::Ready);
                }
                Err(e) => state.set(Load::Failed(error_text(&i18n, &e))),
            }
            busy.set(false);
        });
    };
    Effect::new(move |_| {
        applied.track();
        org_type.track();
        status.track();
        area.track();
        school.track();
        load(true);
    });
    spawn_local(async move {
        if let Ok(list) = auth.anonymous().public_schools().await {
            school_choices.set(
                list.into_iter()
                    .map(|s| (s.id.to_string(), format!("{} ({})", s.name, s.code)))
                    .collect(),
            );
        }
    });
    let export = move |_| {
        let q = query(None);
        export_error.set(None);
        spawn_local(async move {
            match auth
                .call(|c| {
                    let q = q.clone();
                    async move { c.export_organizations(&q).await }
                })
                .await
            {
                Ok(csv) => download("organizations.csv", &csv),
                Err(e) => export_error.set(Some(error_text(&i18n, &e))),
            }
        });
    };
    let is_partner = move || auth.role() == Some(Role::Partner);
    let options = move |all: Vec<(String, String)>| {
        let mut v = vec![(String::new(), i18n.t(Key::Any).to_string())];
        v.extend(all);
        v
    };
    let type_options = move || {
        options(
            OrganizationType::ALL
                .iter()
                .map(|t| (t.as_str().to_string(), i18n.org_type(*t).to_string()))
                .collect(),
        )
    };
    let status_options = move || {
        options(
            OrganizationStatus::ALL
                .iter()
                .map(|t| (t.as_str().to_string(), i18n.org_status(*t).to_string()))
                .collect(),
        )
    };
    let area_options = move || {
        options(
            SupportArea::ALL
                .iter()
                .map(|t| (t.as_str().to_string(), i18n.support_area(*t).to_string()))
                .collect(),
        )
    };
    let select = move |id: &'static str,
                       label: Key,
                       value: RwSignal<String>,
                       opts: Signal<Vec<(String, String)>>| {
        view! {
            <div class="field">
                <label for=id>{move || i18n.t(label)}</label>
                <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                    {move || opts.get().into_iter().map(|(v, l)| {
                        let sel = value.get_untracked() == v;
                        view! { <option value=v selected=sel>{l}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };

    view! {
        <section class="page">
            <div class="page-head">
                <h1>{move || if is_partner() { i18n.t(Key::MyOrganization) } else { i18n.t(Key::OrganizationsTitle) }}</h1>
                <Show when=move || auth.can(Permission::ManageOrganizations)>
                    <div class="actions">
                        <A href="/organizations/new" attr:class="button primary">{move || i18n.t(Key::AddOrganization)}</A>
                        <button type="button" on:click=export>{move || i18n.t(Key::ExportCsv)}</button>
                    </div>
                </Show>
            </div>
            <Show when=move || export_error.get().is_some()>
                <div class="state error" role="alert">{move || export_error.get()}</div>
            </Show>
            <Show when=move || !is_partner()>
                <form class="filters five" role="search" on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    applied.set(search.get_untracked().trim().to_string());
                }>
                    <div class="field grow">
                        <label for="org-search">{move || i18n.t(Key::SearchOrganizations)}</label>
                        <div class="inline">
                            <input id="org-search" type="search" prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev))/>
                            <button type="submit">{move || i18n.t(Key::Search)}</button>
                        </div>
                    </div>
                    {select("filter-org-type", Key::OrgType, org_type, Signal::derive(type_options))}
                    {select("filter-org-status", Key::Status, status, Signal::derive(status_options))}
                    {select("filter-support-area", Key::SupportAreaFilter, area, Signal::derive(area_options))}
                    {select("filter-school", Key::SchoolServed, school, Signal::derive(move || options(school_choices.get())))}
                </form>
            </Show>
            {move || match state.get() {
                Load::Loading => view! { <Loading/> }.into_any(),
                Load::Failed(msg) => view! { <ErrorBox text=Signal::derive(move || msg.clone()) retry=Callback::new(move |_| load(true))/> }.into_any(),
                Load::Ready if items.with(|i| i.is_empty()) => view! { <Empty text=Signal::derive(move || i18n.t(Key::NoOrganizations).to_string())/> }.into_any(),
                Load::Ready => view! {
                    <ul class="cards" aria-busy=move || busy.get().to_string()>
                        <For each=move || items.get() key=|o| (o.id, o.version) let:org>
                            <li class="card">
                                <A href=format!("/organizations/{}", org.id)><span class="card-title">{org.legal_name.clone()}</span></A>
                                <span class="meta">
                                    {move || i18n.org_type(org.org_type)} " · " {move || i18n.org_status(org.status)}
                                    {(!org.city.is_empty()).then(|| format!(" · {}", org.city))}
                                </span>
                                <span class="meta">{
                                    let areas = org.support_areas.clone();
                                    move || areas.iter().map(|a| i18n.support_area(*a)).collect::<Vec<_>>().join(", ")
                                }</span>
                            </li>
                        </For>
                    </ul>
                    <Show when=move || next.get().is_some()>
                        <button type="button" class="more" disabled=move || busy.get() on:click=move |_| load(false)>
                            {move || if busy.get() { i18n.t(Key::Loading) } else { i18n.t(Key::LoadMore) }}
                        </button>
                    </Show>
                }.into_any(),
            }}
        </section>
    }
}
